package io.retentioncenter.core.inbound.meta;

import com.fasterxml.jackson.databind.JsonNode;
import io.retentioncenter.core.ConfigurationException;
import io.retentioncenter.core.InvalidPayloadException;
import io.retentioncenter.core.ValidationException;
import io.retentioncenter.core.http.HttpResult;
import io.retentioncenter.core.http.ProviderHttp;
import io.retentioncenter.core.http.ProviderTransportException;
import io.retentioncenter.core.internal.InputText;
import io.retentioncenter.core.internal.JsonPayload;
import io.retentioncenter.core.internal.PayloadIds;
import io.retentioncenter.core.internal.Require;
import io.retentioncenter.core.lead.NewLead;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches Meta leads from the Graph API ({@code GET /{version}/{leadgen-id}}) and maps them to
 * {@link NewLead} (source {@code META}, ids as {@code meta.*} attributes, see {@link MetaLeadRef}).
 * Retries, timeouts and pacing come from the {@link ProviderHttp} transport. Thread-safe. The page
 * access token travels in the query string and never appears in exceptions or logs.
 *
 * <pre>{@code
 * GraphLeadClient graph = GraphLeadClient.builder().pageAccessToken(pageToken).build();
 * for (MetaLeadgenItem item : batch.items()) {
 *     NewLead lead = graph.resolve(item);   // inline leads returned as they are
 * }
 * }</pre>
 */
public final class GraphLeadClient {
    /** Graph API host. */
    public static final URI DEFAULT_BASE_URI = URI.create("https://graph.facebook.com");
    /** Graph API version used unless configured. */
    public static final String DEFAULT_API_VERSION = "v21.0";

    private static final Logger log = LoggerFactory.getLogger(GraphLeadClient.class);
    private static final String FIELDS = "id,created_time,ad_id,form_id,field_data";
    private static final Pattern GRAPH_ID = Pattern.compile("[0-9A-Za-z_]{1,64}");
    private static final Pattern API_VERSION = Pattern.compile("v\\d{1,3}\\.\\d{1,3}");

    private final String accessToken;
    private final String base;
    private final String apiVersion;
    private final ProviderHttp http;

    private GraphLeadClient(Builder b) {
        this.accessToken = b.accessToken;
        this.base = b.baseUri.toString().replaceAll("/+$", "");
        this.apiVersion = b.apiVersion;
        this.http = b.http != null ? b.http : ProviderHttp.builder("meta-graph").build();
    }

    /** Starts a builder; {@link Builder#pageAccessToken} is required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Fetches one lead.
     *
     * @param leadgenId the {@code leadgen_id} from the webhook
     * @throws ValidationException when {@code leadgenId} is not a Graph id (letters, digits, '_')
     * @throws GraphApiException when Graph answers an error or no usable response; see {@link GraphApiException#isRetryable()}
     */
    public NewLead fetch(String leadgenId) {
        return fetch(leadgenId, MetaLeadRef.empty());
    }

    /**
     * The lead of a webhook item: the inline lead as it is, otherwise fetched from Graph, keeping
     * the webhook's ids Graph does not return ({@code page_id}, {@code adgroup_id}).
     *
     * @throws GraphApiException as {@link #fetch(String)}
     */
    public NewLead resolve(MetaLeadgenItem item) {
        Require.present(item, "item");
        return item.lead().orElseGet(() -> fetch(item.ref().leadgenId().orElseThrow(), item.ref()));
    }

