package io.retentioncenter.core.contact;

/** An outbound channel, ordered by priority: EMAIL (0) before SMS (1) before CALL (2). */
public enum Channel {
    /** Email, e.g. through Instantly. */
    EMAIL(0),
    /** Text message, e.g. through SMS-Retail or 23Telecom. */
    SMS(1),
    /** Phone call, e.g. an AI voice call through VAPI. */
    CALL(2);

    private final int priority;

    Channel(int priority) {
        this.priority = priority;
    }

    /** Lower is tried first when several channels are due together. */
    public int priority() {
        return priority;
    }

    /** Whether this channel needs a phone number (SMS, CALL) rather than an email address. */
    public boolean needsPhone() {
        return this != EMAIL;
    }
}
