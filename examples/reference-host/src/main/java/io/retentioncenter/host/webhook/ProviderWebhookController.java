package io.retentioncenter.host.webhook;

import io.retentioncenter.channels.sms.retail.SmsRetailDeliveryWebhook;
import io.retentioncenter.channels.sms.twentythree.TwentyThreeTelecomDeliveryWebhook;
import io.retentioncenter.core.ConfigurationException;
import io.retentioncenter.core.RetentionEngine;
import io.retentioncenter.core.inbound.ProviderEvent;
import io.retentioncenter.core.inbound.ProviderEventResult;
import io.retentioncenter.host.config.ProviderWebhooks;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The channel providers' webhooks: each channel module's parser authenticates and parses the raw
 * body, and {@code engine.inbound().providerEvents(...)} applies the events (replays change nothing).
 * A webhook whose secret is not configured answers 404 {@code not_configured}.
 */
@RestController
@RequestMapping("/webhooks")
public class ProviderWebhookController {
    private final RetentionEngine engine;
    private final ProviderWebhooks parsers;

    ProviderWebhookController(RetentionEngine engine, ProviderWebhooks parsers) {
        this.engine = engine;
        this.parsers = parsers;
    }

    @PostMapping("/instantly")
    List<ProviderEventResult> instantly(@RequestBody byte[] body, HttpServletRequest request) {
        return apply(configured(parsers.instantly(), "retention.instantly.webhook-secret")
                .parse(name -> Optional.ofNullable(request.getHeader(name)), body));
    }

    @PostMapping("/23telecom/delivery")
    List<ProviderEventResult> twentyThreeDelivery(@RequestBody byte[] body,
            @RequestHeader(name = TwentyThreeTelecomDeliveryWebhook.TIMESTAMP_HEADER, required = false) String timestamp,
            @RequestHeader(name = TwentyThreeTelecomDeliveryWebhook.SIGNATURE_HEADER, required = false) String signature) {
        return apply(configured(parsers.twentyThree(), "retention.twentythree.webhook-secret")
                .parse(body, timestamp, signature));
    }

    @PostMapping("/sms-retail/delivery")
    List<ProviderEventResult> smsRetailDelivery(@RequestBody byte[] body,
            @RequestHeader(name = SmsRetailDeliveryWebhook.SIGNATURE_HEADER, required = false) String signature) {
        return apply(configured(parsers.smsRetail(), "retention.smsretail.webhook-secret").parse(body, signature));
    }

    @PostMapping("/sms/inbound")
    List<ProviderEventResult> inboundSms(@RequestBody byte[] body, HttpServletRequest request) {
        String header = request.getHeader(parsers.inboundSmsHeader());
        return apply(configured(parsers.inboundSms(), "retention.inbound-sms.secret").parse(body, header));
    }

    @PostMapping("/vapi")
    List<ProviderEventResult> vapi(@RequestBody byte[] body, HttpServletRequest request) {
        return apply(configured(parsers.vapi(), "retention.vapi.server-token").parse(body, headers(request)));
    }

    private List<ProviderEventResult> apply(List<ProviderEvent> events) {
        return engine.inbound().providerEvents(events);
    }

    private static <T> T configured(Optional<T> parser, String property) {
        return parser.orElseThrow(() -> new ConfigurationException("this webhook is off: set " + property));
    }

    private static Map<String, String> headers(HttpServletRequest request) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.putIfAbsent(name, request.getHeader(name));
        }
        return headers;
    }
}
