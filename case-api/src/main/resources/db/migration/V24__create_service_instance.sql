-- The running service instances, each writing its heartbeat every few seconds
-- (org.caserecord.api.config.ServiceInstances). The read-model processors divide their
-- segments by the number of live instances, so a second instance takes its share of the
-- projection work and a crashed one's share is taken over. Times are the database's own
-- clock, so instances on hosts with skewed clocks still agree. Holds no client data.

CREATE TABLE service_instance (
    instance_id  varchar(255) NOT NULL,
    started_at   timestamptz  NOT NULL DEFAULT now(),
    last_seen_at timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT pk_service_instance PRIMARY KEY (instance_id)
);
