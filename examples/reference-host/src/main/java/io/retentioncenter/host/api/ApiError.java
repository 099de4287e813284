package io.retentioncenter.host.api;

/**
 * The JSON body of every error answer: a stable machine-readable code and a message for people.
 * Messages come from the library's typed exceptions (which name the problem, never a secret) or
 * are generic; stack traces and internals never reach the client.
 *
 * @param error the code, e.g. {@code validation}, {@code not_found}, {@code conflict}
 * @param message what went wrong
 */
public record ApiError(String error, String message) {
}
