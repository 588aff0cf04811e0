-- RAW: a faithful mirror of every configured source table. Rows are kept as JSONB documents built by
-- the source server itself (row_to_json), so numerics stay exact and no column is ever lost when the
-- source schema changes. Timestamps: `timestamp without time zone` values are kept exactly as the
-- source stores them (Odoo stores UTC); `timestamptz` values are rendered in UTC.

-- One sequence orders every change across RAW, so later stages can resume from a position.
create sequence raw.change_seq;

create table raw.source_tables (
  tenant_id text not null references ops.tenants,
  source text not null,
  table_name text not null,
  primary_key text[] not null,
  watermark_column text,
  -- Incremental position: every source row with a watermark up to here is mirrored.
  cursor_watermark timestamptz,
  -- A full pass (first load or --full) reads in primary-key order and commits in batches; while one
  -- is unfinished these say where it stopped, so a killed pass resumes instead of starting over.
  full_pass_run_id bigint,
  full_pass_cursor jsonb,
  full_pass_max_watermark timestamptz,
  full_pass_started_at timestamptz,
  status text not null default 'ok' check (status in ('ok', 'missing', 'failed')),
  status_message text,
  last_sync_run_id bigint,
  last_full_sync_run_id bigint,
  last_full_sync_at timestamptz,
  updated_at timestamptz not null default now(),
  primary key (tenant_id, source, table_name)
);

create table raw.source_columns (
  tenant_id text not null,
  source text not null,
  table_name text not null,
  column_name text not null,
  data_type text not null,
  ordinal integer not null,
  is_present boolean not null default true,
  first_seen_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  primary key (tenant_id, source, table_name, column_name),
  foreign key (tenant_id, source, table_name) references raw.source_tables
);

create table raw.schema_changes (
  change_id bigint generated always as identity primary key,
  tenant_id text not null,
  source text not null,
  table_name text not null,
  column_name text,
  change text not null
    check (change in ('table_added', 'table_missing', 'column_added', 'column_removed', 'type_changed')),
  old_type text,
  new_type text,
  sync_run_id bigint,
  detected_at timestamptz not null default now()
);
create index schema_changes_table_idx on raw.schema_changes (tenant_id, source, table_name, detected_at);

create table raw.source_rows (
  tenant_id text not null,
  source text not null,
  table_name text not null,
  source_pk text not null,
  doc jsonb not null,
  -- md5 of the row's JSON text as the source server rendered it (row_to_json), as a uuid: 16 bytes.
  row_hash uuid not null,
  watermark timestamptz,
  first_seen_run_id bigint not null,
  first_seen_at timestamptz not null default now(),
  last_seen_run_id bigint not null,
  last_seen_at timestamptz not null default now(),
  last_changed_run_id bigint not null,
  last_changed_at timestamptz not null default now(),
  deleted_at timestamptz,
  deleted_run_id bigint,
  change_seq bigint not null default nextval('raw.change_seq'),
  primary key (tenant_id, source, table_name, source_pk)
) with (fillfactor = 90);
create index source_rows_change_idx on raw.source_rows (tenant_id, change_seq);
