// What the bad-input table (test/bad-input) sees only as a first line, checked on the loaded
// Project: boolean strings become booleans, seed globs expand in order and every mistake is
// reported at once, a secret file is only looked for by commands that create containers, and an
// empty project loads for `config` but not for `up`.
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadProject } from '../../src/config/load.js';
import { problems, removeTempProjects, tempProject } from './helpers.js';

afterAll(removeTempProjects);

describe('refused at load', () => {
  it('casts boolean strings as compose does: "${P}" with P=yes is privileged, "off" is false', async () => {
    const dir = tempProject({ 'compose.yaml': 'services:\n  web:\n    image: busybox\n    privileged: "${P}"\n    tty: "off"\n    read_only: true\n' });
    const p = await loadProject({ cwd: dir, env: { P: 'yes' } });
    expect(p.services.web.extra).toMatchObject({ privileged: true, tty: false, read_only: true });
  });

  it('expands seed globs in name order and reports every missing or outside file at once', async () => {
    const ok = tempProject({
      'compose.yaml': 'services:\n  db:\n    image: busybox\n    x-foxdev:\n      seed:\n        postgres: {database: app, files: ["db/*.sql", "extra.sql"]}\n',
      'db/02-rows.sql': '',
      'db/01-schema.sql': '',
      'db/notes.txt': '',
      'extra.sql': '',
    });
    const p = await loadProject({ cwd: ok, env: {} });
    expect(p.services.db.seed?.files).toEqual([path.join(ok, 'db/01-schema.sql'), path.join(ok, 'db/02-rows.sql'), path.join(ok, 'extra.sql')]);

    const bad = tempProject({
      'compose.yaml': 'services:\n  db:\n    image: busybox\n    x-foxdev:\n      seed:\n        postgres:\n          database: app\n          files:\n            - db/*.sql\n            - gone.sql\n            - /etc/hostname\n',
    });
    expect(await problems(loadProject({ cwd: bad, env: {} }), bad)).toEqual([
      'compose.yaml:9:15: services.db.x-foxdev.seed.postgres.files[0]: db/*.sql matches no file',
      'compose.yaml:10:15: services.db.x-foxdev.seed.postgres.files[1]: seed file gone.sql does not exist',
      `compose.yaml:11:15: services.db.x-foxdev.seed.postgres.files[2]: seed file /etc/hostname is outside the project directory ${bad}`,
    ]);
  });

  it('looks for a secret file only when containers are created, and only for the services selected', async () => {
    const dir = tempProject({
      'compose.yaml': 'services:\n  web:\n    image: busybox\n    secrets: [s]\n  other:\n    image: busybox\nsecrets:\n  s:\n    file: ./missing.txt\n',
    });
    await expect(loadProject({ cwd: dir, env: {} })).resolves.toBeDefined();
    await expect(loadProject({ cwd: dir, env: {}, creates: true, services: ['other'] })).resolves.toBeDefined();
    expect(await problems(loadProject({ cwd: dir, env: {}, creates: true }), dir)).toEqual([
      'compose.yaml:9:5: secrets.s.file: secret file missing.txt does not exist (services.web.secrets[0] uses it)',
    ]);
  });

  it('an empty project loads for config, but a command that starts something says nothing is selected', async () => {
    const dir = tempProject({ 'compose.yaml': 'services: {}\n' });
    expect(Object.keys((await loadProject({ cwd: dir, env: {} })).services)).toEqual([]);
    expect(await problems(loadProject({ cwd: dir, env: {}, creates: true }), dir)).toEqual([
      'compose.yaml:1:1: services: no service selected: the project defines no services, so there is nothing to start',
    ]);
    // Naming a service in a profile enables it: something is selected.
    const prof = tempProject({ 'compose.yaml': 'services:\n  tool:\n    image: busybox\n    profiles: [tools]\n' });
    expect(Object.keys((await loadProject({ cwd: prof, env: {}, creates: true, services: ['tool'] })).services)).toEqual(['tool']);
  });

  it('keeps !reset and !override, refuses any other tag', async () => {
    const dir = tempProject({
      'compose.yaml': 'services:\n  web:\n    image: busybox\n    ports: ["80:80"]\n',
      'compose.override.yaml': 'services:\n  web:\n    ports: !reset []\n    command: !override ["true"]\n',
    });
    const p = await loadProject({ cwd: dir, env: {} });
    expect(p.services.web.ports).toEqual([]);
    const bad = tempProject({ 'compose.yaml': 'services:\n  web:\n    image: !env IMAGE\n' });
    expect(await problems(loadProject({ cwd: bad, env: {} }), bad)).toEqual(['compose.yaml:3:12: unknown YAML tag !env (compose files may use !reset and !override)']);
  });
});
