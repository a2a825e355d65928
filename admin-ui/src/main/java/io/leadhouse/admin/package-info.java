/**
 * The local admin console on its own port (loopback by default): first-run setup, sign-in for
 * Owners and Admins, the Meta app and connected Meta pages, as server-rendered pages under
 * {@code /admin} and as JSON under {@code /admin/api} for scripts. {@link io.leadhouse.admin.AdminConsole}
 * is the front class; everything else is package-private.
 */
package io.leadhouse.admin;
