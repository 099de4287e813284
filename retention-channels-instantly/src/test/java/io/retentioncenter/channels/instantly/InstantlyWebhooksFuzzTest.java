package io.retentioncenter.channels.instantly;

import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.fuzz.Fuzz;
import io.retentioncenter.core.fuzz.FuzzWorld;
import io.retentioncenter.core.fuzz.Mutator;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Instantly webhook deliveries fed to the engine on thousands of mutated inputs with the shared-secret
 * header (sometimes missing, repeated or wrong): only typed exceptions escape, a rejected delivery
 * stores nothing, a replayed one changes nothing.
 */
class InstantlyWebhooksFuzzTest {
    private static final String HEADER = "X-RC-Webhook-Secret";
    private static final String SECRET = "fuzz-instantly-secret-0123";
    private static final int DELIVERIES = 3_000;
    private static final int FRESH_WORLD_EVERY = 300;

    @Test
    void deliveries() {
        InstantlyWebhooks parser = InstantlyWebhooks.builder().authHeader(HEADER, SECRET).build();
        Fuzz fuzz = new Fuzz("Instantly webhook", 20261205L);
        fuzz.run(DELIVERIES, FRESH_WORLD_EVERY, () -> FuzzWorld.create(Channel.EMAIL, InstantlyEmailProvider.NAME),
                (world, m) -> {
                    byte[] body = m.mutate(sample(world, m));
                    if (m.chance(0.2)) {
                        Optional<String> value = secret(m).map(values -> values.get(0));
                        return new Fuzz.Request(body, () -> world.engine.inbound().providerEvents(
                                parser.parse(name -> name.equalsIgnoreCase(HEADER) ? value : Optional.empty(), body)));
                    }
                    Map<String, List<String>> headers = new LinkedHashMap<>();
                    headers.put("Content-Type", List.of("application/json"));
                    secret(m).ifPresent(values -> headers.put(m.chance(0.5) ? HEADER : HEADER.toLowerCase(java.util.Locale.ROOT), values));
                    if (m.chance(0.02)) {
                        headers.put(null, null);
                    }
                    return new Fuzz.Request(body, () -> world.engine.inbound().providerEvents(parser.parse(headers, body)));
                });
        fuzz.assertClean();
    }

    /** A delivery of a mapped label about the world's email attempt, as Instantly sends it. */
    private static byte[] sample(FuzzWorld world, Mutator m) {
        String label = m.pick(List.of("email_sent", "email_opened", "link_clicked", "reply_received", "email_bounced",
                "lead_unsubscribed", "auto_reply_received", "lead_interested"));
        String json = "{\"timestamp\":\"2026-01-05T10:0" + m.random().nextInt(10) + ":07.512Z\",\"event_type\":\"" + label
                + "\",\"workspace\":\"019a1c2d-3e4f-7a5b-8c6d-7e8f9a0b1c2d\",\"campaign_id\":\"019a5f3e-7c21\","
                + "\"campaign_name\":\"RC retention ES\",\"lead_email\":\"" + FuzzWorld.EMAIL + "\","
                + "\"email_account\":\"alex@outreach.example.net\",\"step\":1,\"variant\":2,\"is_first\":true,"
                + "\"email_id\":\"em-" + m.random().nextInt(100) + "\",\"" + InstantlyVariables.ATTEMPT_ID + "\":\""
                + world.attempt(Channel.EMAIL).id() + "\",\"reply_text_snippet\":\"Thanks, please stop emailing me\"}";
        return json.getBytes(StandardCharsets.UTF_8);
    }

    /** The header's values: the secret most of the time, else none, a wrong one, or the secret twice. */
    private static Optional<List<String>> secret(Mutator m) {
        if (m.chance(0.9)) {
            return Optional.of(List.of(SECRET));
        }
        return switch (m.random().nextInt(3)) {
            case 0 -> Optional.empty();
            case 1 -> Optional.of(List.of(m.hostileText()));
            default -> Optional.of(List.of(SECRET, SECRET));
        };
    }
}
