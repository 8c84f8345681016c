-- Outbound notifications (org.caserecord.api.notifications, docs/webhooks.md): other systems
-- subscribe to case event types with a URL and a signing secret; for each matching event the
-- webhook-outbox event processor records one delivery per subscription, in the transaction
-- that moves the processor's token, and a dispatcher posts it, retrying until it is accepted.
-- Neither table holds client data: deliveries name the event (type, case id, sequence, time),
-- never its content. The application role's privileges come from the afterMigrate callback.

CREATE TABLE webhook_subscription (
    id                   uuid          NOT NULL,
    url                  varchar(2048) NOT NULL,
    event_types          text[]        NOT NULL,
    secret_ciphertext    bytea         NOT NULL,
    created_at           timestamptz   NOT NULL,
    created_by           varchar(255)  NOT NULL,
    deleted_at           timestamptz,
    deleted_by           varchar(255),
    consecutive_failures integer       NOT NULL DEFAULT 0,
    paused_until         timestamptz,
    CONSTRAINT pk_webhook_subscription PRIMARY KEY (id),
    CONSTRAINT ck_webhook_subscription_event_types CHECK (cardinality(event_types) > 0),
    CONSTRAINT ck_webhook_subscription_deleted CHECK ((deleted_at IS NULL) = (deleted_by IS NULL)),
    CONSTRAINT ck_webhook_subscription_failures CHECK (consecutive_failures >= 0)
);

COMMENT ON TABLE webhook_subscription IS
    'Receivers of outbound notifications. Deleted ones are kept (deleted_at) so their delivery log keeps its meaning.';
COMMENT ON COLUMN webhook_subscription.event_types IS 'Simple names of case event types (EventCatalog), e.g. MeetingRecorded';
COMMENT ON COLUMN webhook_subscription.secret_ciphertext IS
    'The signing secret: iv (12 bytes) || AES-256-GCM ciphertext || tag (16 bytes) under a key derived from the '
    'master key, with the subscription id as associated data. Never returned by the API';
COMMENT ON COLUMN webhook_subscription.created_at IS 'Events recorded before this instant are never sent to the subscription';
COMMENT ON COLUMN webhook_subscription.consecutive_failures IS 'Failed attempts since the last accepted delivery';
COMMENT ON COLUMN webhook_subscription.paused_until IS 'After failures, no delivery to the subscription is attempted before this';

CREATE TABLE webhook_delivery (
    id               uuid         NOT NULL,
    log_position     bigint       GENERATED ALWAYS AS IDENTITY,
    subscription_id  uuid         NOT NULL,
    event_id         varchar(255) NOT NULL,
    event_type       varchar(255) NOT NULL,
    case_id          uuid         NOT NULL,
    sequence         bigint       NOT NULL,
    recorded_at      timestamptz  NOT NULL,
    status           varchar(16)  NOT NULL,
    attempts         integer      NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz  NOT NULL,
    claimed_until    timestamptz,
    last_attempt_at  timestamptz,
    last_status_code smallint,
    last_error       varchar(200),
    delivered_at     timestamptz,
    created_at       timestamptz  NOT NULL,
    CONSTRAINT pk_webhook_delivery PRIMARY KEY (id),
    CONSTRAINT fk_webhook_delivery_subscription FOREIGN KEY (subscription_id) REFERENCES webhook_subscription (id),
    -- A replay of the outbox processor finds the delivery already recorded and adds nothing.
    CONSTRAINT uq_webhook_delivery_subscription_event UNIQUE (subscription_id, event_id),
    CONSTRAINT ck_webhook_delivery_status CHECK (status IN ('PENDING', 'DELIVERED', 'CANCELLED')),
    CONSTRAINT ck_webhook_delivery_delivered CHECK ((status = 'DELIVERED') = (delivered_at IS NOT NULL)),
    CONSTRAINT ck_webhook_delivery_attempts CHECK (attempts >= 0)
);

COMMENT ON TABLE webhook_delivery IS
    'One notification of one event to one subscription, and its attempts. No client data, no receiver response bodies.';
COMMENT ON COLUMN webhook_delivery.id IS 'Sent as the CaseRecord-Delivery header and the body''s id; the same on every retry';
COMMENT ON COLUMN webhook_delivery.event_id IS 'The event''s identifier in domain_event_entry';
COMMENT ON COLUMN webhook_delivery.sequence IS 'The event''s sequence number in its case: deliveries of one case go out in this order';
COMMENT ON COLUMN webhook_delivery.claimed_until IS 'Set while an attempt is in flight; a crashed sender''s claim lapses then';
COMMENT ON COLUMN webhook_delivery.last_error IS 'What went wrong with the last attempt, in the service''s words (status line or failure kind)';

-- The queue: per subscription and case, the oldest pending delivery is the only one sent.
CREATE INDEX ix_webhook_delivery_pending ON webhook_delivery (subscription_id, case_id, sequence)
    WHERE status = 'PENDING';
-- The delivery log, newest first.
CREATE INDEX ix_webhook_delivery_log ON webhook_delivery (subscription_id, log_position);
