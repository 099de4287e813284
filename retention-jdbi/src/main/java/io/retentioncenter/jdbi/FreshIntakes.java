package io.retentioncenter.jdbi;

import io.retentioncenter.core.internal.IntakeSteps;
import io.retentioncenter.core.lead.IntakeOutcome;
import io.retentioncenter.core.lead.IntakeRoute;
import io.retentioncenter.core.lead.Lead;
import io.retentioncenter.core.lead.LeadIntake;
import io.retentioncenter.core.lead.LeadStatus;
import io.retentioncenter.core.sequence.SequenceEnrollment;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * PostgreSQL: the new leads of a chunk whose intakes share one list of routes without caps, taken in
 * by one statement instead of four. Every new lead then joins every route's campaign and is enrolled
 * in every route's sequence, so those rows (and the status moves) are prepared for every candidate in
 * advance; the statement inserts the leads that collide with no stored one and, in data-modifying
 * {@code WITH} queries of the same statement, the prepared rows of exactly those leads. Each
 * statement is a round trip, so a small group commit spends most of its time waiting for them.
 */
final class FreshIntakes {
    private static final String LEADS = "l";
    private static final String MEMBERS = "m";
    private static final String ENROLLMENTS = "e";
    private static final String MOVES = "s";
    private static final String INSERT = "WITH inserted AS (" + LeadIntakeRepository.LEAD_ROWS
            .insertSkippingDuplicates(LEADS) + "), members AS ("
            + CampaignMembership.MEMBER_ROWS.insertWhereIdIn(MEMBERS, "lead_id", "inserted") + "), enrollments AS ("
            + EnrollmentRepository.ENROLLMENT_ROWS.insertWhereIdIn(ENROLLMENTS, "lead_id", "inserted") + "), moves AS ("
            + LeadStatusChanges.ROWS.insertWhereIdIn(MOVES, "lead_id", "inserted") + ") SELECT id FROM inserted";

    private FreshIntakes() {
    }

    /**
     * Whether {@code intakes} can be taken in this way on {@code dialect}: PostgreSQL, one list of
     * routes for all, no cap, and (when there are routes) every lead inserted IN_PROGRESS already
     * ({@link IntakeSteps#asInserted}), so none is left to start.
     */
    static boolean apply(Dialect dialect, List<LeadIntake> intakes, List<Lead> rows) {
        if (dialect != Dialect.POSTGRESQL) {
            return false;
        }
        List<IntakeRoute> routes = intakes.get(0).routes();
        return routes.stream().allMatch(r -> r.cap().isEmpty())
                && intakes.stream().allMatch(i -> i.routes().equals(routes))
                && (routes.isEmpty() || rows.stream().allMatch(lead -> lead.status() == LeadStatus.IN_PROGRESS));
    }

    /**
     * Inserts {@code rows} (the candidates of {@code intakes} as inserted) that collide with no stored
     * lead, with their memberships, enrollments and status moves, and sets the outcome of each of them
     * in {@code outcomes}; the others' outcomes stay null.
     */
    static void write(Handle h, List<LeadIntake> intakes, List<Lead> rows, IntakeOutcome[] outcomes) {
        List<IntakeRoute> routes = intakes.get(0).routes();
        List<String> campaigns = routes.stream().map(IntakeRoute::campaignId).toList();
        List<Object[]> members = new ArrayList<>();
        List<Object[]> enrollments = new ArrayList<>();
        List<Object[]> moves = new ArrayList<>();
        List<List<SequenceEnrollment>> planned = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Lead lead = rows.get(i);
            List<SequenceEnrollment> mine = new ArrayList<>(routes.size());
            for (IntakeRoute route : routes) {
                members.add(CampaignMembership.newMemberRow(route.campaignId(), lead));
                route.sequence().ifPresent(s -> mine.add(IntakeSteps.enrollment(route, s, lead.id(),
                        lead.createdAt())));
            }
            mine.forEach(e -> enrollments.add(EnrollmentRepository.row(e)));
            IntakeSteps.insertedMove(intakes.get(i), lead).ifPresent(m -> moves.add(LeadStatusChanges.row(m)));
            planned.add(mine);
        }
        var statement = h.createQuery(INSERT);
        LeadIntakeRepository.LEAD_ROWS.bindArrays(statement, rows.stream().map(LeadIntakeRepository::row).toList(),
                LEADS);
        CampaignMembership.MEMBER_ROWS.bindArrays(statement, members, MEMBERS);
        EnrollmentRepository.ENROLLMENT_ROWS.bindArrays(statement, enrollments, ENROLLMENTS);
        LeadStatusChanges.ROWS.bindArrays(statement, moves, MOVES);
        Set<String> inserted = new HashSet<>(statement.mapTo(String.class).list());
        for (int i = 0; i < rows.size(); i++) {
            if (inserted.contains(rows.get(i).id())) {
                outcomes[i] = new IntakeOutcome(rows.get(i), true, campaigns, planned.get(i));
            }
        }
    }
}
