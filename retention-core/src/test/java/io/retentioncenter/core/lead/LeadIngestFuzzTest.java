package io.retentioncenter.core.lead;

import io.retentioncenter.core.PageRequest;
import io.retentioncenter.core.fuzz.Fuzz;
import io.retentioncenter.core.fuzz.FuzzWorld;
import io.retentioncenter.core.fuzz.Mutator;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The lead API ({@code engine.leads().ingest}, {@code ingestAll}) on leads whose every field may be
 * hostile: a lead is stored whole or not at all, a bulk call stores exactly its CREATED rows, and a
 * replay stores nothing.
 */
class LeadIngestFuzzTest {
    private static final int LEADS = 5_000;
    private static final int BATCHES = 600;
    private static final int FRESH_WORLD_EVERY = 500;

    @Test
    void ingest() {
        Fuzz fuzz = new Fuzz("lead ingest", 20261130L);
        Fuzz building = new Fuzz("NewLead construction", 20261130L);
        FuzzWorld world = null;
        for (int i = 0; i < LEADS; i++) {
            int n = i;
            if (i % FRESH_WORLD_EVERY == 0) {
                world = FuzzWorld.create(Map.of(), b -> b);
            }
            FuzzWorld w = world;
            Fuzz.Outcome<NewLead> built = building.attempt("a hostile NewLead", () -> hostileLead(fuzz.mutator(), n));
            if (built.accepted()) {
                NewLead lead = built.value();
                fuzz.attemptOnStore(w.watch, lead, () -> w.engine.leads().ingest(lead));
            }
        }
        building.assertClean();
        fuzz.assertClean();
    }

    @Test
    void ingestAll() {
        Fuzz fuzz = new Fuzz("bulk lead ingest", 20261131L);
        Fuzz building = new Fuzz("NewLead construction", 20261131L);
        FuzzWorld world = null;
        for (int i = 0; i < BATCHES; i++) {
            if (i % (FRESH_WORLD_EVERY / 10) == 0) {
                world = FuzzWorld.create(Map.of(), b -> b);
            }
            FuzzWorld w = world;
            List<NewLead> rows = new ArrayList<>();
            int size = fuzz.mutator().random().nextInt(12);
            for (int r = 0; r < size; r++) {
                int n = i * 100 + r;
                Fuzz.Outcome<NewLead> built = building.attempt("a hostile NewLead", () -> hostileLead(fuzz.mutator(), n));
                rows.add(built.accepted() ? built.value() : null);
            }
            long before = leads(w);
            Fuzz.Outcome<BulkIngestReport> report = fuzz.attemptOnStore(w.watch, rows, () -> w.engine.leads().ingestAll(rows));
            if (report.accepted()) {
                long created = report.value().count(BulkIngestReport.Outcome.CREATED);
                fuzz.check(report.value().rows().size() == rows.size(), rows, "reported " + report.value().rows().size()
                        + " rows for " + rows.size());
                fuzz.check(leads(w) - before == created, rows, "stored " + (leads(w) - before) + " leads for " + created
                        + " CREATED rows");
            }
        }
        List<NewLead> tooMany = Collections.nCopies(100_001, null);
        FuzzWorld last = world;
        fuzz.attemptOnStore(last.watch, "100,001 rows", () -> last.engine.leads().ingestAll(tooMany));
        fuzz.attemptOnStore(last.watch, "null", () -> last.engine.leads().ingestAll(null));
        building.assertClean();
        fuzz.assertClean();
    }

    private static long leads(FuzzWorld world) {
        return world.watch.store().listLeads(PageRequest.first(1)).total();
    }

    /**
     * A lead with each field valid, absent or hostile, unique per {@code n} when valid; sometimes built
     * through the record constructor with nulls where the builder would not allow them.
     */
    static NewLead hostileLead(Mutator m, int n) {
        LeadSource source = m.pick(List.of(LeadSource.values()));
        String email = field(m, "lead" + n + "." + m.random().nextInt(1_000_000) + "@example.com");
        String phone = field(m, "+1415" + (5_550_000 + m.random().nextInt(10_000)));
        Map<String, String> attributes = new HashMap<>();
        int count = m.chance(0.05) ? 60 : m.random().nextInt(4);
        for (int i = 0; i < count; i++) {
            attributes.put(m.chance(0.8) ? "attr" + i : m.hostileText(), m.chance(0.7) ? "value " + i : m.hostileText());
        }
        if (m.chance(0.05)) {
            attributes.put(null, "x");
        }
        if (m.chance(0.05)) {
            attributes.put("nullValue", null);
        }
        Optional<ZoneId> zone = m.chance(0.2) ? Optional.of(ZoneId.of(m.pick(List.of("UTC", "Europe/Madrid",
                "America/New_York", "+14:00", "-18:00")))) : Optional.empty();
        if (m.chance(0.1)) {
            return new NewLead(m.chance(0.9) ? source : null, opt(m, field(m, "Ana")), opt(m, field(m, "García")),
                    opt(m, field(m, "Ana García")), opt(m, email), opt(m, phone), opt(m, field(m, "ext-" + n)),
                    opt(m, field(m, "sub")), opt(m, field(m, "click")), m.chance(0.95) ? zone : null,
                    m.chance(0.95) ? attributes : null);
        }
        NewLead.Builder lead = NewLead.builder(source).firstName(field(m, "Ana")).lastName(field(m, "García"))
                .fullName(field(m, "Ana García")).email(email).phone(phone).externalId(field(m, "ext-" + n))
                .subId(field(m, "sub")).clickId(field(m, "click")).timezone(zone.orElse(null));
        attributes.forEach(lead::attribute);
        return lead.build();
    }

    private static String field(Mutator m, String valid) {
        double p = m.random().nextDouble();
        return p < 0.6 ? valid : p < 0.7 ? null : m.hostileText();
    }

    private static Optional<String> opt(Mutator m, String value) {
        return m.chance(0.03) ? null : Optional.ofNullable(value);
    }
}
