-- One row per `sync` invocation (a source, or all) and one per table it synced, with the counts.

create table ops.syncs (
  sync_id bigint generated always as identity primary key,
  tenant_id text not null references ops.tenants,
  sources text[] not null,
  mode text not null check (mode in ('incremental', 'full')),
  status text not null default 'running' check (status in ('running', 'succeeded', 'partial', 'failed')),
  job_id uuid,
  error text,
  started_at timestamptz not null default now(),
  finished_at timestamptz
);
create index syncs_tenant_started_idx on ops.syncs (tenant_id, started_at desc);

create table ops.sync_runs (
  sync_run_id bigint generated always as identity primary key,
  sync_id bigint not null references ops.syncs,
  tenant_id text not null references ops.tenants,
  source text not null,
  table_name text not null,
  mode text not null check (mode in ('incremental', 'full')),
  status text not null default 'running'
    check (status in ('running', 'succeeded', 'skipped', 'failed', 'interrupted')),
  rows_read bigint not null default 0,
  rows_inserted bigint not null default 0,
  rows_updated bigint not null default 0,
  rows_unchanged bigint not null default 0,
  rows_deleted bigint not null default 0,
  duration_ms bigint,
  message text,
  started_at timestamptz not null default now(),
  finished_at timestamptz
);
create index sync_runs_table_idx on ops.sync_runs (tenant_id, source, table_name, started_at desc);
create index sync_runs_sync_idx on ops.sync_runs (sync_id);
