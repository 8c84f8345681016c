-- Responses to POST requests sent with an Idempotency-Key, so a retry replays the first
-- answer instead of appending again. Written in the same transaction as the command's
-- events: a record exists exactly when the first request's events were committed.
-- Holds no client data: a hash of the request and the response to writes (ids, versions).

CREATE TABLE idempotency_record (
    actor               varchar(255) NOT NULL,
    idempotency_key     varchar(255) NOT NULL,
    request_fingerprint char(64)     NOT NULL,
    response_status     integer      NOT NULL,
    response_location   text,
    response_etag       text,
    response_body       text         NOT NULL,
    created_at          timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT pk_idempotency_record PRIMARY KEY (actor, idempotency_key)
);

CREATE INDEX ix_idempotency_record_created ON idempotency_record (created_at);
