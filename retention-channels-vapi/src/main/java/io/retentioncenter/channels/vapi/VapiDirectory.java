package io.retentioncenter.channels.vapi;

import com.fasterxml.jackson.databind.JsonNode;
import io.retentioncenter.core.InvalidPayloadException;
import io.retentioncenter.core.ProviderException;
import io.retentioncenter.core.http.BearerRequests;
import io.retentioncenter.core.http.HttpResult;
import io.retentioncenter.core.http.ProviderHttp;
import io.retentioncenter.core.http.Replay;
import io.retentioncenter.core.internal.JsonPayload;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Read-only calls to the VAPI API besides creating calls: the listings of assistants
 * ({@code GET /assistant}) and phone numbers ({@code GET /phone-number}), each one page of up to
 * {@value #LIST_LIMIT} items (VAPI's largest), and the request "test connection" sends.
 */
final class VapiDirectory {
    static final String ASSISTANTS_PATH = "/assistant";
    static final String PHONE_NUMBERS_PATH = "/phone-number";
    static final int LIST_LIMIT = 1000;

    private final String baseUri;
    private final String apiKey;
    private final ProviderHttp http;

    VapiDirectory(String baseUri, String apiKey, ProviderHttp http) {
        this.baseUri = baseUri;
        this.apiKey = apiKey;
        this.http = http;
    }

    /** A GET of {@code pathAndQuery} with the key. */
    HttpRequest get(String pathAndQuery) {
        return BearerRequests.get(URI.create(baseUri + pathAndQuery), apiKey);
    }

    List<VapiAssistant> assistants() {
        return list(ASSISTANTS_PATH, item -> new VapiAssistant(JsonPayload.requiredText(item, "id", "[].id"),
                JsonPayload.optionalText(item, "name", "[].name")));
    }

    List<VapiPhoneNumber> phoneNumbers() {
        return list(PHONE_NUMBERS_PATH, item -> new VapiPhoneNumber(JsonPayload.requiredText(item, "id", "[].id"),
                JsonPayload.optionalText(item, "number", "[].number"), JsonPayload.optionalText(item, "name",
                        "[].name"), JsonPayload.optionalText(item, "provider", "[].provider")));
    }

    private <T> List<T> list(String path, Function<JsonNode, T> mapper) {
        HttpResult result = http.execute(get(path + "?limit=" + LIST_LIMIT), Replay.SAFE);
        if (!result.isSuccess()) {
            throw new ProviderException("VAPI GET " + path + ": HTTP " + result.status());
        }
        try {
            List<T> items = new ArrayList<>();
            JsonPayload.parseArray(result.body(), JsonPayload.DEFAULT_MAX_BYTES * 8)
                    .forEach(item -> items.add(mapper.apply(item)));
            return List.copyOf(items);
        } catch (InvalidPayloadException e) {
            throw new ProviderException("VAPI GET " + path + " answered an unreadable list: " + e.getMessage(), e);
        }
    }
}
