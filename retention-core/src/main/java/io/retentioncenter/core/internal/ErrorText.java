package io.retentioncenter.core.internal;

/** Short, single-line descriptions of errors for records and logs that must not carry whole inputs. */
public final class ErrorText {
    /** The longest description kept. */
    public static final int MAX_LENGTH = 300;

    private ErrorText() {
    }

    /**
     * {@code SimpleClassName: message}, control characters replaced by spaces, cut to
     * {@link #MAX_LENGTH} characters.
     */
    public static String describe(Throwable error) {
        if (error == null) {
            return "unknown error";
        }
        String message = error.getMessage();
        String text = error.getClass().getSimpleName() + (message == null ? "" : ": " + message);
        String cut = text.length() > MAX_LENGTH ? text.substring(0, MAX_LENGTH) : text;
        return InputText.flatten(cut) + (text.length() > MAX_LENGTH ? "…" : "");
    }
}
