-- Tenancy: API keys (hashed) per tenant, and row-level security so that a session running as the
-- `revops_app` role with `app.tenant_id` set (as every API request does) sees and writes only that
-- tenant's rows. The owner of the tables (migrations, the job worker, the CLI) is not restricted and
-- always filters by tenant_id itself.

create table ops.api_keys (
  key_id uuid primary key,
  tenant_id text not null references ops.tenants,
  name text not null,
  prefix text not null,
  key_hash text not null unique,        -- sha256 hex; the key itself is shown once and never stored
  created_at timestamptz not null default now(),
  last_used_at timestamptz,
  revoked_at timestamptz
);
create index api_keys_tenant_idx on ops.api_keys (tenant_id);

do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'revops_app') then
    create role revops_app nologin;
  end if;
end
$$;

-- The session user must be able to switch to the role (superusers can; others need membership).
do $$
begin
  if not (select rolsuper from pg_roles where rolname = current_user) then
    execute format('grant revops_app to %I', current_user);
  end if;
end
$$;

grant usage on schema raw, core, search, ops, match to revops_app;
grant select, insert, update, delete on all tables in schema raw, core, search, ops, match to revops_app;
grant usage, select on all sequences in schema raw, core, search, ops, match to revops_app;
alter default privileges in schema raw, core, search, ops, match grant select, insert, update, delete on tables to revops_app;
alter default privileges in schema raw, core, search, ops, match grant usage, select on sequences to revops_app;

-- Views read their tables with the privileges (and row security) of the caller.
alter view core.opportunities set (security_invoker = true);
alter view ops.current_decisions set (security_invoker = true);

-- Every table with a tenant_id column gets the same policy.
do $$
declare
  t record;
begin
  for t in
    select c.table_schema, c.table_name
    from information_schema.columns c
    join information_schema.tables tb on tb.table_schema = c.table_schema and tb.table_name = c.table_name
    where c.column_name = 'tenant_id' and tb.table_type = 'BASE TABLE'
      and c.table_schema in ('raw', 'core', 'search', 'ops', 'match')
  loop
    execute format('alter table %I.%I enable row level security', t.table_schema, t.table_name);
    execute format(
      'create policy tenant_isolation on %I.%I using (tenant_id = current_setting(''app.tenant_id'', true)) '
      'with check (tenant_id = current_setting(''app.tenant_id'', true))',
      t.table_schema, t.table_name);
  end loop;
end
$$;
