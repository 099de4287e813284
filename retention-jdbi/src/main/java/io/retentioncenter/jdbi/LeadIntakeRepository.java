package io.retentioncenter.jdbi;

import io.retentioncenter.core.NotFoundException;
import io.retentioncenter.core.StoreException;
import io.retentioncenter.core.campaign.Assignment;
import io.retentioncenter.core.internal.IntakeSteps;
import io.retentioncenter.core.lead.IntakeOutcome;
import io.retentioncenter.core.lead.IntakeRoute;
import io.retentioncenter.core.lead.Lead;
import io.retentioncenter.core.lead.LeadInsertResult;
import io.retentioncenter.core.lead.LeadIntake;
import io.retentioncenter.core.lead.LeadStatus;
import io.retentioncenter.core.lead.LeadStatusChange;
import io.retentioncenter.core.sequence.EnrollResult;
import io.retentioncenter.core.sequence.SequenceEnrollment;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Lead intake set-based: each chunk of leads is one transaction of a few statements whatever its
 * size. The leads go in with one multi-row insert that skips those colliding with a stored lead on
 * id, email or phone (PostgreSQL: {@code ON CONFLICT DO NOTHING}, which also waits for a concurrent
 * insert of the same person and then skips it; H2: the stored duplicates are read first, and a
 * concurrent insert makes the unique index fail the chunk, which then runs again). The new leads
 * join each campaign of their routes with one insert (a capped campaign's row is locked and its
 * members counted first, so caps stay exact), are enrolled with one insert per sequence, and are
 * inserted IN_PROGRESS when their first campaign has no cap (else moved with one batch); their moves
 * from NEW go to {@code rc_lead_status_change} with one more insert, as every status move does. Before
 * anything, the chunk holds its routes' sequences ({@link SequenceGuard}) and reads, in one statement,
 * the configuration version and whether its campaigns and sequences exist. Duplicates of a lead
 * still NEW are routed one by one with the store's single-lead rules. A single intake is a chunk of
 * one. On PostgreSQL, intakes that share one list of routes without caps insert their leads, members,
 * enrollments and moves with one statement ({@link FreshIntakes}): three statements for a new lead
 * instead of six; and the chunks of a bulk intake without caps are written on two connections at
 * once ({@link ParallelIntake}).
 */
final class LeadIntakeRepository {
    private static final int CHUNK = 1_000;
    /**
     * Intake reruns after a conflict, a unique violation (a concurrent intake of the same person) or
     * a lost connection: its candidates carry their own ids, so a rerun after an unacknowledged commit
     * finds them stored and reports them as created.
     */
    private static final Database.Retry INTAKE_RETRY = Database.Retry.ON_CONFLICT_DUPLICATE_OR_LOST_CONNECTION;
    /** The configuration version and how many of the routes' campaigns and sequences exist, in one read. */
    private static final String VERSION_AND_ROUTES = "SELECT (SELECT version FROM <schema>rc_config_version"
            + " WHERE id = 1) AS version, (SELECT COUNT(*) FROM <schema>rc_campaign WHERE id = ANY(:campaigns))"
            + " AS campaigns, (SELECT COUNT(*) FROM <schema>rc_sequence WHERE id = ANY(:sequences)) AS sequences";
    private static final String CAMPAIGNS = "SELECT id FROM <schema>rc_campaign WHERE id = ANY(:ids)";
    private static final String SEQUENCES = "SELECT id FROM <schema>rc_sequence WHERE id = ANY(:ids)";
    private static final String START = "UPDATE <schema>rc_lead SET status = 'IN_PROGRESS', updated_at = :at"
            + " WHERE id = :id AND status = 'NEW'";
    /** Index lookups joined by UNION (one OR of three ANYs would scan the table on H2). */
    private static final String STORED = "SELECT * FROM <schema>rc_lead WHERE id = ANY(:ids)"
            + " UNION SELECT * FROM <schema>rc_lead WHERE email = ANY(:emails)"
            + " UNION SELECT * FROM <schema>rc_lead WHERE phone = ANY(:phones)";
    static final BulkRows LEAD_ROWS = BulkRows.of("<schema>rc_lead", "id:TEXT", "external_id:TEXT",
            "first_name:TEXT", "last_name:TEXT", "email:TEXT", "phone:TEXT", "source:TEXT", "status:TEXT",
            "sub_id:TEXT", "click_id:TEXT", "timezone:TEXT", "attributes:TEXT", "contact_count:INT", "created_at:TIME",
            "updated_at:TIME", "notes:TEXT");

