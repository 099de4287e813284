/**
 * Narrow projections of the stored facts for analytics: only the columns a report reads, so that a
 * database store can stream millions of them without mapping whole rows. Read them through
 * {@link io.retentioncenter.core.spi.FactSource}.
 */
package io.retentioncenter.core.fact;
