package io.retentioncenter.core.script;

import io.retentioncenter.core.NotFoundException;
import io.retentioncenter.core.ValidationException;
import io.retentioncenter.core.internal.EngineContext;
import io.retentioncenter.core.internal.Ids;
import io.retentioncenter.core.internal.Require;
import java.util.Comparator;
import java.util.List;

/** Script management. Obtain it from {@code engine.scripts()}. */
public final class ScriptService {
    private final EngineContext ctx;

    /** Built by the engine. */
    public ScriptService(EngineContext ctx) {
        this.ctx = ctx;
    }

    /** Creates a script. */
    public Script create(NewScript spec) {
        return save(Ids.next("scr"), spec);
    }

    /**
     * Creates the script declared under {@code key}, or replaces its content with {@code spec}.
     * Idempotent across engines and restarts; its id is {@code "scr." + key}.
     *
     * @throws ValidationException when the key or the spec is invalid, or the declared script exists
     *     on another channel
     */
    public Script declare(String key, NewScript spec) {
        String id = Ids.declared("scr", key);
        Require.present(spec, "script");
        ctx.config().current().script(id).filter(s -> s.channel() != spec.channel()).ifPresent(s -> {
            throw new ValidationException("channel", "script " + id + " is declared for " + s.channel());
        });
        return save(id, spec);
    }

    private Script save(String id, NewScript spec) {
        Require.present(spec, "script");
        spec.campaignId().ifPresent(campaign -> ctx.config().current().campaign(campaign)
                .orElseThrow(() -> new NotFoundException("campaign", campaign)));
        Script s = new Script(id, spec.name(), spec.channel(), spec.campaignId(), spec.subject(),
                spec.body(), spec.settings());
        ctx.store().saveScript(s);
        return s;
    }

    /** Replaces an existing script's content; its channel cannot change. */
    public Script update(Script changed) {
        Require.present(changed, "script");
        Script current = get(changed.id());
        if (current.channel() != changed.channel()) {
            throw new ValidationException("channel", "a script's channel cannot change");
        }
        ctx.store().saveScript(changed);
        return changed;
    }

    /** The script with {@code id}. */
    public Script get(String id) {
        return ctx.config().current().script(Require.text(id, "id"))
                .orElseThrow(() -> new NotFoundException("script", id));
    }

    /** All scripts, by id. */
    public List<Script> list() {
        return ctx.config().current().scripts().values().stream().sorted(Comparator.comparing(Script::id)).toList();
    }
}
