package io.retentioncenter.core.inbound.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.retentioncenter.core.ConfigurationException;
import io.retentioncenter.core.ValidationException;
import io.retentioncenter.core.http.ProviderHttp;
import io.retentioncenter.core.lead.LeadSource;
import io.retentioncenter.core.lead.NewLead;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GraphLeadClientTest {
    private static final String TOKEN = "EAAB-page-token/with+special=chars";

    private HttpServer server;
    private final List<URI> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger calls = new AtomicInteger();
    /** Lets the stub's hanging requests go; counted down after each test. */
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile int status = 200;
    private volatile String body = "";
    /** When set, the stub holds every request until the test ends: no answer can beat a timeout. */
    private volatile boolean hang;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "graph-stub");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.add(exchange.getRequestURI());
        calls.incrementAndGet();
        if (hang) {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** A client whose requests must come back: a timeout far beyond any loopback answer, even on a busy machine. */
    private GraphLeadClient client() {
        return client(Duration.ofSeconds(10));
    }

    private GraphLeadClient client(Duration requestTimeout) {
        return GraphLeadClient.builder()
                .pageAccessToken(TOKEN)
                .baseUri(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"))
                .http(ProviderHttp.builder("meta-graph-test")
                        .maxRetries(1)
                        .initialBackoff(Duration.ofMillis(1))
                        .maxBackoff(Duration.ofMillis(5))
                        .requestTimeout(requestTimeout)
                        .build())
                .build();
    }

    @Test
    void fetchesAndMapsTheLead() {
        body = new String(MetaWebhooksTest.fixture("meta-graph-lead.json"), StandardCharsets.UTF_8);

        NewLead lead = client().fetch("1234567890123456");

        URI request = requests.get(0);
        assertThat(request.getPath()).isEqualTo("/v21.0/1234567890123456");
        assertThat(request.getRawQuery()).isEqualTo("access_token=EAAB-page-token%2Fwith%2Bspecial%3Dchars"
                + "&fields=id,created_time,ad_id,form_id,field_data");
        assertThat(lead.source()).isEqualTo(LeadSource.META);
        assertThat(lead.fullName()).contains("María García");
        assertThat(lead.email()).contains("maria.garcia@example.com");
        assertThat(lead.phone()).contains("+14155550123");
        assertThat(lead.attributes()).isEqualTo(Map.of(
                "city", "Austin",
                "preferred_contact_time", "evening",
                MetaLeadRef.LEADGEN_ID_ATTRIBUTE, "1234567890123456",
                MetaLeadRef.FORM_ID_ATTRIBUTE, "987654321098765",
                MetaLeadRef.AD_ID_ATTRIBUTE, "120210000000000001",
                MetaLeadRef.CREATED_TIME_ATTRIBUTE, "2026-11-24T14:09:55Z"));
    }

    @Test
    void resolveKeepsTheWebhookIdsGraphDoesNotReturn() {
        body = "{'id':'42','created_time':'2015-02-28T08:49:14+0100','field_data':["
                + "{'name':'email','values':['a@example.com']},{'name':'skipped'}]}";
        body = body.replace('\'', '"');
        MetaLeadRef webhookRef = new MetaLeadRef(Optional.of("42"), Optional.of("7"), Optional.of("8"),
                Optional.empty(), Optional.of("9"), Optional.of(Instant.ofEpochSecond(1)));

        NewLead lead = client().resolve(new MetaLeadgenItem("entry[0].changes[0]", webhookRef, Optional.empty()));

        assertThat(requests.get(0).getPath()).isEqualTo("/v21.0/42");
        assertThat(lead.email()).contains("a@example.com");
        assertThat(lead.attributes()).isEqualTo(Map.of(
                MetaLeadRef.LEADGEN_ID_ATTRIBUTE, "42",
                MetaLeadRef.PAGE_ID_ATTRIBUTE, "7",
                MetaLeadRef.FORM_ID_ATTRIBUTE, "8",
                MetaLeadRef.ADGROUP_ID_ATTRIBUTE, "9",
                MetaLeadRef.CREATED_TIME_ATTRIBUTE, "2015-02-28T07:49:14Z"));
    }

    @Test
    void resolveReturnsInlineLeadsWithoutCallingGraph() {
        NewLead inline = NewLead.of(LeadSource.META, "a@example.com", null);
        assertThat(client().resolve(new MetaLeadgenItem("entry[0].changes[0]", MetaLeadRef.empty(), Optional.of(inline))))
                .isSameAs(inline);
        assertThat(calls).hasValue(0);
    }

    @Test
    void apiVersionIsConfigurable() {
        body = "{\"id\":\"42\",\"field_data\":[]}";
        GraphLeadClient v23 = GraphLeadClient.builder().pageAccessToken(TOKEN)
                .baseUri(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
                .apiVersion("v23.0").build();
        v23.fetch("42");
        assertThat(requests.get(0).getPath()).isEqualTo("/v23.0/42");
    }

    @Test
    void graphErrorsCarryGraphsMessageButNeverTheToken() {
        status = 400;
        body = "{\"error\":{\"message\":\"Invalid OAuth access token: " + TOKEN + "\",\"type\":\"OAuthException\","
                + "\"code\":190,\"fbtrace_id\":\"AbC\"}}";

        assertThatThrownBy(() -> client().fetch("42"))
                .isInstanceOfSatisfying(GraphApiException.class, e -> {
                    assertThat(e.isRetryable()).isFalse();
                    assertThat(e.httpStatus()).hasValue(400);
                    assertThat(e.graphCode()).contains(190);
                    assertThat(e.getMessage()).contains("Invalid OAuth access token").contains("190")
                            .doesNotContain(TOKEN).doesNotContain("EAAB");
                });
        assertThat(calls).hasValue(1);
    }

    @Test
    void graphThrottlingIsRetryableEvenAs400() {
        status = 400;
        body = "{\"error\":{\"message\":\"(#32) Page request limit reached\",\"code\":32}}";
        assertThatThrownBy(() -> client().fetch("42"))
                .isInstanceOfSatisfying(GraphApiException.class, e -> assertThat(e.isRetryable()).isTrue());
    }

    @Test
    void serverErrorsAreRetriedThenRetryable() {
        status = 500;
        body = "oops";
        assertThatThrownBy(() -> client().fetch("42"))
                .isInstanceOfSatisfying(GraphApiException.class, e -> {
                    assertThat(e.isRetryable()).isTrue();
                    assertThat(e.httpStatus()).hasValue(500);
                    assertThat(e.graphCode()).isEmpty();
                });
        assertThat(calls).hasValue(2);
    }

    @Test
    void rateLimitedIsRetryable() {
        status = 429;
        body = "{\"error\":{\"message\":\"slow down\",\"code\":4}}";
        assertThatThrownBy(() -> client().fetch("42"))
                .isInstanceOfSatisfying(GraphApiException.class, e -> {
                    assertThat(e.isRetryable()).isTrue();
                    assertThat(e.graphCode()).contains(4);
                });
    }

    @Test
    void malformedResponsesAreNotRetryable() {
        for (String bad : new String[] {"{not json", "[]", "", "{\"id\":\"42\"}", "{\"id\":\"43\",\"field_data\":[]}",
                "{\"id\":\"42\",\"field_data\":{}}", "{\"id\":\"42\",\"created_time\":\"tuesday\",\"field_data\":[]}",
                "{\"id\":\"42\",\"field_data\":[{\"name\":{},\"values\":[\"x\"]}]}"}) {
            body = bad;
            assertThatThrownBy(() -> client().fetch("42"))
                    .as(bad)
                    .isInstanceOfSatisfying(GraphApiException.class, e -> {
                        assertThat(e.isRetryable()).isFalse();
                        assertThat(e.getMessage()).contains("unusable response").doesNotContain(TOKEN);
                    });
        }
    }

    @Test
    void timeoutsBecomeRetryableWithoutTheToken() {
        hang = true;
        // the stub never answers while the test runs, so a short timeout must fire: only its length is timing
        assertThatThrownBy(() -> client(Duration.ofMillis(300)).fetch("42"))
                .isInstanceOfSatisfying(GraphApiException.class, e -> {
                    assertThat(e.isRetryable()).isTrue();
                    assertThat(e.httpStatus()).isEmpty();
                    assertThat(e.getMessage()).doesNotContain("EAAB");
                });
    }

    @Test
    void badLeadgenIdsAreRejectedBeforeAnyRequest() {
        for (String bad : new String[] {null, "", "12/../me", "1?access_token=x", "x".repeat(65)}) {
            assertThatThrownBy(() -> client().fetch(bad)).as(String.valueOf(bad))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("leadgenId"));
        }
        assertThat(calls).hasValue(0);
    }

    @Test
    void builderValidatesItsSettings() {
        assertThatThrownBy(() -> GraphLeadClient.builder().build()).isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> GraphLeadClient.builder().pageAccessToken(" ")).isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> GraphLeadClient.builder().apiVersion("21")).isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> GraphLeadClient.builder().baseUri(URI.create("graph.facebook.com")))
                .isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> GraphLeadClient.builder().baseUri(URI.create("ftp://graph.facebook.com")))
                .isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> GraphLeadClient.builder().http(null)).isInstanceOf(ConfigurationException.class);
    }
}
