package io.retentioncenter.core.lead;

import io.retentioncenter.core.spi.RetentionStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A store seen through a proxy that records every intake call (the emails of its leads) and holds
 * the first single-lead intake of one email in its calling thread, before it reaches the store,
 * until the test releases it: while it is held, the engine's group commit has a batch in flight and
 * other ingests queue up behind it.
 */
final class HeldIntakeStore {
    private final RetentionStore proxy;
    private final List<IntakeCall> calls = Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch held = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicBoolean holding = new AtomicBoolean(true);

    /** One intake call: {@code ingestLeads} ({@code batch}) or {@code ingestLead}, with its leads' emails. */
    record IntakeCall(boolean batch, List<String> emails) {
        static IntakeCall single(String email) {
            return new IntakeCall(false, List.of(email));
        }
    }

    private HeldIntakeStore(RetentionStore target, String heldEmail) {
        this.proxy = (RetentionStore) Proxy.newProxyInstance(RetentionStore.class.getClassLoader(),
                new Class<?>[] {RetentionStore.class}, (self, method, args) -> {
                    if (method.getName().equals("ingestLead")) {
                        String email = emailOf((LeadIntake) args[0]);
                        calls.add(IntakeCall.single(email));
                        if (email.equals(heldEmail) && holding.compareAndSet(true, false)) {
                            held.countDown();
                            release.await();
                        }
                    } else if (method.getName().equals("ingestLeads")) {
                        @SuppressWarnings("unchecked")
                        List<LeadIntake> intakes = (List<LeadIntake>) args[0];
                        calls.add(new IntakeCall(true, intakes.stream().map(HeldIntakeStore::emailOf).toList()));
                    }
                    try {
                        return method.invoke(target, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** Watches {@code target}, holding the first single-lead intake of {@code heldEmail}. */
    static HeldIntakeStore of(RetentionStore target, String heldEmail) {
        return new HeldIntakeStore(target, heldEmail);
    }

    private static String emailOf(LeadIntake intake) {
        return intake.candidate().email().orElse("");
    }

    /** The store to give the engine. */
    RetentionStore store() {
        return proxy;
    }

    /** Waits until the held intake has arrived. */
    void awaitHeld() throws InterruptedException {
        held.await();
    }

    /** Lets the held intake through to the store. */
    void release() {
        release.countDown();
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
