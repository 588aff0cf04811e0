-- AWS Partner Central's Selling API as an ACE source, and confirmed links written back to it.
--   * core.ace_opportunities.source: which source fed the row (`apn`, or the Selling API source's name);
--   * ops.request_budgets / ops.request_counts: one request budget per tenant and API, shared by every
--     worker (a token bucket for the per-second rate, hourly counts for the rolling 24-hour quota);
--   * ops.partner_central_writes: each write-back, from planned to done, with the record before and after.

alter table core.ace_opportunities add column source text not null default 'apn';

create table ops.request_budgets (
  tenant_id text not null references ops.tenants,
  budget text not null,                       -- e.g. `partnercentral:read`
  tokens double precision not null,
  refilled_at timestamptz not null default clock_timestamp(),
  primary key (tenant_id, budget)
);

create table ops.request_counts (
  tenant_id text not null references ops.tenants,
  budget text not null,
  hour timestamptz not null,
  requests integer not null default 0,
  primary key (tenant_id, budget, hour)
);

create table ops.partner_central_writes (
  write_id bigint generated always as identity primary key,
  tenant_id text not null references ops.tenants,
  source text not null,
  catalog text not null,
  ace_id text not null,
  -- What PartnerOpportunityIdentifier becomes: the linked Odoo opportunity's id.
  lead_id text not null,
  reason text not null check (reason in ('confirmed', 'auto_link')),
  status text not null check (status in
    ('pending_approval', 'approved', 'held', 'dry_run', 'succeeded', 'failed', 'superseded')),
  mode text not null check (mode in ('dry_run', 'live')),
  attempts integer not null default 0,
  -- The opportunity as read before the write, the request sent (or that a dry run would send), and the
  -- opportunity as read back after it.
  before jsonb,
  request jsonb,
  after jsonb,
  message text,
  approved_by text,
  approved_by_key_id uuid,
  approved_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  done_at timestamptz
);
-- One open write per ACE opportunity: planning again refreshes it instead of adding another.
create unique index partner_central_writes_open_idx on ops.partner_central_writes (tenant_id, ace_id)
  where status in ('pending_approval', 'approved', 'held');
create index partner_central_writes_status_idx on ops.partner_central_writes (tenant_id, status, write_id desc);

-- Row-level security, as in 000013_runtime_roles.sql.
do $$
declare
  t text;
begin
  foreach t in array array['request_budgets', 'request_counts', 'partner_central_writes'] loop
    execute format('alter table ops.%I enable row level security', t);
    execute format(
      'create policy tenant_isolation on ops.%I using (tenant_id = (select ops.current_tenant())) '
      'with check (tenant_id = (select ops.current_tenant()))', t);
  end loop;
end
$$;
