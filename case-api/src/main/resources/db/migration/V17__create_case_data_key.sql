-- The per-case data keys of the field-level encryption of personal data (org.caserecord.api.crypto,
-- docs/encryption.md). Every field marked @Phi is stored in the event store encrypted with its
-- case's own random AES-256 key. The key is kept here only wrapped: encrypted with AES-256-GCM
-- (case id as associated data) under the master key, which never enters the database.
-- Disposal destroys a case's key by setting wrapped_key to NULL (crypto-shredding): its personal
-- data becomes unreadable everywhere, while the events themselves, and their hash chain, stay
-- exactly as they were.

CREATE TABLE case_data_key (
    case_id       uuid         NOT NULL,
    wrapped_key   bytea,
    master_key_id varchar(64)  NOT NULL,
    created_at    timestamptz  NOT NULL,
    destroyed_at  timestamptz,
    destroyed_by  varchar(255),
    CONSTRAINT pk_case_data_key PRIMARY KEY (case_id),
    CONSTRAINT ck_case_data_key_destroyed CHECK (
        (wrapped_key IS NULL) = (destroyed_at IS NOT NULL) AND (destroyed_at IS NULL OR destroyed_by IS NOT NULL))
);

COMMENT ON TABLE case_data_key IS
    'Per-case data keys of the encrypted personal data in the event store, wrapped under the master key. '
    'A destroyed key (wrapped_key NULL) makes the case''s personal data unreadable for good (disposal).';
COMMENT ON COLUMN case_data_key.wrapped_key IS
    'iv (12 bytes) || AES-256-GCM ciphertext of the 32-byte data key || tag (16 bytes), '
    'with the case id as associated data. NULL once destroyed';
COMMENT ON COLUMN case_data_key.master_key_id IS
    'First 16 hex digits of SHA-256 over the master key that wrapped the key; '
    'the service refuses to start with another';
COMMENT ON COLUMN case_data_key.destroyed_by IS 'User id of whoever had the key destroyed';

-- A key is created, and may be destroyed; it is never replaced, restored or moved to another case.
CREATE FUNCTION refuse_data_key_change() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF OLD.wrapped_key IS NULL
            OR NEW.wrapped_key IS NOT NULL
            OR NEW.case_id IS DISTINCT FROM OLD.case_id
            OR NEW.master_key_id IS DISTINCT FROM OLD.master_key_id
            OR NEW.created_at IS DISTINCT FROM OLD.created_at THEN
        RAISE EXCEPTION 'case_data_key: a data key can only be destroyed, never changed or restored'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER case_data_key_only_destroyed
    BEFORE UPDATE ON case_data_key
    FOR EACH ROW EXECUTE FUNCTION refuse_data_key_change();

-- The start-up check for cases stored before encryption existed (a CaseOpened without a data key)
-- reads this index of case openings, one entry per case, instead of the whole event table.
CREATE INDEX ix_domain_event_entry_case_opened ON domain_event_entry (aggregate_identifier)
    WHERE payload_type = 'org.caserecord.domain.events.CaseOpened';
