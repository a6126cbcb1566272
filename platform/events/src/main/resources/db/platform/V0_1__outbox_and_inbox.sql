-- Platform tables every Lernstadt service has: the transactional outbox and the consumer inbox.

-- An event written in the same transaction as the state change it reports; the relay publishes
-- it to Kafka and marks it sent after the broker acknowledged it.
create table outbox_event (
    id           uuid        primary key,
    seq          bigint      generated always as identity unique,
    topic        text        not null,
    aggregate_id text        not null,
    type         text        not null,
    subject      text,
    payload      jsonb       not null,
    occurred_at  timestamptz not null,
    recorded_at  timestamptz not null default clock_timestamp(),
    sent_at      timestamptz
);

create index outbox_event_unsent on outbox_event (seq) where sent_at is null;
create index outbox_event_unsent_aggregate on outbox_event (aggregate_id, seq) where sent_at is null;
create index outbox_event_sent_at on outbox_event (sent_at) where sent_at is not null;

-- Wakes the relay when a transaction that wrote events commits (NOTIFY is delivered on commit
-- only, and not at all on rollback), so publishing takes milliseconds instead of a poll interval.
create function outbox_event_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('lernstadt_outbox', '');
    return null;
end;
$$;

create trigger outbox_event_notify
    after insert on outbox_event
    for each statement execute function outbox_event_notify();

-- Events a consumer has applied. The row is inserted first, in the transaction of the effect:
-- a duplicate key means the event was applied before.
create table inbox_message (
    consumer    text        not null,
    event_id    text        not null,
    received_at timestamptz not null default now(),
    primary key (consumer, event_id)
);
