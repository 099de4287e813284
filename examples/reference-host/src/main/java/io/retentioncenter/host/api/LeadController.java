package io.retentioncenter.host.api;

import io.retentioncenter.core.NotFoundException;
import io.retentioncenter.core.Page;
import io.retentioncenter.core.RetentionEngine;
import io.retentioncenter.core.lead.IngestResult;
import io.retentioncenter.core.lead.Lead;
import io.retentioncenter.core.sequence.EnrollmentQuery;
import io.retentioncenter.core.sequence.SequenceEnrollment;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Leads: ingest (dedupe, route, enroll), read, list, stop contacting: {@code engine.leads()}. */
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

    @GetMapping("/{id}")
    Lead get(@PathVariable String id) {
        return engine.leads().find(id).orElseThrow(() -> new NotFoundException("lead", id));
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
}
