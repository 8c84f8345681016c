-- Axon Framework's event store (JdbcEventStorageEngine, default EventSchema) on PostgreSQL.
-- The event stream is the legal record of every case: rows are only ever inserted.
-- The unique (aggregate_identifier, sequence_number) index is what makes concurrent
-- commands on one case safe across threads and service instances.

CREATE TABLE domain_event_entry (
    global_index         bigserial    NOT NULL,
    event_identifier     varchar(255) NOT NULL,
    meta_data            bytea,
    payload              bytea        NOT NULL,
    payload_revision     varchar(255),
    payload_type         varchar(255) NOT NULL,
    time_stamp           varchar(255) NOT NULL,
    aggregate_identifier varchar(255) NOT NULL,
    sequence_number      bigint       NOT NULL,
    type                 varchar(255),
    CONSTRAINT pk_domain_event_entry PRIMARY KEY (global_index),
    CONSTRAINT uq_domain_event_entry_aggregate_sequence UNIQUE (aggregate_identifier, sequence_number),
    CONSTRAINT uq_domain_event_entry_event_identifier UNIQUE (event_identifier)
);

CREATE TABLE snapshot_event_entry (
    aggregate_identifier varchar(255) NOT NULL,
    sequence_number      bigint       NOT NULL,
    type                 varchar(255) NOT NULL,
    event_identifier     varchar(255) NOT NULL,
    meta_data            bytea,
    payload              bytea        NOT NULL,
    payload_revision     varchar(255),
    payload_type         varchar(255) NOT NULL,
    time_stamp           varchar(255) NOT NULL,
    CONSTRAINT pk_snapshot_event_entry PRIMARY KEY (aggregate_identifier, sequence_number),
    CONSTRAINT uq_snapshot_event_entry_event_identifier UNIQUE (event_identifier)
);
