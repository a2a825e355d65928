/** Leadhouse, a self-hosted sales CRM: {@link io.leadhouse.Leadhouse} starts the whole server. */
package io.leadhouse;
