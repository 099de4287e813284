package io.retentioncenter.host.webhook;

import io.retentioncenter.core.RetentionEngine;
import io.retentioncenter.core.inbound.KeitaroResult;
import io.retentioncenter.core.inbound.keitaro.KeitaroPostbackParser;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Keitaro conversion postbacks: GET with the query string, POST as a form or as JSON. The library
 * checks the shared secret (parameter {@code secret} or header {@code X-Webhook-Secret}), matches the
 * sub id to an attempt or lead, and ignores replays.
 */
@RestController
@RequestMapping("/webhooks/keitaro")
public class KeitaroWebhookController {
    private final RetentionEngine engine;

    KeitaroWebhookController(RetentionEngine engine) {
        this.engine = engine;
    }

    @GetMapping
    KeitaroResult get(HttpServletRequest request,
            @RequestHeader(name = KeitaroPostbackParser.SECRET_HEADER, required = false) String secret) {
        String query = request.getQueryString();
        return engine.inbound().keitaroQuery(query == null ? "" : query, Optional.ofNullable(secret));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    KeitaroResult postJson(@RequestBody byte[] body,
            @RequestHeader(name = KeitaroPostbackParser.SECRET_HEADER, required = false) String secret) {
        return engine.inbound().keitaroJson(body, Optional.ofNullable(secret));
    }

    @PostMapping(consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    KeitaroResult postForm(@RequestBody byte[] body,
            @RequestHeader(name = KeitaroPostbackParser.SECRET_HEADER, required = false) String secret) {
        return engine.inbound().keitaroQuery(new String(body, StandardCharsets.UTF_8), Optional.ofNullable(secret));
    }
}
