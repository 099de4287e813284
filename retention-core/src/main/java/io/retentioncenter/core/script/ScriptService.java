package io.retentioncenter.core.script;

import io.retentioncenter.core.Ids;
import io.retentioncenter.core.NotFoundException;
import io.retentioncenter.core.Require;
import io.retentioncenter.core.ValidationException;
import io.retentioncenter.core.engine.EngineContext;
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
        Require.present(spec, "script");
        spec.campaignId().ifPresent(id -> ctx.config().current().campaign(id)
                .orElseThrow(() -> new NotFoundException("campaign", id)));
        Script s = new Script(Ids.next("scr"), spec.name(), spec.channel(), spec.campaignId(), spec.subject(),
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
