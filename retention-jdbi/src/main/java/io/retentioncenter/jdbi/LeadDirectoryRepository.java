package io.retentioncenter.jdbi;

import io.retentioncenter.core.ConflictException;
import io.retentioncenter.core.NotFoundException;
import io.retentioncenter.core.Page;
import io.retentioncenter.core.lead.Lead;
import io.retentioncenter.core.lead.LeadCounts;
import io.retentioncenter.core.lead.LeadEdit;
import io.retentioncenter.core.lead.LeadSearch;
import io.retentioncenter.core.lead.LeadSource;
import io.retentioncenter.core.lead.LeadStatus;
import io.retentioncenter.core.lead.LeadStatusChange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * The leads page: searches built from a {@link LeadSearch} (filters as bound parameters, the order
 * from a fixed set of expressions that the PostgreSQL indexes repeat), counts, edits under the lead's
 * row lock with the unique email and phone indexes as the final dedupe check, and status histories.
 */
final class LeadDirectoryRepository {
    /** What a search text is found in; {@code rc_lead_search_trgm_ix} indexes this expression on PostgreSQL. */
    private static final String SEARCH_TEXT = "LOWER(COALESCE(first_name, '') || ' ' || COALESCE(last_name, '')"
            + " || ' ' || COALESCE(email, '') || ' ' || COALESCE(phone, '') || ' ' || COALESCE(external_id, ''))";
    /** The name order's key; {@code rc_lead_name_ix} indexes it (byte-wise) on PostgreSQL. */
    private static final String NAME_KEY = "LOWER(COALESCE(first_name, '') || ' ' || COALESCE(last_name, ''))";
    private static final String COLLIDING = "SELECT id FROM <schema>rc_lead WHERE id <> :id"
            + " AND (email = :email OR phone = :phone)";
    private static final String EDIT = "UPDATE <schema>rc_lead SET first_name = :firstName, last_name = :lastName,"
            + " email = :email, phone = :phone, notes = :notes, updated_at = :at WHERE id = :id";
    private static final String STATUS_CHANGES = "SELECT * FROM <schema>rc_lead_status_change WHERE lead_id = :leadId"
            + " ORDER BY changed_at, id";

    private final Database db;

    LeadDirectoryRepository(Database db) {
        this.db = db;
    }

    Page<Lead> search(LeadSearch search) {
        String where = where(search);
        String direction = search.descending() ? " DESC" : "";
        String order = switch (search.sort()) {
            case CREATED -> "";
            case UPDATED -> "updated_at" + direction + ", ";
            case NAME -> nameKey() + direction + ", ";
            case STATUS -> "status" + direction + ", ";
        } + "created_at" + direction + ", id" + direction;
        String page = "SELECT * FROM <schema>rc_lead l" + where + " ORDER BY " + order + " LIMIT :limit OFFSET :offset";
        String count = "SELECT COUNT(*) FROM <schema>rc_lead l" + where;
        return db.inTransaction("searchLeads", Database.Retry.ON_CONFLICT_OR_LOST_CONNECTION, h -> {
            planForTheseValues(h);
            List<Lead> items = bind(h.createQuery(page), search).bind("limit", search.page().limit())
                    .bind("offset", search.page().offset()).mapTo(Lead.class).list();
            boolean lastPage = items.size() < search.page().limit() && (!items.isEmpty() || search.page().offset() == 0);
            long total = lastPage ? search.page().offset() + items.size()
                    : bind(h.createQuery(count), search).mapTo(Long.class).one();
            return new Page<>(items, search.page().offset(), total);
        });
    }

    LeadCounts count(LeadSearch search) {
        String sql = "SELECT status, source, COUNT(*) AS n FROM <schema>rc_lead l" + where(search)
                + " GROUP BY status, source";
        return db.inTransaction("countLeads", Database.Retry.ON_CONFLICT_OR_LOST_CONNECTION, h -> {
            planForTheseValues(h);
            Map<LeadStatus, Long> byStatus = new EnumMap<>(LeadStatus.class);
            Map<LeadSource, Long> bySource = new EnumMap<>(LeadSource.class);
            bind(h.createQuery(sql), search).map((rs, ctx) -> {
                long n = rs.getLong("n");
                byStatus.merge(Columns.enumValue(rs, "status", LeadStatus.class), n, Long::sum);
                bySource.merge(Columns.enumValue(rs, "source", LeadSource.class), n, Long::sum);
                return n;
            }).list();
            return new LeadCounts(byStatus, bySource);
        });
    }

