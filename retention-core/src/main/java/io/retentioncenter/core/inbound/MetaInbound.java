package io.retentioncenter.core.inbound;

import io.retentioncenter.core.StoreException;
import io.retentioncenter.core.ValidationException;
import io.retentioncenter.core.inbound.meta.GraphApiException;
import io.retentioncenter.core.inbound.meta.GraphLeadClient;
import io.retentioncenter.core.inbound.meta.MetaLeadgenBatch;
import io.retentioncenter.core.inbound.meta.MetaLeadgenError;
import io.retentioncenter.core.inbound.meta.MetaLeadgenItem;
import io.retentioncenter.core.inbound.meta.MetaWebhooks;
import io.retentioncenter.core.lead.IngestResult;
import io.retentioncenter.core.lead.LeadService;
import io.retentioncenter.core.lead.NewLead;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns a verified Meta delivery into ingested leads, one change at a time. */
final class MetaInbound {
    private static final Logger log = LoggerFactory.getLogger(MetaInbound.class);
    private final MetaWebhooks webhooks;
    private final Optional<GraphLeadClient> graph;
    private final LeadService leads;

    MetaInbound(MetaWebhooks webhooks, Optional<GraphLeadClient> graph, LeadService leads) {
        this.webhooks = webhooks;
        this.graph = graph;
        this.leads = leads;
    }

    String handshake(java.util.Map<String, String> query) {
        return webhooks.handshake(query);
    }

    MetaIngestReport ingest(byte[] rawBody, Optional<String> signature) {
        MetaLeadgenBatch batch = webhooks.parse(rawBody, signature);
        List<MetaIngestReport.Item> items = new ArrayList<>();
        for (MetaLeadgenError e : batch.errors()) {
            items.add(new MetaIngestReport.Item(e.field(), Optional.empty(), MetaIngestReport.Outcome.REJECTED,
                    Optional.empty(), Optional.of(e.field() + ": " + e.message()), false));
        }
        for (MetaLeadgenItem item : batch.items()) {
            items.add(ingest(item));
        }
        return new MetaIngestReport(items, batch.ignoredChanges());
    }

    private MetaIngestReport.Item ingest(MetaLeadgenItem item) {
        Optional<String> leadgenId = item.dedupeKey();
        if (item.needsResolution() && graph.isEmpty()) {
            return new MetaIngestReport.Item(item.path(), leadgenId, MetaIngestReport.Outcome.FAILED, Optional.empty(),
                    Optional.of("the change carries ids only and no GraphLeadClient is configured"), false);
        }
        try {
            NewLead lead = item.needsResolution() ? graph.get().resolve(item) : item.lead().orElseThrow();
            IngestResult r = leads.ingest(lead);
            return new MetaIngestReport.Item(item.path(), leadgenId, r.created() ? MetaIngestReport.Outcome.CREATED
                    : MetaIngestReport.Outcome.DUPLICATE, Optional.of(r.lead().id()), Optional.empty(), false);
        } catch (ValidationException e) {
            return new MetaIngestReport.Item(item.path(), leadgenId, MetaIngestReport.Outcome.REJECTED,
                    Optional.empty(), Optional.of(e.getMessage()), false);
        } catch (StoreException e) {
            log.warn("Meta lead {} not stored ({}): {}", leadgenId.orElse("?"),
                    e.isTransient() ? "transient, retryable" : "not retryable", e.getMessage());
            return new MetaIngestReport.Item(item.path(), leadgenId, MetaIngestReport.Outcome.FAILED,
                    Optional.empty(), Optional.of("store failure: " + e.getMessage()), e.isTransient());
        } catch (GraphApiException e) {
            log.warn("Graph API lead {} not fetched (retryable={}): {}", leadgenId.orElse("?"), e.isRetryable(),
                    e.getMessage());
            return new MetaIngestReport.Item(item.path(), leadgenId, MetaIngestReport.Outcome.FAILED,
                    Optional.empty(), Optional.of(e.getMessage()), e.isRetryable());
        }
    }
}
