package io.leadhouse.account;

/**
 * A member of one organization.
 *
 * @param id user id
 * @param orgId the organization the user belongs to
 * @param email sign-in email, lower case
 * @param fullName name shown to colleagues
 * @param role what the user may do
 */
public record User(long id, long orgId, String email, String fullName, Role role) {}
