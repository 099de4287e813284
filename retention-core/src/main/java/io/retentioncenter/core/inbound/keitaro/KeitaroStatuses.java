package io.retentioncenter.core.inbound.keitaro;

import io.retentioncenter.core.InvalidPayloadException;
import io.retentioncenter.core.conversion.PostbackKind;
import io.retentioncenter.core.internal.InputText;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Keitaro status → {@link PostbackKind}, case-insensitively, checked in this order: ignore lists
 * (request {@code ignore_status}/{@code ignore}, then configured), the request's
 * {@code lead_status}/{@code sale_status}/{@code rejected_status} lists, the configured custom
 * statuses, then the built-in {@code lead}, {@code sale}, {@code rejected}, {@code reject},
 * {@code rebill}. An omitted status is {@code SALE}, as in Keitaro.
 */
final class KeitaroStatuses {
    private static final Map<String, PostbackKind> BUILT_IN = Map.of(
            "lead", PostbackKind.LEAD,
            "sale", PostbackKind.SALE,
            "rejected", PostbackKind.REJECTED,
            "reject", PostbackKind.REJECTED,
            "rebill", PostbackKind.REBILL);
    private static final Map<String, PostbackKind> REQUEST_LISTS = requestLists();
    private static final List<String> REQUEST_IGNORE_LISTS = List.of("ignore_status", "ignore");

    private final Map<String, PostbackKind> custom;
    private final Set<String> ignored;

    /** Creates the mapping from normalized ({@link #normalize}) custom statuses and ignored statuses. */
    KeitaroStatuses(Map<String, PostbackKind> custom, Set<String> ignored) {
        this.custom = Map.copyOf(custom);
        this.ignored = Set.copyOf(ignored);
    }

    /**
     * The kind for {@code status}; empty when the status is ignored.
     *
     * @throws InvalidPayloadException naming {@code status} when it is unknown
     */
    Optional<PostbackKind> resolve(Optional<String> status, Map<String, String> params) {
        if (status.isEmpty()) {
            return Optional.of(PostbackKind.SALE);
        }
        String s = normalize(status.get());
        if (ignored.contains(s) || REQUEST_IGNORE_LISTS.stream().anyMatch(p -> listed(params.get(p), s))) {
            return Optional.empty();
        }
        for (Map.Entry<String, PostbackKind> list : REQUEST_LISTS.entrySet()) {
            if (listed(params.get(list.getKey()), s)) {
                return Optional.of(list.getValue());
            }
        }
        PostbackKind kind = custom.getOrDefault(s, BUILT_IN.get(s));
        if (kind == null) {
            throw new InvalidPayloadException("status", "\"" + InputText.echo(status.get())
                    + "\" is not lead, sale, rejected, rebill or a configured custom status");
        }
        return Optional.of(kind);
    }

    /** Trimmed lower case, the form statuses are compared in. */
    static String normalize(String status) {
        return status.trim().toLowerCase(Locale.ROOT);
    }

    private static boolean listed(String commaList, String status) {
        return commaList != null && Arrays.stream(commaList.split(",")).map(KeitaroStatuses::normalize).anyMatch(status::equals);
    }

    private static Map<String, PostbackKind> requestLists() {
        Map<String, PostbackKind> lists = new LinkedHashMap<>();
        lists.put("lead_status", PostbackKind.LEAD);
        lists.put("sale_status", PostbackKind.SALE);
        lists.put("rejected_status", PostbackKind.REJECTED);
        return lists;
    }
}
