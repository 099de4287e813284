package io.retentioncenter.core.lead;

import io.retentioncenter.core.spi.RetentionStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

/**
 * A store seen through a proxy that records every intake call (the emails of its leads) and holds
 * chosen calls in their calling thread, before they reach the store, until the test releases them:
 * the first intake call (single or batch) with a lead of an email the test asked to {@link #hold}.
 * While a call is held, the engine's group commit has that batch in flight.
 */
final class HeldIntakeStore {
    private final RetentionStore proxy;
    private final List<IntakeCall> calls = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Gate> gates = new ConcurrentHashMap<>();

    /** One intake call: {@code ingestLeads} ({@code batch}) or {@code ingestLead}, with its leads' emails. */
    record IntakeCall(boolean batch, List<String> emails) {
        static IntakeCall single(String email) {
            return new IntakeCall(false, List.of(email));
        }
    }

    /** Where the first intake call of one email waits until the test lets it through. */
    static final class Gate {
        private final CountDownLatch held = new CountDownLatch(1);
        private final CountDownLatch release = new CountDownLatch(1);

        /** Waits until the call has arrived and is held. */
        void awaitHeld() throws InterruptedException {
            held.await();
        }

        /** Lets the call through to the store. */
        void release() {
            release.countDown();
        }

        private void pass() throws InterruptedException {
            held.countDown();
            release.await();
        }
    }

    private HeldIntakeStore(RetentionStore target) {
        this.proxy = (RetentionStore) Proxy.newProxyInstance(RetentionStore.class.getClassLoader(),
                new Class<?>[] {RetentionStore.class}, (self, method, args) -> {
                    List<String> emails = switch (method.getName()) {
                        case "ingestLead" -> List.of(emailOf((LeadIntake) args[0]));
                        case "ingestLeads" -> ((List<?>) args[0]).stream().map(i -> emailOf((LeadIntake) i)).toList();
                        default -> null;
                    };
                    if (emails != null) {
                        calls.add(new IntakeCall(method.getName().equals("ingestLeads"), emails));
                        for (String email : emails) {
                            Gate gate = gates.remove(email);
                            if (gate != null) {
                                gate.pass();
                            }
                        }
                    }
                    try {
                        return method.invoke(target, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** Watches {@code target}. */
    static HeldIntakeStore of(RetentionStore target) {
        return new HeldIntakeStore(target);
    }

    private static String emailOf(LeadIntake intake) {
        return intake.candidate().email().orElse("");
    }

    /** Holds the next intake call with a lead of {@code email} (normalized) until the gate is released. */
    Gate hold(String email) {
        Gate gate = new Gate();
        gates.put(email, gate);
        return gate;
    }

    /** The store to give the engine. */
    RetentionStore store() {
        return proxy;
    }

    /** The intake calls so far, in call order. */
    List<IntakeCall> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    /** The {@code ingestLeads} calls so far, in call order. */
    List<IntakeCall> batches() {
        return calls().stream().filter(IntakeCall::batch).toList();
    }

    /** The single-lead intake calls of {@code email}. */
    long singlesOf(String email) {
        return calls().stream().filter(c -> !c.batch() && c.emails().equals(List.of(email))).count();
    }
}
