-- Axon's JDBC token store: how far each event processor segment has read the event
-- stream. Updated in the same transaction as the read-model rows it covers.

CREATE TABLE token_entry (
    processor_name varchar(255) NOT NULL,
    segment        integer      NOT NULL,
    token          bytea,
    token_type     varchar(255),
    timestamp      varchar(255),
    owner          varchar(255),
    CONSTRAINT pk_token_entry PRIMARY KEY (processor_name, segment)
);
