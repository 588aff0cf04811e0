-- Two narrower Cost Explorer rollups, so the widest views (every customer or account over two years)
-- sum fewer rows.
--
-- AWS cost per customer x month: what the Cost Explorer reads for views grouped by customer over every
-- account (a customer split of two years reads ~1,000 customers x 24 months instead of every account-month).
-- Built from core.billing_account_monthly with each account's customer at refresh time; a change of an
-- account's customer (or a new or removed account) marks that account's months pending, so the next
-- refresh regroups them.
create table core.billing_customer_monthly (
  tenant_id text not null references ops.tenants,
  month date not null,
  company_id bigint,                        -- null: accounts without a customer, cost rows without an account
  late boolean not null,
  gross numeric not null default 0,
  credit numeric not null default 0,
  refund numeric not null default 0,
  spp_discount numeric not null default 0,
  distributor_discount numeric not null default 0,
  partner_discount numeric not null default 0,
  net numeric not null default 0,
  net_of_discounts numeric not null default 0,
  cost_rows integer not null default 0,
  constraint billing_customer_monthly_key unique nulls not distinct (tenant_id, month, company_id, late)
);

-- What customers were charged without the product: per basis x month x account (bills) or partner
-- (invoices). Every view that neither groups nor filters by product reads this instead of
-- core.billing_revenue_monthly (about half the rows).
create table core.billing_revenue_totals (
  tenant_id text not null references ops.tenants,
  month date not null,
  basis text not null check (basis in ('bill', 'invoice')),
  account_ref bigint,
  partner_id bigint,
  amount numeric not null,
  lines integer not null,
  constraint billing_revenue_totals_key unique nulls not distinct (tenant_id, month, basis, account_ref, partner_id)
);
create index billing_revenue_totals_account_idx on core.billing_revenue_totals (tenant_id, basis, account_ref, month);
create index billing_revenue_totals_partner_idx on core.billing_revenue_totals (tenant_id, basis, partner_id, month);

-- As core.billing_mark_months (000011): one statement-level function for the three events. An account
-- whose customer changed, a new account and a removed one mark the months they have cost in.
create function core.billing_mark_account_months() returns trigger language plpgsql as $$
begin
  -- A transition table exists only for its events: each statement names the ones its event has.
  if tg_op = 'UPDATE' then
    insert into core.billing_rollup_pending (tenant_id, month)
    select distinct r.tenant_id, r.month
    from core.billing_account_monthly r
    join new_rows n on n.tenant_id = r.tenant_id and n.account_ref = r.account_ref
    join old_rows o on o.tenant_id = n.tenant_id and o.account_ref = n.account_ref
    where o.company_id is distinct from n.company_id
    on conflict (tenant_id, month) do update set marked_at = now();
  elsif tg_op = 'INSERT' then
    insert into core.billing_rollup_pending (tenant_id, month)
    select distinct r.tenant_id, r.month
    from core.billing_account_monthly r join new_rows n on n.tenant_id = r.tenant_id and n.account_ref = r.account_ref
    on conflict (tenant_id, month) do update set marked_at = now();
  else
    insert into core.billing_rollup_pending (tenant_id, month)
    select distinct r.tenant_id, r.month
    from core.billing_account_monthly r join old_rows o on o.tenant_id = r.tenant_id and o.account_ref = r.account_ref
    on conflict (tenant_id, month) do update set marked_at = now();
  end if;
  return null;
end
$$;

create trigger aws_accounts_rollup_update after update on core.aws_accounts
  referencing old table as old_rows new table as new_rows
  for each statement execute function core.billing_mark_account_months();
create trigger aws_accounts_rollup_insert after insert on core.aws_accounts
  referencing new table as new_rows
  for each statement execute function core.billing_mark_account_months();
create trigger aws_accounts_rollup_delete after delete on core.aws_accounts
  referencing old table as old_rows
  for each statement execute function core.billing_mark_account_months();

-- Rollups built before this migration: every month is rebuilt (and the new rollups filled) next time.
insert into core.billing_rollup_pending (tenant_id, month)
select distinct tenant_id, month from core.billing_account_monthly
on conflict do nothing;

-- Row-level security, as in 000010_tenancy.sql.
alter table core.billing_customer_monthly enable row level security;
create policy tenant_isolation on core.billing_customer_monthly
  using (tenant_id = current_setting('app.tenant_id', true))
  with check (tenant_id = current_setting('app.tenant_id', true));
alter table core.billing_revenue_totals enable row level security;
create policy tenant_isolation on core.billing_revenue_totals
  using (tenant_id = current_setting('app.tenant_id', true))
  with check (tenant_id = current_setting('app.tenant_id', true));
