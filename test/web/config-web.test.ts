// `web: false` turns the web dashboard off, from foxdev.config.ts or a compose file's x-foxdev;
// anything but a boolean is refused at its place.
import { afterAll, describe, expect, it } from 'vitest';
import { loadProject } from '../../src/config/load.js';
import { problems, removeTempProjects, tempProject } from '../config/helpers.js';

afterAll(removeTempProjects);

describe('the web config key', () => {
  it('is off with web: false, on by default', async () => {
    const ts = tempProject({ 'foxdev.config.ts': 'export default { web: false, services: { a: { image: "x" } } };\n' });
    expect((await loadProject({ cwd: ts, env: {} })).web).toBe(false);
    const compose = tempProject({ 'compose.yaml': 'x-foxdev:\n  web: false\nservices:\n  a:\n    image: x\n' });
    expect((await loadProject({ cwd: compose, env: {} })).web).toBe(false);
    const plain = tempProject({ 'compose.yaml': 'services:\n  a:\n    image: x\n' });
    expect((await loadProject({ cwd: plain, env: {} })).web).toBeUndefined();
  });

  it('is refused when not a boolean', async () => {
    const ts = tempProject({ 'foxdev.config.ts': 'export default { web: "off", services: { a: { image: "x" } } };\n' });
    expect(await problems(loadProject({ cwd: ts, env: {} }), ts)).toEqual([expect.stringMatching(/^foxdev\.config\.ts:1:\d+: web: expected .*boolean.*got string "off"/)]);
  });
});
