-- Notifications: an outbox of messages per tenant and channel. Every message has an idempotency key
-- (what it is about: a decision, a job, a day), so collecting events again never adds a second message.
-- Delivery claims a message (status `sending`, attempts + 1) in its own transaction before it sends, and
-- records the outcome after: a worker killed in between leaves a `sending` message that is sent again
-- once it is stale — at most one extra delivery per crash, carrying the same delivery id for the
-- receiver to drop.

create table ops.notifications (
  notification_id bigint generated always as identity primary key,
  tenant_id text not null references ops.tenants,
  channel text not null,
  event text not null,
  idempotency_key text not null,
  subject text not null,
  body text not null,
  details jsonb not null default '{}',
  -- digest: waits for the channel's daily digest; pending: due at next_attempt_at; sending: claimed.
  status text not null check (status in ('digest', 'pending', 'sending', 'sent', 'failed', 'digested')),
  attempts integer not null default 0,
  next_attempt_at timestamptz not null default now(),
  claimed_at timestamptz,
  last_error text,
  digest_id bigint references ops.notifications,
  created_at timestamptz not null default now(),
  sent_at timestamptz,
  unique (tenant_id, channel, idempotency_key)
);
create index notifications_due_idx on ops.notifications (tenant_id, next_attempt_at) where status in ('pending', 'sending');
create index notifications_list_idx on ops.notifications (tenant_id, notification_id desc);

alter table ops.notifications enable row level security;
create policy tenant_isolation on ops.notifications using (tenant_id = (select ops.current_tenant()))
  with check (tenant_id = (select ops.current_tenant()));
