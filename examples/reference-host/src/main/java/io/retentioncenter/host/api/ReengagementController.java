package io.retentioncenter.host.api;

import io.retentioncenter.core.RetentionEngine;
import io.retentioncenter.core.reengagement.ReengagementRule;
import io.retentioncenter.core.reengagement.ReengagementTrigger;
import java.time.Duration;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Re-engagement rules (leads that finish one sequence move into another after a delay):
 * {@code engine.reengagement()}. 400 for a missing field or negative delay, 404 for an unknown
 * sequence or rule.
 */
@RestController
@RequestMapping("/api/reengagement-rules")
public class ReengagementController {
    private final RetentionEngine engine;

    ReengagementController(RetentionEngine engine) {
        this.engine = engine;
    }

    @GetMapping
    List<ReengagementRule> list() {
        return engine.reengagement().list();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ReengagementRule create(@RequestBody RuleRequest body) {
        return engine.reengagement().create(body.sourceSequenceId(), body.trigger(), body.delay(),
                body.targetSequenceId());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String id) {
        engine.reengagement().delete(id);
    }

    /** Body of a new rule; {@code delay} is an ISO-8601 duration such as {@code P3D}. */
    public record RuleRequest(String sourceSequenceId, ReengagementTrigger trigger, Duration delay,
            String targetSequenceId) {
    }
}
