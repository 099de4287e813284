package io.retentioncenter.host;

import static io.retentioncenter.host.ReferenceHostFlow.assertError;
import static io.retentioncenter.host.ReferenceHostFlow.created;
import static io.retentioncenter.host.ReferenceHostFlow.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.retentioncenter.host.HttpJson.Answer;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The operator routes (search, edit, timeline, dashboards, members, conversions, outreach,
 * re-engagement, script and A/B housekeeping) over real HTTP, run inside {@link ReferenceHostFlow}'s
 * Spring context. Every name is unique so that the checks hold whatever else the database holds.
 */
final class OperatorRoutes {
    private final HttpJson api;
    private final HttpJson anonymous;
    private final String tag = UUID.randomUUID().toString().substring(0, 8);

    OperatorRoutes(HttpJson api, HttpJson anonymous) {
        this.api = api;
        this.anonymous = anonymous;
    }

    void leadsSearchEditAndTimeline() {
        String ana = lead("{\"firstName\":\"Ana\",\"lastName\":\"Zeta" + tag + "\",\"email\":\"ana." + tag + "@example.com\"}");
        String bob = lead("{\"firstName\":\"Bob\",\"lastName\":\"Zeta" + tag + "\",\"email\":\"bob." + tag + "@example.com\"}");

        JsonNode page = ok(api.get("/api/leads/search?text=zeta" + tag + "&status=NEW,CONTACTED&sort=NAME&descending=false&limit=1"));
        assertThat(page.get("items").get(0).get("id").asText()).isEqualTo(ana);
        assertThat(page.get("total").asLong()).isEqualTo(2);
        assertThat(ok(api.get("/api/leads/search?text=zeta" + tag + "&sort=name&descending=false&offset=1&limit=1"))
                .get("items").get(0).get("id").asText()).isEqualTo(bob);
        assertThat(ok(api.get("/api/leads/counts?text=zeta" + tag)).get("byStatus").get("NEW").asLong()).isEqualTo(2);

        JsonNode edited = ok(api.put("/api/leads/" + ana, "{\"firstName\":\"Anna\",\"lastName\":\"Zeta" + tag
                + "\",\"email\":\"ana." + tag + "@example.com\",\"phone\":\"+1 415 555 0142\",\"notes\":\"called\"}"));
        assertThat(edited.get("firstName").asText()).isEqualTo("Anna");
        assertThat(edited.get("phone").asText()).isEqualTo("+14155550142");
        JsonNode timeline = ok(api.get("/api/leads/" + ana + "/timeline"));
        assertThat(timeline.get(0).get("kind").asText()).isEqualTo("CREATED");
        assertThat(timeline.get(0).get("at").asText()).isNotEmpty();
        assertThat(timeline.get(0).at("/event/lead/id").asText()).isEqualTo(ana);

        assertError(api.put("/api/leads/" + ana, "{\"email\":\"bob." + tag + "@example.com\"}"), 409, "conflict");
        assertError(api.put("/api/leads/" + ana, "{\"firstName\":\"No address\"}"), 400, "validation");
        assertError(api.put("/api/leads/lead_unknown", "{\"email\":\"x." + tag + "@example.com\"}"), 404, "not_found");
        assertError(api.get("/api/leads/lead_unknown/timeline"), 404, "not_found");
        assertNamed(api.get("/api/leads/search?status=SLEEPING"), "status");
        assertNamed(api.get("/api/leads/search?sort=AGE"), "sort");
        assertNamed(api.get("/api/leads/search?createdFrom=yesterday"), "createdFrom");
        assertNamed(api.get("/api/leads/search?limit=ten"), "limit");
        assertNamed(api.get("/api/leads/search?descending=maybe"), "descending");
        assertNamed(api.get("/api/leads/counts?text=a&text=b"), "text");
    }

