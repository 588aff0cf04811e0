-- MATCH: the estimated model per tenant, each matching run, the scored candidate pairs with their
-- explanations (the best few per left record), and reviewers' decisions (append-only labels).

create schema if not exists match;

create table match.models (
  model_id bigint generated always as identity primary key,
  tenant_id text not null references ops.tenants,
  config_hash text not null,
  parameters jsonb not null,          -- lambda and m/u per comparison level
  estimation jsonb not null,          -- iterations, convergence, pairs used, reviewer labels used
  created_at timestamptz not null default now()
);
create index models_tenant_idx on match.models (tenant_id, created_at desc);

create table match.runs (
  run_id bigint generated always as identity primary key,
  tenant_id text not null references ops.tenants,
  model_id bigint references match.models,
  mode text not null check (mode in ('full', 'incremental')),
  status text not null default 'running' check (status in ('running', 'succeeded', 'failed')),
  left_records integer not null default 0,
  candidate_pairs integer not null default 0,
  blocking jsonb not null default '{}',
  -- Positions of the inputs this run covered (the next incremental run starts after them).
  left_changed_until timestamptz,
  right_changed_until timestamptz,
  job_id uuid,
  error text,
  started_at timestamptz not null default now(),
  finished_at timestamptz
);
create index runs_tenant_idx on match.runs (tenant_id, started_at desc);

create table match.candidates (
  candidate_id bigint generated always as identity primary key,
  tenant_id text not null references ops.tenants,
  left_entity text not null,
  left_id text not null,
  right_entity text not null,
  right_id text not null,
  probability double precision not null,
  log_odds double precision not null,   -- in bits (log2)
  band text not null check (band in ('auto_link', 'review', 'no_link')),
  rank integer not null,
  selected boolean not null default false,
  provenance text[] not null,
  explanation jsonb not null,
  model_id bigint not null references match.models,
  run_id bigint not null references match.runs,
  updated_at timestamptz not null default now(),
  unique (tenant_id, left_entity, left_id, right_id)
);
create index candidates_left_idx on match.candidates (tenant_id, left_entity, left_id, rank);
create index candidates_right_idx on match.candidates (tenant_id, right_entity, right_id);
create index candidates_selected_idx on match.candidates (tenant_id, left_entity) where selected;

-- A reviewer's confirm or reject of a pair. Never updated or deleted: the newest decision per pair
-- counts, and every decision is a label for the next estimation.
create table match.reviews (
  review_id bigint generated always as identity primary key,
  tenant_id text not null references ops.tenants,
  left_entity text not null,
  left_id text not null,
  right_entity text not null,
  right_id text not null,
  decision text not null check (decision in ('confirm', 'reject')),
  reviewer text not null,
  note text,
  probability_at_review double precision,
  created_at timestamptz not null default now()
);
create index reviews_pair_idx on match.reviews (tenant_id, left_entity, left_id, right_id, created_at desc);

create function match.forbid_change() returns trigger language plpgsql as $$
begin
  raise exception 'match.reviews is append-only: % is not allowed', tg_op using errcode = 'raise_exception';
end
$$;
create trigger reviews_append_only before update or delete on match.reviews
  for each row execute function match.forbid_change();
create trigger reviews_no_truncate before truncate on match.reviews
  for each statement execute function match.forbid_change();
