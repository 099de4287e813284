package io.retentioncenter.host.api;

import io.retentioncenter.core.lead.LeadEvent;
import java.time.Instant;
import java.util.List;

/**
 * A lead event as JSON: its kind, time, lead and record id, which {@link LeadEvent}'s records carry
 * as methods rather than components, beside the record itself ({@code {"lead": ...}},
 * {@code {"change": ...}}, {@code {"attempt": ...}}, {@code {"execution": ...}} or
 * {@code {"conversion": ...}}).
 *
 * @param kind which kind of event
 * @param at when it happened
 * @param leadId the lead it happened to
 * @param recordId the id of the record the event carries
 * @param event the event's record
 */
public record TimelineEntry(LeadEvent.Kind kind, Instant at, String leadId, String recordId, LeadEvent event) {

    static List<TimelineEntry> of(List<LeadEvent> events) {
        return events.stream().map(e -> new TimelineEntry(e.kind(), e.at(), e.leadId(), e.recordId(), e)).toList();
    }
}
