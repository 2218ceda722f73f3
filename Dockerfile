# syntax=docker/dockerfile:1
#
# One image for every app; the command picks which one runs:
#   node dist/apps/gateway/src/main.js     (default)
#   node dist/apps/operation/src/main.js   (roles via ITSM_OPERATION_ROLES)

ARG NODE_IMAGE=node:24-bookworm-slim

# --- production dependencies only (runs in parallel with the build stage) ---
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts: no runtime dependency needs an install script
# (the only ones present are telemetry / notices).
RUN --mount=type=cache,target=/root/.npm \
    npm ci --omit=dev --ignore-scripts --no-audit --no-fund

# --- compile TypeScript to plain CommonJS in dist/ ---
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
# The build is only tsc + tsc-alias, so tooling install scripts (nx etc.) are skipped.
RUN --mount=type=cache,target=/root/.npm \
    npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.base.json tsconfig.build.json ./
COPY libs ./libs
COPY apps ./apps
RUN npm run build

# --- runtime ---
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production
WORKDIR /app
# Files stay root-owned: the app user can read but not modify its own code.
COPY package.json ./
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The base image's `node` user, given numerically so Kubernetes
# `runAsNonRoot` can verify it without resolving names.
USER 1000:1000
# gateway: 3000, operation: 3101
EXPOSE 3000 3101 3201 3301 3401
CMD ["node", "dist/apps/gateway/src/main.js"]
