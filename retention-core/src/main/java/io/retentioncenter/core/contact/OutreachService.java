package io.retentioncenter.core.contact;

import io.retentioncenter.core.ConflictException;
import io.retentioncenter.core.ContactRefusedException;
import io.retentioncenter.core.NotFoundException;
import io.retentioncenter.core.ValidationException;
import io.retentioncenter.core.campaign.Campaign;
import io.retentioncenter.core.campaign.CampaignStatus;
import io.retentioncenter.core.internal.Attempts;
import io.retentioncenter.core.internal.ComposedMessage;
import io.retentioncenter.core.internal.ConfigSnapshot;
import io.retentioncenter.core.internal.ContactPolicy;
import io.retentioncenter.core.internal.EngineContext;
import io.retentioncenter.core.internal.ErrorText;
import io.retentioncenter.core.internal.Ids;
import io.retentioncenter.core.internal.InputText;
import io.retentioncenter.core.internal.LeadNormalizer;
import io.retentioncenter.core.internal.MessageComposer;
import io.retentioncenter.core.internal.Require;
import io.retentioncenter.core.internal.ScriptRenderer;
import io.retentioncenter.core.internal.TestRecipient;
import io.retentioncenter.core.lead.Lead;
import io.retentioncenter.core.script.Script;
import io.retentioncenter.core.script.ScriptVariables;
import io.retentioncenter.core.spi.ChannelProvider;
import io.retentioncenter.core.spi.ConnectionCheck;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What an operator sends by hand, and the providers' credential checks. Sends are stored as attempts
 * and go out through the engine's outbox like every other send (the next {@code tick()} dispatches
 * them), exactly once: a provider answer ends them SENT or FAILED, no answer ends them UNKNOWN for an
 * operator to resolve, and nothing is retried in a way that could send twice. Obtain it from
 * {@code engine.outreach()}.
 */
public final class OutreachService {
    private static final int MAX_TEXT_LENGTH = 10_000;
    private static final int MAX_SUBJECT_LENGTH = 500;

    private final EngineContext ctx;
    private final ContactPolicy policy;
    private final Map<Channel, ChannelProvider> providers;
    private final LeadNormalizer normalizer;

    /** Built by the engine. */
    public OutreachService(EngineContext ctx, ContactPolicy policy, Map<Channel, ChannelProvider> providers,
            LeadNormalizer normalizer) {
        this.ctx = ctx;
        this.policy = policy;
        this.providers = Map.copyOf(providers);
        this.normalizer = normalizer;
    }

    /**
     * Stores a test send (an attempt of kind {@link AttemptKind#TEST}, due now) for the next tick to
     * dispatch. No lead is contacted, counted or paced, and analytics never see it.
     *
     * @return the attempt; for a repeated {@code requestKey}, the first one
     * @throws NotFoundException when the script or campaign does not exist
     * @throws ValidationException when the recipient is malformed for the script's channel, or no
     *     campaign is named and the script belongs to none
     * @throws ContactRefusedException ({@code NO_PROVIDER}) when no provider serves the script's channel
     */
    public ContactAttempt sendTest(TestSend test) {
        Require.present(test, "test");
        ConfigSnapshot config = ctx.config().current();
        Script script = config.script(test.scriptId()).orElseThrow(() -> new NotFoundException("script",
                test.scriptId()));
        Channel channel = script.channel();
        requireProvider(channel);
        String campaignId = test.campaignId().or(script::campaignId).orElseThrow(() -> new ValidationException(
                "campaignId", "script " + script.id() + " belongs to no campaign: name the campaign whose provider"
                        + " settings apply"));
        Campaign campaign = config.campaign(campaignId).orElseThrow(() -> new NotFoundException("campaign",
                campaignId));
        String recipient = channel.needsPhone() ? normalizer.normalizePhone(test.recipient())
                : normalizer.normalizeEmail(test.recipient());
        String attemptId = attemptId("test", test.requestKey());
        Optional<ContactAttempt> replay = replayOf(attemptId, test.requestKey());
        if (replay.isPresent()) {
            return replay.get();
        }
        Instant now = ctx.now();
        Lead lead = TestRecipient.lead(channel, recipient, test.firstName(), test.lastName(), now);
        ComposedMessage message = MessageComposer.render(script, channel, lead, campaign, attemptId);
        return ctx.store().insertTestAttempt(Attempts.create(lead, campaign.id(), channel, AttemptKind.TEST,
                Optional.empty(), Optional.empty(), "test:" + attemptId, message, now, now));
    }

