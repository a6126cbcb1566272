-- Events (kick-off, roundtables, workshops) with registration and a waiting list.

create table event (
    id           uuid        primary key,
    dialogue_id  uuid        references dialogue (id),
    kind         text        not null check (kind in ('KICK_OFF', 'ROUNDTABLE', 'WORKSHOP', 'ONLINE_ROUNDTABLE')),
    title        text        not null,
    description  text        not null,
    starts_at    timestamptz not null,
    ends_at      timestamptz,
    place        text,
    online_url   text,
    district     text,
    capacity     int         not null check (capacity > 0),
    registered   int         not null default 0 check (registered >= 0),
    waitlisted   int         not null default 0 check (waitlisted >= 0),
    attendance   int         check (attendance >= 0),
    created_by   text        not null,
    created_at   timestamptz not null default now(),
    -- The database refuses more registered than places, whatever the code does.
    check (registered <= capacity),
    check (ends_at is null or ends_at > starts_at)
);

create index event_starts on event (starts_at);
create index event_dialogue on event (dialogue_id);

create table event_registration (
    id           uuid        primary key,
    seq          bigint      generated always as identity unique,
    event_id     uuid        not null references event (id),
    citizen      text        not null,
    status       text        not null check (status in ('REGISTERED', 'WAITLISTED', 'CANCELLED')),
    created_at   timestamptz not null default now(),
    cancelled_at timestamptz
);

-- One active registration per citizen and event.
create unique index event_registration_active on event_registration (event_id, citizen) where status <> 'CANCELLED';
create index event_registration_waitlist on event_registration (event_id, seq) where status = 'WAITLISTED';
