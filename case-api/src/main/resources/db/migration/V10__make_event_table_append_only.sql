-- The event stream is the legal record and the audit trail: once stored, an event is never
-- changed or removed, whoever connects. UPDATE, DELETE and TRUNCATE on the event table fail
-- (SQLSTATE 42501) for every role, the table's owner included. A database superuser can
-- still disable the triggers; the per-case hash chain of the audit trail is what detects that.

CREATE FUNCTION refuse_event_change() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'domain_event_entry is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER domain_event_entry_append_only
    BEFORE UPDATE OR DELETE ON domain_event_entry
    FOR EACH ROW EXECUTE FUNCTION refuse_event_change();

CREATE TRIGGER domain_event_entry_never_truncated
    BEFORE TRUNCATE ON domain_event_entry
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_event_change();

REVOKE UPDATE, DELETE, TRUNCATE ON domain_event_entry FROM PUBLIC;
