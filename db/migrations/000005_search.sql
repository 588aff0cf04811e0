-- SEARCH: embeddings of CORE records. Vectors are stored as real[] so the schema is identical with and
-- without pgvector; when the `vector` extension is available an HNSW *expression* index over
-- (embedding::vector(1024)) serves nearest-neighbour queries, otherwise search runs in process.

create table search.embeddings (
  tenant_id text not null references ops.tenants,
  entity_kind text not null,                -- e.g. ace_opportunity, odoo_opportunity
  entity_id text not null,
  text_kind text not null,                  -- identity | context
  model text not null,                      -- which model made the vector (never mix models)
  dimensions integer not null,
  text_hash text not null,                  -- skip re-embedding unchanged text
  embedding real[] not null,
  updated_at timestamptz not null default now(),
  primary key (tenant_id, entity_kind, entity_id, text_kind),
  check (cardinality(embedding) = dimensions)
);
create index embeddings_model_idx on search.embeddings (tenant_id, entity_kind, text_kind, model);

do $$
begin
  if exists (select 1 from pg_available_extensions where name = 'vector') then
    create extension if not exists vector;
    execute $ddl$
      create index embeddings_hnsw_idx on search.embeddings
      using hnsw ((embedding::vector(1024)) vector_cosine_ops)
      where dimensions = 1024
    $ddl$;
  end if;
end
$$;
