package io.retentioncenter.core.inbound;

import io.retentioncenter.core.campaign.Campaign;
import io.retentioncenter.core.campaign.NewCampaign;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.experiment.Variant;
import io.retentioncenter.core.inbound.keitaro.KeitaroPostbackParser;
import io.retentioncenter.core.inbound.meta.MetaWebhooks;
import io.retentioncenter.core.internal.Signatures;
import io.retentioncenter.core.script.NewScript;
import io.retentioncenter.core.script.Script;
import io.retentioncenter.core.sequence.DelayUnit;
import io.retentioncenter.core.sequence.NewSequence;
import io.retentioncenter.core.sequence.RetentionSequence;
import io.retentioncenter.core.spi.RetentionStore;
import io.retentioncenter.core.support.TestEngine;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * An engine with Meta and Keitaro inbound configured, the example sequence and an A/B test on the
 * first email.
 */
public final class InboundFixture {
    static final String APP_SECRET = "test-app-secret";
    static final String KEITARO_SECRET = "keitaro-secret-123";

    public final TestEngine t;
    public final Campaign campaign;
    public final RetentionSequence sequence;
    public final String abTestId;

    InboundFixture(TestEngine t) {
        this.t = t.withDefaultScripts();
        campaign = t.engine.campaigns().create(NewCampaign.builder("FB ES retention").contactLimit(6).build());
        Script a = t.engine.scripts().create(NewScript.builder(Channel.EMAIL, "A", "Hi {{firstName}}, plan A")
                .subject("A").campaign(campaign.id()).build());
        Script b = t.engine.scripts().create(NewScript.builder(Channel.EMAIL, "B", "Hi {{firstName}}, plan B")
                .subject("B").campaign(campaign.id()).build());
        abTestId = t.engine.experiments().start(campaign.id(), Channel.EMAIL,
                List.of(new Variant("A", a.id(), 1), new Variant("B", b.id(), 1))).id();
        RetentionSequence s = t.engine.sequences().create(NewSequence.builder("New Meta Lead Nurture")
                .campaign(campaign.id())
                .step(Channel.EMAIL, 0, DelayUnit.MINUTES).step(Channel.SMS, 12, DelayUnit.HOURS)
                .step(Channel.EMAIL, 24, DelayUnit.HOURS).step(Channel.CALL, 2, DelayUnit.DAYS)
                .step(Channel.SMS, 5, DelayUnit.DAYS).step(Channel.EMAIL, 7, DelayUnit.DAYS).build());
        sequence = t.engine.sequences().activate(s.id());
    }

    /** On an in-memory store. */
    public static InboundFixture create() {
        return new InboundFixture(TestEngine.create(InboundFixture::inbound));
    }

    /** On {@code store} (e.g. a JDBI store). */
    public static InboundFixture on(RetentionStore store) {
        return new InboundFixture(TestEngine.on(store, InboundFixture::inbound));
    }

    private static io.retentioncenter.core.RetentionEngineBuilder inbound(io.retentioncenter.core.RetentionEngineBuilder b) {
        return b.metaWebhooks(MetaWebhooks.builder().verifyToken("verify-me").appSecret(APP_SECRET).build())
                .metaPayloadsCarryLeadFields()
                .keitaro(KeitaroPostbackParser.builder().sharedSecret(KEITARO_SECRET).ignoredStatuses("ping").build());
    }

    /** A Meta forwarder-style notification carrying one lead as {@code field_data}. */
    public static String metaBody(String leadgenId, String email, String phone, String firstName) {
        return "{\"object\":\"page\",\"entry\":[{\"id\":\"104857600123456\",\"time\":1763993400,\"changes\":[{"
                + "\"field\":\"leadgen\",\"value\":{\"leadgen_id\":\"" + leadgenId + "\",\"page_id\":\"104857600123456\","
                + "\"form_id\":\"987654321098765\",\"created_time\":1763993395,\"field_data\":["
                + "{\"name\":\"first_name\",\"values\":[\"" + firstName + "\"]},"
                + "{\"name\":\"email\",\"values\":[\"" + email + "\"]},"
                + "{\"name\":\"phone_number\",\"values\":[\"" + phone + "\"]}]}}]}]}";
    }

    /** The {@code X-Hub-Signature-256} header for {@code body}. */
    public static Optional<String> sign(String body) {
        return Optional.of("sha256=" + Signatures.hmacSha256Hex(APP_SECRET, body.getBytes(StandardCharsets.UTF_8)));
    }

    /** Posts a signed Meta delivery. */
    public MetaIngestReport postMeta(String body) {
        return t.engine.inbound().meta(body.getBytes(StandardCharsets.UTF_8), sign(body));
    }

    /** A Keitaro postback with the shared secret. */
    public KeitaroResult postback(String query) {
        return t.engine.inbound().keitaroQuery(query, Optional.of(KEITARO_SECRET));
    }
}
