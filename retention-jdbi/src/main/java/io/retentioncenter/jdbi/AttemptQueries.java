package io.retentioncenter.jdbi;

import io.retentioncenter.core.contact.ContactAttempt;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** Reads of {@code rc_attempt}; lists come oldest first. */
interface AttemptQueries {

    /** The attempt with {@code id}. */
    @SqlQuery("SELECT * FROM <schema>rc_attempt WHERE id = :id")
    Optional<ContactAttempt> find(@Bind("id") String id);

    /** The latest attempt that provider {@code provider} knows as {@code providerRef}. */
    @SqlQuery("SELECT * FROM <schema>rc_attempt WHERE provider_ref = :providerRef AND provider = :provider"
            + " ORDER BY created_at DESC, id DESC LIMIT 1")
    Optional<ContactAttempt> byProviderRef(@Bind("provider") String provider, @Bind("providerRef") String providerRef);

    /** The lead's latest attempt on the channel that was handed (or is being handed) to a provider. */
    @SqlQuery("SELECT * FROM <schema>rc_attempt WHERE lead_id = :leadId AND channel = :channel"
            + " AND status NOT IN ('SCHEDULED', 'PENDING', 'CANCELLED') ORDER BY created_at DESC, id DESC LIMIT 1")
    Optional<ContactAttempt> latestDispatched(@Bind("leadId") String leadId, @Bind("channel") String channel);

    /** Attempts of the given enrollments. */
    @SqlQuery("SELECT * FROM <schema>rc_attempt WHERE enrollment_id = ANY(:ids) ORDER BY created_at, id")
    List<ContactAttempt> ofEnrollments(@Bind("ids") String[] enrollmentIds);

    /** One page of the attempts in {@code status}, oldest first. */
    @SqlQuery("SELECT * FROM <schema>rc_attempt WHERE status = :status ORDER BY created_at, id"
            + " LIMIT :limit OFFSET :offset")
    List<ContactAttempt> withStatus(@Bind("status") String status, @Bind("offset") int offset,
            @Bind("limit") int limit);

    /** How many attempts are in {@code status}. */
    @SqlQuery("SELECT COUNT(*) FROM <schema>rc_attempt WHERE status = :status")
    long countWithStatus(@Bind("status") String status);

    /** Attempts of a lead. */
    @SqlQuery("SELECT * FROM <schema>rc_attempt WHERE lead_id = :leadId ORDER BY created_at, id")
    List<ContactAttempt> ofLead(@Bind("leadId") String leadId);
}
