package io.retentioncenter.core.spi;

import io.retentioncenter.core.internal.Require;

/**
 * The answer of a provider's credential check ("test connection").
 *
 * @param status whether the provider took the credentials
 * @param detail what was checked or what went wrong, for an operator; never a credential
 */
public record ConnectionCheck(Status status, String detail) {
    /** The outcome of a check. */
    public enum Status {
        /** The provider answered an authenticated call. */
        OK,
        /** The provider refused the credentials or could not be reached. */
        FAILED,
        /** The provider offers no check. */
        UNSUPPORTED
    }

    /** Validates. */
    public ConnectionCheck {
        Require.present(status, "status");
        detail = Require.text(detail, "detail");
    }

    /** A passed check. */
    public static ConnectionCheck ok(String detail) {
        return new ConnectionCheck(Status.OK, detail);
    }

    /** A failed check. */
    public static ConnectionCheck failed(String detail) {
        return new ConnectionCheck(Status.FAILED, detail);
    }

    /** No check offered by {@code provider}. */
    public static ConnectionCheck unsupported(String provider) {
        return new ConnectionCheck(Status.UNSUPPORTED, provider + " offers no connection check");
    }

    /** Whether the check passed. */
    public boolean ok() {
        return status == Status.OK;
    }
}
