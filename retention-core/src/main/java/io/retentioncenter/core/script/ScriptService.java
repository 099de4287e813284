package io.retentioncenter.core.script;

import io.retentioncenter.core.ConflictException;
import io.retentioncenter.core.NotFoundException;
import io.retentioncenter.core.ValidationException;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.experiment.AbTestStatus;
import io.retentioncenter.core.experiment.Treatment;
import io.retentioncenter.core.internal.ConfigSnapshot;
import io.retentioncenter.core.internal.EngineContext;
import io.retentioncenter.core.internal.Ids;
import io.retentioncenter.core.internal.Require;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Script management: create, declare, update, duplicate, delete, list. Obtain it from {@code engine.scripts()}. */
public final class ScriptService {
    private static final int MAX_NAME = 255;
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
                spec.body(), spec.settings(), spec.description());
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

    /** The scripts written for {@code channel}, by id. */
    public List<Script> list(Channel channel) {
        Require.present(channel, "channel");
        return list().stream().filter(s -> s.channel() == channel).toList();
    }

    /**
     * Copies a script under a new id, named {@code "<name> (copy)"} (cut to the name's limit), with
     * the same channel, campaign, templates, settings and description.
     */
    public Script duplicate(String id) {
        Script s = get(id);
        String name = s.name() + " (copy)";
        Script copy = new Script(Ids.next("scr"), name.substring(0, Math.min(name.length(), MAX_NAME)), s.channel(),
                s.campaignId(), s.subject(), s.body(), s.settings(), s.description());
        ctx.store().saveScript(copy);
        return copy;
    }

    /**
     * Deletes a script. Attempts sent with it keep its id and their text.
     *
     * @throws ConflictException when a step of a sequence (in any status: an archived or draft
     *     sequence may run again) or a variant of a RUNNING or PAUSED A/B test uses it
     */
    public void delete(String id) {
        Script s = get(id);
        ConfigSnapshot config = ctx.config().current();
        config.sequences().values().stream()
                .filter(q -> q.steps().stream().anyMatch(step -> step.scriptId().equals(Optional.of(s.id()))))
                .findFirst().ifPresent(q -> {
                    throw new ConflictException("script " + s.id() + " is used by a step of sequence " + q.id());
                });
        config.tests().values().stream()
                .filter(t -> t.status() == AbTestStatus.RUNNING || t.status() == AbTestStatus.PAUSED)
                .filter(t -> t.variants().stream().anyMatch(v -> v.treatment().equals(new Treatment.ScriptArm(s.id()))))
                .findFirst().ifPresent(t -> {
                    throw new ConflictException("script " + s.id() + " is a variant of A/B test " + t.id());
                });
        if (!ctx.store().deleteScript(s.id())) {
            throw new NotFoundException("script", s.id());
        }
    }
}
