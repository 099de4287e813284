package io.retentioncenter.learning.stats;

/**
 * One look of an {@link AlwaysValidTest}.
 *
 * @param sampleSize N, the trials of both arms
 * @param difference Δ̂, treatment rate minus control rate
 * @param standardError unpooled standard error of Δ̂
 * @param z Δ̂ / SE
 * @param r N · ρ²
 * @param pValue always-valid p-value at this look, in [0, 1]
 * @param lower lower end of the confidence sequence for Δ
 * @param upper upper end of the confidence sequence for Δ
 */
public record SequentialEstimate(
        long sampleSize,
        double difference,
        double standardError,
        double z,
        double r,
        double pValue,
        double lower,
        double upper) {
}
