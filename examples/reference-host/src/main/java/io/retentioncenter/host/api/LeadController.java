package io.retentioncenter.host.api;

import io.retentioncenter.core.NotFoundException;
import io.retentioncenter.core.Page;
import io.retentioncenter.core.RetentionEngine;
import io.retentioncenter.core.lead.IngestResult;
import io.retentioncenter.core.lead.Lead;
import io.retentioncenter.core.lead.LeadCounts;
import io.retentioncenter.core.lead.LeadSearch;
import io.retentioncenter.core.lead.LeadSort;
import io.retentioncenter.core.lead.LeadSource;
import io.retentioncenter.core.lead.LeadStatus;
import io.retentioncenter.core.sequence.EnrollmentQuery;
import io.retentioncenter.core.sequence.SequenceEnrollment;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Leads: ingest (dedupe, route, enroll), read, list, search, count, edit, timeline, stop contacting:
 * {@code engine.leads()}. 400 for a malformed body or parameter (the answer names it), 404 for an
 * unknown lead, 409 when an edit takes another lead's email or phone.
 */
@RestController
@RequestMapping("/api/leads")
public class LeadController {
    private final RetentionEngine engine;

    LeadController(RetentionEngine engine) {
        this.engine = engine;
    }

    /** 201 for a new lead, 200 for a duplicate (the stored lead, unchanged). */
    @PostMapping
    ResponseEntity<IngestResult> ingest(@RequestBody LeadRequest body) {
        IngestResult result = engine.leads().ingest(body.toNewLead());
        return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK).body(result);
    }

    @GetMapping
    Page<Lead> list(@RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "50") int limit) {
        return engine.leads().list(Requests.page(offset, limit));
    }

    /**
     * The leads page: {@code text}, {@code status} and {@code source} (repeated or comma-separated),
     * {@code campaignId}, {@code createdFrom}/{@code createdTo} (ISO instants), {@code sort} (CREATED,
     * UPDATED, NAME, STATUS), {@code descending} (default true), {@code offset}, {@code limit}.
     */
    @GetMapping("/search")
    Page<Lead> search(@RequestParam MultiValueMap<String, String> params) {
        return engine.leads().search(search(new QueryParams(params)));
    }

    /** Leads by status and by source among those the search parameters (page ignored) match. */
    @GetMapping("/counts")
    LeadCounts counts(@RequestParam MultiValueMap<String, String> params) {
        return engine.leads().counts(search(new QueryParams(params)));
    }

    @GetMapping("/{id}")
    Lead get(@PathVariable String id) {
        return engine.leads().find(id).orElseThrow(() -> new NotFoundException("lead", id));
    }

    /** Replaces the editable fields (absent or blank clears one); answers the lead as stored. */
    @PutMapping("/{id}")
    Lead edit(@PathVariable String id, @RequestBody LeadEditRequest body) {
        return engine.leads().edit(id, body.toEdit());
    }

    /** What happened to the lead, oldest first. */
    @GetMapping("/{id}/timeline")
    List<TimelineEntry> timeline(@PathVariable String id) {
        return TimelineEntry.of(engine.leads().timeline(id));
    }

    @GetMapping("/{id}/enrollments")
    Page<SequenceEnrollment> enrollments(@PathVariable String id, @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "50") int limit) {
        return engine.sequences().enrollments(EnrollmentQuery.ofLead(id), Requests.page(offset, limit));
    }

    @PostMapping("/{id}/do-not-contact")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void doNotContact(@PathVariable String id) {
        engine.leads().doNotContact(id);
    }

    private static LeadSearch search(QueryParams q) {
        LeadSearch.Builder b = LeadSearch.builder().statuses(q.enums("status", LeadStatus.class))
                .sources(q.enums("source", LeadSource.class))
                .sort(q.enumValue("sort", LeadSort.class).orElse(LeadSort.CREATED), q.flag("descending", true))
                .page(q.page());
        q.text("text").ifPresent(b::text);
        q.text("campaignId").ifPresent(b::campaignId);
        q.instant("createdFrom").ifPresent(b::createdFrom);
        q.instant("createdTo").ifPresent(b::createdTo);
        return b.build();
    }
}
