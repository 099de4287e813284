package io.retentioncenter.host.api;

import io.retentioncenter.core.Page;
import io.retentioncenter.core.RetentionEngine;
import io.retentioncenter.core.sequence.BulkEnrollReport;
import io.retentioncenter.core.sequence.EnrollmentQuery;
import io.retentioncenter.core.sequence.RetentionSequence;
import io.retentioncenter.core.sequence.SequenceEnrollment;
import io.retentioncenter.core.sequence.SequenceStats;
import io.retentioncenter.core.sequence.SequenceStatus;
import io.retentioncenter.core.sequence.TickResult;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Sequences, their steps, enrollments and stats, and the manual tick: {@code engine.sequences()}. */
@RestController
@RequestMapping("/api/sequences")
public class SequenceController {
    private final RetentionEngine engine;

    SequenceController(RetentionEngine engine) {
        this.engine = engine;
    }

    /** Every sequence, or those in {@code status} and/or of {@code campaignId}. */
    @GetMapping
    List<RetentionSequence> list(@RequestParam MultiValueMap<String, String> params) {
        QueryParams q = new QueryParams(params);
        return engine.sequences().list(q.enumValue("status", SequenceStatus.class), q.text("campaignId"));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    RetentionSequence create(@RequestBody SequenceRequest body) {
        return engine.sequences().create(body.toNewSequence());
    }

    @GetMapping("/{id}")
    RetentionSequence get(@PathVariable String id) {
        return engine.sequences().get(id);
    }

    @PutMapping("/{id}")
    RetentionSequence update(@PathVariable String id, @RequestBody SequenceRequest.Update body) {
        return engine.sequences().update(id, body.name(), Requests.present(body.reenrollCooldown(), "reenrollCooldown"),
                Optional.ofNullable(body.description()));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String id) {
        engine.sequences().delete(id);
    }

    @PostMapping("/{id}/activate")
    RetentionSequence activate(@PathVariable String id) {
        return engine.sequences().activate(id);
    }

    @PostMapping("/{id}/archive")
    RetentionSequence archive(@PathVariable String id) {
        return engine.sequences().archive(id);
    }

    @PostMapping("/{id}/steps")
    RetentionSequence addStep(@PathVariable String id, @RequestBody StepRequest body) {
        return engine.sequences().addStep(id, body.toStep(1));
    }

    @PutMapping("/{id}/steps/{order}")
    RetentionSequence updateStep(@PathVariable String id, @PathVariable int order, @RequestBody StepRequest body) {
        return engine.sequences().updateStep(id, order, body.toStep(order));
    }

    @PutMapping("/{id}/steps/{order}/enabled")
    RetentionSequence setStepEnabled(@PathVariable String id, @PathVariable int order, @RequestBody boolean enabled) {
        return engine.sequences().setStepEnabled(id, order, enabled);
    }

    @DeleteMapping("/{id}/steps/{order}")
    RetentionSequence removeStep(@PathVariable String id, @PathVariable int order) {
        return engine.sequences().removeStep(id, order);
    }

    @PostMapping("/{id}/enroll")
    BulkEnrollReport enroll(@PathVariable String id, @RequestBody EnrollRequest body) {
        return body.campaignId() == null
                ? engine.sequences().enroll(id, Requests.present(body.leadIds(), "leadIds"))
                : engine.sequences().enroll(id, body.campaignId(), Requests.present(body.leadIds(), "leadIds"));
    }

    @GetMapping("/{id}/enrollments")
    Page<SequenceEnrollment> enrollments(@PathVariable String id, @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "50") int limit) {
        return engine.sequences().enrollments(EnrollmentQuery.ofSequence(id), Requests.page(offset, limit));
    }

    @GetMapping("/{id}/stats")
    SequenceStats stats(@PathVariable String id) {
        return engine.sequences().stats(id);
    }

    @PostMapping("/process")
    TickResult process() {
        return engine.sequences().process();
    }

    /**
     * Body of {@code POST /api/sequences/{id}/enroll}; {@code campaignId} only for a sequence linked
     * to no campaign.
     */
    public record EnrollRequest(List<String> leadIds, String campaignId) {
    }
}
