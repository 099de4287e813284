package io.retentioncenter.core;

import io.retentioncenter.core.EngineSettings;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.contact.LeadPacing;
import io.retentioncenter.core.inbound.keitaro.KeitaroPostbackParser;
import io.retentioncenter.core.inbound.meta.GraphLeadClient;
import io.retentioncenter.core.inbound.meta.MetaWebhooks;
import io.retentioncenter.core.spi.ChannelProvider;
import io.retentioncenter.core.spi.EngineListener;
import io.retentioncenter.core.spi.ExperimentJudge;
import io.retentioncenter.core.spi.RetentionStore;
import io.retentioncenter.core.spi.SendTimeAdvisor;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Builds a {@link RetentionEngine}. Every setter throws {@link ConfigurationException} at once when its
 * value alone is wrong (null, blank, out of range); {@link #build()} throws it for what is missing
 * and for settings that do not fit together. A store is required; everything else has a default: the UTC
 * system clock, no channels (steps on channels without a provider are skipped), a judge that never
 * ends A/B tests, an advisor that never moves sends, no listeners, region {@code US}, batches of 500
 * enrollments, 2-minute enrollment leases, 5-minute dispatch leases, 16 sends in flight, 60-second
 * provider timeout, 30-second first retry backoff, re-engagement SMS 2 hours after an opened email,
 * callbacks without a time after 1 day, a 1-hour spread for steps overdue after a pause, an hourly
 * purge of housekeeping rows older than 30 days, and concurrent single-lead ingests grouped up to 100
 * per commit.
 */
public final class RetentionEngineBuilder {
    private static final int DEFAULT_INGEST_GROUP_COMMIT = 100;
    /** The largest group commit: one chunk of a store's set-based intake ({@code ingestLeads}). */
    private static final int MAX_INGEST_GROUP_COMMIT = 1_000;
    private final Function<RetentionEngineBuilder, RetentionEngine> factory;
    private RetentionStore store;
    private Clock clock = Clock.systemUTC();
    private final Map<Channel, ChannelProvider> providers = new EnumMap<>(Channel.class);
    private ExperimentJudge judge = ExperimentJudge.neverStop();
    private SendTimeAdvisor advisor = SendTimeAdvisor.sendNow();
    private Optional<LeadPacing> leadPacing = Optional.empty();
    private final List<EngineListener> listeners = new ArrayList<>();
    private String instanceId = defaultInstanceId();
    private String defaultRegion = "US";
    private int batchSize = 500;
    private int maxBatchesPerTick = 1_000;
    private int tickConcurrency = 1;
    private Duration enrollmentLease = Duration.ofMinutes(2);
    private Duration dispatchLease = Duration.ofMinutes(5);
    private int dispatchConcurrency = 16;
    private Duration dispatchTimeout = Duration.ofSeconds(60);
    private Duration retryBackoff = Duration.ofSeconds(30);
    private int defaultMaxRetries = 2;
    private Optional<Duration> reengage = Optional.of(Duration.ofHours(2));
    private Duration callbackDefaultDelay = Duration.ofDays(1);
    private Duration resumeSpread = Duration.ofHours(1);
    private Optional<Long> seed = Optional.empty();
    private Duration housekeepingRetention = Duration.ofDays(30);
    private Duration housekeepingInterval = Duration.ofHours(1);
    private Optional<MetaWebhooks> metaWebhooks = Optional.empty();
    private Optional<GraphLeadClient> graphLeads = Optional.empty();
    private Optional<KeitaroPostbackParser> keitaro = Optional.empty();
    private boolean metaPayloadsCarryLeadFields;
    private int ingestGroupCommit = DEFAULT_INGEST_GROUP_COMMIT;

    RetentionEngineBuilder(Function<RetentionEngineBuilder, RetentionEngine> factory) {
        this.factory = factory;
    }

    private static String defaultInstanceId() {
        return ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The store (required). */
    public RetentionEngineBuilder store(RetentionStore value) {
        store = notNull(value, "store");
        return this;
    }

    /** The clock all time comes from. */
    public RetentionEngineBuilder clock(Clock value) {
        clock = notNull(value, "clock");
        return this;
    }

    /** Adds the provider for its channel; one provider per channel. */
    public RetentionEngineBuilder channel(ChannelProvider provider) {
        notNull(provider, "channel provider");
        Channel ch = notNull(provider.channel(), "channel provider's channel()");
        if (providers.containsKey(ch)) {
            throw new ConfigurationException("a provider for " + ch + " is already set ("
                    + providers.get(ch).name() + ")");
        }
        providers.put(ch, provider);
        return this;
    }

    /** The A/B test judge (retention-learning ships a sequential one). */
    public RetentionEngineBuilder experimentJudge(ExperimentJudge value) {
        judge = notNull(value, "experimentJudge");
        return this;
    }

    /**
     * Paces every lead across campaigns and channels: a daily contact cap and a minimum gap between
     * two contacts ({@link LeadPacing}); a contact that would break them is deferred, never dropped.
     * Default: no pacing.
     */
    public RetentionEngineBuilder leadPacing(LeadPacing value) {
        leadPacing = Optional.of(notNull(value, "leadPacing"));
        return this;
    }

    /** The send-time advisor (retention-learning ships a heatmap-based one). */
    public RetentionEngineBuilder sendTimeAdvisor(SendTimeAdvisor value) {
        advisor = notNull(value, "sendTimeAdvisor");
        return this;
    }

    /**
     * Adds callbacks for metrics and logs; several listeners may be added and are called in order
     * (for example {@code MicrometerMetrics} and the host's own).
     */
    public RetentionEngineBuilder listener(EngineListener value) {
        listeners.add(notNull(value, "listener"));
        return this;
    }

    /** This instance's id in leases; unique per running engine (default: pid@host plus a random suffix). */
    public RetentionEngineBuilder instanceId(String value) {
        instanceId = text(value, "instanceId");
        return this;
    }

    /** Region for phone numbers without a country code (ISO 3166 alpha-2). */
    public RetentionEngineBuilder defaultRegion(String value) {
        defaultRegion = region(value);
        return this;
    }

    /** Enrollments claimed per batch. */
    public RetentionEngineBuilder batchSize(int value) {
        batchSize = between(value, 1, 10_000, "batchSize");
        return this;
    }

    /** Upper bound of batches per tick. */
    public RetentionEngineBuilder maxBatchesPerTick(int value) {
        maxBatchesPerTick = between(value, 1, Integer.MAX_VALUE, "maxBatchesPerTick");
        return this;
    }

    /**
     * Batches one tick processes at once (default 1), each on its own thread with its own store
     * calls, as several engine instances would; between 1 and 64. With more than one, the
     * {@link EngineListener} is called from several threads.
     */
    public RetentionEngineBuilder tickConcurrency(int value) {
        tickConcurrency = between(value, 1, 64, "tickConcurrency");
        return this;
    }

    /** How long a claimed enrollment stays reserved for this instance. */
    public RetentionEngineBuilder enrollmentLease(Duration value) {
        enrollmentLease = EngineSettings.requirePositive(value, "enrollmentLease");
        return this;
    }

    /** How long a dispatching attempt stays reserved; must exceed the dispatch timeout. */
    public RetentionEngineBuilder dispatchLease(Duration value) {
        dispatchLease = EngineSettings.requirePositive(value, "dispatchLease");
        return this;
    }

    /** Provider sends in flight at once. */
    public RetentionEngineBuilder dispatchConcurrency(int value) {
        dispatchConcurrency = between(value, 1, Integer.MAX_VALUE, "dispatchConcurrency");
        return this;
    }

    /**
     * How long to wait for a provider's answer before the send is cancelled and its outcome counts as
     * unknown; must cover every provider's {@link ChannelProvider#maxSendTime()}.
     */
    public RetentionEngineBuilder dispatchTimeout(Duration value) {
        dispatchTimeout = EngineSettings.requirePositive(value, "dispatchTimeout");
        return this;
    }

    /** First backoff after a failed send; doubled per try unless the provider says Retry-After. */
    public RetentionEngineBuilder retryBackoff(Duration value) {
        retryBackoff = EngineSettings.requirePositive(value, "retryBackoff");
        return this;
    }

    /** Retries for attempts outside sequence steps. */
    public RetentionEngineBuilder defaultMaxRetries(int value) {
        defaultMaxRetries = between(value, 0, Integer.MAX_VALUE, "defaultMaxRetries");
        return this;
    }

    /** Delay of the extra SMS after an opened email of an unconverted lead. */
    public RetentionEngineBuilder reengageOpenedWithSms(Duration delay) {
        reengage = Optional.of(EngineSettings.requirePositive(delay, "reengageOpenedWithSms"));
        return this;
    }

    /** Turns the opened-email re-engagement SMS off. */
    public RetentionEngineBuilder noReengagement() {
        reengage = Optional.empty();
        return this;
    }

    /** When a lead asks for a callback without a time, call back this much later. */
    public RetentionEngineBuilder callbackDefaultDelay(Duration value) {
        callbackDefaultDelay = EngineSettings.requirePositive(value, "callbackDefaultDelay");
        return this;
    }

    /** Window over which overdue steps are spread when a paused campaign resumes. */
    public RetentionEngineBuilder resumeSpread(Duration value) {
        resumeSpread = EngineSettings.requirePositive(value, "resumeSpread");
        return this;
    }

    /**
     * How long processed provider-event keys, Keitaro replay keys and unmatched postbacks are kept
     * (default 30 days); a provider or tracker that replays an older delivery is not recognised as a
     * replay, which changes nothing for provider events (statuses only move forward).
     */
    public RetentionEngineBuilder housekeepingRetention(Duration value) {
        housekeepingRetention = EngineSettings.requirePositive(value, "housekeepingRetention");
        return this;
    }

    /** How often a tick purges old housekeeping rows (default hourly); see {@link RetentionEngine#purge()}. */
    public RetentionEngineBuilder housekeepingInterval(Duration value) {
        housekeepingInterval = EngineSettings.requirePositive(value, "housekeepingInterval");
        return this;
    }

    /**
     * Group commit of single-lead ingests (default on, at most 100 leads per commit): concurrent
     * {@code leads().ingest(...)} calls on this engine are written by one store call in one
     * transaction, so the database commits once for all of them. No timer is involved: a lone call
     * is written at once, and calls that arrive while a batch is being written go together in the
     * next one, so batches grow with the load. Each call still gets its own result or exception,
     * exactly as if it had run alone (a batch that fails is written again lead by lead).
     *
     * @param maxLeadsPerCommit the most ingests one commit carries, 2 to 1,000
     */
    public RetentionEngineBuilder ingestGroupCommit(int maxLeadsPerCommit) {
        ingestGroupCommit = between(maxLeadsPerCommit, 2, MAX_INGEST_GROUP_COMMIT, "ingestGroupCommit");
        return this;
    }

    /** Writes every single-lead ingest in a transaction of its own (see {@link #ingestGroupCommit}). */
    public RetentionEngineBuilder noIngestGroupCommit() {
        ingestGroupCommit = 1;
        return this;
    }

    /** Seed for A/B variant assignment, for reproducible tests and simulations. */
    public RetentionEngineBuilder randomSeed(long value) {
        seed = Optional.of(value);
        return this;
    }

    /** Meta lead-ads webhook verification and parsing, for {@code engine.inbound().meta(...)}. */
    public RetentionEngineBuilder metaWebhooks(MetaWebhooks value) {
        metaWebhooks = Optional.of(notNull(value, "metaWebhooks"));
        return this;
    }

    /**
     * Accepts Meta webhooks without a {@linkplain #graphLeads Graph client}: only deliveries whose
     * changes carry the lead's fields (forwarders such as Zapier) create leads. A real lead-ads
     * notification carries ids only; without a Graph client it is reported FAILED and its lead is lost,
     * so {@link #build()} refuses {@link #metaWebhooks} without either this or a Graph client.
     */
    public RetentionEngineBuilder metaPayloadsCarryLeadFields() {
        metaPayloadsCarryLeadFields = true;
        return this;
    }

    /** Graph API client that resolves Meta notifications carrying only a {@code leadgen_id}. */
    public RetentionEngineBuilder graphLeads(GraphLeadClient value) {
        graphLeads = Optional.of(notNull(value, "graphLeads"));
        return this;
    }

    /** Keitaro postback parsing, for {@code engine.inbound().keitaro(...)}. */
    public RetentionEngineBuilder keitaro(KeitaroPostbackParser value) {
        keitaro = Optional.of(notNull(value, "keitaro"));
        return this;
    }

    /**
     * Builds the engine.
     *
     * @throws ConfigurationException naming what is missing or invalid, including a provider whose
     *     {@link ChannelProvider#maxSendTime()} exceeds the dispatch timeout, and Meta webhooks with
     *     neither a Graph client nor {@link #metaPayloadsCarryLeadFields()}
     */
    public RetentionEngine build() {
        if (store == null) {
            throw new ConfigurationException("RetentionEngine needs a store: call .store(...) with a RetentionStore "
                    + "(new InMemoryRetentionStore() for tests, JdbiRetentionStore.create(dataSource) for production)");
        }
        if (metaWebhooks.isPresent() && graphLeads.isEmpty() && !metaPayloadsCarryLeadFields) {
            throw new ConfigurationException("Meta lead-ads webhooks carry lead ids only: configure .graphLeads("
                    + "GraphLeadClient.builder().pageAccessToken(...).build()) to fetch each lead, or call"
                    + " .metaPayloadsCarryLeadFields() if your deliveries come from a forwarder that includes the fields");
        }
        EngineSettings settings = settings();
        for (ChannelProvider provider : providers.values()) {
            provider.maxSendTime().filter(max -> max.compareTo(settings.dispatchTimeout()) > 0).ifPresent(max -> {
                throw new ConfigurationException("provider " + provider.name() + " may take up to " + max
                        + " per send, longer than the dispatch timeout " + settings.dispatchTimeout()
                        + ": the engine would give up on sends the provider still retries. Raise dispatchTimeout"
                        + " (and dispatchLease) or lower the provider's ProviderHttp totalTimeout");
            });
        }
        return factory.apply(this);
    }

    EngineSettings settings() {
        return new EngineSettings(instanceId, defaultRegion, batchSize, maxBatchesPerTick, enrollmentLease,
                dispatchLease, dispatchConcurrency, dispatchTimeout, retryBackoff, defaultMaxRetries, reengage,
                callbackDefaultDelay, resumeSpread, seed, housekeepingRetention, housekeepingInterval, tickConcurrency);
    }

    RetentionStore store() {
        return store;
    }

    int ingestGroupCommit() {
        return ingestGroupCommit;
    }

    Clock clock() {
        return clock;
    }

    Map<Channel, ChannelProvider> providers() {
        return providers;
    }

    ExperimentJudge judge() {
        return judge;
    }

    SendTimeAdvisor advisor() {
        return advisor;
    }

    Optional<LeadPacing> leadPacing() {
        return leadPacing;
    }

    List<EngineListener> listeners() {
        return listeners;
    }

    Optional<MetaWebhooks> metaWebhooks() {
        return metaWebhooks;
    }

    Optional<GraphLeadClient> graphLeads() {
        return graphLeads;
    }

    Optional<KeitaroPostbackParser> keitaro() {
        return keitaro;
    }

    private static int between(int value, int min, int max, String what) {
        if (value < min || value > max) {
            throw new ConfigurationException(what + " must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }

    private static String text(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new ConfigurationException(what + " must not be blank");
        }
        return value;
    }

    private static String region(String value) {
        String code = text(value, "defaultRegion").trim().toUpperCase(java.util.Locale.ROOT);
        if (!com.google.i18n.phonenumbers.PhoneNumberUtil.getInstance().getSupportedRegions().contains(code)) {
            throw new ConfigurationException("defaultRegion must be an ISO 3166 region code libphonenumber knows, was "
                    + io.retentioncenter.core.internal.InputText.echo(value));
        }
        return code;
    }

    private static <T> T notNull(T value, String what) {
        if (value == null) {
            throw new ConfigurationException(what + " must not be null");
        }
        return value;
    }
}
