package io.retentioncenter.core.inbound;

import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.fuzz.Fuzz;
import io.retentioncenter.core.fuzz.FuzzWorld;
import io.retentioncenter.core.fuzz.Mutator;
import io.retentioncenter.core.inbound.keitaro.KeitaroPostbackParser;
import io.retentioncenter.core.internal.JsonPayload;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Keitaro postbacks through the engine as decoded parameters, raw query strings and JSON bodies, on
 * thousands of hostile inputs: only typed exceptions escape, a rejected postback records nothing, a
 * replayed one changes nothing.
 */
class KeitaroPostbackFuzzTest {
    private static final String SECRET = "fuzz-keitaro-secret";
    private static final int POSTBACKS = 2_500;
    private static final int FRESH_WORLD_EVERY = 200;

    @Test
    void parameters() {
        run("Keitaro postback (params)", 20261127L, (m, sample) -> {
            Map<String, String> params = m.mutateParams(sample);
            Optional<String> secret = secret(m);
            return new Call(params, inbound -> inbound.keitaro(params, secret));
        });
    }

    @Test
    void queryStrings() {
        run("Keitaro postback (query string)", 20261128L, (m, sample) -> {
            String query = m.mutateTokens(query(sample), "&=%+");
            Optional<String> secret = secret(m);
            return new Call(query, inbound -> inbound.keitaroQuery(query, secret));
        });
    }

    @Test
    void jsonBodies() {
        run("Keitaro postback (JSON)", 20261129L, (m, sample) -> {
            byte[] body = m.mutate(json(sample));
            Optional<String> secret = secret(m);
            return new Call(body, inbound -> inbound.keitaroJson(body, secret));
        });
    }

    private record Call(Object input, Function<InboundService, KeitaroResult> on) {
    }

    private static void run(String entryPoint, long seed, BiFunction<Mutator, Map<String, String>, Call> mutate) {
        Fuzz fuzz = new Fuzz(entryPoint, seed);
        fuzz.run(POSTBACKS, FRESH_WORLD_EVERY, () -> FuzzWorld.create(Map.of(), b -> b.keitaro(
                KeitaroPostbackParser.builder().sharedSecret(SECRET).saleStatuses("ftd").ignoredStatuses("ping").build())),
                (world, m) -> {
                    Call call = mutate.apply(m, m.pick(samples(world)));
                    return new Fuzz.Request(call.input(), () -> call.on().apply(world.engine.inbound()));
                });
        fuzz.assertClean();
    }

    /** Postbacks for the world's email attempt, its lead's external id and an unknown click, in each status. */
    private static List<Map<String, String>> samples(FuzzWorld world) {
        String attemptId = world.attempt(Channel.EMAIL).id();
        return List.of(
                params("sub_id", attemptId, "status", "sale", "payout", "45.00", "currency", "usd", "tid", "t-1"),
                params("subid", "ext-1", "status", "lead", "payout", "0", "tid", "t-2", "click_id", "fb.1.17639.AbCd",
                        "campaign_id", "17", "campaign_name", "FB ES retention"),
                params("sub_id", attemptId, "status", "rebill", "revenue", "20.00", "currency", "EUR", "tid", "t-3"),
                params("sub_id", attemptId, "status", "rejected", "tid", "t-1"),
                params("sub_id", "unknown-click", "status", "ftd", "payout", "45", "sale_status", "ftd,dep",
                        "secret", SECRET),
                params("sub_id", attemptId, "status", "ping"));
    }

    private static Map<String, String> params(String... pairs) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.put(pairs[i], pairs[i + 1]);
        }
        return out;
    }

    private static String query(Map<String, String> params) {
        return params.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private static byte[] json(Map<String, String> params) {
        return JsonPayload.mapper().valueToTree(params).toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The secret header: right most of the time, else missing, wrong or hostile. */
    private static Optional<String> secret(Mutator m) {
        if (m.chance(0.9)) {
            return Optional.of(SECRET);
        }
        return m.chance(0.5) ? Optional.empty() : Optional.of(m.hostileText());
    }
}
