package io.retentioncenter.host.api;

import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.script.NewScript;
import io.retentioncenter.core.script.Script;
import java.util.Map;
import java.util.Optional;

/**
 * Body of {@code POST /api/scripts} and {@code PUT /api/scripts/{id}}: a template for one channel,
 * of a campaign or (without {@code campaignId}) the default for its channel.
 */
public record ScriptRequest(Channel channel, String name, String body, String subject, String campaignId,
        Map<String, String> settings, String description) {

    NewScript toNewScript() {
        NewScript.Builder b = NewScript.builder(channel, name, body);
        Optional.ofNullable(campaignId).ifPresent(b::campaign);
        Optional.ofNullable(subject).ifPresent(b::subject);
        Optional.ofNullable(settings).ifPresent(s -> s.forEach(b::setting));
        Optional.ofNullable(description).ifPresent(b::description);
        return b.build();
    }

    Script toScript(String id) {
        NewScript spec = toNewScript();
        return new Script(id, spec.name(), spec.channel(), spec.campaignId(), spec.subject(), spec.body(),
                spec.settings(), spec.description());
    }
}
