/** The embedded Derby database: the pool, transactions and the Liquibase migrations. */
package io.leadhouse.store;
