-- SEARCH: bge-m3's lexical (sparse) weights beside the dense vector, keyed by token text. Null when the
-- model gives none. ColBERT vectors are not stored (too large; recomputed when needed).

alter table search.embeddings add column sparse jsonb;