    void dashboards() {
        lead("{\"email\":\"dash." + tag + "@example.com\"}");
        JsonNode days = ok(api.get("/api/dashboards/daily?from=2026-11-29&to=2026-11-30&zone=Europe/Madrid"));
        assertThat(days.size()).isEqualTo(2);
        assertThat(days.get(1).get("counts").get("leads").asLong()).isPositive();
        assertThat(ok(api.get("/api/dashboards/leads-by-status")).get("NEW").asLong()).isPositive();
        assertThat(ok(api.get("/api/dashboards/upcoming-steps?limit=5")).isArray()).isTrue();
        assertThat(ok(api.get("/api/dashboards/recent-activity?limit=5")).get(0).has("kind")).isTrue();

        assertNamed(api.get("/api/dashboards/daily?to=2026-11-30"), "from");
        assertNamed(api.get("/api/dashboards/daily?from=2026-13-01&to=2026-11-30"), "from");
        assertNamed(api.get("/api/dashboards/daily?from=2026-11-01&to=2026-11-30&zone=Mars/Base"), "zone");
        assertError(api.get("/api/dashboards/daily?from=2026-11-30&to=2026-11-01"), 400, "validation");
        assertError(api.get("/api/dashboards/upcoming-steps?limit=0"), 400, "validation");
        Answer typeMismatch = api.get("/api/dashboards/recent-activity?limit=lots");
        assertError(typeMismatch, 400, "bad_request");
        assertThat(typeMismatch.json().get("message").asText()).contains("parameter limit");
    }

    void campaignsMembersAndDelete() {
        String campaign = campaign();
        assertThat(ok(api.put("/api/campaigns/" + campaign, "{\"name\":\"Ops " + tag + "\",\"autoAssign\":{\"enabled\":false},"
                + "\"description\":\"members by hand\"}")).get("description").asText()).isEqualTo("members by hand");
        String leadId = lead("{\"email\":\"member." + tag + "@example.com\"}");
        assertThat(ok(api.put("/api/campaigns/" + campaign + "/members/" + leadId, "")).asText()).isEqualTo("ASSIGNED");
        assertThat(ok(api.put("/api/campaigns/" + campaign + "/members/" + leadId, "")).asText()).isEqualTo("ALREADY_ASSIGNED");
        JsonNode members = ok(api.get("/api/campaigns/" + campaign + "/members?status=ACTIVE"));
        assertThat(members.get("total").asLong()).isEqualTo(1);
        assertThat(ok(api.get("/api/campaigns/" + campaign + "/stats")).get("leads").asLong()).isEqualTo(1);
        assertThat(ok(api.delete("/api/campaigns/" + campaign + "/members/" + leadId)).has("endedEnrollments")).isTrue();
        assertError(api.delete("/api/campaigns/" + campaign + "/members/" + leadId), 409, "conflict");
        assertError(api.put("/api/campaigns/" + campaign + "/members/lead_unknown", ""), 404, "not_found");
        assertNamed(api.get("/api/campaigns/" + campaign + "/members?status=GONE"), "status");

        assertError(api.delete("/api/campaigns/" + campaign), 409, "conflict");
        ok(api.post("/api/campaigns/" + campaign + "/pause", ""));
        assertThat(ok(api.delete("/api/campaigns/" + campaign)).get("status").asText()).isEqualTo("DELETED");
        assertError(api.get("/api/campaigns/cmp_unknown/stats"), 404, "not_found");
    }

