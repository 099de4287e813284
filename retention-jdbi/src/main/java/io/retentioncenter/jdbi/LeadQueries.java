package io.retentioncenter.jdbi;

import io.retentioncenter.core.lead.Lead;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** Reads of {@code rc_lead}. */
interface LeadQueries {

    /** The lead with {@code id}. */
    @SqlQuery("SELECT * FROM <schema>rc_lead WHERE id = :id")
    Optional<Lead> find(@Bind("id") String id);

    /** The leads among {@code ids} that exist. */
    @SqlQuery("SELECT * FROM <schema>rc_lead WHERE id = ANY(:ids)")
    List<Lead> findAll(@Bind("ids") String[] ids);

    /** The earliest created lead with this external id. */
    @SqlQuery("SELECT * FROM <schema>rc_lead WHERE external_id = :externalId ORDER BY created_at, id LIMIT 1")
    Optional<Lead> byExternalId(@Bind("externalId") String externalId);

    /** The stored leads a candidate duplicates: same id, same email or same phone (at most three). */
    @SqlQuery("SELECT * FROM <schema>rc_lead WHERE id = :id OR email = :email OR phone = :phone")
    List<Lead> duplicates(@Bind("id") String id, @Bind("email") String email, @Bind("phone") String phone);

    /** The leads reached at this email or phone (at most two: one per address kind). */
    @SqlQuery("SELECT * FROM <schema>rc_lead WHERE email = :address OR phone = :address")
    List<Lead> byAddress(@Bind("address") String address);

    /** Number of leads. */
    @SqlQuery("SELECT COUNT(*) FROM <schema>rc_lead")
    long count();

    /** One page of leads in creation order. */
    @SqlQuery("SELECT * FROM <schema>rc_lead ORDER BY created_at, id LIMIT :limit OFFSET :offset")
    List<Lead> page(@Bind("offset") int offset, @Bind("limit") int limit);
}
