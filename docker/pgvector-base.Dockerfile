# PostgreSQL 17 with pgvector for machines without a container registry (docker/make-local-bases.sh builds
# it from Debian trixie's postgresql-17 and postgresql-17-pgvector): the interface of the official
# postgres / pgvector images that docker-compose.yml uses (POSTGRES_USER, POSTGRES_PASSWORD, POSTGRES_DB,
# data in /var/lib/postgresql/data, pg_isready), so the compose file runs on either unchanged.
ARG DEBIAN_IMAGE=revops-local/debian:trixie
FROM ${DEBIAN_IMAGE}
RUN apt-get update \
 && apt-get install -y --no-install-recommends postgresql-common \
 && sed -i 's/^#\?\s*create_main_cluster.*/create_main_cluster = false/' /etc/postgresql-common/createcluster.conf \
 && apt-get install -y --no-install-recommends postgresql-17 postgresql-17-pgvector \
 && rm -rf /var/lib/apt/lists/*
ENV PATH=/usr/lib/postgresql/17/bin:$PATH PGDATA=/var/lib/postgresql/data LANG=C.UTF-8
RUN mkdir -p /var/run/postgresql "$PGDATA" && chown -R postgres:postgres /var/run/postgresql /var/lib/postgresql
COPY postgres-entrypoint.sh /usr/local/bin/docker-entrypoint.sh
ENTRYPOINT ["docker-entrypoint.sh"]
STOPSIGNAL SIGINT
EXPOSE 5432
CMD ["postgres"]
