package io.retentioncenter.host.api;

import io.retentioncenter.core.EngineStats;
import io.retentioncenter.core.Page;
import io.retentioncenter.core.RetentionEngine;
import io.retentioncenter.core.sequence.SequenceEnrollment;
import io.retentioncenter.core.sequence.SequenceStepExecution;
import io.retentioncenter.core.sequence.SetAsideEnrollment;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Single enrollments, the ones set aside after failures, and the engine's figures. */
@RestController
@RequestMapping("/api")
public class EnrollmentController {
    private final RetentionEngine engine;

    EnrollmentController(RetentionEngine engine) {
        this.engine = engine;
    }

    @GetMapping("/enrollments/set-aside")
    Page<SetAsideEnrollment> setAside(@RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "50") int limit) {
        return engine.sequences().setAside(Requests.page(offset, limit));
    }

    @GetMapping("/enrollments/{id}")
    SequenceEnrollment get(@PathVariable String id) {
        return engine.sequences().enrollment(id);
    }

    @GetMapping("/enrollments/{id}/executions")
    List<SequenceStepExecution> executions(@PathVariable String id) {
        return engine.sequences().executions(id);
    }

    @PostMapping("/enrollments/{id}/pause")
    SequenceEnrollment pause(@PathVariable String id) {
        return engine.sequences().pause(id);
    }

    @PostMapping("/enrollments/{id}/resume")
    SequenceEnrollment resume(@PathVariable String id) {
        return engine.sequences().resume(id);
    }

    @PostMapping("/enrollments/{id}/exit")
    SequenceEnrollment exit(@PathVariable String id) {
        return engine.sequences().exit(id);
    }

    @GetMapping("/stats")
    EngineStats stats() {
        return engine.stats();
    }
}
