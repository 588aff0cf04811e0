# One image for every role (API + UI, job worker, embedding worker, CLI); the command picks the role.
# The GPU embedding worker uses the same image with onnxruntime-node's CUDA binaries installed on top
# (build with --build-arg ONNXRUNTIME=cuda12) and a GPU reserved in docker-compose.yml.
FROM node:24-bookworm-slim
ARG ONNXRUNTIME=skip
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 LOG_FORMAT=json
COPY package.json package-lock.json .npmrc ./
COPY db/package.json db/
COPY engine/package.json engine/
COPY lab/package.json lab/
COPY functions/package.json functions/
COPY worker/package.json worker/
COPY cli/package.json cli/
COPY load-tests/package.json load-tests/
COPY web/package.json web/
RUN npm ci --include=dev && npm cache clean --force
COPY . .
RUN if [ "$ONNXRUNTIME" != "skip" ]; then \
      node node_modules/onnxruntime-node/script/install.js --onnxruntime-node-install=$ONNXRUNTIME; fi \
 && npm run web:build
EXPOSE 3000
ENTRYPOINT ["node", "cli/src/main.ts"]
CMD ["serve"]
