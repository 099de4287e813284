package io.retentioncenter.core.internal;

/**
 * What one dispatch pass did.
 *
 * @param sent attempts accepted by their provider
 * @param retried attempts that failed and wait for another try
 * @param failed attempts that failed for good
 * @param unknown attempts whose outcome was lost (crash or provider timeout) and that are not re-sent
 */
public record DispatchCounts(int sent, int retried, int failed, int unknown) {
    /** No dispatches. */
    public static final DispatchCounts NONE = new DispatchCounts(0, 0, 0, 0);

    /** The sum of two counts. */
    public DispatchCounts plus(DispatchCounts o) {
        return new DispatchCounts(sent + o.sent, retried + o.retried, failed + o.failed, unknown + o.unknown);
    }

    /** Total attempts handled. */
    public int total() {
        return sent + retried + failed + unknown;
    }
}
