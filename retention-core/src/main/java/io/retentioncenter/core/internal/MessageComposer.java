package io.retentioncenter.core.internal;

import io.retentioncenter.core.campaign.Campaign;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.experiment.AbTest;
import io.retentioncenter.core.experiment.Variant;
import io.retentioncenter.core.lead.Lead;
import io.retentioncenter.core.script.Script;
import io.retentioncenter.core.script.ScriptVariables;
import java.util.Map;
import java.util.Optional;

/**
 * Chooses and renders the script for a contact. Precedence: a RUNNING A/B test for the campaign and
 * channel (its variant's script, sticky per lead) &gt; the sequence step's own script &gt; the
 * campaign's script for the channel &gt; the default script for the channel. Email bodies are
 * rendered with HTML-escaped values; subjects (on one line), SMS and call scripts as plain text.
 */
public final class MessageComposer {
    private final VariantPicker picker;

    /** A composer drawing A/B variants with {@code picker}. */
    public MessageComposer(VariantPicker picker) {
        this.picker = picker;
    }

    /** The picker that draws this composer's variants, shared by timing tests. */
    VariantPicker picker() {
        return picker;
    }

    /**
     * The rendered message for a new attempt (its id is chosen here, so that scripts can carry it),
     * or empty when no script exists for the channel.
     */
    public Optional<ComposedMessage> compose(Lead lead, Campaign campaign, Channel channel, Optional<String> stepScriptId,
            ConfigSnapshot config) {
        Optional<AbTest> test = config.runningTest(campaign.id(), channel);
        Optional<Variant> variant = test.map(t -> picker.pick(t, lead.id()));
        Optional<Script> script = variant.flatMap(v -> config.script(v.scriptId()))
                .or(() -> stepScriptId.flatMap(config::script))
                .or(() -> config.scriptFor(campaign.id(), channel));
        if (script.isEmpty()) {
            return Optional.empty();
        }
        boolean fromTest = variant.isPresent() && script.get().id().equals(variant.get().scriptId());
        ComposedMessage rendered = render(script.get(), channel, lead, campaign, Ids.next("att"));
        return Optional.of(new ComposedMessage(rendered.attemptId(), rendered.scriptId(),
                fromTest ? test.map(AbTest::id) : Optional.empty(), fromTest ? variant.map(Variant::name) : Optional.empty(),
                rendered.subject(), rendered.body()));
    }

    /**
     * {@code script} rendered for {@code lead} in {@code campaign} on {@code channel} (HTML-escaped
     * values for EMAIL), for the attempt {@code attemptId}; no A/B test.
     */
    public static ComposedMessage render(Script script, Channel channel, Lead lead, Campaign campaign,
            String attemptId) {
        Map<String, String> vars = ScriptVariables.of(lead, campaign, attemptId);
        String body = channel == Channel.EMAIL ? ScriptRenderer.renderHtml(script.body(), vars)
                : ScriptRenderer.render(script.body(), vars);
        return new ComposedMessage(attemptId, script.id(), Optional.empty(), Optional.empty(),
                script.subject().map(subject -> InputText.flatten(ScriptRenderer.render(subject, vars)).trim()), body);
    }

}
