package io.retentioncenter.channels.instantly;

/**
 * Names of the lead custom variables this module sets on every Instantly lead. The Instantly
 * campaign's email template must reference {@code {{rc_subject}}} as its subject and
 * {@code {{rc_body}}} as its body, because the library renders the content and Instantly only sends
 * it. Instantly echoes lead custom variables as top-level keys of its webhooks, which is how
 * {@link #ATTEMPT_ID} correlates events back to attempts.
 */
public final class InstantlyVariables {
    /** The library's lead id. */
    public static final String LEAD_ID = "rc_lead_id";
    /** The library's contact attempt id, used to match webhooks. */
    public static final String ATTEMPT_ID = "rc_attempt_id";
    /** The rendered subject; omitted when the message has none. */
    public static final String SUBJECT = "rc_subject";
    /** The rendered body. */
    public static final String BODY = "rc_body";
    /** The A/B variant; omitted when the message has none. */
    public static final String AB_VARIANT = "ab_variant";

    private InstantlyVariables() {
    }
}
