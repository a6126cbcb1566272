-- The provider context: learning places get a free category label (library, park, maker space,
-- ...) next to their kind (formal, non-formal, informal); indexes for the list filters and keyset
-- pagination of providers, learning places and partnerships, and for the network graph.

alter table learning_place add column category text;

create index provider_name_id on provider (name, id);
create index provider_district on provider (district_code);
create index provider_kind on provider (kind);
create index learning_place_name_id on learning_place (name, id);
create index partnership_provider_a on partnership (provider_a) where ended_at is null;
create index partnership_provider_b on partnership (provider_b) where ended_at is null;
