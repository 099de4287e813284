package io.retentioncenter.core.memory;

import io.retentioncenter.core.NotFoundException;
import io.retentioncenter.core.Page;
import io.retentioncenter.core.PageRequest;
import io.retentioncenter.core.lead.Lead;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Leads by id, with the dedupe indexes (email, phone), the external-id index and creation order.
 * Not thread-safe: the store calls it under its lock.
 */
final class LeadTable {
    private final Map<String, Lead> byId = new HashMap<>();
    private final Map<String, String> byEmail = new HashMap<>();
    private final Map<String, String> byPhone = new HashMap<>();
    private final Map<String, TimeKey> earliestByExternalId = new HashMap<>();
    private final TimeIndex created = new TimeIndex();
    private final StatusHistory history = new StatusHistory();

    Optional<Lead> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The lead with {@code id}, or {@link NotFoundException}. */
    Lead require(String id) {
        return find(id).orElseThrow(() -> new NotFoundException("lead", id));
    }

    /** The stored lead {@code candidate} duplicates: same id, same email or same phone. */
    Optional<Lead> duplicateOf(Lead candidate) {
        return find(candidate.id())
                .or(() -> candidate.email().map(byEmail::get).flatMap(this::find))
                .or(() -> candidate.phone().map(byPhone::get).flatMap(this::find));
    }

    /** The lead reached at this email or phone. */
    Optional<Lead> byAddress(String emailOrPhone) {
        return Optional.ofNullable(byEmail.get(emailOrPhone)).or(() -> Optional.ofNullable(byPhone.get(emailOrPhone)))
                .flatMap(this::find);
    }

    /** The earliest created lead with this external id. */
    Optional<Lead> byExternalId(String externalId) {
        return Optional.ofNullable(earliestByExternalId.get(externalId)).flatMap(key -> find(key.id()));
    }

    /** Adds a new lead; the caller checked {@link #duplicateOf} first. */
    void insert(Lead lead) {
        byId.put(lead.id(), lead);
        lead.email().ifPresent(email -> byEmail.put(email, lead.id()));
        lead.phone().ifPresent(phone -> byPhone.put(phone, lead.id()));
        TimeKey key = new TimeKey(lead.createdAt(), lead.id());
        lead.externalId().ifPresent(external -> earliestByExternalId.merge(external, key,
                (current, added) -> added.compareTo(current) < 0 ? added : current));
        created.add(lead.createdAt(), lead.id());
    }

    /**
     * Replaces a stored lead by a copy that differs in status, contact count or update time only, and
     * records a status move.
     */
    void replace(Lead lead) {
        history.record(byId.put(lead.id(), lead), lead);
    }

    /** The stored lead other than {@code edited} that holds its email or phone. */
    Optional<Lead> collisionOf(Lead edited) {
        return edited.email().map(byEmail::get).filter(id -> !id.equals(edited.id()))
                .or(() -> edited.phone().map(byPhone::get).filter(id -> !id.equals(edited.id())))
                .flatMap(this::find);
    }

    /** Replaces a stored lead by a copy with other names, email, phone or notes; the caller checked {@link #collisionOf}. */
    void edit(Lead edited) {
        Lead old = byId.put(edited.id(), edited);
        old.email().ifPresent(email -> byEmail.remove(email, old.id()));
        old.phone().ifPresent(phone -> byPhone.remove(phone, old.id()));
        edited.email().ifPresent(email -> byEmail.put(email, edited.id()));
        edited.phone().ifPresent(phone -> byPhone.put(phone, edited.id()));
    }

    /** Every lead, in no particular order. */
    Collection<Lead> all() {
        return byId.values();
    }

    StatusHistory history() {
        return history;
    }

    /** Leads in creation order. */
    Page<Lead> page(PageRequest request) {
        return Pages.of(created.stream().map(key -> byId.get(key.id())), byId.size(), request);
    }

    TimeIndex createdIndex() {
        return created;
    }
}
