package io.retentioncenter.core.spi;

/** Deleting configuration rows that keep no history. A role of {@link RetentionStore}. */
public interface ConfigurationRemovals {
    /**
     * Deletes a script and bumps {@code configVersion()}. Attempts keep the id and the text they were
     * sent with.
     *
     * @return false when it does not exist (nothing changed)
     */
    boolean deleteScript(String scriptId);
}
