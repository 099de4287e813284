package io.retentioncenter.channels.vapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retentioncenter.channels.vapi.StubVapiServer.Recorded;
import io.retentioncenter.channels.vapi.StubVapiServer.Reply;
import io.retentioncenter.core.ProviderException;
import io.retentioncenter.core.RetentionEngine;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.http.ProviderHttp;
import io.retentioncenter.core.memory.InMemoryRetentionStore;
import io.retentioncenter.core.spi.ConnectionCheck;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** "Test connection" and the assistant and phone-number listings against a loopback stand-in for VAPI. */
class VapiDirectoryTest {
    private static final String KEY = "vapi-private-key-c2VjcmV0";

    private static VapiCallProvider provider(URI baseUri) {
        return VapiCallProvider.builder().apiKey(KEY).baseUri(baseUri)
                .http(ProviderHttp.builder("vapi-test").maxRetries(2).initialBackoff(Duration.ofMillis(5))
                        .maxBackoff(Duration.ofMillis(20)).requestTimeout(Duration.ofSeconds(2)).build())
                .build();
    }

    @Test
    void testConnectionIsOneAuthenticatedReadOfTheAssistants() throws Exception {
        try (StubVapiServer stub = new StubVapiServer().always(Reply.of(200, "[]"))) {
            ConnectionCheck check = provider(stub.baseUri()).checkConnection();

            assertThat(check.ok()).isTrue();
            Recorded request = stub.requests().get(0);
            assertThat(request.method()).isEqualTo("GET");
            assertThat(request.path()).isEqualTo("/assistant");
            assertThat(request.query()).isEqualTo("limit=1");
            assertThat(request.headers().getFirst("Authorization")).isEqualTo("Bearer " + KEY);
        }
    }

    @Test
    void aRefusedKeyFailsTheCheckAndOtherAnswersSayWhatCame() throws Exception {
        try (StubVapiServer stub = new StubVapiServer().then(Reply.of(401, "{\"message\":\"Invalid Key\"}"),
                Reply.of(404, "{}"))) {
            ConnectionCheck refused = provider(stub.baseUri()).checkConnection();
            ConnectionCheck other = provider(stub.baseUri()).checkConnection();

            assertThat(refused.status()).isEqualTo(ConnectionCheck.Status.FAILED);
            assertThat(refused.detail()).contains("refused the credentials").doesNotContain(KEY);
            assertThat(other.detail()).contains("HTTP 404");
        }
    }

    @Test
    void assistantsAndPhoneNumbersAreListed() throws Exception {
        try (StubVapiServer stub = new StubVapiServer().then(
                Reply.of(200, """
                        [{"id":"5b0a4a08-133c-4146-9315-0984f8c6be80","orgId":"o-1","name":"Retention ES",
                          "model":{"provider":"openai"}},{"id":"a-2"}]"""),
                Reply.of(200, """
                        [{"id":"c86b5177-5cd8-447f-9013-99e307a8a7bb","number":"+14155550100","name":"Main",
                          "provider":"twilio"},{"id":"sip-1","provider":"vapi"}]"""))) {
            VapiCallProvider provider = provider(stub.baseUri());

            assertThat(provider.assistants()).containsExactly(
                    new VapiAssistant("5b0a4a08-133c-4146-9315-0984f8c6be80", Optional.of("Retention ES")),
                    new VapiAssistant("a-2", Optional.empty()));
            assertThat(provider.phoneNumbers()).containsExactly(
                    new VapiPhoneNumber("c86b5177-5cd8-447f-9013-99e307a8a7bb", Optional.of("+14155550100"),
                            Optional.of("Main"), Optional.of("twilio")),
                    new VapiPhoneNumber("sip-1", Optional.empty(), Optional.empty(), Optional.of("vapi")));
            assertThat(stub.requests()).extracting(Recorded::path).containsExactly("/assistant", "/phone-number");
            assertThat(stub.requests()).extracting(Recorded::query).containsOnly("limit=1000");
            assertThat(stub.requests()).extracting(Recorded::method).containsOnly("GET");
        }
    }

    @Test
    void aRefusalOrAnUnreadableListIsAProviderException() throws Exception {
        try (StubVapiServer stub = new StubVapiServer().then(Reply.of(403, "{}"), Reply.of(200, "{\"id\":\"x\"}"))) {
            VapiCallProvider provider = provider(stub.baseUri());

            assertThatThrownBy(provider::assistants).isInstanceOf(ProviderException.class)
                    .hasMessageContaining("HTTP 403");
            assertThatThrownBy(provider::phoneNumbers).isInstanceOf(ProviderException.class)
                    .hasMessageContaining("JSON array");
        }
    }

    @Test
    void theEngineChecksTheCallProviderThroughItsOutreachService() throws Exception {
        try (StubVapiServer stub = new StubVapiServer().always(Reply.of(200, "[]"))) {
            RetentionEngine engine = RetentionEngine.builder().store(new InMemoryRetentionStore())
                    .channel(provider(stub.baseUri())).build();

            assertThat(engine.outreach().checkConnection(Channel.CALL).ok()).isTrue();
        }
    }
}
