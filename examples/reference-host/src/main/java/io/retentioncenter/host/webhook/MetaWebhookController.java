package io.retentioncenter.host.webhook;

import io.retentioncenter.core.RetentionEngine;
import io.retentioncenter.core.inbound.MetaIngestReport;
import io.retentioncenter.core.inbound.MetaIngestReport.Outcome;
import io.retentioncenter.core.inbound.meta.MetaWebhooks;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Meta lead ads: the GET verification handshake and the POST deliveries, whose
 * {@code X-Hub-Signature-256} the library checks over the raw body bytes. A delivery with a lead the
 * Graph API could not return for a passing reason is answered 503, so Meta delivers it again
 * (stored leads come back as duplicates, so a re-delivery is harmless).
 */
@RestController
@RequestMapping("/webhooks/meta")
public class MetaWebhookController {
    private final RetentionEngine engine;

    MetaWebhookController(RetentionEngine engine) {
        this.engine = engine;
    }

    @GetMapping(produces = MediaType.TEXT_PLAIN_VALUE)
    String handshake(@RequestParam Map<String, String> query) {
        return engine.inbound().metaHandshake(query);
    }

    @PostMapping
    ResponseEntity<Answer> deliver(@RequestBody byte[] body,
            @RequestHeader(name = MetaWebhooks.SIGNATURE_HEADER, required = false) String signature) {
        MetaIngestReport report = engine.inbound().meta(body, Optional.ofNullable(signature));
        Answer answer = new Answer(report.count(Outcome.CREATED), report.count(Outcome.DUPLICATE),
                report.count(Outcome.REJECTED), report.count(Outcome.FAILED), report.shouldRetry());
        return ResponseEntity.status(report.shouldRetry() ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.OK).body(answer);
    }

    /** What a delivery did, in counts of its lead changes. */
    public record Answer(long created, long duplicate, long rejected, long failed, boolean retry) {
    }
}
