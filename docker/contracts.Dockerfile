# syntax=docker/dockerfile:1
# contracts image. Build context is the repository root:
#   docker build -f docker/contracts.Dockerfile -t hashproof/contracts:local .
# All four service Dockerfiles follow this same pattern; tests/deploy checks they stay in step.

# Full dependency tree, needed by the swc build.
FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund

FROM deps AS build
COPY .swcrc ./
COPY apps ./apps
COPY libs ./libs
RUN npm run build

# Installed separately from `deps` so no dev dependency (swc, jest, nx) reaches the runtime image.
FROM node:20-bookworm-slim AS prod-deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim AS runtime
# tini as PID 1 rather than `docker run --init`, because Kubernetes has no --init: it forwards SIGTERM
# to node (whose shutdown handlers drain within SHUTDOWN_TIMEOUT_MS) and reaps any orphaned children.
RUN apt-get update \
  && apt-get install -y --no-install-recommends tini \
  && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production
WORKDIR /app
# Files stay owned by root: the service user can read its code but not rewrite it.
COPY package.json ./
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# uid/gid 1000, shipped with the node image. Kubernetes cannot resolve a user name, so the pod spec
# repeats it as runAsUser: 1000 for runAsNonRoot to be verifiable.
USER node
EXPOSE 3001
# Liveness only: readiness (/health) also checks Kafka/PostgreSQL/Redis, and a broker outage must not
# mark the container unhealthy. The slim image has no curl, so node's fetch does the request.
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.HTTP_PORT || 3001) + '/health/live').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "dist/apps/contracts/src/main.js"]
