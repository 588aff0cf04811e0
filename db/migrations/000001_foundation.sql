-- Schemas of the pipeline (RAW -> CORE -> SEARCH, with OPS around them) and the tenant registry.
-- Every row the product owns carries a tenant_id that references ops.tenants.

create schema if not exists raw;
create schema if not exists core;
create schema if not exists search;
create schema if not exists ops;

-- pg_trgm powers fuzzy name search; unaccent and fuzzystrmatch help normalisation in SQL.
create extension if not exists pg_trgm;
create extension if not exists unaccent;
create extension if not exists fuzzystrmatch;

create table ops.tenants (
  tenant_id text primary key check (tenant_id ~ '^[a-z][a-z0-9_-]{1,62}$'),
  display_name text not null,
  created_at timestamptz not null default now()
);

-- Long-running work requested through the API or the CLI. graphile-worker deletes its jobs once
-- they succeed, so this table is the durable record a client polls (GET /api/v1/jobs/{id}).
create table ops.jobs (
  job_id uuid primary key,
  tenant_id text not null references ops.tenants,
  kind text not null,
  status text not null default 'queued'
    check (status in ('queued', 'running', 'succeeded', 'failed')),
  payload jsonb not null default '{}',
  progress_done bigint not null default 0,
  progress_total bigint,
  progress_message text,
  attempts integer not null default 0,
  last_error text,
  result jsonb,
  created_at timestamptz not null default now(),
  started_at timestamptz,
  finished_at timestamptz,
  updated_at timestamptz not null default now()
);
create index jobs_tenant_created_idx on ops.jobs (tenant_id, created_at desc);
create index jobs_running_idx on ops.jobs (tenant_id) where status in ('queued', 'running');

-- Position of each incremental stage (e.g. normalisation) in the RAW change stream.
create table ops.stage_watermarks (
  tenant_id text not null references ops.tenants,
  stage text not null,
  position bigint not null default 0,
  updated_at timestamptz not null default now(),
  primary key (tenant_id, stage)
);

-- Problems found in source data. Nothing is dropped silently: a row that cannot be used as it is
-- gets an issue here, and the issue is resolved when a later run finds the row fixed.
create table ops.data_quality_issues (
  issue_id bigint generated always as identity primary key,
  tenant_id text not null references ops.tenants,
  kind text not null,
  severity text not null default 'warning' check (severity in ('info', 'warning', 'error')),
  source text not null,
  table_name text not null,
  source_pk text not null,
  field text not null default '',
  detail jsonb not null default '{}',
  first_detected_at timestamptz not null default now(),
  last_detected_at timestamptz not null default now(),
  resolved_at timestamptz,
  unique (tenant_id, kind, source, table_name, source_pk, field)
);
create index data_quality_open_idx on ops.data_quality_issues (tenant_id, kind) where resolved_at is null;
