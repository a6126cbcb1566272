-- Cases through life's transitions, with sessions, learning-biography entries, referrals,
-- consents, and the audit of every access.
--
-- Personal fields (name, birth date, contact, notes, session notes, biography texts, what a
-- referral shares) are stored only as AES-GCM ciphertext under the key of the person (table
-- person, V1). Everything else here is pseudonymous: the case id is random and unrelated to the
-- person id; district and age band are categories.

create table counselling_case (
    id            uuid primary key,
    person_id     uuid not null references person (id),
    centre_id     uuid not null references centre (id),
    counsellor    text not null,
    transition    text not null,
    stage         text not null,
    status        text not null,
    outcome       text,
    district      text,
    age_band      text,
    opened_at     timestamptz not null default now(),
    updated_at    timestamptz not null default now(),
    closed_at     timestamptz,
    erased_at     timestamptz,
    -- Sealed JSON {name, birthDate, contact}, and the case's free-text notes.
    person_data   bytea,
    notes         bytea,
    constraint case_transition check (transition in
        ('DAYCARE_TO_SCHOOL', 'SCHOOL_TO_WORK', 'REENTRY_INTO_WORK', 'WORK_TO_RETIREMENT', 'OTHER')),
    constraint case_status check (status in ('OPEN', 'ACTIVE', 'PAUSED', 'CLOSED', 'ERASED')),
    constraint case_closed check (status <> 'CLOSED' or closed_at is not null),
    constraint case_outcome check ((status <> 'CLOSED') or outcome is not null),
    constraint case_erased check ((status = 'ERASED') = (erased_at is not null)),
    constraint case_erased_empty check (status <> 'ERASED' or (person_data is null and notes is null))
);
create index case_centre_list on counselling_case (centre_id, opened_at desc, id desc);
create index case_centre_filter on counselling_case (centre_id, transition, status, stage);
create index case_person on counselling_case (person_id);
create index case_closed_at on counselling_case (closed_at) where status = 'CLOSED';

create table case_session (
    id                uuid primary key,
    case_id           uuid not null references counselling_case (id) on delete cascade,
    held_at           timestamptz not null,
    format            text not null,
    duration_minutes  integer not null,
    topics            text[] not null default '{}',
    note              bytea,
    recorded_by       text not null,
    recorded_at       timestamptz not null default now(),
    constraint session_format check (format in ('IN_PERSON', 'PHONE', 'VIDEO')),
    constraint session_duration check (duration_minutes between 1 and 600)
);
create index case_session_case on case_session (case_id, held_at);

create table biography_entry (
    id            uuid primary key,
    case_id       uuid not null references counselling_case (id) on delete cascade,
    kind          text not null,
    occurred_on   date not null,
    content       bytea not null,
    recorded_by   text not null,
    recorded_at   timestamptz not null default now(),
    constraint biography_kind check (kind in ('MILESTONE', 'COMPETENCE', 'DISPOSITION'))
);
create index biography_entry_case on biography_entry (case_id, occurred_on);

create table consent (
    id            uuid primary key,
    case_id       uuid not null references counselling_case (id) on delete cascade,
    purpose       text not null,
    legal_basis   text not null,
    -- For a referral consent: which person fields the receiving institution may see.
    shared_fields text[] not null default '{}',
    granted_at    timestamptz not null default now(),
    granted_by    text not null,
    withdrawn_at  timestamptz,
    withdrawn_by  text,
    constraint consent_purpose check (purpose in ('COUNSELLING', 'REFERRAL')),
    constraint consent_legal_basis check (legal_basis in
        ('CONSENT', 'EXPLICIT_CONSENT', 'PUBLIC_TASK', 'LEGAL_OBLIGATION', 'VITAL_INTERESTS')),
    constraint consent_withdrawn check ((withdrawn_at is null) = (withdrawn_by is null))
);
create index consent_case on consent (case_id, purpose) where withdrawn_at is null;

-- The catalogue's offers, as far as referrals need them; fed by its offer events.
create table offer_ref (
    offer_id      uuid primary key,
    provider_id   uuid not null,
    status        text not null,
    version       integer not null,
    topics        text[] not null default '{}',
    life_phases   text[] not null default '{}',
    districts     text[] not null default '{}',
    modality      text,
    first_start   timestamptz,
    last_end      timestamptz,
    updated_at    timestamptz not null default now()
);

create table referral (
    id                    uuid primary key,
    case_id               uuid not null references counselling_case (id) on delete cascade,
    target_kind           text not null,
    offer_id              uuid,
    institution           text,
    status                text not null,
    -- Sealed JSON of the person fields the referral consent lets the receiver see.
    shared                bytea,
    proposed_at           timestamptz not null default now(),
    accepted_at           timestamptz,
    started_at            timestamptz,
    completed_at          timestamptz,
    declined_at           timestamptz,
    -- Set when the catalogue withdrew or cancelled the offer while the referral was open.
    offer_unavailable     text,
    offer_unavailable_at  timestamptz,
    constraint referral_target check (
        (target_kind = 'OFFER' and offer_id is not null and institution is null)
        or (target_kind = 'INSTITUTION' and offer_id is null and institution is not null)),
    constraint referral_status check (status in
        ('PROPOSED', 'ACCEPTED', 'STARTED', 'COMPLETED', 'DECLINED'))
);
create index referral_case on referral (case_id);
create index referral_open_offer on referral (offer_id)
    where status in ('PROPOSED', 'ACCEPTED', 'STARTED');

-- Who read or changed which case, when, in which role, for what; written in the transaction of
-- the access itself, so that an access without its record cannot happen. Append-only. No
-- personal data of the person counselled: ids, roles, actions.
create table audit_entry (
    id          bigint generated always as identity primary key,
    at          timestamptz not null default clock_timestamp(),
    actor       text not null,
    role        text not null,
    case_id     uuid,
    person_id   uuid,
    centre_id   uuid,
    action      text not null,
    purpose     text not null,
    outcome     text not null,
    detail      text,
    constraint audit_outcome check (outcome in ('ALLOWED', 'DENIED', 'OVERRIDE'))
);
create index audit_entry_case on audit_entry (case_id, id);
create index audit_entry_centre on audit_entry (centre_id, id);
create index audit_entry_actor on audit_entry (actor, id);

create function audit_entry_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit entries cannot be changed or deleted';
end;
$$;
create trigger audit_entry_append_only before update or delete on audit_entry
    for each row execute function audit_entry_append_only();

-- A counselling lead's decision to process without a valid consent, with the stated reason;
-- kept apart from the general audit so that it can be reviewed on its own.
create table consent_override (
    id          uuid primary key,
    case_id     uuid not null references counselling_case (id) on delete cascade,
    purpose     text not null,
    action      text not null,
    reason      text not null,
    actor       text not null,
    at          timestamptz not null default now()
);
create index consent_override_case on consent_override (case_id);

-- Feedback after a session through a one-time link. The invitation knows only the centre (and
-- the hash of its token); the answers know only the centre: feedback is anonymous.
create table feedback_invitation (
    token_hash  bytea primary key,
    centre_id   uuid not null references centre (id),
    created_at  timestamptz not null default now(),
    expires_at  timestamptz not null,
    used_at     timestamptz
);

create table feedback (
    id               uuid primary key,
    centre_id        uuid not null references centre (id),
    submitted_at     timestamptz not null default now(),
    satisfaction     integer not null,
    helpfulness      integer not null,
    would_recommend  boolean not null,
    constraint feedback_scales check (satisfaction between 1 and 5 and helpfulness between 1 and 5)
);
create index feedback_centre on feedback (centre_id);
