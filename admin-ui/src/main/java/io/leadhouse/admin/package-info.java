/** The local admin console: setup, users, integration tokens and health, on its own port. */
package io.leadhouse.admin;
