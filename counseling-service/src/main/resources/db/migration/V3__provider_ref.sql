-- The catalogue's providers as far as the receiving side of referrals needs them: a partner
-- client's token names its provider by key, offers name it by id. Fed by provider events.
create table provider_ref (
    provider_id  uuid primary key,
    key          text not null,
    version      integer not null,
    updated_at   timestamptz not null default now()
);
create index provider_ref_key on provider_ref (key);
create index offer_ref_provider on offer_ref (provider_id);