    /**
     * Stores a one-off message (an attempt of kind {@link AttemptKind#ONE_OFF}) under the campaign's
     * contact policy. When it may go now it is PENDING and the next tick sends it; outside the
     * campaign's hours, over its rate limit or the lead's pacing, it is queued SCHEDULED for the next
     * allowed moment (see the attempt's {@code dueAt}), never dropped. It counts as a contact of the
     * lead like any other.
     *
     * @return the attempt; for a repeated {@code requestKey}, the first one
     * @throws NotFoundException when the lead or campaign does not exist
     * @throws ValidationException when the text or subject is malformed, or an EMAIL has no subject
     * @throws ConflictException when the campaign has ended
     * @throws ContactRefusedException when the lead may not be contacted ({@code NOT_CONTACTABLE}, e.g.
     *     DO_NOT_CONTACT), has no address for the channel ({@code CHANNEL_NOT_VIABLE}), reached the
     *     campaign's contact limit ({@code CONTACT_LIMIT}) or no provider serves the channel
     *     ({@code NO_PROVIDER})
     */
    public ContactAttempt sendMessage(OneOffMessage message) {
        Require.present(message, "message");
        String text = InputText.multiLine(message.text(), "text", MAX_TEXT_LENGTH);
        Optional<String> subject = message.subject().map(s -> InputText.singleLine(s, "subject", MAX_SUBJECT_LENGTH));
        if (message.channel() == Channel.EMAIL && subject.isEmpty()) {
            throw new ValidationException("subject", "is required for EMAIL");
        }
        Lead lead = ctx.store().findLead(message.leadId())
                .orElseThrow(() -> new NotFoundException("lead", message.leadId()));
        Campaign campaign = ctx.config().current().campaign(message.campaignId())
                .orElseThrow(() -> new NotFoundException("campaign", message.campaignId()));
        String attemptId = attemptId("one-off", message.requestKey().map(key -> lead.id() + "\n" + key));
        Optional<ContactAttempt> replay = replayOf(attemptId, message.requestKey());
        if (replay.isPresent()) {
            return replay.get();
        }
        requireProvider(message.channel());
        if (campaign.status() == CampaignStatus.ENDED) {
            throw new ConflictException("campaign " + campaign.id() + " has ended; it sends nothing more");
        }
        Instant now = ctx.now();
        RouteDecision decision = policy.decide(lead, campaign, message.channel(), now, true);
        if (decision.verdict() == RouteDecision.Verdict.REJECT) {
            throw refused(decision.reason(), lead);
        }
        Map<String, String> vars = ScriptVariables.of(lead, campaign, attemptId);
        String body = message.channel() == Channel.EMAIL ? ScriptRenderer.renderHtml(text, vars)
                : ScriptRenderer.render(text, vars);
        ContactAttempt attempt = Attempts.oneOff(lead, campaign.id(), message.channel(), attemptId,
                subject.map(s -> InputText.flatten(ScriptRenderer.render(s, vars)).trim()), body, decision.at(), now);
        if (ctx.store().insertAttempt(attempt, campaign.contactLimit())) {
            return attempt;
        }
        return replayOf(attemptId, Optional.of(attemptId)).orElseThrow(() -> refused(
                ctx.store().findLead(lead.id()).filter(l -> l.status().contactable()).isPresent()
                        ? RouteDecision.Reason.CONTACT_LIMIT : RouteDecision.Reason.NOT_CONTACTABLE, lead));
    }

    /**
     * Checks the credentials of the provider serving {@code channel} with a read-only call ("test
     * connection"). A provider that throws counts as a failed check.
     *
     * @throws NotFoundException when no provider serves the channel
     */
    public ConnectionCheck checkConnection(Channel channel) {
        ChannelProvider provider = providers.get(Require.present(channel, "channel"));
        if (provider == null) {
            throw new NotFoundException("provider for channel", channel.name());
        }
        try {
            ConnectionCheck check = provider.checkConnection();
            return check == null ? ConnectionCheck.failed(provider.name() + " returned no check") : check;
        } catch (RuntimeException e) {
            return ConnectionCheck.failed(provider.name() + ": " + ErrorText.describe(e));
        }
    }

    private void requireProvider(Channel channel) {
        if (!providers.containsKey(channel)) {
            throw new ContactRefusedException(RouteDecision.Reason.NO_PROVIDER, "no provider serves " + channel);
        }
    }

    private static ContactRefusedException refused(RouteDecision.Reason reason, Lead lead) {
        return new ContactRefusedException(reason, "lead " + lead.id() + " may not get this message");
    }

    /** A fresh id, or one derived from the request key so that a repeated request finds its attempt. */
    private static String attemptId(String kind, Optional<String> requestKey) {
        return requestKey.map(key -> "att_" + kind.replace("-", "") + "_"
                + UUID.nameUUIDFromBytes((kind + "\n" + key).getBytes(StandardCharsets.UTF_8)).toString()
                        .replace("-", ""))
                .orElseGet(() -> Ids.next("att"));
    }

    private Optional<ContactAttempt> replayOf(String attemptId, Optional<String> requestKey) {
        return requestKey.isEmpty() ? Optional.empty() : ctx.store().findAttempt(attemptId);
    }
}
