-- The per-case hash chain over the event table (the audit trail's tamper evidence), written
-- by the audit-seal event processor (org.caserecord.api.audit.EventSealer) right after each
-- event is committed: chain_hash = SHA-256(previous chain_hash || canonical bytes of the
-- stored row), see docs/audit.md. Seals are append-only like the events they seal.

CREATE TABLE event_seal (
    aggregate_identifier varchar(255) NOT NULL,
    sequence_number      bigint       NOT NULL,
    global_index         bigint       NOT NULL,
    event_identifier     varchar(255) NOT NULL,
    chain_hash           bytea        NOT NULL,
    sealed_at            timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT pk_event_seal PRIMARY KEY (aggregate_identifier, sequence_number),
    CONSTRAINT uq_event_seal_global_index UNIQUE (global_index),
    CONSTRAINT uq_event_seal_event_identifier UNIQUE (event_identifier),
    CONSTRAINT ck_event_seal_hash CHECK (octet_length(chain_hash) = 32)
);

CREATE FUNCTION refuse_audit_record_change() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER event_seal_append_only
    BEFORE UPDATE OR DELETE ON event_seal
    FOR EACH ROW EXECUTE FUNCTION refuse_audit_record_change();

CREATE TRIGGER event_seal_never_truncated
    BEFORE TRUNCATE ON event_seal
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_audit_record_change();

REVOKE UPDATE, DELETE, TRUNCATE ON event_seal FROM PUBLIC;
