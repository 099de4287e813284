package io.retentioncenter.channels.sms;

import io.retentioncenter.channels.sms.StubGateway.Reply;
import io.retentioncenter.core.http.ProviderHttp;
import io.retentioncenter.core.spi.ChannelProvider;
import io.retentioncenter.core.spi.SendResult;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What every SMS provider test needs: one {@link StubGateway} per test, closed after it, a fast
 * transport and a one-message send. Register with
 * {@code @RegisterExtension final GatewayHarness gateway = new GatewayHarness();}.
 */
public final class GatewayHarness implements AfterEachCallback {
    /** The recipient {@link #send} uses. */
    public static final String RECIPIENT = "+14155550123";

    private StubGateway stub;

    /** Starts this test's stub, answering with {@code script} in order. */
    public StubGateway start(Reply... script) throws IOException {
        return startOn(0, script);
    }

    /** Starts this test's stub on {@code port} (0: any free port), answering with {@code script} in order. */
    public StubGateway startOn(int port, Reply... script) throws IOException {
        if (stub != null) {
            throw new IllegalStateException("the stub gateway is already running");
        }
        stub = StubGateway.startOn(port, script);
        return stub;
    }

    /** This test's running stub. */
    public StubGateway stub() {
        if (stub == null) {
            throw new IllegalStateException("start the stub gateway first");
        }
        return stub;
    }

    /** Closes the stub, if the test started one; this releases the answers it holds. */
    @Override
    public void afterEach(ExtensionContext context) {
        if (stub != null) {
            stub.close();
            stub = null;
        }
    }

    /**
     * A transport with a 2 s request timeout, {@code retries} retries and a 1 ms first backoff; a
     * {@code Retry-After} of up to 2 s is waited out, a longer one goes back to the caller.
     */
    public static ProviderHttp fastHttp(int retries) {
        return ProviderHttp.builder("sms-test").requestTimeout(Duration.ofSeconds(2)).maxRetries(retries)
                .initialBackoff(Duration.ofMillis(1)).maxBackoff(Duration.ofSeconds(2)).build();
    }

    /** Sends {@code body} to {@link #RECIPIENT} through {@code provider} and waits for the outcome. */
    public static SendResult send(ChannelProvider provider, String body) throws Exception {
        return provider.send(TestMessages.sms(RECIPIENT, body)).toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
