package io.retentioncenter.channels.sms.retail;

import io.retentioncenter.channels.sms.SmsExactlyOnceAcceptance;
import io.retentioncenter.channels.sms.StubGateway.Reply;
import io.retentioncenter.core.http.ProviderHttp;
import io.retentioncenter.core.spi.ChannelProvider;
import java.net.URI;
import java.time.Clock;

/**
 * {@link SmsExactlyOnceAcceptance} on SMS-Retail: no public documentation, so no error is known to
 * mean "nothing sent" and every 5xx is an unknown outcome.
 */
class SmsRetailExactlyOnceAcceptanceTest extends SmsExactlyOnceAcceptance {

    @Override
    protected ChannelProvider provider(URI stubRoot, ProviderHttp http, Clock clock) {
        return SmsRetailProvider.builder().apiKey("retail-key").baseUri(stubRoot).http(http).clock(clock).build();
    }

    @Override
    protected String providerName() {
        return SmsRetailProvider.NAME;
    }

    @Override
    protected Reply accepted() {
        return Reply.json(200, SmsRetailProviderTest.ACCEPTED);
    }

    @Override
    protected String acceptedMessageId() {
        return "12345";
    }

    @Override
    protected String serverErrorBody() {
        return "{\"success\":false,\"error\":\"upstream\"}";
    }
}
