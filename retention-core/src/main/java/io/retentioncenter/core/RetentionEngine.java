package io.retentioncenter.core;

import io.retentioncenter.core.EngineSettings;
import io.retentioncenter.core.campaign.CampaignService;
import io.retentioncenter.core.contact.AttemptService;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.contact.ChannelRouter;
import io.retentioncenter.core.conversion.ConversionService;
import io.retentioncenter.core.contact.OutreachService;
import io.retentioncenter.core.dashboard.DashboardService;
import io.retentioncenter.core.experiment.ExperimentService;
import io.retentioncenter.core.inbound.InboundService;
import io.retentioncenter.core.internal.CampaignSequences;
import io.retentioncenter.core.internal.ConfigCache;
import io.retentioncenter.core.internal.ContactPolicy;
import io.retentioncenter.core.internal.Dispatcher;
import io.retentioncenter.core.internal.EngineContext;
import io.retentioncenter.core.internal.Enroller;
import io.retentioncenter.core.internal.Housekeeping;
import io.retentioncenter.core.internal.LeadNormalizer;
import io.retentioncenter.core.internal.LeadRouting;
import io.retentioncenter.core.internal.MessageComposer;
import io.retentioncenter.core.internal.Reengagements;
import io.retentioncenter.core.internal.SafeListener;
import io.retentioncenter.core.internal.SequenceRunner;
import io.retentioncenter.core.internal.VariantPicker;
import io.retentioncenter.core.lead.LeadService;
import io.retentioncenter.core.reengagement.ReengagementService;
import io.retentioncenter.core.script.ScriptService;
import io.retentioncenter.core.sequence.SequenceService;
import io.retentioncenter.core.sequence.TickResult;
import io.retentioncenter.core.spi.ChannelProvider;
import io.retentioncenter.core.spi.EngineListener;
import io.retentioncenter.core.spi.ExperimentJudge;
import io.retentioncenter.core.spi.RetentionStore;
import io.retentioncenter.core.spi.SendTimeAdvisor;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The Retention Center engine: lead intake and routing, sequences, the channel router, the tick and
 * inbound webhooks, over one {@link RetentionStore}. Thread-safe. The host calls {@link #tick()}
 * from its own scheduler (every few seconds to minutes) and hands webhook requests to
 * {@link #inbound()}; several engine instances may share one database store.
 *
 * <pre>{@code
 * RetentionEngine engine = RetentionEngine.builder()
 *     .store(new InMemoryRetentionStore())
 *     .clock(Clock.systemUTC())
 *     .channel(emailProvider).channel(smsProvider).channel(callProvider)
 *     .build();
 * engine.leads().ingest(NewLead.of(LeadSource.API, "maria@example.com", "+14155550123"));
 * TickResult r = engine.tick();
 * }</pre>
 */
public final class RetentionEngine {
    private final EngineContext ctx;
    private final LeadService leads;
    private final CampaignService campaigns;
    private final ScriptService scripts;
    private final SequenceService sequences;
    private final ExperimentService experiments;
    private final ChannelRouter router;
    private final AttemptService attempts;
    private final InboundService inbound;
    private final ConversionService conversions;
    private final SequenceRunner runner;
    private final EngineStatsReader stats;
    private final DashboardService dashboards;
    private final Housekeeping housekeeping;
    private final OutreachService outreach;
    private final ReengagementService reengagement;

    private RetentionEngine(RetentionEngineBuilder b) {
        EngineSettings settings = b.settings();
        this.ctx = new EngineContext(b.store(), b.clock(), new ConfigCache(b.store()), new SafeListener(b.listeners()),
                settings);
        Map<Channel, ChannelProvider> providers = new EnumMap<>(b.providers());
        ContactPolicy policy = new ContactPolicy(ctx.store(), b.advisor(), b.leadPacing());
        MessageComposer composer = new MessageComposer(new VariantPicker(
                settings.randomSeed().orElseGet(() -> new java.security.SecureRandom().nextLong())));
        Dispatcher dispatcher = new Dispatcher(ctx, providers);
        this.housekeeping = new Housekeeping(ctx);
        CampaignSequences campaignSequences = new CampaignSequences(ctx);
        Enroller enroller = new Enroller(ctx);
        this.runner = new SequenceRunner(ctx, policy, composer, providers.keySet(), dispatcher, housekeeping,
                new Reengagements(ctx, enroller));
        LeadNormalizer normalizer = new LeadNormalizer(settings.defaultRegion());
        LeadRouting routing = new LeadRouting(ctx, campaignSequences, enroller);
        this.leads = new LeadService(ctx, normalizer, routing, b.ingestGroupCommit());
        this.outreach = new OutreachService(ctx, policy, providers, normalizer);
        this.reengagement = new ReengagementService(ctx);
        this.campaigns = new CampaignService(ctx, routing);
        this.scripts = new ScriptService(ctx);
        this.sequences = new SequenceService(ctx, enroller, runner);
        this.experiments = new ExperimentService(ctx, b.judge());
        this.router = new ChannelRouter(ctx, policy, composer, providers.keySet());
        this.attempts = new AttemptService(ctx);
        this.inbound = new InboundService(ctx, router, leads, experiments, b.metaWebhooks(), b.graphLeads(),
                b.keitaro());
        this.conversions = new ConversionService(ctx, inbound);
        this.stats = new EngineStatsReader(ctx);
        this.dashboards = new DashboardService(ctx);
    }

    /** Starts a builder. */
    public static RetentionEngineBuilder builder() {
        return new RetentionEngineBuilder(RetentionEngine::new);
    }

    /**
     * Processes due sequence steps and dispatches due attempts, once. Throws the store's typed
     * exceptions ({@link StoreException}) when the database fails; a host that runs ticks on a
     * schedule should use {@link #schedule}, which survives such failures.
     */
    public TickResult tick() {
        return runner.tick();
    }

    /**
     * Runs {@link #tick()} on {@code executor} with {@code delayBetweenTicks} between the end of one
     * tick and the start of the next, starting now. A tick that throws is reported through
     * {@link EngineListener#error} ({@code "tick"}) and the loop goes on; stop it with
     * {@link TickLoop#stop}. The executor stays the host's: the loop never shuts it down.
     *
     * <pre>{@code
     * ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
     * TickLoop loop = engine.schedule(scheduler, Duration.ofSeconds(10));
     * // on shutdown:
     * loop.stop(Duration.ofSeconds(30));
     * }</pre>
     *
     * @throws ConfigurationException when {@code executor} is null or shut down, or the delay is not positive
     */
    public TickLoop schedule(ScheduledExecutorService executor, Duration delayBetweenTicks) {
        if (executor == null || executor.isShutdown()) {
            throw new ConfigurationException("schedule needs a running ScheduledExecutorService");
        }
        if (delayBetweenTicks == null || delayBetweenTicks.isNegative() || delayBetweenTicks.isZero()) {
            throw new ConfigurationException("schedule needs a positive delay between ticks, was " + delayBetweenTicks);
        }
        return new TickLoop(this::tick, ctx.listener(), executor, delayBetweenTicks);
    }

    /**
     * Deletes housekeeping rows now: processed provider-event keys, Keitaro replay keys and unmatched
     * postbacks older than {@code housekeepingRetention}, and rate-limit windows long over. The tick
     * already does this once per {@code housekeepingInterval}; call it from your own schedule if you
     * prefer. Leads, attempts, enrollments and conversions are never purged.
     */
    public PurgeReport purge() {
        return housekeeping.purge();
    }

    /** Lead intake and the leads page (search, counts, edits, timelines). */
    public LeadService leads() {
        return leads;
    }

    /** Campaign management. */
    public CampaignService campaigns() {
        return campaigns;
    }

    /** Script management. */
    public ScriptService scripts() {
        return scripts;
    }

    /** Sequence management and enrollment. */
    public SequenceService sequences() {
        return sequences;
    }

    /** A/B tests. */
    public ExperimentService experiments() {
        return experiments;
    }

    /** Direct contact routing outside sequences. */
    public ChannelRouter router() {
        return router;
    }

    /** Attempts: listing them and resolving those whose outcome is unknown. */
    public AttemptService attempts() {
        return attempts;
    }

    /**
     * What operators send by hand: test sends of a script to any address, one-off messages to a lead
     * under the contact policy, and the providers' credential checks.
     */
    public OutreachService outreach() {
        return outreach;
    }

    /** Re-engagement rules: leads that have not converted move into another sequence, once. */
    public ReengagementService reengagement() {
        return reengagement;
    }

    /** Webhooks and postbacks. */
    public InboundService inbound() {
        return inbound;
    }

    /** The conversions page: conversions, totals, unmatched postbacks and re-matching them. */
    public ConversionService conversions() {
        return conversions;
    }

    /** Operational figures: active enrollments, steps per hour, failed-attempt rate, backlog. */
    public EngineStats stats() {
        return stats.read();
    }

    /** The operator's dashboards: daily activity, leads by status, upcoming steps, recent activity. */
    public DashboardService dashboards() {
        return dashboards;
    }

    /** The store this engine runs on. */
    public RetentionStore store() {
        return ctx.store();
    }

    /** The engine's settings. */
    public EngineSettings settings() {
        return ctx.settings();
    }
}
