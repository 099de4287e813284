package io.retentioncenter.host.api;

import io.retentioncenter.core.RetentionEngine;
import io.retentioncenter.core.script.Script;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Message scripts: {@code engine.scripts()}. */
@RestController
@RequestMapping("/api/scripts")
public class ScriptController {
    private final RetentionEngine engine;

    ScriptController(RetentionEngine engine) {
        this.engine = engine;
    }

    @GetMapping
    List<Script> list() {
        return engine.scripts().list();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Script create(@RequestBody ScriptRequest body) {
        return engine.scripts().create(body.toNewScript());
    }

    @GetMapping("/{id}")
    Script get(@PathVariable String id) {
        return engine.scripts().get(id);
    }

    @PutMapping("/{id}")
    Script update(@PathVariable String id, @RequestBody ScriptRequest body) {
        return engine.scripts().update(body.toScript(id));
    }
}
