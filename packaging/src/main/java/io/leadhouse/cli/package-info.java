/**
 * The command line of the one JAR: {@code serve} (the default), {@code init} and
 * {@code config-reference}, their options, the version, and how errors become one line on stderr
 * and an exit code. This is the composition root that puts the server and the admin console together.
 */
package io.leadhouse.cli;
