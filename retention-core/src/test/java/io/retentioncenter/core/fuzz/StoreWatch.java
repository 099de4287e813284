package io.retentioncenter.core.fuzz;

import io.retentioncenter.core.PageRequest;
import io.retentioncenter.core.contact.AttemptStatus;
import io.retentioncenter.core.contact.ContactAttempt;
import io.retentioncenter.core.conversion.Conversion;
import io.retentioncenter.core.conversion.UnmatchedPostback;
import io.retentioncenter.core.lead.Lead;
import io.retentioncenter.core.sequence.EnrollmentQuery;
import io.retentioncenter.core.sequence.SequenceEnrollment;
import io.retentioncenter.core.spi.RetentionStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A store seen through a proxy that counts every call that may write (anything but the {@code find},
 * {@code list}, {@code count}, {@code scan} and other read methods) and remembers the event keys marked
 * processed, so a test can tell "nothing was stored" twice over: no write was even attempted, and a
 * {@link Snapshot} of the contents is unchanged.
 */
public final class StoreWatch {
    private static final List<String> READ_PREFIXES = List.of("find", "list", "count", "scan", "latest", "attemptsOf",
            "conversionsOf", "abTestCounts", "sequenceStats", "campaignStats", "conversionTotals", "configVersion",
            "toString", "hashCode", "equals");

    private final RetentionStore target;
    private final RetentionStore proxy;
    private final AtomicLong writes = new AtomicLong();
    private final Set<String> processedEvents = java.util.Collections.synchronizedSet(new TreeSet<>());

    private StoreWatch(RetentionStore target) {
        this.target = target;
        this.proxy = (RetentionStore) Proxy.newProxyInstance(RetentionStore.class.getClassLoader(),
                new Class<?>[] {RetentionStore.class}, (self, method, args) -> {
                    String name = method.getName();
                    if (READ_PREFIXES.stream().noneMatch(name::startsWith)) {
                        writes.incrementAndGet();
                    }
                    Object result;
                    try {
                        result = method.invoke(target, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if ("markEventProcessed".equals(name) && Boolean.TRUE.equals(result)) {
                        processedEvents.add((String) args[0]);
                    }
                    return result;
                });
    }

    /** Watches {@code target}; give {@link #store()} to the engine. */
    public static StoreWatch of(RetentionStore target) {
        return new StoreWatch(target);
    }

    /** The watched store. */
    public RetentionStore store() {
        return proxy;
    }

    /** Calls that may have written, so far. */
    public long writes() {
        return writes.get();
    }

    /** What the store holds now: every lead, attempt, enrollment, conversion, unmatched postback and processed event. */
    public Snapshot snapshot() {
        List<Lead> leads = all(page -> target.listLeads(page).items());
        List<ContactAttempt> attempts = new ArrayList<>();
        for (AttemptStatus status : AttemptStatus.values()) {
            attempts.addAll(all(page -> target.listAttempts(status, page).items()));
        }
        attempts.sort(Comparator.comparing(ContactAttempt::id));
        List<SequenceEnrollment> enrollments = all(page -> target.listEnrollments(EnrollmentQuery.all(), page).items());
        List<Conversion> conversions = new ArrayList<>();
        leads.forEach(l -> conversions.addAll(target.conversionsOfLead(l.id())));
        List<UnmatchedPostback> unmatched = all(page -> target.listUnmatchedPostbacks(page).items());
        return new Snapshot(leads, attempts, enrollments, conversions, unmatched, List.copyOf(processedEvents));
    }

    private static <T> List<T> all(java.util.function.Function<PageRequest, List<T>> pages) {
        List<T> out = new ArrayList<>();
        for (int offset = 0; ; offset += 1000) {
            List<T> page = pages.apply(new PageRequest(offset, 1000));
            out.addAll(page);
            if (page.size() < 1000) {
                return out;
            }
        }
    }

    /**
     * The contents of a store at one moment; equal snapshots mean nothing was stored or changed.
     *
     * @param leads every lead
     * @param attempts every contact attempt, by id
     * @param enrollments every enrollment
     * @param conversions every conversion
     * @param unmatched every unmatched postback
     * @param processedEvents the provider event keys marked processed through the watch
     */
    public record Snapshot(List<Lead> leads, List<ContactAttempt> attempts, List<SequenceEnrollment> enrollments,
            List<Conversion> conversions, List<UnmatchedPostback> unmatched, List<String> processedEvents) {

        /** The counts, for messages. */
        public String counts() {
            return leads.size() + " leads, " + attempts.size() + " attempts, " + enrollments.size() + " enrollments, "
                    + conversions.size() + " conversions, " + unmatched.size() + " unmatched postbacks, "
                    + processedEvents.size() + " processed events";
        }
    }
}
