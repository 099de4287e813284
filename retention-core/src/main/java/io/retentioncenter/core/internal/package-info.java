/**
 * The engine's own wiring: the tick, the dispatcher, the planner, routing, composition, text rules
 * and store argument checks. <strong>Not API:</strong> these classes are public only so that the
 * engine's packages and the library's own modules (stores, channels) can reach them; they may change in any release without
 * notice. Embed the library through {@link io.retentioncenter.core.RetentionEngine}, its services,
 * the domain values, the SPIs in {@code io.retentioncenter.core.spi} and the exceptions.
 */
package io.retentioncenter.core.internal;
