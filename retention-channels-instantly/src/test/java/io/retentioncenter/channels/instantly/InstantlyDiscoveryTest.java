package io.retentioncenter.channels.instantly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retentioncenter.channels.instantly.StubInstantly.Recorded;
import io.retentioncenter.channels.instantly.StubInstantly.Reply;
import io.retentioncenter.core.ProviderException;
import io.retentioncenter.core.RetentionEngine;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.http.ProviderHttp;
import io.retentioncenter.core.memory.InMemoryRetentionStore;
import io.retentioncenter.core.spi.ConnectionCheck;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** "Test connection" and the workspace listings against a loopback stand-in for Instantly: read-only GETs. */
class InstantlyDiscoveryTest {
    private static final String KEY = "test-key-ZmFrZS1rZXk";
    private static final String CAMPAIGN = "019a5f3e-7c21-7d40-9b1e-3f0c2a6d8e11";
    private static final String EMPTY_PAGE = "{\"items\":[],\"next_starting_after\":null}";

    private static InstantlyEmailProvider provider(URI baseUri) {
        return InstantlyEmailProvider.builder().apiKey(KEY).campaignId(CAMPAIGN).baseUri(baseUri)
                .http(ProviderHttp.builder("instantly-test").requestTimeout(Duration.ofSeconds(2)).maxRetries(2)
                        .initialBackoff(Duration.ofMillis(1)).maxBackoff(Duration.ofMillis(20)).build())
                .build();
    }

    @Test
    void testConnectionIsOneAuthenticatedReadOfTheCampaigns() throws Exception {
        try (StubInstantly stub = new StubInstantly(Reply.json(200, EMPTY_PAGE))) {
            ConnectionCheck check = provider(stub.baseUri()).checkConnection();

            assertThat(check.status()).isEqualTo(ConnectionCheck.Status.OK);
            assertThat(stub.requests()).hasSize(1);
            Recorded request = stub.requests().get(0);
            assertThat(request.method()).isEqualTo("GET");
            assertThat(request.path()).isEqualTo("/api/v2/campaigns");
            assertThat(request.query()).isEqualTo("limit=1");
            assertThat(request.headers().getFirst("Authorization")).isEqualTo("Bearer " + KEY);
        }
    }

    @Test
    void aRefusedKeyOrAnUnreachableInstantlyFailsTheCheckWithoutNamingTheKey() throws Exception {
        try (StubInstantly stub = new StubInstantly(Reply.json(401,
                "{\"statusCode\":401,\"error\":\"Unauthorized\",\"message\":\"Invalid API key\"}"))) {
            ConnectionCheck refused = provider(stub.baseUri()).checkConnection();

            assertThat(refused.status()).isEqualTo(ConnectionCheck.Status.FAILED);
            assertThat(refused.detail()).contains("refused the credentials").doesNotContain(KEY);
            assertThat(stub.requests()).as("a 401 is not retried").hasSize(1);
        }
        URI closed;
        try (StubInstantly gone = new StubInstantly()) {
            closed = gone.baseUri();
        }
        ConnectionCheck unreachable = provider(closed).checkConnection();
        assertThat(unreachable.status()).isEqualTo(ConnectionCheck.Status.FAILED);
        assertThat(unreachable.detail()).contains("could not be reached");
    }

    @Test
    void campaignsAreReadPageByPageWithTheCursor() throws Exception {
        try (StubInstantly stub = new StubInstantly(
                Reply.json(200, """
                        {"items":[{"id":"c-1","name":"Spring ES","status":1},{"id":"c-2","name":"Draft","status":0}],
                         "next_starting_after":"c-2"}"""),
                Reply.json(200, "{\"items\":[{\"id\":\"c-3\",\"status\":-99}],\"next_starting_after\":null}"))) {
            List<InstantlyCampaign> campaigns = provider(stub.baseUri()).campaigns();

            assertThat(campaigns).containsExactly(
                    new InstantlyCampaign("c-1", Optional.of("Spring ES"), Optional.of(1)),
                    new InstantlyCampaign("c-2", Optional.of("Draft"), Optional.of(0)),
                    new InstantlyCampaign("c-3", Optional.empty(), Optional.of(-99)));
            assertThat(stub.requests()).extracting(Recorded::query)
                    .containsExactly("limit=100", "limit=100&starting_after=c-2");
            assertThat(stub.requests()).extracting(Recorded::method).containsOnly("GET");
        }
    }

    @Test
    void sendingAccountsAreListedAndAFlakyPageIsReadAgain() throws Exception {
        try (StubInstantly stub = new StubInstantly(Reply.json(503, "{}"), Reply.json(200, """
                {"items":[{"email":"alex@outreach.example.net","status":1,"warmup_status":1,"first_name":"Alex"},
                          {"email":"sam@outreach.example.net","status":-1}]}"""))) {
            List<InstantlyAccount> accounts = provider(stub.baseUri()).sendingAccounts();

            assertThat(accounts).containsExactly(
                    new InstantlyAccount("alex@outreach.example.net", Optional.of(1), Optional.of(1)),
                    new InstantlyAccount("sam@outreach.example.net", Optional.of(-1), Optional.empty()));
            assertThat(stub.requests()).extracting(Recorded::path).containsOnly("/api/v2/accounts");
            assertThat(stub.requests()).as("a read is safe to repeat").hasSize(2);
        }
    }

    @Test
    void aRefusalOrAnUnreadablePageIsAProviderException() throws Exception {
        try (StubInstantly stub = new StubInstantly(Reply.json(403,
                "{\"statusCode\":403,\"error\":\"Forbidden\",\"message\":\"Missing scope campaigns:read\"}"))) {
            assertThatThrownBy(() -> provider(stub.baseUri()).campaigns()).isInstanceOf(ProviderException.class)
                    .hasMessageContaining("HTTP 403").hasMessageContaining("campaigns:read");
        }
        try (StubInstantly stub = new StubInstantly(Reply.json(200, "{\"items\":[{\"name\":\"no id\"}]}"))) {
            assertThatThrownBy(() -> provider(stub.baseUri()).campaigns()).isInstanceOf(ProviderException.class)
                    .hasMessageContaining("items[].id");
        }
    }

    @Test
    void theEngineChecksTheEmailProviderThroughItsOutreachService() throws Exception {
        try (StubInstantly stub = new StubInstantly(Reply.json(200, EMPTY_PAGE))) {
            RetentionEngine engine = RetentionEngine.builder().store(new InMemoryRetentionStore())
                    .channel(provider(stub.baseUri())).build();

            assertThat(engine.outreach().checkConnection(Channel.EMAIL).ok()).isTrue();
        }
    }
}
