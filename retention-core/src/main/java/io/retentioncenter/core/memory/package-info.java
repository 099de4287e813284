/**
 * The in-memory {@link io.retentioncenter.core.spi.RetentionStore}: thread-safe, indexed for the
 * tick's claims, for tests, simulations and single-process hosts.
 */
package io.retentioncenter.core.memory;
