/**
 * Meta (Facebook) Lead Ads intake: {@link io.retentioncenter.core.inbound.meta.MetaWebhooks} answers
 * the subscription handshake, checks {@code X-Hub-Signature-256} and parses {@code leadgen}
 * notifications into a {@link io.retentioncenter.core.inbound.meta.MetaLeadgenBatch};
 * {@link io.retentioncenter.core.inbound.meta.GraphLeadClient} fetches the lead behind a bare
 * {@code leadgen_id} from the Graph API. Both produce {@code NewLead}s with source {@code META}.
 */
package io.retentioncenter.core.inbound.meta;