    void scriptsAndAbTests() {
        String campaign = campaign();
        String a = script(campaign, "a");
        String b = script(campaign, "b");
        assertThat(ok(api.put("/api/scripts/" + a, "{\"channel\":\"SMS\",\"name\":\"a " + tag + "\",\"body\":\"Hi\","
                + "\"campaignId\":\"" + campaign + "\",\"description\":\"variant A\"}")).get("description").asText())
                .isEqualTo("variant A");
        JsonNode copy = created(api.post("/api/scripts/" + a + "/duplicate", ""));
        assertThat(copy.get("description").asText()).isEqualTo("variant A");
        assertThat(copy.get("id").asText()).isNotEqualTo(a);
        List<String> smsScripts = ids(ok(api.get("/api/scripts?channel=SMS")));
        assertThat(smsScripts).contains(a, b, copy.get("id").asText());
        assertThat(api.delete("/api/scripts/" + copy.get("id").asText()).status()).isEqualTo(204);
        assertError(api.delete("/api/scripts/" + copy.get("id").asText()), 404, "not_found");
        assertError(api.get("/api/scripts?channel=FAX"), 400, "bad_request");

        String test = created(api.post("/api/ab-tests", "{\"campaignId\":\"" + campaign + "\",\"channel\":\"SMS\","
                + "\"variants\":[{\"name\":\"A\",\"scriptId\":\"" + a + "\",\"weight\":1},"
                + "{\"name\":\"B\",\"scriptId\":\"" + b + "\",\"weight\":1}]}")).get("id").asText();
        assertThat(ok(api.post("/api/ab-tests/" + test + "/pause", "")).get("status").asText()).isEqualTo("PAUSED");
        assertThat(ok(api.post("/api/ab-tests/" + test + "/resume", "")).get("status").asText()).isEqualTo("RUNNING");
        assertError(api.delete("/api/scripts/" + a), 409, "conflict"); // a variant of a running test
        ok(api.delete("/api/ab-tests/" + test));
        assertError(api.post("/api/ab-tests/abt_unknown/pause", ""), 404, "not_found");
        timingTests(campaign);
    }

    /** A delay test and a send-window test of step 2 of a sequence, and a mixed one refused. */
    private void timingTests(String campaign) {
        String sequence = created(api.post("/api/sequences", "{\"name\":\"Timed " + tag + "\",\"campaignId\":\""
                + campaign + "\"}")).get("id").asText();
        for (int step = 0; step < 2; step++) {
            ok(api.post("/api/sequences/" + sequence + "/steps", "{\"channel\":\"SMS\",\"delayValue\":1,"
                    + "\"delayUnit\":\"DAYS\"}"));
        }
        String target = "{\"campaignId\":\"" + campaign + "\",\"sequenceId\":\"" + sequence + "\",\"stepOrder\":2,";
        JsonNode delays = created(api.post("/api/ab-tests", target + "\"variants\":[{\"name\":\"short\","
                + "\"delay\":\"PT12H\"},{\"name\":\"long\",\"delay\":\"PT48H\",\"weight\":1}]}"));
        assertThat(delays.get("kind").asText()).isEqualTo("DELAY");
        assertThat(delays.get("step").get("stepOrder").asInt()).isEqualTo(2);
        assertThat(delays.get("variants").get(1).get("delay").asText()).isEqualTo("PT48H");
        String id = delays.get("id").asText();
        assertThat(ok(api.get("/api/ab-tests/" + id + "/counts")).get("short").get("exposed").asLong()).isZero();
        assertError(api.post("/api/ab-tests", target + "\"variants\":[{\"name\":\"a\",\"window\":\"09:00-12:00\"},"
                + "{\"name\":\"b\",\"window\":\"18:00-21:00\"}]}"), 409, "conflict"); // one timing test per step
        ok(api.post("/api/ab-tests/" + id + "/stop", ""));
        JsonNode windows = created(api.post("/api/ab-tests", target + "\"variants\":[{\"name\":\"a\","
                + "\"window\":\"09:00-12:00\"},{\"name\":\"b\",\"window\":\"18:00-21:00\"}]}"));
        assertThat(windows.get("variants").get(0).get("window").asText()).isEqualTo("09:00–12:00");
        ok(api.delete("/api/ab-tests/" + windows.get("id").asText()));
        assertError(api.post("/api/ab-tests", target + "\"variants\":[{\"name\":\"a\",\"delay\":\"PT1H\"},"
                + "{\"name\":\"b\",\"window\":\"18:00-21:00\"}]}"), 400, "validation");
        assertError(api.post("/api/ab-tests", target + "\"variants\":[{\"name\":\"a\",\"delay\":\"PT-1H\"},"
                + "{\"name\":\"b\",\"delay\":\"PT1H\"}]}"), 400, "validation");
    }

