package io.retentioncenter.channels.sms;

/** The two SMS data codings a gateway picks automatically, with their per-segment capacities. */
public enum SmsCharset {
    /** GSM 03.38 7-bit default alphabet: 160 septets in one message, 153 per part of a long one. */
    GSM_7("GSM-7", 160, 153),
    /** UCS-2 (UTF-16 code units): 70 in one message, 67 per part of a long one. */
    UCS_2("UCS-2", 70, 67);

    private final String label;
    private final int singleLimit;
    private final int partLimit;

    SmsCharset(String label, int singleLimit, int partLimit) {
        this.label = label;
        this.singleLimit = singleLimit;
        this.partLimit = partLimit;
    }

    /** The name gateways report, e.g. {@code GSM-7}. */
    public String label() {
        return label;
    }

    /** Units that fit in a single-segment message. */
    public int singleLimit() {
        return singleLimit;
    }

    /** Units that fit in each part of a concatenated message (the rest carries the UDH). */
    public int partLimit() {
        return partLimit;
    }
}
