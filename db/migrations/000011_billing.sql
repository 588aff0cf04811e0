-- Cost Explorer rollups: the CORE billing tables summed per tenant x month, so any explorer query reads a
-- few ten thousand rows instead of every CUR line. Customers and payers are not stored here: queries join
-- core.aws_accounts and core.partners, so a re-parented account never leaves a rollup stale. The rollups
-- are rebuilt month by month (engine/src/billing/refresh-billing-rollups.ts); triggers on the CORE billing
-- tables record which months changed, deletions included.

-- AWS cost per linked account x service x month, by charge category, split by whether the rows were
-- created or rewritten after the account-month was invoiced (`late`: restatements). Partner discount
-- statements (core.billing_discounts) enter as rows without a service.
create table core.billing_service_monthly (
  tenant_id text not null references ops.tenants,
  month date not null,
  account_ref bigint,                       -- null: cost rows without an account
  service text,                             -- null: discount statements and charges without a service
  late boolean not null,
  usage numeric not null default 0,         -- usage and discounted usage
  ri_fee numeric not null default 0,
  savings_plan numeric not null default 0,  -- covered usage, its negation and plan fees
  fee numeric not null default 0,
  tax numeric not null default 0,
  other numeric not null default 0,         -- charge types not recognised
  gross numeric not null default 0,         -- the six above: everything but credits, refunds, discounts
  credit numeric not null default 0,
  refund numeric not null default 0,
  cur_discount numeric not null default 0,  -- SPP / distributor discount lines of the CUR (in no basis)
  spp_discount numeric not null default 0,  -- SPP statements: positive, paid to the partner
  distributor_discount numeric not null default 0, -- distributor statements' total_discount
  -- The bases, stored so a query sums one column instead of adding four per row:
  partner_discount numeric not null default 0,      -- spp_discount + distributor_discount
  net numeric not null default 0,                   -- gross + credit + refund
  net_of_discounts numeric not null default 0,      -- net - partner_discount
  cost_rows integer not null default 0,
  invoiced_on date                          -- the account-month's first posted invoice
);
-- No unique key: the table is nearly as large as core.billing_cost (the CUR is already rolled up by
-- service) and is only ever written a month at a time, under a lock, after that month was deleted.
create index billing_service_monthly_account_idx on core.billing_service_monthly (tenant_id, account_ref, month);
create index billing_service_monthly_service_idx on core.billing_service_monthly (tenant_id, service, month);

-- The same per service x month for all accounts together: service views without an account selection.
create table core.billing_service_totals (
  tenant_id text not null references ops.tenants,
  month date not null,
  service text,
  late boolean not null,
  usage numeric not null default 0,
  ri_fee numeric not null default 0,
  savings_plan numeric not null default 0,
  fee numeric not null default 0,
  tax numeric not null default 0,
  other numeric not null default 0,
  gross numeric not null default 0,
  credit numeric not null default 0,
  refund numeric not null default 0,
  cur_discount numeric not null default 0,
  spp_discount numeric not null default 0,
  distributor_discount numeric not null default 0,
  partner_discount numeric not null default 0,
  net numeric not null default 0,
  net_of_discounts numeric not null default 0,
  cost_rows integer not null default 0,
  constraint billing_service_totals_key unique nulls not distinct (tenant_id, month, service, late)
);

-- The same per linked account x month (services summed): what every view without a service reads.
create table core.billing_account_monthly (
  tenant_id text not null references ops.tenants,
  month date not null,
  account_ref bigint,
  late boolean not null,
  usage numeric not null default 0,
  ri_fee numeric not null default 0,
  savings_plan numeric not null default 0,
  fee numeric not null default 0,
  tax numeric not null default 0,
  other numeric not null default 0,
  gross numeric not null default 0,
  credit numeric not null default 0,
  refund numeric not null default 0,
  cur_discount numeric not null default 0,
  spp_discount numeric not null default 0,
  distributor_discount numeric not null default 0,
  partner_discount numeric not null default 0,
  net numeric not null default 0,
  net_of_discounts numeric not null default 0,
  cost_rows integer not null default 0,
  invoiced_on date,
  constraint billing_account_monthly_key unique nulls not distinct (tenant_id, month, account_ref, late)
);
create index billing_account_monthly_account_idx on core.billing_account_monthly (tenant_id, account_ref, month);
create index billing_account_monthly_late_idx on core.billing_account_monthly (tenant_id, month) where late;

