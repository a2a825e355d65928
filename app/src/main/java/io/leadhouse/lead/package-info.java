/** Leads and customers: their fields, phone normalization, the timeline and idempotent upsert. */
package io.leadhouse.lead;
