-- Axon's JdbcSequencedDeadLetterQueue (DeadLetterConfiguration names these columns): events that a
-- read model's handler could not apply, per processing group and per sequence (the case, or the
-- resource of the directory), in order. A retry that succeeds deletes its rows; so does a replay.
-- Axon writes every time as ISO-8601 text (setString), hence varchar; payload and metadata are
-- serialized as in the event store, so personal data stays encrypted. cause_message is never
-- filled with the exception's message (database errors can quote client data): see
-- docs/operations.md.
CREATE TABLE dead_letter_entry (
    dead_letter_identifier varchar(255)  NOT NULL,
    processing_group       varchar(255)  NOT NULL,
    sequence_identifier    varchar(255)  NOT NULL,   -- the aggregate id (SequentialPerAggregatePolicy)
    sequence_index         bigint        NOT NULL,   -- 1, 2, ... within the sequence
    message_type           varchar(255)  NOT NULL,
    event_identifier       varchar(255)  NOT NULL,
    time_stamp             varchar(255)  NOT NULL,
    payload_type           varchar(255)  NOT NULL,
    payload_revision       varchar(255),
    payload                bytea         NOT NULL,
    meta_data              bytea,
    aggregate_type         varchar(255),
    aggregate_identifier   varchar(255),
    sequence_number        bigint,
    token_type             varchar(255),
    token                  bytea,
    enqueued_at            varchar(255)  NOT NULL,
    last_touched           varchar(255),
    processing_started     varchar(255),             -- a retry's claim on the sequence
    cause_type             varchar(255),             -- NULL for letters queued behind a failed one
    cause_message          varchar(1023),
    diagnostics            bytea,                    -- {"retries": n}
    CONSTRAINT pk_dead_letter_entry PRIMARY KEY (dead_letter_identifier),
    -- Its prefix also serves the lookups by group and by (group, sequence).
    CONSTRAINT uq_dead_letter_entry_sequence UNIQUE (processing_group, sequence_identifier, sequence_index)
);
