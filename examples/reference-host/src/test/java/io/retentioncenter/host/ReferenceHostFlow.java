package io.retentioncenter.host;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.testing.MutableClock;
import io.retentioncenter.core.testing.RecordingChannelProvider;
import io.retentioncenter.host.HttpJson.Answer;
import io.retentioncenter.host.config.HostChannels;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The host over real HTTP on a random port: a signed Meta delivery (the Graph API a loopback stub)
 * becomes a lead that the sequence contacts as the engine's clock advances, a Keitaro sale converts
 * its enrollment, and bad requests get the documented answers. Run on H2 and on PostgreSQL.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
@Import(ReferenceHostFlow.TestClock.class)
abstract class ReferenceHostFlow {
    static final String API_KEY = "test-api-key-0123456789";
    static final String APP_SECRET = "test-app-secret-0123";
    static final String KEITARO_SECRET = "keitaro-secret-0123";
    static final String PROVIDER_SECRET = "provider-secret-0123456789";

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    HostChannels channels;

    HttpJson api;
    HttpJson anonymous;

    /** A MutableClock replaces the system clock, so that the test moves time. */
    @TestConfiguration(proxyBeanMethods = false)
    static class TestClock {
        @Bean
        @Primary
        MutableClock mutableClock() {
            return MutableClock.at("2026-11-30T09:00:00Z");
        }
    }

    @DynamicPropertySource
    static void hostProperties(DynamicPropertyRegistry registry) {
        registry.add("retention.api-key", () -> API_KEY);
        registry.add("retention.max-body-size", () -> "64KB");
        registry.add("retention.tick-delay", () -> "1h"); // the test ticks through POST /api/sequences/process
        registry.add("retention.meta.verify-token", () -> "verify-me");
        registry.add("retention.meta.app-secret", () -> APP_SECRET);
        registry.add("retention.meta.page-access-token", () -> "page-token");
        registry.add("retention.meta.graph-base-url", () -> GraphStub.get().baseUri().toString());
        registry.add("retention.keitaro.secret", () -> KEITARO_SECRET);
        registry.add("retention.instantly.webhook-secret", () -> PROVIDER_SECRET);
        registry.add("retention.twentythree.webhook-secret", () -> PROVIDER_SECRET);
        registry.add("retention.inbound-sms.secret", () -> PROVIDER_SECRET);
        registry.add("retention.vapi.server-token", () -> PROVIDER_SECRET);
    }

    @BeforeEach
    void clients() {
        api = new HttpJson(port, API_KEY);
        anonymous = new HttpJson(port, null);
    }

