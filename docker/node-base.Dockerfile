# Node for machines without a container registry (docker/make-local-bases.sh builds it): the same layout
# as the official node images (/usr/local/bin/node, headers in /usr/local/include/node, npm in
# /usr/local/lib/node_modules/npm), so the project's Dockerfile builds on either unchanged.
ARG DEBIAN_IMAGE=revops-local/debian:trixie
FROM ${DEBIAN_IMAGE}
COPY runtime/bin/node /usr/local/bin/node
COPY runtime/include/node /usr/local/include/node
COPY npm /usr/local/lib/node_modules/npm
RUN ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm \
 && ln -s ../lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx \
 && node --version && npm --version
CMD ["node"]
