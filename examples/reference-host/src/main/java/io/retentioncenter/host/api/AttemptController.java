package io.retentioncenter.host.api;

import io.retentioncenter.core.Page;
import io.retentioncenter.core.RetentionEngine;
import io.retentioncenter.core.contact.ContactAttempt;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Contact attempts, and the operator's answer to an UNKNOWN outcome (the provider may or may not
 * have taken the send): {@code engine.attempts()}.
 */
@RestController
@RequestMapping("/api/attempts")
public class AttemptController {
    private final RetentionEngine engine;

    AttemptController(RetentionEngine engine) {
        this.engine = engine;
    }

    @GetMapping("/unknown")
    Page<ContactAttempt> unknown(@RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "50") int limit) {
        return engine.attempts().unknown(Requests.page(offset, limit));
    }

    @GetMapping("/{id}")
    ContactAttempt get(@PathVariable String id) {
        return engine.attempts().get(id);
    }

    /** The provider confirms it took the send (optionally under its reference): no second contact. */
    @PostMapping("/{id}/mark-sent")
    ContactAttempt markSent(@PathVariable String id, @RequestBody(required = false) MarkSentRequest body) {
        return engine.attempts().markSent(id, Optional.ofNullable(body).map(MarkSentRequest::providerRef));
    }

    /** The provider confirms it never got the send: send again now. */
    @PostMapping("/{id}/resend")
    ContactAttempt resend(@PathVariable String id) {
        return engine.attempts().resend(id);
    }

    /** Body of {@code POST /api/attempts/{id}/mark-sent}. */
    public record MarkSentRequest(String providerRef) {
    }
}
