package io.retentioncenter.core.contact;

import io.retentioncenter.core.ConflictException;
import io.retentioncenter.core.NotFoundException;
import io.retentioncenter.core.Page;
import io.retentioncenter.core.PageRequest;
import io.retentioncenter.core.internal.Attempts;
import io.retentioncenter.core.internal.EngineContext;
import io.retentioncenter.core.internal.Require;
import java.util.List;
import java.util.Optional;

/**
 * Operator calls on attempts, above all resolving the ones whose outcome is unknown: a send that
 * may or may not have reached the provider (a timeout, a 5xx, a crash mid-dispatch) is never sent
 * again by itself; an operator checks with the provider and either marks it sent or sends it again
 * on purpose under a new idempotency key.
 */
public final class AttemptService {
    private final EngineContext ctx;

    /** Built by the engine. */
    public AttemptService(EngineContext ctx) {
        this.ctx = ctx;
    }

    /** The attempt with {@code id}. */
    public ContactAttempt get(String id) {
        return ctx.store().findAttempt(Require.text(id, "id")).orElseThrow(() -> new NotFoundException("attempt", id));
    }

    /** Attempts in {@code status}, oldest first. */
    public Page<ContactAttempt> list(AttemptStatus status, PageRequest page) {
        return ctx.store().listAttempts(Require.present(status, "status"), Require.present(page, "page"));
    }

    /** Attempts whose outcome is unknown and that wait for an operator, oldest first. */
    public Page<ContactAttempt> unknown(PageRequest page) {
        return list(AttemptStatus.UNKNOWN, page);
    }

    /**
     * Resolves an UNKNOWN attempt as sent: the provider confirms it took it (optionally under
     * {@code providerRef}, so that its webhooks match).
     *
     * @throws NotFoundException when there is no such attempt
     * @throws ConflictException when the attempt is not UNKNOWN (any more)
     */
    public ContactAttempt markSent(String attemptId, Optional<String> providerRef) {
        Require.present(providerRef, "providerRef");
        providerRef.ifPresent(ref -> Require.text(ref, "providerRef"));
        ContactAttempt a = requireUnknown(get(attemptId));
        AttemptChange change = new AttemptChange(a.id(), AttemptStatus.SENT, providerRef,
                Optional.of("marked sent by an operator after an unknown outcome"), Optional.empty(), List.of());
        return ctx.store().advanceAttempt(change, ctx.now()).orElseThrow(() -> notUnknown(a.id()));
    }

    /**
     * Sends an UNKNOWN attempt again on purpose: it goes back to the outbox with the next try number
     * and a new idempotency key, due now, and the next tick dispatches it. Use it only once the
     * provider confirms it never got the first send; otherwise the lead is contacted twice.
     *
     * @throws NotFoundException when there is no such attempt
     * @throws ConflictException when the attempt is not UNKNOWN (any more)
     */
    public ContactAttempt resend(String attemptId) {
        ContactAttempt a = requireUnknown(get(attemptId));
        ContactAttempt next = Attempts.deliberateResend(a, ctx.now());
        if (!ctx.store().reopenUnknownAttempt(next)) {
            throw notUnknown(a.id());
        }
        return next;
    }

    private static ContactAttempt requireUnknown(ContactAttempt a) {
        if (a.status() != AttemptStatus.UNKNOWN) {
            throw new ConflictException("attempt " + a.id() + " is " + a.status() + ", not UNKNOWN");
        }
        return a;
    }

    private static ConflictException notUnknown(String id) {
        return new ConflictException("attempt " + id + " is no longer UNKNOWN");
    }
}
