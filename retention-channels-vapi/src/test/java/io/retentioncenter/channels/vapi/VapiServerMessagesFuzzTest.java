package io.retentioncenter.channels.vapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.fuzz.Fuzz;
import io.retentioncenter.core.fuzz.FuzzWorld;
import io.retentioncenter.core.fuzz.Mutator;
import io.retentioncenter.core.internal.Signatures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * VAPI server messages fed to the engine on thousands of mutated, re-signed (HMAC) inputs: only typed
 * exceptions escape, a rejected message stores nothing, a replayed one changes nothing.
 */
class VapiServerMessagesFuzzTest {
    private static final String SECRET = "fuzz-vapi-hmac-secret";
    private static final int MESSAGES = 3_000;
    private static final int FRESH_WORLD_EVERY = 300;
    private static final List<String> SAID = List.of(
            "AI: Hi Ana, is now a good time?\nUser: Not really. Can you call me back tomorrow evening?",
            "AI: Hi Ana\nUser: Please stop calling me.",
            "AI: Hi Ana\nUser: I'm interested, what's the price?\nAI: 20 dollars.\nUser: Call me in 2 hours.",
            "AI: Hello?\nAI: Are you there?",
            "User: call me back at 6\nUser: on Monday morning");

    @Test
    void messages() throws IOException {
        List<JsonNode> fixtures = List.of(VapiCallProviderTest.fixture("vapi-end-of-call-report.json"),
                VapiCallProviderTest.fixture("vapi-status-update.json"));
        Fuzz fuzz = new Fuzz("VAPI server message", 20261206L);
        fuzz.run(MESSAGES, FRESH_WORLD_EVERY, () -> FuzzWorld.create(Channel.CALL, VapiCallProvider.NAME), (world, m) -> {
            VapiServerMessages parser = VapiServerMessages.builder().hmac(HmacVerification.builder(SECRET).build())
                    .clock(world.clock).build();
            byte[] body = m.mutate(sample(world, m, m.pick(fixtures)));
            String timestamp = String.valueOf(world.clock.millis());
            Map<String, String> headers = new HashMap<>();
            headers.put("x-timestamp", m.header(timestamp));
            headers.put("X-Signature", m.header(Signatures.hmacSha256Hex(SECRET, Mutator.prefixed(timestamp + ".", body))));
            return new Fuzz.Request(body, () -> world.engine.inbound().providerEvents(parser.parse(body, headers)));
        });
        fuzz.assertClean();
    }

    /** {@code fixture} about the world's call: its id and attempt id, now, and something the customer said. */
    private static byte[] sample(FuzzWorld world, Mutator m, JsonNode fixture) {
        ObjectNode root = fixture.deepCopy();
        ObjectNode message = (ObjectNode) root.get("message");
        message.put("timestamp", world.clock.millis());
        ObjectNode call = (ObjectNode) message.get("call");
        call.put("id", world.providerRef(Channel.CALL));
        call.putObject("assistantOverrides").putObject("metadata")
                .put(CreateCallRequest.METADATA_ATTEMPT_ID, world.attempt(Channel.CALL).id());
        if ("status-update".equals(message.get("type").textValue())) {
            message.put("status", m.pick(List.of("queued", "ringing", "in-progress", "forwarding", "ended", "not-found")));
        } else {
            ((ObjectNode) message.get("artifact")).put("transcript", m.pick(SAID));
            message.put("endedReason", m.pick(List.of("customer-ended-call", "silence-timed-out", "voicemail",
                    "pipeline-error-openai-llm-failed")));
        }
        if (m.chance(0.1)) {
            message.put("type", m.pick(List.of("conversation-update", "speech-update", "hang", "tool-calls")));
        }
        return root.toString().getBytes(StandardCharsets.UTF_8);
    }
}
