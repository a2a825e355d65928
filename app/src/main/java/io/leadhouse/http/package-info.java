/** The Helidon server: routing, authentication, security headers and problem+json errors. Nothing imports it. */
package io.leadhouse.http;
