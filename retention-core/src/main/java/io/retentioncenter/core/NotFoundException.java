package io.retentioncenter.core;

/** A referenced entity (lead, campaign, sequence, enrollment, script, test) does not exist. */
public class NotFoundException extends RetentionException {
    private static final long serialVersionUID = 1L;
    private final String kind;
    private final String id;

    /** Creates the exception for an entity of {@code kind} with {@code id}. */
    public NotFoundException(String kind, String id) {
        super(kind + " not found: " + id);
        this.kind = kind;
        this.id = id;
    }

    /** The kind of entity, e.g. {@code "campaign"}. */
    public String kind() {
        return kind;
    }

    /** The id that was looked up. */
    public String id() {
        return id;
    }
}
