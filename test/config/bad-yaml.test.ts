// YAML the yaml library throws on (rather than reporting): each must become one problem with a
// place, never an internal error.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadProject } from '../../src/config/load.js';
import { problems, removeTempProjects, tempProject } from './helpers.js';

afterAll(removeTempProjects);

const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
  .concat(['b', 'c', 'd', 'e', 'f'].map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcde'[i]}`).join(',')}]`))
  .concat(['services:', '  a:', '    image: x'])
  .join('\n');

const cases: Array<[string, string, string]> = [
  ['merge of a mistyped alias', 'x-c: &common\n  image: a\nservices:\n  a:\n    <<: *commmon\n', 'compose.yaml:5:9: invalid YAML: alias *commmon names no anchor'],
  ['merge of a scalar', 'services:\n  a:\n    <<: 5\n    image: x\n', 'compose.yaml:3:9: invalid YAML: a merge key (<<) takes a mapping, an alias of one, or a list of aliases'],
  ['merge of a list with a scalar', 'x-c: &c\n  image: a\nservices:\n  a:\n    <<: [*c, 3]\n', 'compose.yaml:5:9: invalid YAML: a merge key (<<) takes a mapping, an alias of one, or a list of aliases'],
  ['alias bomb', bomb, 'compose.yaml: invalid YAML: Excessive alias count indicates a resource exhaustion attack'],
  ['__proto__ as a service name', 'services:\n  __proto__:\n    image: a\n', 'compose.yaml:2:3: the key "__proto__" is not allowed (choose another name)'],
  ['__proto__ in environment', 'services:\n  a:\n    image: a\n    environment:\n      __proto__: x\n', 'compose.yaml:5:7: the key "__proto__" is not allowed (choose another name)'],
];

describe('YAML the parser throws on', () => {
  it.each(cases)('%s', async (_name, text, expected) => {
    const dir = tempProject({ 'compose.yaml': text });
    expect(await problems(loadProject({ cwd: dir, env: {} }), dir)).toEqual([expected]);
  });

  it('repeated keys: each repeat at its place, in flow maps too; 1 and "1" differ, every << merges', async () => {
    const text = 'x-b: &b { image: b }\nservices:\n  web:\n    image: busybox\n    image: alpine\n    environment: { A: 1, "1": a, 1: b, A: 2 }\n    <<: *b\n    <<: {}\n  web:\n    image: x\n';
    const dir = tempProject({ 'compose.yaml': text });
    expect(await problems(loadProject({ cwd: dir, env: {} }), dir)).toEqual([
      'compose.yaml:5:5: invalid YAML: Map keys must be unique',
      'compose.yaml:6:40: invalid YAML: Map keys must be unique',
      'compose.yaml:9:3: invalid YAML: Map keys must be unique',
    ]);
  });

  it('a 30,000-key mapping loads in linear time (the library’s pairwise check took seconds)', async () => {
    const keys = Array.from({ length: 30_000 }, (_, i) => `      K${i}: v`).join('\n');
    const dir = tempProject({ 'compose.yaml': `services:\n  a:\n    image: x\n    environment:\n${keys}\n` });
    const t0 = performance.now();
    const p = await loadProject({ cwd: dir, env: {} });
    expect(Object.keys(p.services.a.environment)).toHaveLength(30_000);
    expect(performance.now() - t0).toBeLessThan(6000); // ~2 s here; the pairwise check alone ~9 s
  });

  it('refuses bytes that are not UTF-8, with the place', async () => {
    const dir = tempProject({ 'compose.yaml': 'services:\n  a:\n    image: x\n' });
    writeFileSync(join(dir, 'compose.yaml'), Buffer.concat([Buffer.from('services:\n  a:\n    image: x\n    environment:\n      A: "ab'), Buffer.from([0xff, 0xfe]), Buffer.from('"\n')]));
    expect(await problems(loadProject({ cwd: dir, env: {} }), dir)).toEqual(['compose.yaml:5:13: the file is not valid UTF-8 here (save it as UTF-8)']);
  });

  it('suggests the key or value meant, swapped letters included', async () => {
    const dir = tempProject({ 'compose.yaml': 'services:\n  a:\n    imgae: x\n    prots: ["80"]\n    depends_on:\n      b:\n        condition: service_helthy\n  b:\n    image: x\n' });
    expect(await problems(loadProject({ cwd: dir, env: {} }), dir)).toEqual([
      'compose.yaml:3:5: services.a.imgae: unknown key "imgae" (did you mean "image"?)',
      'compose.yaml:4:5: services.a.prots: unknown key "prots" (did you mean "ports"?)',
      'compose.yaml:7:9: services.a.depends_on.b.condition: expected one of "service_started", "service_healthy", "service_completed_successfully", "service_ready", "service_seeded", got "service_helthy" (did you mean "service_healthy"?)',
    ]);
  });

  it('names a bad service name as such, and checks foxdev values beyond their type', async () => {
    const dir = tempProject({ 'compose.yaml': 'services:\n  "a b":\n    image: x\n  c:\n    image: x\n    x-foxdev:\n      ready: {http: "localhost:80"}\n' });
    expect(await problems(loadProject({ cwd: dir, env: {} }), dir)).toEqual([
      'compose.yaml:2:3: services.a b: "a b" is not a valid service name: use letters, digits, ".", "_" and "-", starting with a letter or digit',
      'compose.yaml:7:15: services.c.x-foxdev.ready.http: expected an http:// or https:// URL, got string "localhost:80"',
    ]);
    const ts = tempProject({ 'foxdev.config.ts': 'export default { logBuffer: -5, services: { a: { image: "x", ready: { http: { url: "http://x/", status: 1000 } } } } };\n' });
    expect(await problems(loadProject({ cwd: ts, env: {} }), ts)).toEqual([
      'foxdev.config.ts:1:18: logBuffer: expected a whole number above 0, got number -5',
      'foxdev.config.ts:1:97: services.a.ready.http.status: expected an HTTP status (100-599), got number 1000',
    ]);
  });

  it('still merges what is mergeable', async () => {
    const dir = tempProject({ 'compose.yaml': 'x-c: &c\n  image: a\nx-d: &d\n  user: b\nservices:\n  s:\n    <<: [*c, *d]\n' });
    const project = await loadProject({ cwd: dir, env: {} });
    expect(project.services.s.image).toBe('a');
    expect(project.services.s.user).toBe('b');
  });
});
