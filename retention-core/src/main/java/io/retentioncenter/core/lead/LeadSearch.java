package io.retentioncenter.core.lead;

import io.retentioncenter.core.PageRequest;
import io.retentioncenter.core.ValidationException;
import io.retentioncenter.core.internal.InputText;
import io.retentioncenter.core.internal.Require;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A query of the leads page: a text matched as a case-insensitive substring of the lead's name
 * ("first last"), email, phone or external id (of these joined by spaces, so a text with a space may
 * also span two of them); filters by status, source, campaign membership and
 * creation time; an order; and a page. Empty filters match every lead. Build it with
 * {@link #builder()}:
 *
 * <pre>{@code
 * LeadSearch search = LeadSearch.builder().text("garcia").statuses(LeadStatus.CONTACTED)
 *     .createdFrom(monthAgo).sort(LeadSort.CREATED, true).page(PageRequest.first(50)).build();
 * }</pre>
 *
 * @param text the text to find, trimmed and lower-cased; at most {@value #MAX_TEXT} characters
 * @param statuses the statuses to keep; empty keeps all
 * @param sources the sources to keep; empty keeps all
 * @param campaignId keep the members of this campaign only
 * @param createdFrom keep leads created at or after this instant
 * @param createdTo keep leads created before this instant
 * @param sort the order
 * @param descending whether the order is reversed (ties reversed too)
 * @param page which page
 */
public record LeadSearch(Optional<String> text, Set<LeadStatus> statuses, Set<LeadSource> sources,
        Optional<String> campaignId, Optional<Instant> createdFrom, Optional<Instant> createdTo, LeadSort sort,
        boolean descending, PageRequest page) {
    /** Longest search text. */
    public static final int MAX_TEXT = 100;
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("+10000-01-01T00:00:00Z");

    /** Validates, normalizes the text and copies the sets. */
    public LeadSearch {
        text = Require.present(text, "text").map(t -> InputText.singleLine(t, "text", MAX_TEXT).toLowerCase(Locale.ROOT))
                .filter(t -> !t.isEmpty());
        statuses = copy(statuses, "statuses");
        sources = copy(sources, "sources");
        campaignId = Require.present(campaignId, "campaignId").map(id -> Require.text(id, "campaignId"));
        Require.present(createdFrom, "createdFrom").ifPresent(at -> reasonable(at, "createdFrom"));
        Require.present(createdTo, "createdTo").ifPresent(at -> reasonable(at, "createdTo"));
        if (createdFrom.isPresent() && createdTo.isPresent() && !createdFrom.get().isBefore(createdTo.get())) {
            throw new ValidationException("createdTo", "must be after createdFrom");
        }
        Require.present(sort, "sort");
        Require.present(page, "page");
    }

    /** Refuses instants outside years 1-9999, which databases cannot compare with their timestamps. */
    private static void reasonable(Instant at, String field) {
        if (at.isBefore(EARLIEST) || !at.isBefore(LATEST)) {
            throw new ValidationException(field, "must lie in the years 1 to 9999, was " + at);
        }
    }

    private static <E> Set<E> copy(Collection<E> values, String field) {
        Require.present(values, field);
        Set<E> copy = new HashSet<>();
        for (E value : values) {
            copy.add(Require.present(value, field + "[]"));
        }
        return Collections.unmodifiableSet(copy);
    }

    /** Every lead, newest first, first page of 50. */
    public static LeadSearch all() {
        return builder().build();
    }

    /** Starts a search of every lead, newest first, first page of 50. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builder of a {@link LeadSearch}. */
    public static final class Builder {
        private Optional<String> text = Optional.empty();
        private Set<LeadStatus> statuses = Set.of();
        private Set<LeadSource> sources = Set.of();
        private Optional<String> campaignId = Optional.empty();
        private Optional<Instant> createdFrom = Optional.empty();
        private Optional<Instant> createdTo = Optional.empty();
        private LeadSort sort = LeadSort.CREATED;
        private boolean descending = true;
        private PageRequest page = PageRequest.first(50);

        private Builder() {
        }

        /** The text to find; null or blank finds every lead. */
        public Builder text(String value) {
            text = Optional.ofNullable(value);
            return this;
        }

        /** Keep leads in one of these statuses. */
        public Builder statuses(LeadStatus... values) {
            return statuses(Arrays.asList(Require.present(values, "statuses")));
        }

        /** Keep leads in one of these statuses; empty keeps all. */
        public Builder statuses(Collection<LeadStatus> values) {
            statuses = copy(values, "statuses");
            return this;
        }

        /** Keep leads from one of these sources. */
        public Builder sources(LeadSource... values) {
            return sources(Arrays.asList(Require.present(values, "sources")));
        }

        /** Keep leads from one of these sources; empty keeps all. */
        public Builder sources(Collection<LeadSource> values) {
            sources = copy(values, "sources");
            return this;
        }

        /** Keep the members of this campaign. */
        public Builder campaignId(String value) {
            campaignId = Optional.of(Require.text(value, "campaignId"));
            return this;
        }

        /** Keep leads created at or after {@code value}. */
        public Builder createdFrom(Instant value) {
            createdFrom = Optional.of(Require.present(value, "createdFrom"));
            return this;
        }

        /** Keep leads created before {@code value}. */
        public Builder createdTo(Instant value) {
            createdTo = Optional.of(Require.present(value, "createdTo"));
            return this;
        }

        /** The order, ascending or descending. */
        public Builder sort(LeadSort value, boolean descendingOrder) {
            sort = Require.present(value, "sort");
            descending = descendingOrder;
            return this;
        }

        /** The page. */
        public Builder page(PageRequest value) {
            page = Require.present(value, "page");
            return this;
        }

        /** The search. */
        public LeadSearch build() {
            return new LeadSearch(text, statuses, sources, campaignId, createdFrom, createdTo, sort, descending, page);
        }
    }
}
