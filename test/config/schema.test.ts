// The compose schema is vendored and its Ajv validator generated ahead of time; this fails when
// one changed without the other (fix: node src/config/schema/generate-validator.mjs).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validateCompose } from '../../src/config/compose-schema.js';
import { schemaSha256 } from '../../src/config/schema/compose-validator.generated.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const vendored = path.join(repoRoot, 'src/config/schema/compose-spec.json');

describe('compose schema', () => {
  it('the generated validator matches the vendored schema', () => {
    expect(createHash('sha256').update(readFileSync(vendored)).digest('hex')).toBe(schemaSha256);
  });

  it('the vendored schema is the corpus copy', () => {
    const shared = path.resolve(repoRoot, '../shared/corpus/compose-spec.json');
    if (existsSync(shared)) expect(readFileSync(vendored, 'utf8')).toBe(readFileSync(shared, 'utf8'));
  });

  it('explains problems one per mistake', () => {
    const found = validateCompose({
      services: {
        api: { imagee: 'x', build: { contxt: '.' }, ports: [true], healthcheck: { interval: 5 }, depends_on: { db: { condition: 'sometime' } } },
      },
      volumes: { data: { drivr: 'local' } },
      bogus: 1,
    }).map((p) => `${p.path}: ${p.message}`);
    expect(found).toEqual([
      'bogus: unknown key "bogus"',
      'services.api.imagee: unknown key "imagee" (did you mean "image"?)',
      'services.api.build.contxt: unknown key "contxt" (did you mean "context"?)',
      'volumes.data.drivr: unknown key "drivr" (did you mean "driver"?)',
      'services.api.depends_on.db.condition: expected one of "service_started", "service_healthy", "service_completed_successfully", "service_ready", "service_seeded", got "sometime"',
      'services.api.healthcheck.interval: expected a string, got number 5',
      'services.api.ports[0]: expected a number, a string or a mapping, got boolean true',
    ]);
  });
});
