package io.retentioncenter.channels.vapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retentioncenter.core.InvalidPayloadException;
import io.retentioncenter.core.ValidationException;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.inbound.ProviderEvent;
import io.retentioncenter.core.inbound.ProviderEventType;
import io.retentioncenter.core.internal.JsonPayload;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class VapiServerMessagesTest {
    private static final String CALL_ID = "3f9c2e71-0b6a-4c1e-9d5f-2a8b7c6d5e4f";
    private static final Instant NOW = Instant.parse("2025-11-24T15:05:00Z");

    private final VapiServerMessages parser = VapiServerMessages.builder()
            .unauthenticated()
            .clock(Clock.fixed(NOW, ZoneOffset.UTC))
            .build();

    private List<ProviderEvent> parse(Object body) {
        return parser.parse(body.toString().getBytes(StandardCharsets.UTF_8), Map.of());
    }

    private static byte[] fixtureBytes(String name) throws IOException {
        return JsonPayload.mapper().writeValueAsBytes(VapiCallProviderTest.fixture(name));
    }

    /** A minimal message of {@code type} for call {@link #CALL_ID}. */
    static ObjectNode message(String type) {
        ObjectNode root = JsonPayload.mapper().createObjectNode();
        ObjectNode message = root.putObject("message");
        message.put("type", type);
        message.put("timestamp", 1763996540430L);
        ObjectNode call = message.putObject("call");
        call.put("id", CALL_ID);
        call.putObject("customer").put("number", "+14155550123");
        return root;
    }

    static ObjectNode statusUpdate(String status) {
        ObjectNode root = message("status-update");
        ((ObjectNode) root.get("message")).put("status", status);
        return root;
    }

    static ObjectNode report(String endedReason, String transcript) {
        ObjectNode root = message("end-of-call-report");
        ObjectNode message = (ObjectNode) root.get("message");
        message.put("endedReason", endedReason);
        if (transcript != null) {
            message.putObject("artifact").put("transcript", transcript);
        }
        return root;
    }

    private static ObjectNode msg(ObjectNode root) {
        return (ObjectNode) root.get("message");
    }

    @Test
    void statusUpdateFixtureIsAFailedCallWithTheEndedReason() throws IOException {
        List<ProviderEvent> events = parser.parse(fixtureBytes("vapi-status-update.json"), Map.of());

        assertThat(events).containsExactly(ProviderEvent.builder(
                        "vapi:" + CALL_ID + ":status-update:customer-did-not-answer", Channel.CALL, "vapi",
                        ProviderEventType.FAILED, Instant.ofEpochMilli(1763996441876L))
                .providerRef(CALL_ID)
                .recipient("+14155550123")
                .detail("customer-did-not-answer")
                .build());
    }

    @Test
    void endOfCallReportFixtureSucceedsWithTranscriptKeywordsAndCallback() throws IOException {
        List<ProviderEvent> events = parser.parse(fixtureBytes("vapi-end-of-call-report.json"), Map.of());

        assertThat(events).hasSize(2);
        ProviderEvent outcome = events.get(0);
        assertThat(outcome.type()).isEqualTo(ProviderEventType.SUCCEEDED);
        assertThat(outcome.eventKey()).isEqualTo("vapi:" + CALL_ID + ":end-of-call-report:customer-ended-call");
        assertThat(outcome.provider()).isEqualTo("vapi");
        assertThat(outcome.channel()).isEqualTo(Channel.CALL);
        assertThat(outcome.providerRef()).contains(CALL_ID);
        assertThat(outcome.recipient()).contains("+14155550123");
        assertThat(outcome.detail()).contains("customer-ended-call");
        assertThat(outcome.occurredAt()).isEqualTo(Instant.ofEpochMilli(1763996540430L));
        assertThat(outcome.transcript()).get().asString()
                .startsWith("AI: Hi Maria").contains("User: Not really, I'm driving. Can you call me back tomorrow evening?");
        assertThat(outcome.keywords()).containsExactly("callback", "interested", "call me back");
        ProviderEvent callback = events.get(1);
        assertThat(callback.type()).isEqualTo(ProviderEventType.CALLBACK_REQUESTED);
        assertThat(callback.eventKey())
                .isEqualTo("vapi:" + CALL_ID + ":end-of-call-report:customer-ended-call:callback-requested");
        assertThat(callback.providerRef()).contains(CALL_ID);
        assertThat(callback.callbackAt()).contains(Instant.parse("2025-11-25T18:00:00Z"));
    }

    @ParameterizedTest
    @CsvSource({
        "scheduled, SENT", "queued, SENT", "ringing, SENT",
        "in-progress, ANSWERED", "forwarding, ANSWERED",
        "not-found, FAILED", "deletion-failed, FAILED"})
    void mapsEachStatus(String status, ProviderEventType expected) {
        List<ProviderEvent> events = parse(statusUpdate(status));

        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(expected);
            assertThat(e.detail()).contains(status);
            assertThat(e.eventKey()).isEqualTo("vapi:" + CALL_ID + ":status-update:" + status);
        });
    }

    @ParameterizedTest
    @CsvSource({"customer-ended-call, SUCCEEDED", "customer-busy, FAILED", "silence-timed-out, FAILED"})
    void endedStatusTakesItsOutcomeFromEndedReason(String endedReason, ProviderEventType expected) {
        ObjectNode update = statusUpdate("ended");
        msg(update).put("endedReason", endedReason);

        assertThat(parse(update)).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(expected);
            assertThat(e.detail()).contains(endedReason);
        });
    }

    @Test
    void endedStatusFallsBackToTheCallsEndedReason() {
        ObjectNode update = statusUpdate("ended");
        ((ObjectNode) msg(update).get("call")).put("endedReason", "voicemail");

        assertThat(parse(update)).singleElement().satisfies(e -> assertThat(e.detail()).contains("voicemail"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"customer-ended-call", "assistant-ended-call", "assistant-said-end-call-phrase",
        "assistant-ended-call-with-hangup-task", "assistant-forwarded-call", "exceeded-max-duration"})
    void conversationEndingsSucceed(String endedReason) {
        List<ProviderEvent> events = parse(report(endedReason, "AI: Hello\nUser: Hi, who is this?"));

        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(ProviderEventType.SUCCEEDED);
            assertThat(e.detail()).contains(endedReason);
            assertThat(e.transcript()).contains("AI: Hello\nUser: Hi, who is this?");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"customer-busy", "customer-did-not-answer", "voicemail", "manually-canceled",
        "twilio-failed-to-connect-call", "twilio-reported-customer-misdialed", "vonage-rejected",
        "call.start.error-subscription-concurrency-limit-reached", "pipeline-error-openai-llm-failed",
        "call.in-progress.error-vapifault-transport-never-connected", "a-reason-vapi-adds-next-year"})
    void everythingElseFailsWithTheReasonAsDetail(String endedReason) {
        List<ProviderEvent> events = parse(report(endedReason, null));

        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(ProviderEventType.FAILED);
            assertThat(e.detail()).contains(endedReason);
            assertThat(e.eventKey()).isEqualTo("vapi:" + CALL_ID + ":end-of-call-report:" + endedReason);
        });
    }

    @Test
    void silenceTimeoutSucceedsOnlyWhenTheCustomerSpoke() {
        assertThat(parse(report("silence-timed-out", "AI: Hello?\nUser: Yes, hello.\nAI: Are you there?")))
                .singleElement().satisfies(e -> assertThat(e.type()).isEqualTo(ProviderEventType.SUCCEEDED));
        assertThat(parse(report("silence-timed-out", "AI: Hello?\nAI: Are you there?")))
                .singleElement().satisfies(e -> assertThat(e.type()).isEqualTo(ProviderEventType.FAILED));
    }

    @Test
    void readsUserLinesFromArtifactMessagesWhenThereIsNoTranscript() throws IOException {
        ObjectNode report = report("customer-ended-call", null);
        msg(report).set("artifact", JsonPayload.mapper().readTree("{\"messages\":["
                + "{\"role\":\"bot\",\"message\":\"When should we call?\"},"
                + "{\"role\":\"user\",\"message\":\"Call me back in 2 hours, I'm not interested in the price now\"}]}"));

        List<ProviderEvent> events = parse(report);

        assertThat(events).hasSize(2);
        assertThat(events.get(0).transcript()).isEmpty();
        assertThat(events.get(0).keywords()).containsExactlyInAnyOrder("not interested", "price", "call me back");
        assertThat(events.get(1).callbackAt()).contains(Instant.ofEpochMilli(1763996540430L).plusSeconds(7200));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Please stop calling me.", "Don't call me again!", "Don\u2019t call me", "DO NOT CALL this number",
        "Remove me from your list", "I want to unsubscribe"})
    void optOutPhrasesEmitOptedOut(String said) {
        List<ProviderEvent> events = parse(report("customer-ended-call", "AI: Hi Maria\nUser: " + said));

        assertThat(events).extracting(ProviderEvent::type)
                .containsExactly(ProviderEventType.SUCCEEDED, ProviderEventType.OPTED_OUT);
        assertThat(events.get(1).eventKey()).isEqualTo("vapi:" + CALL_ID + ":end-of-call-report:customer-ended-call:opted-out");
        assertThat(events.get(1).recipient()).contains("+14155550123");
    }

    @Test
    void optOutWinsOverACallbackPhrase() {
        List<ProviderEvent> events = parse(report("customer-ended-call",
                "User: Don't call me back, remove me from your list."));

        assertThat(events).extracting(ProviderEvent::type)
                .containsExactly(ProviderEventType.SUCCEEDED, ProviderEventType.OPTED_OUT);
    }

    @Test
    void callbackWithoutATimeHasNoCallbackAt() {
        List<ProviderEvent> events = parse(report("customer-ended-call", "AI: Is now a good time?\nUser: No, call me later."));

        assertThat(events).extracting(ProviderEvent::type)
                .containsExactly(ProviderEventType.SUCCEEDED, ProviderEventType.CALLBACK_REQUESTED);
        assertThat(events.get(1).callbackAt()).isEmpty();
    }

    @Test
    void callbackOnAFailedCallIsStillReported() {
        List<ProviderEvent> events = parse(report("pipeline-error-openai-llm-failed",
                "User: It's not a good time.\nAI: When?\nUser: Tomorrow at 6 pm"));

        assertThat(events).extracting(ProviderEvent::type)
                .containsExactly(ProviderEventType.FAILED, ProviderEventType.CALLBACK_REQUESTED);
        assertThat(events.get(1).callbackAt()).contains(Instant.parse("2025-11-25T18:00:00Z"));
    }

    @Test
    void callbackTimesAreReadInTheConfiguredZone() {
        VapiServerMessages madrid = VapiServerMessages.builder().unauthenticated()
                .zone(ZoneId.of("Europe/Madrid")).build();

        List<ProviderEvent> events = madrid.parse(report("customer-ended-call", "User: call me back tomorrow at 9 am")
                .toString().getBytes(StandardCharsets.UTF_8), Map.of());

        assertThat(events.get(1).callbackAt()).contains(Instant.parse("2025-11-25T08:00:00Z"));
    }

    @Test
    void customKeywordVocabularyReplacesTheDefault() {
        VapiServerMessages custom = VapiServerMessages.builder().unauthenticated()
                .keywordVocabulary(List.of("Mortgage", "rate")).build();

        List<ProviderEvent> events = custom.parse(report("customer-ended-call",
                "AI: Hi\nUser: What rate do you offer on a mortgage? I'm interested.").toString()
                .getBytes(StandardCharsets.UTF_8), Map.of());

        assertThat(events.get(0).keywords()).containsExactlyInAnyOrder("mortgage", "rate");
    }

    @Test
    void attemptIdComesFromTheEchoedAssistantOverridesMetadata() {
        ObjectNode update = statusUpdate("ringing");
        ((ObjectNode) msg(update).get("call")).putObject("assistantOverrides").putObject("metadata")
                .put("rc_attempt_id", "att_from_overrides");
        ((ObjectNode) msg(update).get("call")).putObject("metadata").put("rc_attempt_id", "att_from_call");

        assertThat(parse(update).get(0).attemptId()).contains("att_from_overrides");
    }

    @Test
    void attemptIdFallsBackToCallThenAssistantMetadata() {
        ObjectNode onCall = statusUpdate("ringing");
        ((ObjectNode) msg(onCall).get("call")).putObject("metadata").put("rc_attempt_id", "att_from_call");
        ObjectNode onAssistant = statusUpdate("ringing");
        msg(onAssistant).putObject("assistant").putObject("metadata").put("rc_attempt_id", "att_from_assistant");

        assertThat(parse(onCall).get(0).attemptId()).contains("att_from_call");
        assertThat(parse(onAssistant).get(0).attemptId()).contains("att_from_assistant");
    }

    @Test
    void recipientFallsBackToTheMessageCustomer() {
        ObjectNode update = statusUpdate("queued");
        ((ObjectNode) msg(update).get("call")).remove("customer");
        msg(update).putObject("customer").put("number", "+34600111222");

        assertThat(parse(update).get(0).recipient()).contains("+34600111222");
    }

    @Test
    void acceptsIsoAndDigitTimestampsAndDefaultsToTheClock() {
        ObjectNode iso = statusUpdate("queued");
        msg(iso).put("timestamp", "2025-11-24T15:00:41.876Z");
        ObjectNode digits = statusUpdate("queued");
        msg(digits).put("timestamp", "1763996441876");
        ObjectNode none = statusUpdate("queued");
        msg(none).remove("timestamp");

        assertThat(parse(iso).get(0).occurredAt()).isEqualTo(Instant.parse("2025-11-24T15:00:41.876Z"));
        assertThat(parse(digits).get(0).occurredAt()).isEqualTo(Instant.ofEpochMilli(1763996441876L));
        assertThat(parse(none).get(0).occurredAt()).isEqualTo(NOW);
    }

    @ParameterizedTest
    @ValueSource(strings = {"conversation-update", "speech-update", "transcript", "tool-calls", "hang",
        "user-interrupted", "assistant.started", "model-output"})
    void otherMessageTypesYieldNoEvents(String type) {
        ObjectNode other = message(type);
        msg(other).remove("call");

        assertThat(parse(other)).isEmpty();
    }

    @Test
    void rejectsEmptyOrMissingBodies() {
        assertThatThrownBy(() -> parser.parse(null, Map.of())).isInstanceOf(InvalidPayloadException.class)
                .extracting(e -> ((InvalidPayloadException) e).field()).isEqualTo("body");
        assertThatThrownBy(() -> parser.parse(new byte[0], Map.of())).isInstanceOf(InvalidPayloadException.class)
                .extracting(e -> ((InvalidPayloadException) e).field()).isEqualTo("body");
        assertThatThrownBy(() -> parser.parse("{}".getBytes(StandardCharsets.UTF_8), null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("headers");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{not json                                                           | body",
        "[{\"message\":{}}]                                                  | body",
        "\"status-update\"                                                   | body",
        "{}                                                                  | message",
        "{\"message\":[]}                                                    | message",
        "{\"message\":{}}                                                    | message.type",
        "{\"message\":{\"type\":{}}}                                         | message.type",
        "{\"message\":{\"type\":\"status-update\",\"status\":\"queued\"}}    | message.call",
        "{\"message\":{\"type\":\"status-update\",\"call\":\"c1\"}}          | message.call",
        "{\"message\":{\"type\":\"status-update\",\"call\":{}}}              | message.call.id",
        "{\"message\":{\"type\":\"status-update\",\"call\":{\"id\":\"c\"}}}  | message.status",
        "{\"message\":{\"type\":\"status-update\",\"status\":\"completed\",\"call\":{\"id\":\"c\"}}} | message.status",
        "{\"message\":{\"type\":\"status-update\",\"status\":\"no-answer\",\"call\":{\"id\":\"c\"}}} | message.status",
        "{\"message\":{\"type\":\"status-update\",\"status\":\"ended\",\"call\":{\"id\":\"c\"}}}     | message.endedReason",
        "{\"message\":{\"type\":\"status-update\",\"status\":\"queued\",\"timestamp\":true,\"call\":{\"id\":\"c\"}}} | message.timestamp",
        "{\"message\":{\"type\":\"status-update\",\"status\":\"queued\",\"timestamp\":\"yesterday\",\"call\":{\"id\":\"c\"}}} | message.timestamp",
        "{\"message\":{\"type\":\"status-update\",\"status\":\"queued\",\"call\":{\"id\":\"c\",\"customer\":[]}}} | message.call.customer",
        "{\"message\":{\"type\":\"status-update\",\"status\":\"queued\",\"call\":{\"id\":\"c\",\"metadata\":\"x\"}}} | message.call.metadata",
        "{\"message\":{\"type\":\"end-of-call-report\",\"call\":{\"id\":\"c\"}}} | message.endedReason",
        "{\"message\":{\"type\":\"end-of-call-report\",\"endedReason\":\"voicemail\",\"call\":{\"id\":\"c\"},\"artifact\":\"x\"}} | message.artifact",
        "{\"message\":{\"type\":\"end-of-call-report\",\"endedReason\":\"voicemail\",\"call\":{\"id\":\"c\"},\"artifact\":{\"transcript\":[]}}} | message.artifact.transcript",
        "{\"message\":{\"type\":\"end-of-call-report\",\"endedReason\":\"voicemail\",\"call\":{\"id\":\"c\"},\"artifact\":{\"messages\":{}}}} | message.artifact.messages",
        "{\"message\":{\"type\":\"end-of-call-report\",\"endedReason\":\"voicemail\",\"call\":{\"id\":\"c\"},\"artifact\":{\"messages\":[7]}}} | message.artifact.messages[0]",
        "{\"message\":{\"type\":\"end-of-call-report\",\"endedReason\":\"voicemail\",\"call\":{\"id\":\"c\"},\"analysis\":{\"structuredData\":[]}}} | message.analysis.structuredData",
        "{\"message\":{\"type\":\"end-of-call-report\",\"endedReason\":{},\"call\":{\"id\":\"c\"}}} | message.endedReason"})
    void rejectsMalformedMessagesNamingThePath(String body, String path) {
        assertThatThrownBy(() -> parse(body.trim()))
                .isInstanceOf(InvalidPayloadException.class)
                .extracting(e -> ((InvalidPayloadException) e).field()).isEqualTo(path);
    }

    @Test
    void rejectsOversizedBodies() {
        VapiServerMessages small = VapiServerMessages.builder().unauthenticated().maxBodyBytes(64).build();
        byte[] body = report("customer-ended-call", "User: " + "a".repeat(100)).toString().getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> small.parse(body, Map.of()))
                .isInstanceOf(InvalidPayloadException.class)
                .hasMessageContaining("over the limit of 64");
        assertThat(VapiServerMessages.DEFAULT_MAX_BODY_BYTES).isEqualTo(4 * 1024 * 1024);
    }

    @ParameterizedTest
    @ValueSource(strings = {"9223372036854775807", "-1", "\"+999999999-12-31T23:59:59Z\"", "\"1969-12-31T23:59:59Z\""})
    void aTimestampOutsideYears1970To9999IsRejected(String timestamp) throws IOException {
        ObjectNode report = report("customer-ended-call", "User: call me back in 2 days");
        msg(report).set("timestamp", JsonPayload.mapper().readTree(timestamp));

        assertThatThrownBy(() -> parse(report)).isInstanceOfSatisfying(InvalidPayloadException.class,
                e -> assertThat(e.field()).isEqualTo("message.timestamp")).hasMessageContaining("between 1970 and 9999");
    }

    @Test
    void onlyTheEndOfALongTranscriptIsScanned() {
        String filler = "AI: Let me tell you about our plans.\nUser: I see, go on please.\n"
                .repeat(VapiServerMessages.MAX_SCANNED_TRANSCRIPT_CHARS / 40);
        List<ProviderEvent> stopAtTheEnd = parse(report("customer-ended-call", filler + "User: Stop calling me."));
        assertThat(stopAtTheEnd).extracting(ProviderEvent::type)
                .containsExactly(ProviderEventType.SUCCEEDED, ProviderEventType.OPTED_OUT);
        assertThat(stopAtTheEnd.get(0).transcript().orElseThrow()).startsWith("AI: Let me tell you");

        List<ProviderEvent> stopLongBefore = parse(report("customer-ended-call", "User: Stop calling me.\n" + filler));
        assertThat(stopLongBefore).extracting(ProviderEvent::type).containsExactly(ProviderEventType.SUCCEEDED);
    }

    @Test
    void onlyTheLastMessagesAreScannedWhenThereIsNoTranscript() throws IOException {
        StringBuilder messages = new StringBuilder("{\"messages\":[{\"role\":\"user\",\"message\":\"Remove me\"}");
        for (int i = 0; i < VapiServerMessages.MAX_SCANNED_MESSAGES; i++) {
            messages.append(",{\"role\":\"user\",\"message\":\"Tell me about the price\"}");
        }
        ObjectNode report = report("customer-ended-call", null);
        msg(report).set("artifact", JsonPayload.mapper().readTree(messages.append("]}").toString()));

        List<ProviderEvent> events = parse(report);

        assertThat(events).extracting(ProviderEvent::type).containsExactly(ProviderEventType.SUCCEEDED);
        assertThat(events.get(0).keywords()).containsExactly("price");
    }

    @Test
    void aHugeCustomerMessageIsScannedFromItsEnd() throws IOException {
        ObjectNode report = report("customer-ended-call", null);
        msg(report).set("artifact", JsonPayload.mapper().readTree("{\"messages\":[{\"role\":\"user\",\"message\":\""
                + "blah ".repeat(700_000) + "call me back tomorrow at 6 pm\"}]}"));

        List<ProviderEvent> events = parse(report);

        assertThat(events).extracting(ProviderEvent::type)
                .containsExactly(ProviderEventType.SUCCEEDED, ProviderEventType.CALLBACK_REQUESTED);
        assertThat(events.get(1).callbackAt()).contains(Instant.parse("2025-11-25T18:00:00Z"));
    }

    @Test
    void structuredDataYieldsAtMostTheEventsKeywordLimit() throws IOException {
        StringBuilder data = new StringBuilder("{\"analysis\":{\"structuredData\":{\"" + "x".repeat(500) + "\":true");
        for (int i = 0; i < 200; i++) {
            data.append(",\"flag").append(i).append("\":true");
        }
        ObjectNode report = report("customer-ended-call", "User: interested");
        msg(report).setAll((ObjectNode) JsonPayload.mapper().readTree(data.append("}}}").toString()));

        List<String> keywords = parse(report).get(0).keywords();

        assertThat(keywords).hasSize(ProviderEvent.MAX_KEYWORDS).startsWith("flag0").doesNotContain("x".repeat(500));
    }

    @Test
    void eventsWithoutAnyCorrelationAreStillMatchableByCallId() {
        ObjectNode update = statusUpdate("in-progress");
        ((ObjectNode) msg(update).get("call")).remove("customer");

        ProviderEvent event = parse(update).get(0);

        assertThat(event.providerRef()).contains(CALL_ID);
        assertThat(event.attemptId()).isEmpty();
        assertThat(event.recipient()).isEqualTo(Optional.empty());
    }
}
