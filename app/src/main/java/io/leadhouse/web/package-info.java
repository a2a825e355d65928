/**
 * The sales web UI at {@code /}: server-rendered page shells (sign-in, leads list, lead page), the
 * static assets that fill them from the JSON API, and the UI's text, ready for translation.
 */
package io.leadhouse.web;
