package io.retentioncenter.host.api;

import io.retentioncenter.core.RetentionEngine;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.script.Script;
import java.util.List;
import org.springframework.http.HttpStatus;
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

/** Message scripts: {@code engine.scripts()}. 404 for an unknown script, 409 for one still in use. */
@RestController
@RequestMapping("/api/scripts")
public class ScriptController {
    private final RetentionEngine engine;

    ScriptController(RetentionEngine engine) {
        this.engine = engine;
    }

    /** Every script, or those of {@code channel} (400 for an unknown channel). */
    @GetMapping
    List<Script> list(@RequestParam(required = false) Channel channel) {
        return channel == null ? engine.scripts().list() : engine.scripts().list(channel);
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

    /** A copy named after the original. */
    @PostMapping("/{id}/duplicate")
    @ResponseStatus(HttpStatus.CREATED)
    Script duplicate(@PathVariable String id) {
        return engine.scripts().duplicate(id);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String id) {
        engine.scripts().delete(id);
    }
}
