package io.retentioncenter.channels.sms;

import io.retentioncenter.channels.sms.delivery.SmppReceipt;
import io.retentioncenter.channels.sms.inbound.InboundSmsParser;
import io.retentioncenter.channels.sms.retail.SmsRetailDeliveryWebhook;
import io.retentioncenter.channels.sms.retail.SmsRetailProvider;
import io.retentioncenter.channels.sms.twentythree.TwentyThreeTelecomDeliveryWebhook;
import io.retentioncenter.channels.sms.twentythree.TwentyThreeTelecomSmsProvider;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.fuzz.Fuzz;
import io.retentioncenter.core.fuzz.FuzzWorld;
import io.retentioncenter.core.fuzz.Mutator;
import io.retentioncenter.core.internal.Signatures;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The SMS webhook parsers fed to the engine on thousands of mutated, re-signed inputs: only typed
 * exceptions escape, a rejected request stores nothing, a replayed one changes nothing.
 */
class SmsWebhooksFuzzTest {
    private static final String SECRET = "fuzz-sms-secret";
    private static final int INPUTS = 3_000;
    private static final int FRESH_WORLD_EVERY = 300;

    @Test
    void twentyThreeTelecomDeliveryReports() {
        Fuzz fuzz = new Fuzz("23 Telecom DLR", 20261201L);
        fuzz.run(INPUTS, FRESH_WORLD_EVERY, () -> FuzzWorld.create(Channel.SMS, TwentyThreeTelecomSmsProvider.NAME),
                (world, m) -> {
                    TwentyThreeTelecomDeliveryWebhook parser = TwentyThreeTelecomDeliveryWebhook.builder().secret(SECRET)
                            .clock(world.clock).build();
                    byte[] body = m.mutate(bytes("{\"message_id\":\"" + world.providerRef(Channel.SMS) + "\",\"recipient\":\""
                            + FuzzWorld.PHONE + "\",\"sender_id\":\"ExampleCo\",\"status\":\""
                            + m.pick(List.of("DELIVRD", "UNDELIV", "REJECTD", "EXPIRED", "UNKNOWN", "pending", "sent"))
                            + "\",\"status_code\":\"000\",\"num_parts\":1,\"cost\":0.0085,\"timestamp\":\"2026-01-05T10:03:04Z\"}"));
                    String timestamp = m.header(String.valueOf(world.clock.instant().getEpochSecond()));
                    String signature = m.header("sha256=" + Signatures.hmacSha256Hex(SECRET, Mutator.prefixed(timestamp + ".", body)));
                    return new Fuzz.Request(body, () -> world.engine.inbound().providerEvents(
                            parser.parse(body, timestamp, signature)));
                });
        fuzz.assertClean();
    }

    @Test
    void smsRetailDeliveryReports() {
        Fuzz fuzz = new Fuzz("SMS-Retail DLR", 20261202L);
        fuzz.run(INPUTS, FRESH_WORLD_EVERY, () -> FuzzWorld.create(Channel.SMS, SmsRetailProvider.NAME), (world, m) -> {
            SmsRetailDeliveryWebhook parser = SmsRetailDeliveryWebhook.builder().secret(SECRET).clock(world.clock).build();
            byte[] body = m.mutate(bytes("{\"id\":\"" + world.providerRef(Channel.SMS) + "\",\"status\":\""
                    + m.pick(List.of("delivered", "failed", "pending", "sent", "accepted", "UNKNOWN"))
                    + "\",\"phone\":\"14155550123\"}"));
            String signature = m.header(Signatures.hmacSha256Hex(SECRET, body == null ? new byte[0] : body));
            return new Fuzz.Request(body, () -> world.engine.inbound().providerEvents(parser.parse(body, signature)));
        });
        fuzz.assertClean();
    }

    @Test
    void inboundMessages() {
        Fuzz fuzz = new Fuzz("inbound SMS", 20261203L);
        fuzz.run(INPUTS, FRESH_WORLD_EVERY, () -> FuzzWorld.create(Channel.SMS, TwentyThreeTelecomSmsProvider.NAME),
                (world, m) -> {
                    String prefix = m.chance(0.8) ? "" : "data.";
                    InboundSmsParser parser = InboundSmsParser.builder(TwentyThreeTelecomSmsProvider.NAME)
                            .fromField(prefix + "from").textField(prefix + "text").idField(prefix + "id")
                            .signature("X-Signature", SECRET).clock(world.clock).build();
                    String message = "\"id\":\"mo-" + m.random().nextInt(1_000) + "\",\"from\":\"" + FuzzWorld.PHONE
                            + "\",\"text\":\"" + m.pick(List.of("STOP", "stop all", "Yes, call me tomorrow", "HELP")) + "\"";
                    byte[] body = m.mutate(bytes(prefix.isEmpty() ? "{" + message + "}" : "{\"data\":{" + message + "}}"));
                    String signature = m.header(Signatures.hmacSha256Hex(SECRET, body == null ? new byte[0] : body));
                    return new Fuzz.Request(body, () -> world.engine.inbound().providerEvents(parser.parse(body, signature)));
                });
        fuzz.assertClean();
    }

    @Test
    void smppReceipts() {
        Fuzz fuzz = new Fuzz("SMPP receipt", 20261204L);
        fuzz.run(INPUTS * 2, FRESH_WORLD_EVERY, () -> FuzzWorld.create(Channel.SMS, TwentyThreeTelecomSmsProvider.NAME),
                (world, m) -> {
                    String sample = "id:" + world.providerRef(Channel.SMS) + " sub:001 dlvrd:001 submit date:2601051000"
                            + " done date:" + m.pick(List.of("2601051001", "260105100130")) + " stat:"
                            + m.pick(List.of("DELIVRD", "EXPIRED", "UNDELIV", "ACCEPTD", "ENROUTE", "UNKNOWN", "DELIVERED"))
                            + " err:000 text:Hi Ana, reply STOP to opt out";
                    String receipt = m.chance(0.7) ? m.mutateTokens(sample, " :") : m.mutate(sample);
                    Optional<String> recipient = m.chance(0.8) ? Optional.of(FuzzWorld.PHONE) : Optional.of(m.hostileText());
                    return new Fuzz.Request(receipt, () -> world.engine.inbound().providerEvents(SmppReceipt.parse(receipt)
                            .toReport(TwentyThreeTelecomSmsProvider.NAME, recipient, ZoneOffset.UTC, world.clock.instant())
                            .toEvents()));
                });
        fuzz.assertClean();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
