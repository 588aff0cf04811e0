-- What a Cost Explorer answer is computed from, besides the rollups (whose every rebuild stamps
-- core.billing_rollup_state.refreshed_at) and the months waiting for one (core.billing_rollup_pending):
-- the names and hierarchy of customers, AWS accounts and partners. Any statement that changes them moves
-- the tenant's version, so the API can keep an answer until one of the three moves
-- (engine/src/billing/billing-stamp.ts, functions/src/billing-answers.ts).
create table core.billing_label_versions (
  tenant_id text primary key references ops.tenants,
  version bigint not null default 1,
  changed_at timestamptz not null default now()
);

-- Statement-level, as the rollups' month marks (000011): one upsert per statement, whatever its size.
create function core.billing_bump_labels() returns trigger language plpgsql as $$
begin
  if tg_op in ('INSERT', 'UPDATE') then
    insert into core.billing_label_versions as v (tenant_id)
    select distinct tenant_id from new_rows
    on conflict (tenant_id) do update set version = v.version + 1, changed_at = now();
  else
    insert into core.billing_label_versions as v (tenant_id)
    select distinct tenant_id from old_rows
    on conflict (tenant_id) do update set version = v.version + 1, changed_at = now();
  end if;
  return null;
end
$$;

do $$
declare
  t text;
begin
  foreach t in array array['companies', 'aws_accounts', 'partners'] loop
    execute format('create trigger %I after insert on core.%I referencing new table as new_rows '
      'for each statement execute function core.billing_bump_labels()', t || '_labels_insert', t);
    execute format('create trigger %I after update on core.%I referencing new table as new_rows '
      'for each statement execute function core.billing_bump_labels()', t || '_labels_update', t);
    execute format('create trigger %I after delete on core.%I referencing old table as old_rows '
      'for each statement execute function core.billing_bump_labels()', t || '_labels_delete', t);
  end loop;
end
$$;

alter table core.billing_label_versions enable row level security;
create policy tenant_isolation on core.billing_label_versions
  using (tenant_id = (select ops.current_tenant())) with check (tenant_id = (select ops.current_tenant()));