    private final Database db;
    private final LeadRepository leads;
    private final CampaignMembership members;
    private final EnrollmentRepository enrollments;

    LeadIntakeRepository(Database db, LeadRepository leads, CampaignMembership members,
            EnrollmentRepository enrollments) {
        this.db = db;
        this.leads = leads;
        this.members = members;
        this.enrollments = enrollments;
    }

    /**
     * Takes in one lead. Like a chunk, it runs again on a fresh connection when its connection is
     * lost: if the first run's commit landed, the rerun finds the candidate itself stored and reports
     * that creation ({@link IntakeSteps#apply}), writing nothing.
     */
    Optional<IntakeOutcome> ingest(LeadIntake intake, long configVersion) {
        return Optional.ofNullable(db.inTransaction("ingestLead", INTAKE_RETRY,
                h -> current(h, List.of(intake), configVersion) ? chunk(h, List.of(intake)).get(0) : null));
    }

    /**
     * Takes in {@code intakes} chunk by chunk; on PostgreSQL, when no route has a cap, on
     * {@link ParallelIntake#WRITERS} connections at once (with the same outcomes).
     */
    List<IntakeOutcome> ingestAll(List<LeadIntake> intakes, long configVersion) {
        if (db.dialect() == Dialect.POSTGRESQL && intakes.size() > CHUNK && ParallelIntake.parallelizable(intakes)) {
            return ParallelIntake.run(intakes, CHUNK, (part, checked) -> ingestChunk(part, configVersion, checked));
        }
        List<IntakeOutcome> done = new ArrayList<>(intakes.size());
        for (int from = 0; from < intakes.size(); from += CHUNK) {
            List<IntakeOutcome> taken = ingestChunk(intakes.subList(from, Math.min(intakes.size(), from + CHUNK)),
                    configVersion, current -> { });
            if (taken == null) {
                break;
            }
            done.addAll(taken);
        }
        return done;
    }

    /**
     * One chunk in one transaction; {@code checked} learns whether the configuration was still at
     * {@code configVersion}.
     *
     * @return the outcomes in input order, or null when the configuration moved on (nothing written)
     */
    private List<IntakeOutcome> ingestChunk(List<LeadIntake> part, long configVersion, Consumer<Boolean> checked) {
        return db.inTransaction("ingestLeads", INTAKE_RETRY, h -> {
            boolean current = current(h, part, configVersion);
            checked.accept(current);
            return current ? chunk(h, part) : null;
        });
    }

    /**
     * Holds the routes' sequences, then (in a later statement, so its snapshot sees any delete that
     * finished meanwhile) checks the configuration version and that every campaign and sequence of
     * the routes exists.
     *
     * @return whether the configuration is still at {@code configVersion}
     * @throws NotFoundException naming a missing campaign or sequence
     */
    private boolean current(Handle h, List<LeadIntake> intakes, long configVersion) {
        Set<String> campaigns = new TreeSet<>();
        Set<String> sequences = new TreeSet<>();
        for (LeadIntake intake : intakes) {
            for (IntakeRoute route : intake.routes()) {
                campaigns.add(route.campaignId());
                route.sequence().ifPresent(s -> sequences.add(s.sequenceId()));
            }
        }
        SequenceGuard.holdShared(h, db.dialect(), sequences);
        Map<String, Object> found = h.createQuery(VERSION_AND_ROUTES)
                .bind("campaigns", campaigns.toArray(String[]::new))
                .bind("sequences", sequences.toArray(String[]::new)).mapToMap().one();
        if (((Number) found.get("version")).longValue() != configVersion) {
            return false;
        }
        requireAll(h, CAMPAIGNS, "campaign", campaigns, ((Number) found.get("campaigns")).intValue());
        requireAll(h, SEQUENCES, "sequence", sequences, ((Number) found.get("sequences")).intValue());
        return true;
    }

