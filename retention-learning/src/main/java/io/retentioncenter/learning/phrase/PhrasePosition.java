package io.retentioncenter.learning.phrase;

/** Where in a message a phrase is looked for. */
public enum PhrasePosition {
    /** Anywhere in the message. */
    ANYWHERE,
    /** In the opening: the first sentence, cut to its first few tokens (8 by default). */
    OPENING,
    /** In the closing: the last sentence, cut to its last few tokens (8 by default). */
    CLOSING
}
