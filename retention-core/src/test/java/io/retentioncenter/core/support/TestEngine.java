package io.retentioncenter.core.support;

import io.retentioncenter.core.RetentionEngine;
import io.retentioncenter.core.RetentionEngineBuilder;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.memory.InMemoryRetentionStore;
import io.retentioncenter.core.script.NewScript;
import io.retentioncenter.core.spi.RetentionStore;
import io.retentioncenter.core.testing.MutableClock;
import io.retentioncenter.core.testing.RecordingChannelProvider;
import java.time.Duration;
import java.util.function.UnaryOperator;

/** An engine on a store with a MutableClock and recording providers on all three channels. */
public final class TestEngine {
    /** Monday 2026-01-05 10:00 UTC. */
    public static final String START = "2026-01-05T10:00:00Z";

    public final MutableClock clock;
    public final RetentionStore store;
    public final RecordingChannelProvider email = RecordingChannelProvider.of(Channel.EMAIL);
    public final RecordingChannelProvider sms = RecordingChannelProvider.of(Channel.SMS);
    public final RecordingChannelProvider call = RecordingChannelProvider.of(Channel.CALL);
    public final RetentionEngine engine;

    private TestEngine(RetentionStore store, MutableClock clock, UnaryOperator<RetentionEngineBuilder> custom) {
        this.store = store;
        this.clock = clock;
        this.engine = custom.apply(RetentionEngine.builder().store(store).clock(clock).randomSeed(42)
                .retryBackoff(Duration.ofMinutes(1)).dispatchTimeout(Duration.ofSeconds(5))
                .channel(email).channel(sms).channel(call)).build();
    }

    /** A fresh in-memory engine at {@link #START}. */
    public static TestEngine create() {
        return create(UnaryOperator.identity());
    }

    /** A fresh in-memory engine at {@link #START} with extra builder settings. */
    public static TestEngine create(UnaryOperator<RetentionEngineBuilder> custom) {
        return new TestEngine(new InMemoryRetentionStore(), MutableClock.at(START), custom);
    }

    /** A fresh engine on {@code store} at {@link #START} with extra builder settings. */
    public static TestEngine on(RetentionStore store, UnaryOperator<RetentionEngineBuilder> custom) {
        return new TestEngine(store, MutableClock.at(START), custom);
    }

    /** A second engine instance on the same store and clock, with fresh recording providers. */
    public static TestEngine sharing(TestEngine other, UnaryOperator<RetentionEngineBuilder> custom) {
        return new TestEngine(other.store, other.clock, custom);
    }

    /** Default scripts for all three channels. */
    public TestEngine withDefaultScripts() {
        engine.scripts().create(NewScript.builder(Channel.EMAIL, "default email", "Hi {{firstName|there}}, <b>offer</b>")
                .subject("Hello {{firstName|there}}").build());
        engine.scripts().create(NewScript.builder(Channel.SMS, "default sms", "Hi {{firstName|there}}, reply STOP to opt out").build());
        engine.scripts().create(NewScript.builder(Channel.CALL, "default call", "Call {{firstName}} about the offer").build());
        return this;
    }

    /** Total sends across the three providers. */
    public int totalSends() {
        return email.count() + sms.count() + call.count();
    }
}