-- What customers were charged, per basis x month x (account for bills, partner for invoices) x product.
-- Only lines that count: staging bills not cancelled and not orphaned, final invoices posted.
create table core.billing_revenue_monthly (
  tenant_id text not null references ops.tenants,
  month date not null,
  basis text not null check (basis in ('bill', 'invoice')),
  account_ref bigint,                       -- bills only
  partner_id bigint,                        -- the document's res_partner (customer via core.partners)
  product_id bigint,
  product_name text,
  amount numeric not null,
  lines integer not null,
  constraint billing_revenue_monthly_key unique nulls not distinct (tenant_id, month, basis, account_ref, partner_id, product_id, product_name)
);
create index billing_revenue_monthly_account_idx on core.billing_revenue_monthly (tenant_id, basis, account_ref, month);
create index billing_revenue_monthly_partner_idx on core.billing_revenue_monthly (tenant_id, basis, partner_id, month);

-- Months whose CORE billing rows changed since their rollup rows were built.
create table core.billing_rollup_pending (
  tenant_id text not null,
  month date not null,
  marked_at timestamptz not null default now(),
  primary key (tenant_id, month)
);

create table core.billing_rollup_state (
  tenant_id text primary key references ops.tenants,
  refreshed_at timestamptz not null,
  months_refreshed integer not null
);

-- Statement-level triggers with transition tables: one insert per statement, whatever its size. The
-- upsert (not `do nothing`) takes the row lock, so a refresh that is deleting the pending row waits for
-- the writer or the writer waits for it; a change is never lost between the two.
create function core.billing_mark_months() returns trigger language plpgsql as $$
begin
  if tg_op in ('INSERT', 'UPDATE') then
    insert into core.billing_rollup_pending (tenant_id, month)
    select distinct tenant_id, month from new_rows where month is not null
    on conflict (tenant_id, month) do update set marked_at = now();
  end if;
  if tg_op in ('DELETE', 'UPDATE') then
    insert into core.billing_rollup_pending (tenant_id, month)
    select distinct tenant_id, month from old_rows where month is not null
    on conflict (tenant_id, month) do update set marked_at = now();
  end if;
  return null;
end
$$;

do $$
declare
  t text;
begin
  foreach t in array array['billing_cost', 'billing_invoice', 'billing_discounts'] loop
    execute format('create trigger %I after insert on core.%I referencing new table as new_rows '
      'for each statement execute function core.billing_mark_months()', t || '_rollup_insert', t);
    execute format('create trigger %I after update on core.%I referencing old table as old_rows new table as new_rows '
      'for each statement execute function core.billing_mark_months()', t || '_rollup_update', t);
    execute format('create trigger %I after delete on core.%I referencing old table as old_rows '
      'for each statement execute function core.billing_mark_months()', t || '_rollup_delete', t);
  end loop;
end
$$;

-- Data normalised before this migration: every month is pending.
insert into core.billing_rollup_pending (tenant_id, month)
select tenant_id, month from core.billing_cost
union select tenant_id, month from core.billing_invoice where month is not null
union select tenant_id, month from core.billing_discounts where month is not null
on conflict do nothing;

-- Row-level security, as in 000010_tenancy.sql.
do $$
declare
  t text;
begin
  foreach t in array array['billing_service_monthly', 'billing_service_totals', 'billing_account_monthly',
    'billing_revenue_monthly', 'billing_rollup_pending', 'billing_rollup_state'] loop
    execute format('alter table core.%I enable row level security', t);
    execute format(
      'create policy tenant_isolation on core.%I using (tenant_id = current_setting(''app.tenant_id'', true)) '
      'with check (tenant_id = current_setting(''app.tenant_id'', true))', t);
  end loop;
end
$$;
