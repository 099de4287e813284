package io.retentioncenter.host.api;

import io.retentioncenter.core.RetentionEngine;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.experiment.AbTest;
import io.retentioncenter.core.experiment.ArmCounts;
import io.retentioncenter.core.experiment.Variant;
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

/** A/B tests of scripts: {@code engine.experiments()}. 404 for an unknown test, 409 for a change its status forbids. */
@RestController
@RequestMapping("/api/ab-tests")
public class AbTestController {
    private final RetentionEngine engine;

    AbTestController(RetentionEngine engine) {
        this.engine = engine;
    }

    @GetMapping
    List<AbTest> list() {
        return engine.experiments().list();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    AbTest start(@RequestBody StartRequest body) {
        return engine.experiments().start(body.campaignId(), body.channel(), Requests.present(body.variants(), "variants"));
    }

    @GetMapping("/{id}")
    AbTest get(@PathVariable String id) {
        return engine.experiments().get(id);
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
    AbTest stop(@PathVariable String id, @RequestBody(required = false) StopRequest body) {
        return engine.experiments().stop(id, Optional.ofNullable(body).map(StopRequest::winner));
    }

    @PostMapping("/{id}/pause")
    AbTest pause(@PathVariable String id) {
        return engine.experiments().pause(id);
    }

    @PostMapping("/{id}/resume")
    AbTest resume(@PathVariable String id) {
        return engine.experiments().resume(id);
    }

    /** Stops the test if needed and removes it from the list; answers it as last stored. */
    @DeleteMapping("/{id}")
    AbTest delete(@PathVariable String id) {
        return engine.experiments().delete(id);
    }

    /** Body of {@code POST /api/ab-tests}: two or more variants, each a script of the channel and a weight. */
    public record StartRequest(String campaignId, Channel channel, List<Variant> variants) {
    }

    /** Body of {@code POST /api/ab-tests/{id}/stop}: the winning variant's name, or none. */
    public record StopRequest(String winner) {
    }
}