    private static void requireAll(Handle h, String sql, String kind, Set<String> ids, int found) {
        if (found == ids.size()) {
            return;
        }
        Set<String> missing = new TreeSet<>(ids);
        missing.removeAll(h.createQuery(sql).bind("ids", ids.toArray(String[]::new)).mapTo(String.class).list());
        throw new NotFoundException(kind, missing.iterator().next());
    }

    /** Takes in one chunk in the transaction of {@code h}; outcomes in input order. */
    private List<IntakeOutcome> chunk(Handle h, List<LeadIntake> intakes) {
        List<Lead> rows = intakes.stream().map(IntakeSteps::asInserted).toList();
        IntakeOutcome[] outcomes = new IntakeOutcome[rows.size()];
        if (FreshIntakes.apply(db.dialect(), intakes, rows)) {
            FreshIntakes.write(h, intakes, rows, outcomes);
        } else {
            insertAndRoute(h, intakes, rows, outcomes);
        }
        List<Lead> others = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (outcomes[i] == null) {
                others.add(rows.get(i));
            }
        }
        if (!others.isEmpty()) {
            List<Lead> stored = stored(h, others);
            HandleOperations ops = new HandleOperations(h);
            for (int i = 0; i < rows.size(); i++) {
                if (outcomes[i] == null) {
                    Lead candidate = rows.get(i);
                    Lead existing = LeadRepository.duplicateOf(stored, candidate).orElseThrow(
                            () -> new StoreException("lead insert conflicted but no duplicate is visible"));
                    outcomes[i] = IntakeSteps.apply(intakes.get(i), new LeadInsertResult(existing, false), ops);
                }
            }
        }
        return List.of(outcomes);
    }

    /**
     * Inserts the candidates no stored lead collides with and routes them ({@link #routeNew}), with
     * their status moves; sets the outcome of each inserted one in {@code outcomes}.
     */
    private void insertAndRoute(Handle h, List<LeadIntake> intakes, List<Lead> rows, IntakeOutcome[] outcomes) {
        Set<String> inserted = insertNew(h, rows);
        Map<List<IntakeRoute>, List<Integer>> fresh = new LinkedHashMap<>();
        List<LeadStatusChange> moves = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (inserted.contains(rows.get(i).id())) {
                fresh.computeIfAbsent(intakes.get(i).routes(), r -> new ArrayList<>()).add(i);
                IntakeSteps.insertedMove(intakes.get(i), rows.get(i)).ifPresent(moves::add);
            }
        }
        fresh.forEach((routes, indexes) -> routeNew(h, routes, indexes.stream().map(rows::get).toList(), moves)
                .forEach((k, outcome) -> outcomes[indexes.get(k)] = outcome));
        LeadStatusChanges.writeAll(h, db.dialect(), moves);
    }

    /** Inserts the rows no stored lead (nor an earlier row) collides with; returns their ids. */
    private Set<String> insertNew(Handle h, List<Lead> rows) {
        if (db.dialect() == Dialect.POSTGRESQL) {
            return new HashSet<>(LEAD_ROWS.insertSkippingDuplicates(h, rows.stream().map(LeadIntakeRepository::row)
                    .toList()));
        }
        Set<String> taken = new HashSet<>();
        for (Lead lead : stored(h, rows)) {
            addKeys(taken, lead);
        }
        List<Lead> fresh = new ArrayList<>();
        for (Lead lead : rows) {
            if (!collides(taken, lead)) {
                fresh.add(lead);
                addKeys(taken, lead);
            }
        }
        LEAD_ROWS.insert(h, db.dialect(), fresh.stream().map(LeadIntakeRepository::row).toList());
        Set<String> ids = new HashSet<>();
        fresh.forEach(lead -> ids.add(lead.id()));
        return ids;
    }

    private static boolean collides(Set<String> keys, Lead lead) {
        return keys.contains("i:" + lead.id()) || lead.email().map(e -> keys.contains("e:" + e)).orElse(false)
                || lead.phone().map(p -> keys.contains("p:" + p)).orElse(false);
    }

    private static void addKeys(Set<String> keys, Lead lead) {
        keys.add("i:" + lead.id());
        lead.email().ifPresent(e -> keys.add("e:" + e));
        lead.phone().ifPresent(p -> keys.add("p:" + p));
    }

    /** The stored leads sharing an id, email or phone with one of {@code candidates}. */
    private static List<Lead> stored(Handle h, List<Lead> candidates) {
        return h.createQuery(STORED)
                .bind("ids", candidates.stream().map(Lead::id).toArray(String[]::new))
                .bind("emails", candidates.stream().flatMap(l -> l.email().stream()).toArray(String[]::new))
                .bind("phones", candidates.stream().flatMap(l -> l.phone().stream()).toArray(String[]::new))
                .mapTo(Lead.class).list();
    }

    /**
     * Routes leads inserted in this transaction: each route's campaign takes them (up to its cap) with
     * one insert, its sequence enrolls those it took with one insert, and members still NEW start
     * (their moves are added to {@code moves}, which the caller writes with one insert).
     *
     * @return the outcome of each lead by its position in {@code fresh}
     */
    private Map<Integer, IntakeOutcome> routeNew(Handle h, List<IntakeRoute> routes, List<Lead> fresh,
            List<LeadStatusChange> moves) {
        Map<String, List<String>> joined = new HashMap<>();
        Map<String, List<SequenceEnrollment>> enrolled = new HashMap<>();
        for (IntakeRoute route : routes) {
            List<Lead> taken = members.assignNew(h, route.campaignId(), fresh, route.cap());
            taken.forEach(lead -> joined.computeIfAbsent(lead.id(), k -> new ArrayList<>()).add(route.campaignId()));
            route.sequence().ifPresent(s -> {
                List<SequenceEnrollment> started = taken.stream()
                        .map(lead -> IntakeSteps.enrollment(route, s, lead.id(), lead.createdAt())).toList();
                enrollments.enrollNew(h, started);
                started.forEach(e -> enrolled.computeIfAbsent(e.leadId(), k -> new ArrayList<>()).add(e));
            });
        }
        PreparedBatch start = h.prepareBatch(START);
        Map<Integer, IntakeOutcome> outcomes = new HashMap<>();
        for (int k = 0; k < fresh.size(); k++) {
            Lead lead = fresh.get(k);
            List<String> campaigns = joined.getOrDefault(lead.id(), List.of());
            if (!campaigns.isEmpty() && lead.status() == LeadStatus.NEW) {
                Lead started = IntakeSteps.started(lead, lead.createdAt());
                start.bind("id", started.id()).bindByType("at", started.updatedAt(), Instant.class).add();
                LeadStatusChanges.between(lead.id(), lead.status(), started.status(), started.updatedAt())
                        .ifPresent(moves::add);
                lead = started;
            }
            outcomes.put(k, new IntakeOutcome(lead, true, campaigns, enrolled.getOrDefault(lead.id(), List.of())));
        }
        if (start.size() > 0) {
            start.execute();
        }
        return outcomes;
    }

    /** The values of {@link #LEAD_ROWS} for {@code lead}. */
    static Object[] row(Lead lead) {
        return new Object[] {lead.id(), lead.externalId().orElse(null), lead.firstName().orElse(null),
            lead.lastName().orElse(null), lead.email().orElse(null), lead.phone().orElse(null), lead.source().name(),
            lead.status().name(), lead.subId().orElse(null), lead.clickId().orElse(null),
            lead.timezone().map(ZoneId::getId).orElse(null), Json.write(lead.attributes()), lead.contactCount(),
            lead.createdAt(), lead.updatedAt(), lead.notes().orElse(null)};
    }

    /** The store's single-lead rules on the open transaction, for duplicates of a lead still NEW. */
    private final class HandleOperations implements IntakeSteps.Operations {
        private final Handle h;

        HandleOperations(Handle h) {
            this.h = h;
        }

        @Override
        public Assignment assign(String campaignId, String leadId, Optional<Integer> cap, Instant at) {
            return members.assign(h, campaignId, leadId, cap, at);
        }

        @Override
        public EnrollResult enroll(SequenceEnrollment enrollment, Duration cooldown) {
            return enrollments.enroll(h, enrollment, cooldown);
        }

        @Override
        public Lead start(Lead lead, Instant at) {
            return LeadRepository.moveLocked(h, lead.id(), current -> IntakeSteps.started(current, at));
        }

        @Override
        public boolean isActiveMember(String campaignId, String leadId) {
            return members.isActive(h, campaignId, leadId);
        }

        @Override
        public List<SequenceEnrollment> enrollmentsOf(String leadId) {
            return enrollments.ofLead(h, leadId);
        }
    }
}