    private NewLead fetch(String leadgenId, MetaLeadRef known) {
        if (leadgenId == null || !GRAPH_ID.matcher(leadgenId).matches()) {
            throw new ValidationException("leadgenId", "must be 1-64 letters, digits or '_'");
        }
        HttpRequest request = HttpRequest.newBuilder(uri(leadgenId)).header("Accept", "application/json").GET().build();
        HttpResult result;
        try {
            result = http.execute(request);
        } catch (ProviderTransportException e) {
            throw new GraphApiException("Graph lead " + leadgenId + ": no response: " + e.getMessage(),
                    OptionalInt.empty(), Optional.empty(), true, e);
        }
        if (!result.isSuccess()) {
            throw GraphApiException.of(leadgenId, result, accessToken);
        }
        try {
            NewLead lead = toNewLead(JsonPayload.parseObject(result.body(), JsonPayload.DEFAULT_MAX_BYTES), leadgenId, known);
            log.debug("fetched Meta lead {}", leadgenId);
            return lead;
        } catch (InvalidPayloadException e) {
            throw new GraphApiException("Graph lead " + leadgenId + ": unusable response: " + e.getMessage(),
                    OptionalInt.of(result.status()), Optional.empty(), false, e);
        }
    }

    private URI uri(String leadgenId) {
        return URI.create(base + "/" + apiVersion + "/" + leadgenId
                + "?access_token=" + URLEncoder.encode(accessToken, StandardCharsets.UTF_8) + "&fields=" + FIELDS);
    }

    private static NewLead toNewLead(JsonNode lead, String leadgenId, MetaLeadRef known) {
        String id = PayloadIds.optional(JsonPayload.optionalText(lead, "id", "id"), "id").orElse(leadgenId);
        if (!id.equals(leadgenId)) {
            throw new InvalidPayloadException("id", "is " + InputText.echo(id) + ", not the requested " + leadgenId);
        }
        Optional<Instant> created = JsonPayload.optionalText(lead, "created_time", "created_time")
                .map(t -> MetaLeadRef.parseTime(t, "created_time"));
        MetaLeadRef ref = new MetaLeadRef(Optional.of(id), Optional.empty(),
                PayloadIds.optional(JsonPayload.optionalText(lead, "form_id", "form_id"), "form_id"),
                PayloadIds.optional(JsonPayload.optionalText(lead, "ad_id", "ad_id"), "ad_id"),
                Optional.empty(), created).orElse(known);
        JsonNode fieldData = JsonPayload.requiredArray(lead, "field_data", "field_data");
        return MetaLeadFields.toNewLead(MetaLeadFields.fromFieldData(fieldData, "field_data"), ref);
    }

    /** Builder; defaults: {@link #DEFAULT_BASE_URI}, {@link #DEFAULT_API_VERSION}, a {@code meta-graph} transport with its defaults. */
    public static final class Builder {
        private String accessToken;
        private URI baseUri = DEFAULT_BASE_URI;
        private String apiVersion = DEFAULT_API_VERSION;
        private ProviderHttp http;

        private Builder() {
        }

        /** Page access token with {@code leads_retrieval}; required. */
        public Builder pageAccessToken(String value) {
            if (value == null || value.isBlank()) {
                throw new ConfigurationException("GraphLeadClient: pageAccessToken must not be blank");
            }
            accessToken = value.trim();
            return this;
        }

        /** Graph host, e.g. a loopback stub in tests; absolute http(s) URI. */
        public Builder baseUri(URI value) {
            if (value == null || !value.isAbsolute() || !("https".equals(value.getScheme()) || "http".equals(value.getScheme()))
                    || value.getRawQuery() != null) {
                throw new ConfigurationException("GraphLeadClient: baseUri must be an absolute http(s) URI without a query");
            }
            baseUri = value;
            return this;
        }

        /** Graph API version such as {@code v21.0}. */
        public Builder apiVersion(String value) {
            if (value == null || !API_VERSION.matcher(value).matches()) {
                throw new ConfigurationException("GraphLeadClient: apiVersion must look like v21.0");
            }
            apiVersion = value;
            return this;
        }

        /** The transport (timeouts, retries, backoff, pacing); build one with {@code ProviderHttp.builder("meta-graph")}. */
        public Builder http(ProviderHttp value) {
            if (value == null) {
                throw new ConfigurationException("GraphLeadClient: http must not be null");
            }
            http = value;
            return this;
        }

        /** Builds the client. */
        public GraphLeadClient build() {
            if (accessToken == null) {
                throw new ConfigurationException("GraphLeadClient: pageAccessToken is required");
            }
            return new GraphLeadClient(this);
        }
    }
}
