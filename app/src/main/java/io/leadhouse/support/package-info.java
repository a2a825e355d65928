/** The exception family and tiny shared types every feature uses. */
package io.leadhouse.support;
