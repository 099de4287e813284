package io.retentioncenter.core;

import io.retentioncenter.core.ConfigurationException;
import java.time.Duration;
import java.util.Optional;

/**
 * Tunables of a {@link io.retentioncenter.core.RetentionEngine}, all with sensible defaults.
 *
 * @param instanceId identifies this engine instance in leases (unique per process)
 * @param defaultRegion region for phone numbers without a country code
 * @param batchSize enrollments claimed per batch
 * @param maxBatchesPerTick upper bound of claim batches in one tick
 * @param enrollmentLease how long a claimed enrollment stays reserved
 * @param dispatchLease how long a dispatching attempt stays reserved; longer than a provider call
 * @param dispatchConcurrency sends in flight at once
 * @param dispatchTimeout how long to wait for one provider answer before the outcome counts as unknown
 * @param retryBackoff first backoff after a failed send, doubled per try
 * @param defaultMaxRetries retries for attempts outside a sequence step
 * @param reengageOpenedWithSms delay of the extra SMS inserted when an email is opened but the lead
 *     has not converted; empty disables smart re-engagement
 * @param callbackDefaultDelay when a lead asks for a callback without a time, call back this much later
 * @param resumeSpread window over which overdue steps are spread when a paused campaign resumes
 * @param randomSeed seed for A/B variant assignment; empty for a random seed
 * @param housekeepingRetention how long processed-event keys, Keitaro replay keys and unmatched
 *     postbacks are kept
 * @param housekeepingInterval how often a tick purges them (and rate-limit windows long over)
 * @param tickConcurrency batches one tick processes at once, each on its own thread
 */
public record EngineSettings(
        String instanceId,
        String defaultRegion,
        int batchSize,
        int maxBatchesPerTick,
        Duration enrollmentLease,
        Duration dispatchLease,
        int dispatchConcurrency,
        Duration dispatchTimeout,
        Duration retryBackoff,
        int defaultMaxRetries,
        Optional<Duration> reengageOpenedWithSms,
        Duration callbackDefaultDelay,
        Duration resumeSpread,
        Optional<Long> randomSeed,
        Duration housekeepingRetention,
        Duration housekeepingInterval,
        int tickConcurrency) {

    /** Validates the settings. */
    public EngineSettings {
        if (instanceId == null || instanceId.isBlank()) {
            throw new ConfigurationException("instanceId must not be blank");
        }
        if (batchSize < 1 || batchSize > 10_000) {
            throw new ConfigurationException("batchSize must be between 1 and 10000, was " + batchSize);
        }
        if (maxBatchesPerTick < 1) {
            throw new ConfigurationException("maxBatchesPerTick must be at least 1");
        }
        if (tickConcurrency < 1 || tickConcurrency > 64) {
            throw new ConfigurationException("tickConcurrency must be between 1 and 64, was " + tickConcurrency);
        }
        if (dispatchConcurrency < 1) {
            throw new ConfigurationException("dispatchConcurrency must be at least 1");
        }
        if (defaultMaxRetries < 0) {
            throw new ConfigurationException("defaultMaxRetries must not be negative");
        }
        requirePositive(enrollmentLease, "enrollmentLease");
        requirePositive(dispatchLease, "dispatchLease");
        requirePositive(dispatchTimeout, "dispatchTimeout");
        requirePositive(retryBackoff, "retryBackoff");
        requirePositive(callbackDefaultDelay, "callbackDefaultDelay");
        requirePositive(resumeSpread, "resumeSpread");
        requirePositive(housekeepingRetention, "housekeepingRetention");
        requirePositive(housekeepingInterval, "housekeepingInterval");
        if (dispatchTimeout.compareTo(dispatchLease) >= 0) {
            throw new ConfigurationException("dispatchTimeout must be shorter than dispatchLease");
        }
        if (reengageOpenedWithSms == null || randomSeed == null) {
            throw new ConfigurationException("optional settings must be Optional.empty(), not null");
        }
        reengageOpenedWithSms.ifPresent(d -> requirePositive(d, "reengageOpenedWithSms"));
    }

    /** {@code d}, or a {@link ConfigurationException} naming {@code name} when it is not positive. */
    static Duration requirePositive(Duration d, String name) {
        if (d == null || d.isZero() || d.isNegative()) {
            throw new ConfigurationException(name + " must be a positive duration, was " + d);
        }
        return d;
    }
}
