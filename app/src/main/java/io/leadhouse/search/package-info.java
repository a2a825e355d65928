/**
 * Search: the Lucene index of leads at {@code data/index}, the indexer thread that feeds it from
 * the search outbox, the rebuild from the database, and {@code GET /api/v1/search}. Every search
 * is scoped to one organization.
 */
package io.leadhouse.search;
