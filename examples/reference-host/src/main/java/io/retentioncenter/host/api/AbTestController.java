package io.retentioncenter.host.api;

import io.retentioncenter.core.RetentionEngine;
import io.retentioncenter.core.experiment.AbTest;
import io.retentioncenter.core.experiment.ArmCounts;
import io.retentioncenter.core.experiment.StepTarget;
import io.retentioncenter.core.experiment.Verdict;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * A/B tests of scripts, and timing tests of a sequence step's delay or send window:
 * {@code engine.experiments()}. 404 for an unknown test, 409 for a change its status forbids.
 */
@RestController
@RequestMapping("/api/ab-tests")
public class AbTestController {
    private final RetentionEngine engine;

    AbTestController(RetentionEngine engine) {
        this.engine = engine;
    }

    @GetMapping
    List<AbTestView> list() {
        return engine.experiments().list().stream().map(AbTestView::of).toList();
    }

    /** Starts a script test (a channel and script arms) or a timing test (a step and delay or window arms). */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    AbTestView start(@RequestBody AbTestRequest body) {
        Optional<StepTarget> step = body.step();
        AbTest test = step.isPresent() ? engine.experiments().start(body.campaignId(), step.get(), body.arms())
                : engine.experiments().start(body.campaignId(), body.channel(), body.arms());
        return AbTestView.of(test);
    }

    @GetMapping("/{id}")
    AbTestView get(@PathVariable String id) {
        return AbTestView.of(engine.experiments().get(id));
    }

    @GetMapping("/{id}/counts")
    Map<String, ArmCounts> counts(@PathVariable String id) {
        return engine.experiments().counts(id);
    }

    @PostMapping("/{id}/evaluate")
    Verdict evaluate(@PathVariable String id) {
        return engine.experiments().evaluate(id);
    }

    @PostMapping("/{id}/stop")
    AbTestView stop(@PathVariable String id, @RequestBody(required = false) StopRequest body) {
        return AbTestView.of(engine.experiments().stop(id, Optional.ofNullable(body).map(StopRequest::winner)));
    }

    @PostMapping("/{id}/pause")
    AbTestView pause(@PathVariable String id) {
        return AbTestView.of(engine.experiments().pause(id));
    }

    @PostMapping("/{id}/resume")
    AbTestView resume(@PathVariable String id) {
        return AbTestView.of(engine.experiments().resume(id));
    }

    /** Stops the test if needed and removes it from the list; answers it as last stored. */
    @DeleteMapping("/{id}")
    AbTestView delete(@PathVariable String id) {
        return AbTestView.of(engine.experiments().delete(id));
    }

    /** Body of {@code POST /api/ab-tests/{id}/stop}: the winning variant's name, or none. */
    public record StopRequest(String winner) {
    }
}
