package io.retentioncenter.core.memory;

import io.retentioncenter.core.Page;
import io.retentioncenter.core.lead.Lead;
import io.retentioncenter.core.lead.LeadCounts;
import io.retentioncenter.core.lead.LeadSearch;
import io.retentioncenter.core.lead.LeadSource;
import io.retentioncenter.core.lead.LeadStatus;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiPredicate;

/**
 * Lead searches over the leads in memory: a scan that applies the filters, then a sort, with the
 * same text and name rules as the SQL stores. Not thread-safe: the store calls it under its lock.
 */
final class LeadFinder {
    private static final Comparator<Lead> CREATED = Comparator.comparing(Lead::createdAt).thenComparing(Lead::id);

    private final LeadTable leads;
    private final BiPredicate<String, String> member;

    /** Searches {@code leads}; {@code member} tells whether (campaign id, lead id) is a membership. */
    LeadFinder(LeadTable leads, BiPredicate<String, String> member) {
        this.leads = leads;
        this.member = member;
    }

    Page<Lead> search(LeadSearch search) {
        List<Lead> matching = leads.all().stream().filter(lead -> matches(search, lead)).sorted(order(search)).toList();
        return Pages.of(matching.stream(), matching.size(), search.page());
    }

    LeadCounts count(LeadSearch search) {
        Map<LeadStatus, Long> byStatus = new EnumMap<>(LeadStatus.class);
        Map<LeadSource, Long> bySource = new EnumMap<>(LeadSource.class);
        leads.all().stream().filter(lead -> matches(search, lead)).forEach(lead -> {
            byStatus.merge(lead.status(), 1L, Long::sum);
            bySource.merge(lead.source(), 1L, Long::sum);
        });
        return new LeadCounts(byStatus, bySource);
    }

    private boolean matches(LeadSearch s, Lead lead) {
        return (s.statuses().isEmpty() || s.statuses().contains(lead.status()))
                && (s.sources().isEmpty() || s.sources().contains(lead.source()))
                && s.createdFrom().map(from -> !lead.createdAt().isBefore(from)).orElse(true)
                && s.createdTo().map(to -> lead.createdAt().isBefore(to)).orElse(true)
                && s.text().map(text -> searchText(lead).contains(text)).orElse(true)
                && s.campaignId().map(campaign -> member.test(campaign, lead.id())).orElse(true);
    }

    /** What a search text is found in: "first last email phone externalId", absent parts empty, lower-cased. */
    private static String searchText(Lead lead) {
        return String.join(" ", lead.firstName().orElse(""), lead.lastName().orElse(""), lead.email().orElse(""),
                lead.phone().orElse(""), lead.externalId().orElse("")).toLowerCase(Locale.ROOT);
    }

    /** The name order's key: "first last", absent parts empty, lower-cased. */
    private static String nameKey(Lead lead) {
        return (lead.firstName().orElse("") + " " + lead.lastName().orElse("")).toLowerCase(Locale.ROOT);
    }

    private static Comparator<Lead> order(LeadSearch search) {
        Comparator<Lead> order = switch (search.sort()) {
            case CREATED -> CREATED;
            case UPDATED -> Comparator.comparing(Lead::updatedAt).thenComparing(CREATED);
            case NAME -> Comparator.comparing(LeadFinder::nameKey).thenComparing(CREATED);
            case STATUS -> Comparator.comparing((Lead lead) -> lead.status().name()).thenComparing(CREATED);
        };
        return search.descending() ? order.reversed() : order;
    }
}