    /**
     * On PostgreSQL, plans this transaction's statements for their bound values: once the driver
     * prepares a statement on the server, a plan made for any value could read a search text's
     * trigram index as if it matched thousands of leads; a custom plan sees the actual text.
     */
    private void planForTheseValues(Handle handle) {
        if (db.dialect() == Dialect.POSTGRESQL) {
            handle.execute("SET LOCAL plan_cache_mode = force_custom_plan");
        }
    }

    /** Edits the lead under its row lock; another lead's email or phone is a conflict. */
    Lead edit(String leadId, LeadEdit edit, Instant at) {
        return db.inTransaction("editLead", h -> {
            Lead edited = LeadRepository.lock(h, leadId).orElseThrow(() -> new NotFoundException("lead", leadId))
                    .edited(edit, at);
            Optional<String> other = h.createQuery(COLLIDING).bind("id", leadId)
                    .bind("email", edited.email().orElse(null)).bind("phone", edited.phone().orElse(null))
                    .mapTo(String.class).findFirst();
            if (other.isPresent()) {
                throw conflict(other.get());
            }
            try {
                h.createUpdate(EDIT).bind("id", leadId).bind("firstName", edited.firstName().orElse(null))
                        .bind("lastName", edited.lastName().orElse(null)).bind("email", edited.email().orElse(null))
                        .bind("phone", edited.phone().orElse(null)).bind("notes", edited.notes().orElse(null))
                        .bindByType("at", at, Instant.class).execute();
            } catch (JdbiException e) {
                if (SqlStates.isUniqueViolation(e)) {
                    throw conflict("a concurrent edit or intake");
                }
                throw e;
            }
            return edited;
        });
    }

    private static ConflictException conflict(String otherLead) {
        return new ConflictException("another lead has this email or phone: " + otherLead);
    }

    List<LeadStatusChange> statusChanges(String leadId) {
        return db.inTransaction("leadStatusChanges", Database.Retry.ON_CONFLICT_OR_LOST_CONNECTION,
                h -> h.createQuery(STATUS_CHANGES).bind("leadId", leadId).map(LeadStatusChanges::map).list());
    }

    private String nameKey() {
        return db.dialect() == Dialect.POSTGRESQL ? NAME_KEY + " COLLATE \"C\"" : NAME_KEY;
    }

    /** The WHERE clause of {@code search}'s filters, bound by {@link #bind}. */
    private static String where(LeadSearch search) {
        List<String> conditions = new ArrayList<>();
        search.text().ifPresent(text -> conditions.add(SEARCH_TEXT + " LIKE :text ESCAPE '!'"));
        oneOf("status", search.statuses()).ifPresent(conditions::add);
        oneOf("source", search.sources()).ifPresent(conditions::add);
        search.campaignId().ifPresent(campaign -> conditions.add("EXISTS (SELECT 1 FROM <schema>rc_campaign_lead m"
                + " WHERE m.campaign_id = :campaignId AND m.lead_id = l.id)"));
        search.createdFrom().ifPresent(from -> conditions.add("created_at >= :createdFrom"));
        search.createdTo().ifPresent(to -> conditions.add("created_at < :createdTo"));
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private static <S extends SqlStatement<S>> S bind(S statement, LeadSearch search) {
        search.text().ifPresent(text -> statement.bind("text", "%" + likeEscaped(text) + "%"));
        bindOneOf(statement, "status", search.statuses());
        bindOneOf(statement, "source", search.sources());
        search.campaignId().ifPresent(campaign -> statement.bind("campaignId", campaign));
        search.createdFrom().ifPresent(from -> statement.bindByType("createdFrom", from, Instant.class));
        search.createdTo().ifPresent(to -> statement.bindByType("createdTo", to, Instant.class));
        return statement;
    }

    /**
     * The condition that {@code column} holds one of {@code values}: an equality for one value, which
     * lets PostgreSQL read an index on ({@code column}, order) in order and stop at the page's end.
     */
    private static Optional<String> oneOf(String column, Set<? extends Enum<?>> values) {
        return switch (values.size()) {
            case 0 -> Optional.empty();
            case 1 -> Optional.of(column + " = :" + column);
            default -> Optional.of(column + " = ANY(:" + column + ")");
        };
    }

    private static void bindOneOf(SqlStatement<?> statement, String column, Set<? extends Enum<?>> values) {
        if (values.size() == 1) {
            statement.bind(column, values.iterator().next().name());
        } else if (values.size() > 1) {
            statement.bind(column, values.stream().map(Enum::name).toArray(String[]::new));
        }
    }

    /**
     * {@code text} with LIKE's wildcards and the escape character escaped by {@code !} (not a backslash,
     * which JDBI's statement parser reads as escaping the closing quote of {@code ESCAPE '\'}).
     */
    private static String likeEscaped(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
