package io.retentioncenter.core.experiment;

/** What an A/B test randomises. */
public enum TestKind {
    /** The script sent on a campaign and channel. */
    SCRIPT,
    /** The delay of one sequence step. */
    DELAY,
    /** The local time window in which one sequence step may be sent. */
    SEND_WINDOW;

    /** Whether the test randomises a sequence step's timing (and so targets one step). */
    public boolean timing() {
        return this != SCRIPT;
    }
}
