package io.retentioncenter.core.inbound;

import io.retentioncenter.core.Require;
import io.retentioncenter.core.contact.ChannelRouter;
import io.retentioncenter.core.engine.EngineContext;
import java.util.ArrayList;
import java.util.List;

/**
 * The calls a host's webhook routes hand raw requests to. Every call validates its input first: a
 * malformed or unauthenticated request raises a typed exception and changes nothing; a replayed
 * request changes nothing the second time. Obtain it from {@code engine.inbound()}.
 */
public final class InboundService {
    private final ProviderEventHandler events;

    /** Built by the engine. */
    public InboundService(EngineContext ctx, ChannelRouter router) {
        this.events = new ProviderEventHandler(ctx, router);
    }

    /**
     * Applies provider events parsed by a channel module (Instantly, SMS, VAPI webhooks), in order.
     *
     * @return one result per event
     */
    public List<ProviderEventResult> providerEvents(List<ProviderEvent> parsed) {
        Require.present(parsed, "events");
        for (int i = 0; i < parsed.size(); i++) {
            Require.present(parsed.get(i), "events[" + i + "]");
        }
        List<ProviderEventResult> results = new ArrayList<>(parsed.size());
        for (ProviderEvent event : parsed) {
            results.add(events.apply(event));
        }
        return results;
    }
}
