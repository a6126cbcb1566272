-- Counselling centres (drop-in points), their counsellors, appointment slots and bookings.
--
-- No double booking and no partial overlap of one counsellor's appointments: the exclusion
-- constraint on `booking` refuses a second active booking whose time range overlaps another of
-- the same counsellor, whatever the slots look like and however many requests race.

create extension if not exists btree_gist;

create table centre (
    id             uuid primary key,
    name           text not null,
    street         text,
    postal_code    text,
    city           text,
    latitude       double precision,
    longitude      double precision,
    -- The catalogue's district code, e.g. "01".
    district       text,
    opening_hours  text,
    languages      text[] not null default '{}',
    accessibility  text[] not null default '{}',
    topics         text[] not null default '{}'
);

-- A counsellor is a Keycloak subject id; a lead sees the cases and statistics of the centre.
create table centre_member (
    centre_id   uuid not null references centre (id),
    subject     text not null,
    lead        boolean not null default false,
    primary key (centre_id, subject)
);
create index centre_member_subject on centre_member (subject);

create table slot (
    id          uuid primary key,
    centre_id   uuid not null references centre (id),
    counsellor  text not null,
    period      tstzrange not null,
    format      text not null,
    created_at  timestamptz not null default now(),
    constraint slot_format check (format in ('IN_PERSON', 'PHONE', 'VIDEO')),
    constraint slot_period check (not isempty(period) and lower_inc(period) and not upper_inc(period)),
    constraint slot_counsellor_member foreign key (centre_id, counsellor)
        references centre_member (centre_id, subject)
);
create index slot_centre_start on slot (centre_id, lower(period));

-- A key per data subject: the data key (AES-256) wrapped with the master key. Erasure sets it to
-- null; every ciphertext of the person is unreadable from then on, in backups too.
create table person (
    id           uuid primary key,
    wrapped_key  bytea,
    key_version  text not null,
    created_at   timestamptz not null default now(),
    erased_at    timestamptz,
    constraint person_erased check ((erased_at is null) = (wrapped_key is not null))
);

create table booking (
    id                 uuid primary key,
    slot_id            uuid not null references slot (id),
    centre_id          uuid not null references centre (id),
    counsellor         text not null,
    period             tstzrange not null,
    format             text not null,
    status             text not null,
    -- Who may hold at most N open bookings: 'sub:<subject>' for a logged-in citizen,
    -- 'contact:<hmac of the normalised contact>' for an anonymous one. No plain identity.
    holder             text not null,
    -- Anonymous bookings: the contact, encrypted with the key of a person row of its own.
    person_id          uuid references person (id),
    contact            bytea,
    -- SHA-256 of the cancellation code handed out once; the code itself is not stored.
    cancel_code_hash   bytea,
    booked_at          timestamptz not null default now(),
    cancelled_at       timestamptz,
    reminder_due_at    timestamptz,
    constraint booking_status check (status in ('BOOKED', 'CANCELLED')),
    constraint booking_cancelled_at check ((status = 'CANCELLED') = (cancelled_at is not null)),
    constraint booking_no_overlap exclude using gist (counsellor with =, period with &&)
        where (status = 'BOOKED')
);
create index booking_holder_open on booking (holder) where status = 'BOOKED';
create index booking_slot on booking (slot_id) where status = 'BOOKED';
create index booking_reminder on booking (lower(period)) where status = 'BOOKED' and reminder_due_at is null;
