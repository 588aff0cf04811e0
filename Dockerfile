# One image for every role (API + UI, job worker, embedding worker, CLI); the command picks the role.
# NODE_IMAGE is any Node 24 image laid out like the official ones (docker/make-local-bases.sh makes one
# where no registry is reachable). ONNXRUNTIME=cuda12 adds onnxruntime-node's CUDA binaries for the GPU
# embedding worker (a download from GitHub at build time); the CPU provider is always there.
# An extra CA for npm (a TLS-inspecting proxy) comes as the build secret `extra_ca`, never into a layer.
ARG NODE_IMAGE=node:24-bookworm-slim

FROM ${NODE_IMAGE} AS build
# hnswlib-node builds from source (node-gyp: python3, make, g++, and the image's own Node headers).
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
ENV npm_config_nodedir=/usr/local npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
COPY db/package.json db/
COPY engine/package.json engine/
COPY lab/package.json lab/
COPY functions/package.json functions/
COPY worker/package.json worker/
COPY cli/package.json cli/
COPY load-tests/package.json load-tests/
COPY web/package.json web/
RUN --mount=type=secret,id=extra_ca --mount=type=cache,target=/root/.npm \
    if [ -s /run/secrets/extra_ca ]; then export NODE_EXTRA_CA_CERTS=/run/secrets/extra_ca; fi \
 && npm ci --include=dev
COPY . .
ARG ONNXRUNTIME=skip
RUN --mount=type=secret,id=extra_ca \
    if [ -s /run/secrets/extra_ca ]; then export NODE_EXTRA_CA_CERTS=/run/secrets/extra_ca; fi \
 && if [ "$ONNXRUNTIME" != "skip" ]; then \
      node node_modules/onnxruntime-node/script/install.js --onnxruntime-node-install=$ONNXRUNTIME; fi \
 && npm run web:build

FROM ${NODE_IMAGE}
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 LOG_FORMAT=json
COPY --from=build /app /app
EXPOSE 3000
ENTRYPOINT ["node", "cli/src/main.ts"]
CMD ["serve"]
