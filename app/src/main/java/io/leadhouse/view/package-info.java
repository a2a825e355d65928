/** Saved views: a user's named filters and search text for the leads list, kept per user. */
package io.leadhouse.view;
