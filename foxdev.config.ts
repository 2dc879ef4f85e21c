// The bundled example: `foxdev up` in this directory runs it. Every image is built offline
// (scripts/images.sh), so it works on a machine that reaches no container registry.
import { defineConfig } from 'foxdev';

const shop = 'fixtures/shop';
// Host ports, overridable so the example can run beside something already on them.
const apiPort = process.env.SHOP_API_PORT ?? '4100';
const webPort = process.env.SHOP_WEB_PORT ?? '4101';
const docsPort = process.env.SHOP_DOCS_PORT ?? '4102';

export default defineConfig({
  name: 'shop',
  services: {
    db: {
      image: 'foxdev/postgres:15',
      environment: { POSTGRES_USER: 'shop', POSTGRES_PASSWORD: 'shop', POSTGRES_DB: 'shop' },
      volumes: ['db-data:/var/lib/postgresql/data'],
      healthcheck: {
        test: ['CMD', 'pg_isready', '-q', '-h', '127.0.0.1', '-U', 'shop'],
        interval: '1s',
        timeout: '3s',
        retries: 30,
      },
      seed: {
        postgres: { database: 'shop', user: 'shop', files: [`${shop}/db/seed/*.sql`] },
        reset: 'recreate',
        dependents: 'restart',
      },
    },
    migrate: {
      image: 'foxdev/postgres:15',
      oneshot: true,
      entrypoint: ['psql', '-v', 'ON_ERROR_STOP=1', '-h', 'db', '-U', 'shop', '-d', 'shop', '-f', '/migrations/001-orders.sql'],
      environment: { PGPASSWORD: 'shop' },
      volumes: [`./${shop}/db/migrations:/migrations:ro`],
      depends_on: { db: { condition: 'service_seeded' } },
    },
    api: {
      build: { context: `${shop}/api` },
      command: ['node', '--watch', 'src/server.js'],
      environment: { PGHOST: 'db', PGUSER: 'shop', PGPASSWORD: 'shop', PGDATABASE: 'shop', PORT: '3000' },
      ports: [`${apiPort}:3000`],
      depends_on: {
        db: { condition: 'service_healthy' },
        migrate: { condition: 'service_completed_successfully' },
      },
      ready: { http: `http://localhost:${apiPort}/health` },
      restart: 'on-failure',
      sync: [
        { path: `${shop}/api/src`, target: '/app/src', action: 'sync' },
        { path: `${shop}/api/package.json`, target: '/app/package.json', action: 'sync+exec', exec: 'npm install --offline --no-audit --no-fund' },
        { path: `${shop}/api/Dockerfile`, action: 'rebuild' },
      ],
    },
    worker: {
      build: { context: `${shop}/api` },
      command: ['node', 'src/worker.js'],
      environment: { PGHOST: 'db', PGUSER: 'shop', PGPASSWORD: 'shop', PGDATABASE: 'shop' },
      depends_on: {
        db: { condition: 'service_healthy' },
        migrate: { condition: 'service_completed_successfully' },
      },
      restart: 'always',
    },
    web: {
      build: { context: `${shop}/web` },
      environment: { API_URL: 'http://api:3000', PORT: '8080' },
      ports: [`${webPort}:8080`],
      depends_on: { api: { condition: 'service_ready' } },
      ready: { http: `http://localhost:${webPort}/health` },
    },
    docs: {
      run: { command: `node ${shop}/docs/serve.mjs`, env: { PORT: docsPort } },
      ready: { http: `http://localhost:${docsPort}/` },
    },
  },
  volumes: { 'db-data': null },
});
