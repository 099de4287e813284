package io.retentioncenter.channels.instantly;

import com.fasterxml.jackson.databind.JsonNode;
import io.retentioncenter.core.InvalidPayloadException;
import io.retentioncenter.core.ProviderException;
import io.retentioncenter.core.http.HttpResult;
import io.retentioncenter.core.internal.JsonPayload;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Read-only listings of the Instantly workspace: campaigns ({@code GET /api/v2/campaigns}) and
 * sending accounts ({@code GET /api/v2/accounts}), each paged with {@code limit} and the previous
 * page's {@code next_starting_after} cursor.
 */
final class InstantlyDiscovery {
    static final String CAMPAIGNS_PATH = "/api/v2/campaigns";
    static final String ACCOUNTS_PATH = "/api/v2/accounts";
    /** Instantly's largest page. */
    static final int PAGE_SIZE = 100;
    /** Ten thousand items: far beyond a real workspace, and a stop for a cursor that never ends. */
    private static final int MAX_PAGES = 100;

    private final InstantlyApi api;

    InstantlyDiscovery(InstantlyApi api) {
        this.api = api;
    }

    List<InstantlyCampaign> campaigns() {
        return all(CAMPAIGNS_PATH, item -> new InstantlyCampaign(JsonPayload.requiredText(item, "id", "items[].id"),
                JsonPayload.optionalText(item, "name", "items[].name"), number(item, "status")));
    }

    List<InstantlyAccount> accounts() {
        return all(ACCOUNTS_PATH, item -> new InstantlyAccount(
                JsonPayload.requiredText(item, "email", "items[].email"), number(item, "status"),
                number(item, "warmup_status")));
    }

    private <T> List<T> all(String path, Function<JsonNode, T> mapper) {
        List<T> items = new ArrayList<>();
        Optional<String> after = Optional.empty();
        for (int page = 0; page < MAX_PAGES; page++) {
            String query = "?limit=" + PAGE_SIZE + after.map(cursor -> "&starting_after="
                    + URLEncoder.encode(cursor, StandardCharsets.UTF_8)).orElse("");
            HttpResult result = api.get(path + query);
            if (!result.isSuccess()) {
                throw new ProviderException("Instantly GET " + path + ": " + InstantlyApi.describe(result));
            }
            try {
                JsonNode body = JsonPayload.parseObject(result.body(), JsonPayload.DEFAULT_MAX_BYTES);
                JsonPayload.requiredArray(body, "items", "items").forEach(item -> items.add(mapper.apply(item)));
                after = JsonPayload.optionalText(body, "next_starting_after", "next_starting_after");
            } catch (InvalidPayloadException e) {
                throw new ProviderException("Instantly GET " + path + " answered an unreadable page: "
                        + e.getMessage(), e);
            }
            if (after.isEmpty()) {
                return List.copyOf(items);
            }
        }
        throw new ProviderException("Instantly GET " + path + " kept paging past " + MAX_PAGES + " pages");
    }

    private static Optional<Integer> number(JsonNode item, String field) {
        JsonNode value = item.get(field);
        return value != null && value.canConvertToInt() && value.isIntegralNumber()
                ? Optional.of(value.intValue()) : Optional.empty();
    }
}
