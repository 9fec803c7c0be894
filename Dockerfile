# Shieldwall in a container: Slack and/or Discord, with the ledger on a PostgreSQL server (DATABASE_URL).
# Multi-stage: the dependencies are installed in their own stage, so the final image carries no npm cache.

FROM node:24-slim AS dependencies
WORKDIR /app
COPY package.json package-lock.json ./
# npm ci runs the build script (prepare), which has nothing to build until the sources are copied in below.
COPY scripts ./scripts
RUN npm ci --omit=dev --no-audit --no-fund

FROM node:24-slim
# The weekly digest's chart needs a font to draw its text; page captures need a real browser (Debian's Chromium,
# driven by playwright-core, which downloads none of its own) and the same font for the pages it draws.
RUN apt-get update \
  && apt-get install -y --no-install-recommends chromium fonts-dejavu-core \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
ENV NODE_ENV=production \
    PORT=3000 \
    SHIELDWALL_DATA_DIR=/data \
    CHROMIUM_PATH=/usr/bin/chromium
COPY --from=dependencies /app/node_modules ./node_modules
COPY package.json tsconfig.json ./
COPY bin ./bin
COPY src ./src
COPY adapters ./adapters
COPY scripts ./scripts
COPY migrations ./migrations
# The bundle bin/shieldwall.mjs runs (scripts/build.mjs): a faster start and a smaller process than tsx.
RUN node scripts/build.mjs && mkdir -p /data && chown node:node /data
# Never root: the bot needs no privileges, and the embedded PostgreSQL refuses to run as root anyway.
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/readyz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# SIGTERM lets the bot finish its work and stop cleanly.
STOPSIGNAL SIGTERM
CMD ["node", "bin/shieldwall.mjs", "start"]
