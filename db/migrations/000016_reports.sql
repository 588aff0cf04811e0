-- Reports: the monthly POD report of a tenant, made on schedule or on demand, kept whole (CSV and a
-- printable HTML page) with the date it was made as of. Making a period again adds a report; none is
-- ever changed or removed (history), so a report reads tomorrow as it read the day it was made.
--   * snapshot: how each ACE opportunity stood in the report (standing, outcome, link), which the next
--     period's report compares with to list what changed since;
--   * requested_by: stamped with the principal (the key that asked, or the job's requester: a schedule).

create table ops.reports (
  report_id bigint generated always as identity primary key,
  tenant_id text not null references ops.tenants,
  kind text not null check (kind in ('pod_monthly')),
  period text not null check (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  as_of date not null,
  job_id uuid,
  requested_by text not null,
  requested_by_key_id uuid,
  created_at timestamptz not null default now(),
  summary jsonb not null,
  snapshot jsonb not null,
  csv text not null,
  html text not null
);
create index reports_list_idx on ops.reports (tenant_id, report_id desc);
create index reports_period_idx on ops.reports (tenant_id, kind, period, report_id desc);

-- Row-level security, as in 000013_runtime_roles.sql (grants come from the default privileges).
alter table ops.reports enable row level security;
create policy tenant_isolation on ops.reports using (tenant_id = (select ops.current_tenant()))
  with check (tenant_id = (select ops.current_tenant()));

create trigger reports_principal before insert on ops.reports
  for each row execute function ops.stamp_principal('requested_by', 'requested_by_key_id');
create trigger reports_append_only before update or delete on ops.reports
  for each row execute function ops.forbid_change();
create trigger reports_no_truncate before truncate on ops.reports
  for each statement execute function ops.forbid_change();
