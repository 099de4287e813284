package io.retentioncenter.core.sequence;

/** What a step's delay counts from. */
public enum DelayAnchor {
    /**
     * The previous step's actual execution ("7 days after step 5"); for the first step, the
     * enrollment. A late step pushes every later one back.
     */
    PREVIOUS_STEP,
    /**
     * The enrollment ("day 7"), as marketers read a sequence timeline: 12 h, 24 h, 2 d, 5 d, 7 d.
     * A step whose time has passed when the previous one ran is due at once.
     */
    ENROLLMENT
}