    void sequencesAndReengagement() {
        String campaign = campaign();
        String first = created(api.post("/api/sequences", "{\"name\":\"First " + tag + "\",\"campaignId\":\"" + campaign
                + "\",\"description\":\"welcome\"}")).get("id").asText();
        String second = created(api.post("/api/sequences", "{\"name\":\"Second " + tag + "\"}")).get("id").asText();
        assertThat(ids(ok(api.get("/api/sequences?status=DRAFT&campaignId=" + campaign)))).containsExactly(first);
        assertThat(ok(api.put("/api/sequences/" + first, "{\"name\":\"First " + tag + "\",\"reenrollCooldown\":\"P7D\","
                + "\"description\":\"a new welcome\"}")).get("description").asText()).isEqualTo("a new welcome");
        assertNamed(api.get("/api/sequences?status=SLEEPING"), "status");

        String rule = created(api.post("/api/reengagement-rules", "{\"sourceSequenceId\":\"" + first
                + "\",\"trigger\":\"AFTER_COMPLETION\",\"delay\":\"P3D\",\"targetSequenceId\":\"" + second + "\"}"))
                .get("id").asText();
        assertThat(ids(ok(api.get("/api/reengagement-rules")))).contains(rule);
        assertThat(api.delete("/api/reengagement-rules/" + rule).status()).isEqualTo(204);
        assertError(api.delete("/api/reengagement-rules/" + rule), 404, "not_found");
        assertError(api.post("/api/reengagement-rules", "{\"sourceSequenceId\":\"" + first
                + "\",\"trigger\":\"AFTER_COMPLETION\",\"delay\":\"PT-1H\",\"targetSequenceId\":\"" + second + "\"}"),
                400, "validation");
        assertError(api.post("/api/reengagement-rules", "{\"sourceSequenceId\":\"seq_unknown\","
                + "\"trigger\":\"AFTER_COMPLETION\",\"delay\":\"P3D\",\"targetSequenceId\":\"" + second + "\"}"),
                404, "not_found");
    }

    void conversionsAndUnmatchedPostbacks(String keitaroSecret) {
        String leadId = lead("{\"phone\":\"+1 415 555 0166\"}");
        String subId = "sub-" + tag;
        assertThat(ok(anonymous.get("/webhooks/keitaro?sub_id=" + subId + "&status=sale&payout=10&secret=" + keitaroSecret))
                .get("outcome").asText()).isEqualTo("UNMATCHED");
        String replayKey = null;
        for (JsonNode postback : ok(api.get("/api/conversions/unmatched?limit=1000")).get("items")) {
            if (subId.equals(postback.get("subId").asText())) {
                replayKey = postback.get("replayKey").asText();
            }
        }
        assertThat(replayKey).as("the unmatched postback is listed").isNotNull();
        String rematch = "{\"replayKey\":\"" + replayKey + "\",\"leadId\":\"" + leadId + "\"}";
        assertError(api.post("/api/conversions/unmatched/rematch", rematch), 409, "conflict"); // no campaign to credit
        accepted(api.post("/api/outreach/messages", "{\"leadId\":\"" + leadId + "\",\"campaignId\":\"" + campaign()
                + "\",\"channel\":\"SMS\",\"text\":\"Your offer\"}"));
        ok(api.post("/api/sequences/process", ""));
        assertThat(ok(api.post("/api/conversions/unmatched/rematch", rematch)).get("outcome").asText()).isEqualTo("CREATED");
        assertThat(ok(api.post("/api/conversions/unmatched/rematch", rematch)).get("outcome").asText()).isEqualTo("REPLAY");
        assertThat(ok(api.get("/api/conversions?status=SALE&limit=1000")).get("total").asLong()).isPositive();
        assertThat(ok(api.get("/api/conversions/totals?from=2026-01-01T00:00:00Z")).get("sales").asLong()).isPositive();
        assertThat(ok(api.get("/api/conversions/today?zone=Europe/Madrid")).has("revenue")).isTrue();
        assertThat(ok(api.get("/api/conversions/this-week")).has("conversions")).isTrue();

        assertError(api.post("/api/conversions/unmatched/rematch", "{\"replayKey\":\"unknown|SALE|1\",\"leadId\":\""
                + leadId + "\"}"), 404, "not_found");
        assertError(api.post("/api/conversions/unmatched/rematch", "{\"replayKey\":\"" + replayKey + "\"}"), 400,
                "validation");
        assertNamed(api.get("/api/conversions?from=monday"), "from");
        assertNamed(api.get("/api/conversions?channel=FAX"), "channel");
        assertError(api.get("/api/conversions/totals?from=2026-12-01T00:00:00Z&to=2026-11-01T00:00:00Z"), 400, "validation");
    }

