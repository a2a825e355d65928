/** Organizations, users, roles, passwords and sign-in sessions. */
package io.leadhouse.account;
