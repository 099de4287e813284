package io.retentioncenter.channels.instantly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retentioncenter.core.AuthenticationException;
import io.retentioncenter.core.ConfigurationException;
import io.retentioncenter.core.InvalidPayloadException;
import io.retentioncenter.core.ValidationException;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.inbound.ProviderEvent;
import io.retentioncenter.core.inbound.ProviderEventType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class InstantlyWebhooksTest {
    private static final String HEADER = "X-RC-Webhook-Secret";
    private static final String SECRET = "s3cr3t-0123456789abcdef";
    private static final Map<String, List<String>> AUTH = Map.of(HEADER, List.of(SECRET));

    private final InstantlyWebhooks webhooks = InstantlyWebhooks.builder().authHeader(HEADER, SECRET).build();

    private static byte[] fixture() throws IOException {
        try (InputStream in = InstantlyWebhooksTest.class.getResourceAsStream(
                "/fixtures/instantly-webhook-email-opened.json")) {
            return in.readAllBytes();
        }
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    /** A realistic delivery of {@code eventType} with the attempt id echoed as a top-level custom variable. */
    private static byte[] delivery(String eventType, String extra) {
        return bytes("""
                {"timestamp":"2026-11-24T15:02:11.004Z","event_type":"%s",
                 "workspace":"019a1c2d-3e4f-7a5b-8c6d-7e8f9a0b1c2d","campaign_id":"019a5f3e-7c21-7d40-9b1e-3f0c2a6d8e11",
                 "campaign_name":"RC retention ES","lead_email":"Maria.Garcia@Example.com",
                 "email_account":"alex@outreach.example.net","step":2,"variant":1,
                 "email_id":"019a7d11-2233-7445-8667-8899aabbccdd",
                 "rc_lead_id":"lead_01JDA7Q4X2","rc_attempt_id":"att_01JDA7Q9M1"%s}
                """.formatted(eventType, extra));
    }

    @Test
    void parsesTheOpenedFixture() throws IOException {
        List<ProviderEvent> events = webhooks.parse(AUTH, fixture());

        assertThat(events).hasSize(1);
        ProviderEvent event = events.get(0);
        assertThat(event.type()).isEqualTo(ProviderEventType.OPENED);
        assertThat(event.channel()).isEqualTo(Channel.EMAIL);
        assertThat(event.provider()).isEqualTo("instantly");
        assertThat(event.recipient()).contains("maria.garcia@example.com");
        assertThat(event.attemptId()).isEmpty();
        assertThat(event.providerRef()).isEmpty();
        assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-11-24T14:31:07.512Z"));
        assertThat(event.detail()).contains("email_opened");
        assertThat(event.transcript()).isEmpty();
        assertThat(event.eventKey()).startsWith("instantly:email_opened:").doesNotContain("maria");
    }

    @Test
    void replayedDeliveryHasTheSameEventKey() throws IOException {
        assertThat(webhooks.parse(AUTH, fixture()).get(0).eventKey())
                .isEqualTo(webhooks.parse(AUTH, fixture()).get(0).eventKey());
    }

    @Test
    void eventKeyChangesWithStepTimestampTypeAndEmail() {
        String base = webhooks.parse(AUTH, delivery("email_sent", "")).get(0).eventKey();
        String otherStep = webhooks.parse(AUTH, bytes(new String(delivery("email_sent", ""), StandardCharsets.UTF_8)
                .replace("\"step\":2", "\"step\":3"))).get(0).eventKey();
        String otherTime = webhooks.parse(AUTH, bytes(new String(delivery("email_sent", ""), StandardCharsets.UTF_8)
                .replace("15:02:11.004Z", "15:02:12.004Z"))).get(0).eventKey();
        String otherEmail = webhooks.parse(AUTH, bytes(new String(delivery("email_sent", ""), StandardCharsets.UTF_8)
                .replace("8899aabbccdd", "8899aabbccde"))).get(0).eventKey();
        String otherType = webhooks.parse(AUTH, delivery("email_opened", "")).get(0).eventKey();

        assertThat(List.of(base, otherStep, otherTime, otherEmail, otherType)).doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @CsvSource({
        "email_sent, SENT",
        "email_opened, OPENED",
        "email_link_clicked, CLICKED",
        "link_clicked, CLICKED",
        "reply_received, REPLIED",
        "email_bounced, FAILED",
        "lead_unsubscribed, OPTED_OUT"
    })
    void mapsEachDocumentedLabel(String label, ProviderEventType type) {
        List<ProviderEvent> events = webhooks.parse(AUTH, delivery(label, ""));

        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(type);
            assertThat(event.attemptId()).contains("att_01JDA7Q9M1");
            assertThat(event.recipient()).contains("maria.garcia@example.com");
            assertThat(event.detail()).contains(label);
            assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-11-24T15:02:11.004Z"));
        });
    }

    @Test
    void replyKeepsTheSnippetAsTranscript() {
        ProviderEvent event = webhooks.parse(AUTH, delivery("reply_received", """
                ,"unibox_url":"https://app.instantly.ai/app/unibox?thread_search=x","reply_subject":"Re: Hola Maria",
                 "reply_text_snippet":"Sí, me interesa","reply_text":"Sí, me interesa. Llámame mañana.",
                 "reply_html":"<p>Sí, me interesa.</p>"
                """)).get(0);

        assertThat(event.type()).isEqualTo(ProviderEventType.REPLIED);
        assertThat(event.transcript()).contains("Sí, me interesa");
    }

    @Test
    void attemptIdAloneIsEnoughToCorrelate() {
        ProviderEvent event = webhooks.parse(AUTH, bytes("""
                {"timestamp":"2026-11-24T15:02:11+01:00","event_type":"email_bounced","rc_attempt_id":"att_9"}
                """)).get(0);

        assertThat(event.attemptId()).contains("att_9");
        assertThat(event.recipient()).isEmpty();
        assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-11-24T14:02:11Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"auto_reply_received", "lead_interested", "lead_not_interested", "lead_neutral",
            "lead_meeting_booked", "campaign_completed", "account_error", "supersearch_enrichment_completed",
            "Hot prospect (custom label)"})
    void unmappedLabelsYieldNoEvent(String label) {
        assertThat(webhooks.parse(AUTH, delivery(label, ""))).isEmpty();
    }

    @Test
    void unmappedLabelWithoutLeadIsStillAcknowledged() {
        assertThat(webhooks.parse(AUTH, bytes("""
                {"timestamp":"2026-11-24T15:02:11.004Z","event_type":"campaign_completed",
                 "workspace":"019a1c2d-3e4f-7a5b-8c6d-7e8f9a0b1c2d","campaign_id":"019a5f3e-7c21-7d40-9b1e-3f0c2a6d8e11"}
                """))).isEmpty();
    }

    @Test
    void headerNamesAreMatchedCaseInsensitively() throws IOException {
        Map<String, List<String>> lowerCase = Map.of("x-rc-webhook-secret", List.of(SECRET), "Content-Type",
                List.of("application/json"));

        assertThat(webhooks.parse(lowerCase, fixture())).hasSize(1);
    }

    @Test
    void acceptsAHeaderLookupFunction() throws IOException {
        assertThat(webhooks.parse(name -> name.equalsIgnoreCase(HEADER) ? Optional.of(SECRET) : Optional.empty(),
                fixture())).hasSize(1);
    }

    @Test
    void rejectsMissingWrongOrRepeatedAuthHeader() throws IOException {
        byte[] body = fixture();

        assertThatThrownBy(() -> webhooks.parse(Map.of(), body))
                .isInstanceOf(AuthenticationException.class).hasMessageContaining("missing");
        assertThatThrownBy(() -> webhooks.parse(Map.of(HEADER, List.of("s3cr3t-0123456789abcdeX")), body))
                .isInstanceOf(AuthenticationException.class).hasMessageContaining("does not match")
                .hasMessageNotContaining(SECRET);
        assertThatThrownBy(() -> webhooks.parse(Map.of(HEADER, List.of(SECRET, "other")), body))
                .isInstanceOf(AuthenticationException.class).hasMessageContaining("more than once");
        assertThatThrownBy(() -> webhooks.parse(name -> Optional.empty(), body))
                .isInstanceOf(AuthenticationException.class);
        assertThatThrownBy(() -> webhooks.parse(Map.of("x-webhook-token", List.of(SECRET)), body))
                .as("the seed's header is not accepted").isInstanceOf(AuthenticationException.class);
    }

    @Test
    void authenticatesBeforeReadingTheBody() {
        assertThatThrownBy(() -> webhooks.parse(Map.of(), bytes("not json")))
                .isInstanceOf(AuthenticationException.class);
    }

    @Test
    void unauthenticatedModeSkipsTheCheck() throws IOException {
        InstantlyWebhooks open = InstantlyWebhooks.builder().unauthenticated().build();

        assertThat(open.parse(Map.of(), fixture())).hasSize(1);
    }

    @Test
    void rejectsNullHeaders() throws IOException {
        byte[] body = fixture();

        assertThatThrownBy(() -> webhooks.parse((Map<String, List<String>>) null, body))
                .isInstanceOf(ValidationException.class).hasMessageContaining("headers");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''| body",
        "not json| body",
        "[{\"event_type\":\"email_sent\"}]| body",
        "{\"event_type\":\"email_sent\",\"timestamp\":\"2026-11-24T15:02:11Z\"} {}| body",
        "{\"timestamp\":\"2026-11-24T15:02:11Z\",\"lead_email\":\"a@example.com\"}| event_type",
        "{\"event_type\":42,\"timestamp\":\"2026-11-24T15:02:11Z\",\"lead_email\":\"a@example.com\"}| event_type",
        "{\"event_type\":{\"x\":1},\"timestamp\":\"2026-11-24T15:02:11Z\",\"lead_email\":\"a@example.com\"}| event_type",
        "{\"event_type\":\"  \",\"timestamp\":\"2026-11-24T15:02:11Z\",\"lead_email\":\"a@example.com\"}| event_type",
        "{\"event_type\":\"email_sent\",\"lead_email\":\"a@example.com\"}| timestamp",
        "{\"event_type\":\"email_sent\",\"timestamp\":\"yesterday\",\"lead_email\":\"a@example.com\"}| timestamp",
        "{\"event_type\":\"email_sent\",\"timestamp\":\"2026-11-24T15:02:11\",\"lead_email\":\"a@example.com\"}| timestamp",
        "{\"event_type\":\"email_sent\",\"timestamp\":1764000000,\"lead_email\":\"a@example.com\"}| timestamp",
        "{\"event_type\":\"email_sent\",\"timestamp\":\"2026-11-24T15:02:11Z\"}| lead_email",
        "{\"event_type\":\"email_sent\",\"timestamp\":\"2026-11-24T15:02:11Z\",\"lead_email\":[\"a@example.com\"]}| lead_email",
        "{\"event_type\":\"email_sent\",\"timestamp\":\"2026-11-24T15:02:11Z\",\"lead_email\":\"maria\"}| lead_email",
        "{\"event_type\":\"email_sent\",\"timestamp\":\"2026-11-24T15:02:11Z\",\"rc_attempt_id\":{\"id\":1}}| rc_attempt_id",
        "{\"event_type\":\"email_sent\",\"timestamp\":\"2026-11-24T15:02:11Z\",\"lead_email\":\"a@example.com\",\"step\":[1]}| step",
        "{\"event_type\":\"email_sent\",\"event_type\":\"email_opened\",\"timestamp\":\"2026-11-24T15:02:11Z\"}| body"
    })
    void rejectsMalformedBodiesNamingTheField(String body, String field) {
        assertThatThrownBy(() -> webhooks.parse(AUTH, bytes(body)))
                .isInstanceOf(InvalidPayloadException.class)
                .extracting(e -> ((InvalidPayloadException) e).field()).isEqualTo(field);
    }

    @Test
    void rejectsNullBody() {
        assertThatThrownBy(() -> webhooks.parse(AUTH, null))
                .isInstanceOf(InvalidPayloadException.class).hasMessageContaining("empty");
    }

    @Test
    void rejectsOversizedBody() throws IOException {
        InstantlyWebhooks small = InstantlyWebhooks.builder().authHeader(HEADER, SECRET).maxBodyBytes(64).build();

        assertThatThrownBy(() -> small.parse(AUTH, fixture()))
                .isInstanceOf(InvalidPayloadException.class).hasMessageContaining("over the limit of 64");
    }

    @Test
    void builderRequiresExactlyOneAuthChoice() {
        assertThatThrownBy(() -> InstantlyWebhooks.builder().build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("unauthenticated()");
        assertThatThrownBy(() -> InstantlyWebhooks.builder().authHeader(HEADER, SECRET).unauthenticated().build())
                .isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> InstantlyWebhooks.builder().authHeader("X Bad: header", SECRET))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("header name");
        assertThatThrownBy(() -> InstantlyWebhooks.builder().authHeader(null, SECRET))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("header name");
        assertThatThrownBy(() -> InstantlyWebhooks.builder().authHeader(HEADER, "short"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("16");
        assertThatThrownBy(() -> InstantlyWebhooks.builder().maxBodyBytes(0))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("maxBodyBytes");
    }
}