    void outreach() {
        String campaign = campaign();
        String script = script(campaign, "test");
        String testSend = "{\"scriptId\":\"" + script + "\",\"recipient\":\"+1 415 555 0177\",\"requestKey\":\"t-"
                + tag + "\"}";
        JsonNode test = accepted(api.post("/api/outreach/test-sends", testSend));
        assertThat(test.get("kind").asText()).isEqualTo("TEST");
        assertThat(accepted(api.post("/api/outreach/test-sends", testSend)).get("id").asText()).as("a replay")
                .isEqualTo(test.get("id").asText());

        String leadId = lead("{\"phone\":\"+1 415 555 0188\",\"email\":\"oneoff." + tag + "@example.com\"}");
        JsonNode message = accepted(api.post("/api/outreach/messages", "{\"leadId\":\"" + leadId + "\",\"campaignId\":\""
                + campaign + "\",\"channel\":\"SMS\",\"text\":\"Hello {{firstName|there}}\"}"));
        assertThat(message.get("kind").asText()).isEqualTo("ONE_OFF");
        assertThat(ok(api.get("/api/outreach/providers/EMAIL/check")).has("status")).isTrue();
        ok(api.post("/api/sequences/process", "")); // dispatches both, leaving nothing for the other tests' ticks

        assertError(api.post("/api/outreach/messages", "{\"leadId\":\"" + leadId + "\",\"campaignId\":\"" + campaign
                + "\",\"channel\":\"EMAIL\",\"text\":\"No subject\"}"), 400, "validation");
        assertThat(api.post("/api/leads/" + leadId + "/do-not-contact", "").status()).isEqualTo(204);
        assertError(api.post("/api/outreach/messages", "{\"leadId\":\"" + leadId + "\",\"campaignId\":\"" + campaign
                + "\",\"channel\":\"SMS\",\"text\":\"Again\"}"), 409, "conflict");
        assertError(api.post("/api/outreach/test-sends", "{\"scriptId\":\"scr_unknown\",\"recipient\":\"+14155550177\"}"),
                404, "not_found");
        assertError(api.get("/api/outreach/providers/FAX/check"), 400, "bad_request");
        assertError(api.get("/api/providers/instantly/campaigns"), 404, "not_configured"); // EMAIL is a recording provider
        assertError(api.get("/api/providers/instantly/accounts"), 404, "not_configured");
    }

    private String lead(String json) {
        return created(api.post("/api/leads", json)).at("/lead/id").asText();
    }

    private String campaign() {
        return created(api.post("/api/campaigns", "{\"name\":\"Ops " + tag + "\",\"autoAssign\":{\"enabled\":false}}"))
                .get("id").asText();
    }

    private String script(String campaign, String name) {
        return created(api.post("/api/scripts", "{\"channel\":\"SMS\",\"name\":\"" + name + " " + tag
                + "\",\"body\":\"Hi {{firstName|there}}\",\"campaignId\":\"" + campaign + "\"}")).get("id").asText();
    }

    private static JsonNode accepted(Answer answer) {
        assertThat(answer.status()).as(answer.raw()).isEqualTo(202);
        return answer.json();
    }

    private static List<String> ids(JsonNode array) {
        List<String> ids = new ArrayList<>();
        array.forEach(node -> ids.add(node.get("id").asText()));
        return ids;
    }

    /** A 400 whose message names {@code parameter}. */
    private static void assertNamed(Answer answer, String parameter) {
        assertError(answer, 400, "validation");
        assertThat(answer.json().get("message").asText()).as(answer.raw()).startsWith(parameter + ":");
    }
}
