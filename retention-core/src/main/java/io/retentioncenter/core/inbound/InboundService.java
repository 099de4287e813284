package io.retentioncenter.core.inbound;

import io.retentioncenter.core.ConfigurationException;
import io.retentioncenter.core.ConflictException;
import io.retentioncenter.core.NotFoundException;
import io.retentioncenter.core.contact.ChannelRouter;
import io.retentioncenter.core.conversion.UnmatchedPostback;
import io.retentioncenter.core.experiment.ExperimentService;
import io.retentioncenter.core.inbound.keitaro.KeitaroPostbackParser;
import io.retentioncenter.core.inbound.meta.GraphLeadClient;
import io.retentioncenter.core.inbound.meta.MetaWebhooks;
import io.retentioncenter.core.internal.EngineContext;
import io.retentioncenter.core.internal.Require;
import io.retentioncenter.core.lead.Lead;
import io.retentioncenter.core.lead.LeadService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The calls a host's webhook routes hand raw requests to. Every call validates and authenticates
 * its input first: a malformed or unauthenticated request raises a typed exception
 * ({@link io.retentioncenter.core.InvalidPayloadException} → answer 400,
 * {@link io.retentioncenter.core.AuthenticationException} → 401/403) and changes nothing; a
 * replayed request changes nothing the second time. Obtain it from {@code engine.inbound()}.
 */
public final class InboundService {
    private final EngineContext ctx;
    private final ProviderEventHandler events;
    private final Optional<MetaInbound> meta;
    private final Optional<KeitaroPostbackParser> keitaroParser;
    private final KeitaroInbound keitaro;

    /** Built by the engine. */
    public InboundService(EngineContext ctx, ChannelRouter router, LeadService leads, ExperimentService experiments,
            Optional<MetaWebhooks> metaWebhooks, Optional<GraphLeadClient> graph,
            Optional<KeitaroPostbackParser> keitaroParser) {
        this.ctx = ctx;
        this.events = new ProviderEventHandler(ctx, router);
        this.meta = metaWebhooks.map(w -> new MetaInbound(w, graph, leads));
        this.keitaroParser = keitaroParser;
        this.keitaro = new KeitaroInbound(ctx, experiments);
    }

    /**
     * Answers Meta's GET verification handshake ({@code hub.mode}, {@code hub.verify_token},
     * {@code hub.challenge}): returns the challenge to echo with status 200.
     */
    public String metaHandshake(Map<String, String> query) {
        return meta().handshake(Require.present(query, "query"));
    }

    /**
     * Ingests a Meta lead-ads delivery: verifies {@code X-Hub-Signature-256} over the raw bytes,
     * then stores, dedupes, routes and enrolls each lead. One bad change does not lose the others.
     *
     * @param rawBody the request body exactly as received
     * @param signatureHeader the {@code X-Hub-Signature-256} header, if sent
     */
    public MetaIngestReport meta(byte[] rawBody, Optional<String> signatureHeader) {
        return meta().ingest(rawBody, Require.present(signatureHeader, "signatureHeader"));
    }

    /** Applies a Keitaro postback given as decoded parameters (GET query or POST form). */
    public KeitaroResult keitaro(Map<String, String> params, Optional<String> secretHeader) {
        return keitaro.apply(keitaroParser().parseParams(Require.present(params, "params"),
                Require.present(secretHeader, "secretHeader"), ctx.now()));
    }

    /** Applies a Keitaro postback given as a raw query string or form body. */
    public KeitaroResult keitaroQuery(String rawQuery, Optional<String> secretHeader) {
        return keitaro.apply(keitaroParser().parseQuery(Require.present(rawQuery, "query"),
                Require.present(secretHeader, "secretHeader"), ctx.now()));
    }

    /** Applies a Keitaro postback sent as a JSON object body. */
    public KeitaroResult keitaroJson(byte[] body, Optional<String> secretHeader) {
        return keitaro.apply(keitaroParser().parseJson(body, Require.present(secretHeader, "secretHeader"),
                ctx.now()));
    }

    /**
     * Links a postback that matched no lead to {@code leadId}, as an operator does from the
     * conversions page: its parameters are parsed again (without the secret, checked when it arrived)
     * and applied as if its sub id had named the lead, crediting the lead's latest dispatched attempt
     * (or its latest enrollment's campaign). The lead reacts as to any conversion: a SALE converts it
     * and ends its enrollments at once. The conversion is created once: re-matching to the same lead
     * again is a REPLAY that changes nothing.
     *
     * @throws io.retentioncenter.core.NotFoundException when the postback or the lead does not exist
     * @throws io.retentioncenter.core.ConflictException when the postback is matched to another lead,
     *     or the lead has no campaign to credit
     * @throws ConfigurationException when Keitaro postbacks are not configured
     */
    public KeitaroResult rematchPostback(String replayKey, String leadId) {
        UnmatchedPostback kept = ctx.store().findUnmatchedPostback(Require.text(replayKey, "replayKey"))
                .orElseThrow(() -> new NotFoundException("unmatched postback", replayKey));
        Lead lead = ctx.store().findLead(Require.text(leadId, "leadId"))
                .orElseThrow(() -> new NotFoundException("lead", leadId));
        kept.matchedLeadId().filter(other -> !other.equals(lead.id())).ifPresent(other -> {
            throw new ConflictException("postback " + kept.replayKey() + " is matched to lead " + other);
        });
        return keitaro.rematch(kept, keitaroParser().parseKept(kept.params(), kept.receivedAt()), lead);
    }

    /**
     * Applies provider events parsed by a channel module (Instantly, SMS, VAPI webhooks), in order.
     *
     * @return one result per event
     */
    public List<ProviderEventResult> providerEvents(List<ProviderEvent> parsed) {
        Require.present(parsed, "events");
        for (int i = 0; i < parsed.size(); i++) {
            Require.present(parsed.get(i), "events[" + i + "]");
        }
        List<ProviderEventResult> results = new ArrayList<>(parsed.size());
        for (ProviderEvent event : parsed) {
            results.add(events.apply(event));
        }
        return results;
    }

    private MetaInbound meta() {
        return meta.orElseThrow(() -> new ConfigurationException(
                "Meta webhooks are not configured: call RetentionEngine.builder().metaWebhooks(...)"));
    }

    private KeitaroPostbackParser keitaroParser() {
        return keitaroParser.orElseThrow(() -> new ConfigurationException(
                "Keitaro postbacks are not configured: call RetentionEngine.builder().keitaro(...)"));
    }
}