    @Test
    void metaLeadIsContactedAndConvertsOverHttp() {
        String campaignId = created(api.post("/api/campaigns", "{\"name\":\"FB ES retention\",\"contactLimit\":6}")).get("id").asText();
        created(api.post("/api/scripts", "{\"channel\":\"EMAIL\",\"name\":\"welcome\",\"subject\":\"Welcome\","
                + "\"body\":\"Hi {{firstName|there}}!\",\"campaignId\":\"" + campaignId + "\"}"));
        created(api.post("/api/scripts", "{\"channel\":\"SMS\",\"name\":\"nudge\",\"body\":\"Still interested?\","
                + "\"campaignId\":\"" + campaignId + "\"}"));
        JsonNode sequence = created(api.post("/api/sequences", "{\"name\":\"Nurture\",\"campaignId\":\"" + campaignId
                + "\",\"steps\":[{\"channel\":\"EMAIL\",\"delayValue\":0,\"delayUnit\":\"MINUTES\"},"
                + "{\"channel\":\"SMS\",\"delayValue\":12,\"delayUnit\":\"HOURS\"},"
                + "{\"channel\":\"CALL\",\"delayValue\":2,\"delayUnit\":\"DAYS\"}]}"));
        String sequenceId = sequence.get("id").asText();
        assertThat(ok(api.post("/api/sequences/" + sequenceId + "/activate", "")).get("status").asText()).isEqualTo("ACTIVE");

        Answer handshake = anonymous.get("/webhooks/meta?hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=4711");
        assertThat(handshake.status()).isEqualTo(200);
        assertThat(handshake.raw()).isEqualTo("4711");
        String delivery = "{\"object\":\"page\",\"entry\":[{\"id\":\"104857600123456\",\"time\":1764493200,\"changes\":[{"
                + "\"field\":\"leadgen\",\"value\":{\"leadgen_id\":\"1234567890123456\",\"page_id\":\"104857600123456\","
                + "\"form_id\":\"987654321098765\",\"created_time\":1764493195}}]}]}";
        Answer meta = postMeta(delivery, sign(delivery));
        assertThat(meta.status()).isEqualTo(200);
        assertThat(meta.json().get("created").asLong()).isEqualTo(1);
        assertThat(GraphStub.get().paths).contains("/v21.0/1234567890123456");
        assertThat(postMeta(delivery, sign(delivery)).json().get("duplicate").asLong()).isEqualTo(1);

        JsonNode lead = leadByEmail(GraphStub.EMAIL);
        String leadId = lead.get("id").asText();
        assertThat(ok(api.get("/api/leads/" + leadId)).get("phone").asText()).isEqualTo("+14155550123");
        JsonNode enrollment = ok(api.get("/api/leads/" + leadId + "/enrollments")).get("items").get(0);
        assertThat(enrollment.get("sequenceId").asText()).isEqualTo(sequenceId);

        int emails = sends(Channel.EMAIL);
        int texts = sends(Channel.SMS);
        int calls = sends(Channel.CALL);
        ok(api.post("/api/sequences/process", ""));
        assertThat(sends(Channel.EMAIL)).isEqualTo(emails + 1);
        assertThat(sends(Channel.SMS)).isEqualTo(texts);
        clock.advance(Duration.ofHours(13));
        ok(api.post("/api/sequences/process", ""));
        assertThat(sends(Channel.SMS)).isEqualTo(texts + 1);
        assertThat(sends(Channel.EMAIL)).isEqualTo(emails + 1);

        double conversions = conversionsMetric();
        JsonNode sale = ok(anonymous.get("/webhooks/keitaro?sub_id=" + leadId + "&status=sale&payout=42&secret="
                + KEITARO_SECRET));
        assertThat(sale.get("outcome").asText()).isEqualTo("CREATED");
        assertThat(sale.get("exitedEnrollments").asInt()).isEqualTo(1);
        String form = "sub_id=" + leadId + "&status=sale&payout=42&secret=" + KEITARO_SECRET;
        assertThat(ok(anonymous.send(anonymous.request("/webhooks/keitaro")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)))).get("outcome").asText()).isEqualTo("REPLAY");
        assertThat(ok(anonymous.post("/webhooks/keitaro", "{\"sub_id\":\"" + leadId + "\",\"status\":\"sale\","
                + "\"payout\":\"42\",\"secret\":\"" + KEITARO_SECRET + "\"}")).get("outcome").asText()).isEqualTo("REPLAY");
        String enrollmentId = enrollment.get("id").asText();
        assertThat(ok(api.get("/api/enrollments/" + enrollmentId)).get("status").asText()).isEqualTo("CONVERTED");
        assertThat(ok(api.get("/api/sequences/" + sequenceId + "/stats")).toString()).contains("CONVERTED");
        clock.advance(Duration.ofDays(3));
        ok(api.post("/api/sequences/process", ""));
        assertThat(sends(Channel.CALL)).as("a converted lead gets no call").isEqualTo(calls);

        assertThat(api.get("/actuator/prometheus").raw()).contains("retention_sends_total");
        assertThat(conversionsMetric()).isEqualTo(conversions + 1);

        String range = "from=" + clock.instant().minus(Duration.ofDays(5)) + "&to=" + clock.instant();
        JsonNode learning = ok(api.get("/api/learning/report?campaignId=" + campaignId + "&" + range));
        assertThat(learning.at("/overview/conversions").asLong()).as("the sale in the Learning JSON").isEqualTo(1);
        assertThat(learning.at("/overview/sentAttempts").asLong()).isEqualTo(2);
        Answer page = api.get("/api/learning/report.html?sequenceId=" + sequenceId + "&" + range);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.raw()).startsWith("<!DOCTYPE html>").contains("<svg");
        assertError(api.get("/api/learning/report?from=yesterday"), 400, "validation");
        assertError(api.get("/api/learning/report?campaignId=a&sequenceId=b"), 400, "validation");
        assertError(anonymous.get("/api/learning/report"), 401, "unauthorized");
    }

    @Test
    void badRequestsGetTheDocumentedAnswers() {
        assertError(anonymous.get("/api/leads"), 401, "unauthorized");
        assertError(new HttpJson(port, "wrong-key-0123456789").get("/api/leads"), 401, "unauthorized");
        for (String disguised : List.of("/api;x=y/leads", "//api/leads", "/x/../api/leads", "/%61pi/leads", "/./api/leads",
                "/api/leads;jsessionid=1")) {
            assertThat(anonymous.get(disguised).status()).as(disguised).isEqualTo(401);
        }
        assertError(api.post("/api/leads", "{\"email\":"), 400, "bad_request");
        assertError(api.post("/api/leads", "{\"firstName\":\"No address\"}"), 400, "validation");
        assertError(api.post("/api/leads", "{\"emial\":\"typo@example.com\"}"), 400, "bad_request");
        assertError(api.post("/api/campaigns", "{\"name\":\"x\",\"contactLimit\":\"many\"}"), 400, "bad_request");
        assertError(api.get("/api/leads?limit=5000"), 400, "validation");
        assertError(api.get("/api/leads/lead_unknown"), 404, "not_found");
        assertError(api.get("/api/sequences/seq_unknown"), 404, "not_found");

        String campaignId = created(api.post("/api/campaigns",
                "{\"name\":\"Closed\",\"autoAssign\":{\"enabled\":false}}")).get("id").asText();
        ok(api.post("/api/campaigns/" + campaignId + "/end", ""));
        assertError(api.post("/api/campaigns/" + campaignId + "/resume", ""), 409, "conflict");

        String delivery = "{\"object\":\"page\",\"entry\":[]}";
        assertError(postMeta(delivery, "sha256=" + "0".repeat(64)), 401, "unauthorized");
        String graphDown = "{\"object\":\"page\",\"entry\":[{\"id\":\"1\",\"time\":1764493200,\"changes\":[{"
                + "\"field\":\"leadgen\",\"value\":{\"leadgen_id\":\"" + GraphStub.UNAVAILABLE_PREFIX + "0000000000001\","
                + "\"page_id\":\"1\",\"form_id\":\"2\",\"created_time\":1764493195}}]}]}";
        Answer retry = postMeta(graphDown, sign(graphDown));
        assertThat(retry.status()).as("Meta must deliver again").isEqualTo(503);
        assertThat(retry.json().get("retry").asBoolean()).isTrue();
        assertError(anonymous.get("/webhooks/meta?hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1"), 401,
                "unauthorized");
        assertError(anonymous.get("/webhooks/keitaro?sub_id=x&status=sale&secret=wrong"), 401, "unauthorized");
        assertError(anonymous.post("/webhooks/sms-retail/delivery", "{}"), 404, "not_configured");

        byte[] huge = new byte[100 * 1024];
        assertError(anonymous.send(anonymous.request("/webhooks/vapi").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(huge))), 413, "too_large");
        assertError(anonymous.send(anonymous.request("/webhooks/vapi").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge)))), 413, "too_large");
    }

    @Test
    void providerWebhooksAuthenticateAndApplyTheirEvents() {
        String leadId = created(api.post("/api/leads", "{\"phone\":\"+14155550199\",\"firstName\":\"Sam\"}"))
                .at("/lead/id").asText();
        String stop = "{\"from\":\"+14155550199\",\"text\":\"STOP\",\"id\":\"mo-1\"}";
        assertError(webhook("/webhooks/sms/inbound", stop, "X-Signature", "0".repeat(64)), 401, "unauthorized");
        JsonNode optOut = ok(webhook("/webhooks/sms/inbound", stop, "X-Signature", hmacHex(PROVIDER_SECRET, stop)));
        assertThat(optOut.get(0).get("outcome").asText()).isEqualTo("APPLIED");
        assertThat(ok(api.get("/api/leads/" + leadId)).get("status").asText()).isEqualTo("DO_NOT_CONTACT");
        assertThat(ok(webhook("/webhooks/sms/inbound", stop, "X-Signature", hmacHex(PROVIDER_SECRET, stop)))
                .get(0).get("outcome").asText()).as("a replay changes nothing").isEqualTo("NO_CHANGE");

        String opened = "{\"timestamp\":\"2026-11-30T09:00:00Z\",\"event_type\":\"email_opened\","
                + "\"lead_email\":\"nobody@example.com\",\"email_id\":\"e-1\",\"step\":1}";
        assertError(webhook("/webhooks/instantly", opened, "X-Webhook-Secret", "wrong-secret-0123456789"), 401, "unauthorized");
        assertThat(ok(webhook("/webhooks/instantly", opened, "X-Webhook-Secret", PROVIDER_SECRET)).get(0)
                .get("outcome").asText()).isEqualTo("UNMATCHED");

        String delivered = "{\"message_id\":\"api_42_1\",\"recipient\":\"+14155550123\",\"status\":\"DELIVRD\"}";
        String at = Long.toString(clock.instant().getEpochSecond());
        assertThat(ok(anonymous.send(anonymous.request("/webhooks/23telecom/delivery")
                .header("Content-Type", "application/json").header("X-Webhook-Timestamp", at)
                .header("X-Webhook-Signature", "sha256=" + hmacHex(PROVIDER_SECRET, at + "." + delivered))
                .POST(HttpRequest.BodyPublishers.ofString(delivered)))).get(0).get("outcome").asText()).isEqualTo("UNMATCHED");

        String ringing = "{\"message\":{\"type\":\"status-update\",\"status\":\"ringing\","
                + "\"call\":{\"id\":\"call-1\",\"customer\":{\"number\":\"+14155550123\"}}}}";
        assertError(webhook("/webhooks/vapi", ringing, "Authorization", "Bearer wrong"), 401, "unauthorized");
        assertThat(ok(webhook("/webhooks/vapi", ringing, "Authorization", "Bearer " + PROVIDER_SECRET)).get(0)
                .get("outcome").asText()).isEqualTo("UNMATCHED");
    }

    @Test
    void leadsSearchEditAndTimeline() {
        new OperatorRoutes(api, anonymous).leadsSearchEditAndTimeline();
    }

    @Test
    void dashboards() {
        new OperatorRoutes(api, anonymous).dashboards();
    }

    @Test
    void campaignsMembersAndDelete() {
        new OperatorRoutes(api, anonymous).campaignsMembersAndDelete();
    }

    @Test
    void scriptsAndAbTests() {
        new OperatorRoutes(api, anonymous).scriptsAndAbTests();
    }

    @Test
    void sequencesAndReengagement() {
        new OperatorRoutes(api, anonymous).sequencesAndReengagement();
    }

    @Test
    void conversionsAndUnmatchedPostbacks() {
        new OperatorRoutes(api, anonymous).conversionsAndUnmatchedPostbacks(KEITARO_SECRET);
    }

    @Test
    void outreach() {
        new OperatorRoutes(api, anonymous).outreach();
    }

    @Test
    void healthShowsTheDatabaseAndMetricsNeedTheKey() {
        JsonNode health = ok(anonymous.get("/actuator/health"));
        assertThat(health.get("status").asText()).isEqualTo("UP");
        assertThat(health.get("components").get("db").get("status").asText()).isEqualTo("UP");
        assertThat(api.get("/actuator/prometheus").raw()).contains("retention_backlog");
        assertError(anonymous.get("/actuator/prometheus"), 401, "unauthorized");
    }

    @Test
    void consolePagesAreServedWithoutTheKey() {
        Answer page = anonymous.get("/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.raw()).contains("Retention Center console").contains("Content-Security-Policy");
        assertThat(anonymous.get("/console.js").raw()).contains("X-Api-Key").doesNotContain("innerHTML")
                .contains("/api/leads/search?", "/timeline", "/api/dashboards/daily?", "/api/conversions/unmatched?");
        assertThat(page.raw()).contains("#dashboard", "#conversions", "#learning");
    }

    /** The conversions counter: other tests of the same context convert too. */
    private double conversionsMetric() {
        return api.get("/actuator/prometheus").raw().lines().filter(l -> l.startsWith("retention_conversions_total "))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.indexOf(' ') + 1))).findFirst().orElse(0);
    }

    private Answer postMeta(String body, String signature) {
        return anonymous.send(anonymous.request("/webhooks/meta").header("Content-Type", "application/json")
                .header("X-Hub-Signature-256", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    private Answer webhook(String path, String body, String header, String value) {
        return anonymous.send(anonymous.request(path).header("Content-Type", "application/json").header(header, value)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    private JsonNode leadByEmail(String email) {
        for (JsonNode lead : ok(api.get("/api/leads?limit=1000")).get("items")) {
            if (email.equals(lead.get("email").asText())) {
                return lead;
            }
        }
        throw new AssertionError("no lead " + email);
    }

    private int sends(Channel channel) {
        return ((RecordingChannelProvider) channels.of(channel)).count();
    }

    private static String sign(String body) {
        return "sha256=" + hmacHex(APP_SECRET, body);
    }

    private static String hmacHex(String secret, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode ok(Answer answer) {
        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        return answer.json();
    }

    static JsonNode created(Answer answer) {
        assertThat(answer.status()).as(answer.raw()).isEqualTo(201);
        return answer.json();
    }

    static void assertError(Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.raw()).isEqualTo(status);
        assertThat(answer.json().get("error").asText()).as(answer.raw()).isEqualTo(code);
        assertThat(answer.raw()).doesNotContain("Exception").doesNotContain(APP_SECRET).doesNotContain(API_KEY);
    }
}
