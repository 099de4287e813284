package io.retentioncenter.core.inbound;

import io.retentioncenter.core.PageRequest;
import io.retentioncenter.core.fuzz.Fuzz;
import io.retentioncenter.core.fuzz.FuzzWorld;
import io.retentioncenter.core.inbound.meta.MetaWebhooks;
import io.retentioncenter.core.internal.Signatures;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Meta webhook entry points on thousands of hostile inputs: only typed exceptions escape, a rejected
 * delivery stores nothing, an accepted one stores exactly its CREATED leads and its replay nothing.
 */
class MetaWebhookFuzzTest {
    private static final String APP_SECRET = "fuzz-app-secret";
    private static final String VERIFY_TOKEN = "verify-me";
    private static final int DELIVERIES = 3_000;
    private static final int HANDSHAKES = 5_000;
    private static final int FRESH_WORLD_EVERY = 250;

    @Test
    void handshake() {
        Fuzz fuzz = new Fuzz("Meta handshake", 20261124L);
        FuzzWorld world = world();
        Map<String, String> valid = new LinkedHashMap<>();
        valid.put("hub.mode", "subscribe");
        valid.put("hub.verify_token", VERIFY_TOKEN);
        valid.put("hub.challenge", "1158201444");
        for (int i = 0; i < HANDSHAKES; i++) {
            Map<String, String> query = fuzz.mutator().mutateParams(valid);
            Fuzz.Outcome<String> outcome = fuzz.attemptOnStore(world.watch, query,
                    () -> world.engine.inbound().metaHandshake(query));
            fuzz.check(!outcome.accepted() || outcome.value().equals(query.get("hub.challenge")), query,
                    "answered a challenge other than hub.challenge: " + outcome.value());
        }
        fuzz.assertClean();
    }

    @Test
    void deliveries() throws IOException {
        Fuzz fuzz = new Fuzz("Meta webhook POST", 20261125L);
        List<byte[]> samples = List.of(
                bytes(InboundFixture.metaBody("9001", "ana.maria@example.com", "+1 415 555 0124", "Ana")),
                bytes("{\"object\":\"page\",\"entry\":[{\"id\":\"1\",\"time\":1763993400,\"changes\":["
                        + "{\"field\":\"leadgen\",\"value\":{\"leadgen_id\":\"11\",\"email\":\"flat@example.com\","
                        + "\"full_name\":\"Flat Lead\",\"city\":\"Austin\",\"created_time\":1763993395}},"
                        + "{\"field\":\"feed\",\"value\":{}},"
                        + "{\"field\":\"leadgen\",\"value\":{\"leadgen_id\":\"12\",\"phone_number\":\"+34600111222\"}}]}]}"),
                fixture("meta-leadgen-webhook.json"));
        FuzzWorld world = null;
        for (int i = 0; i < DELIVERIES; i++) {
            if (i % FRESH_WORLD_EVERY == 0) {
                world = world();
            }
            FuzzWorld w = world;
            byte[] body = fuzz.mutator().mutate(fuzz.mutator().pick(samples));
            Optional<String> signature = fuzz.mutator().chance(0.95)
                    ? Optional.of("sha256=" + Signatures.hmacSha256Hex(APP_SECRET, body == null ? new byte[0] : body))
                    : fuzz.mutator().chance(0.5) ? Optional.empty() : Optional.of(fuzz.mutator().hostileText());
            long leadsBefore = leads(w);
            Fuzz.Outcome<MetaIngestReport> outcome = fuzz.attemptOnStore(w.watch, body,
                    () -> w.engine.inbound().meta(body, signature));
            if (outcome.accepted()) {
                long created = outcome.value().count(MetaIngestReport.Outcome.CREATED);
                fuzz.check(leads(w) - leadsBefore == created, body, "stored " + (leads(w) - leadsBefore)
                        + " leads for " + created + " CREATED items: " + outcome.value());
            }
        }
        fuzz.assertClean();
    }

    private static FuzzWorld world() {
        return FuzzWorld.create(Map.of(), b -> b
                .metaWebhooks(MetaWebhooks.builder().verifyToken(VERIFY_TOKEN).appSecret(APP_SECRET).build())
                .metaPayloadsCarryLeadFields());
    }

    private static long leads(FuzzWorld world) {
        return world.watch.store().listLeads(PageRequest.first(1)).total();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] fixture(String name) throws IOException {
        try (InputStream in = MetaWebhookFuzzTest.class.getResourceAsStream("/fixtures/" + name)) {
            return in.readAllBytes();
        }
    }
}
