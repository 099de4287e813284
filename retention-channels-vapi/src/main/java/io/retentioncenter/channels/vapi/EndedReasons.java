package io.retentioncenter.channels.vapi;

import io.retentioncenter.core.inbound.ProviderEventType;
import java.util.Set;

/**
 * The outcome of a finished call, read from VAPI's {@code endedReason} (an open enum of 300+ values):
 * a conversation that ran to an end is SUCCEEDED, everything else (busy, no answer, voicemail, provider
 * and pipeline errors, unknown reasons) is FAILED.
 */
final class EndedReasons {
    /** Reasons that mean the customer was on the line and the conversation ended normally. */
    private static final Set<String> CONVERSATION_ENDED = Set.of(
            "customer-ended-call",
            "assistant-ended-call",
            "assistant-said-end-call-phrase",
            "assistant-ended-call-with-hangup-task",
            "assistant-forwarded-call",
            "exceeded-max-duration");
    /** Silence after the customer spoke is a finished conversation; silence on a call nobody answered is not. */
    private static final String SILENCE_TIMED_OUT = "silence-timed-out";

    private EndedReasons() {
    }

    /** SUCCEEDED or FAILED for {@code endedReason}; {@code customerSpoke} decides {@code silence-timed-out}. */
    static ProviderEventType outcome(String endedReason, boolean customerSpoke) {
        if (CONVERSATION_ENDED.contains(endedReason) || SILENCE_TIMED_OUT.equals(endedReason) && customerSpoke) {
            return ProviderEventType.SUCCEEDED;
        }
        return ProviderEventType.FAILED;
    }
}
