// Compose practices, with lines from the yaml package's LineCounter: pinned images, no root user,
// a healthcheck for image services (build services get theirs from the Dockerfile), no literal
// secrets in environment, and a .dockerignore in every build context.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type YAMLMap } from 'yaml';
import { isSecretName } from '../secret-names.js';
import type { Finding } from './finding.js';
import { unpinnedReason } from './image-tag.js';

const literal = (v: unknown): v is string | number => (typeof v === 'string' || typeof v === 'number') && String(v) !== '' && !String(v).includes('$');

export function lintCompose(file: string, text: string, hasDockerignore: (context: string) => boolean): Finding[] {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc });
  const findings: Finding[] = [];
  const lineOf = (n: Node | null | undefined): number => (n?.range ? lc.linePos(n.range[0]).line : 1);
  const add = (n: Node | null | undefined, rule: Finding['rule'], message: string) => findings.push({ file, line: lineOf(n), rule, message });

  const services = doc.get('services', true);
  if (!isMap(services)) return findings;
  for (const pair of services.items) {
    const name = String(isScalar(pair.key) ? pair.key.value : pair.key);
    const svc = pair.value;
    if (!isMap(svc)) continue;
    const node = (k: string) => (svc as YAMLMap).get(k, true) as Node | undefined;

    const image = node('image');
    if (isScalar(image) && typeof image.value === 'string') {
      const why = unpinnedReason(image.value);
      if (why) add(image, 'image-tag', `${name}: ${why}`);
    }

    const user = node('user');
    if (isScalar(user) && /^(root|0)(:.*)?$/.test(String(user.value))) add(user, 'root-user', `${name}: runs as ${String(user.value)}`);

    const hc = node('healthcheck');
    if (isMap(hc)) {
      const test = hc.get('test', true);
      if (hc.get('disable') === true) add(hc.get('disable', true) as Node, 'no-healthcheck', `${name}: healthcheck disabled`);
      else if (isSeq(test) && isScalar(test.items[0]) && test.items[0].value === 'NONE') add(test, 'no-healthcheck', `${name}: healthcheck disabled`);
    } else if (!hc && image && !node('build')) {
      add(pair.key as Node, 'no-healthcheck', `${name}: no healthcheck (dependents cannot wait for it to be healthy)`);
    }

    const env = node('environment');
    if (isMap(env)) {
      for (const e of env.items) {
        const key = String(isScalar(e.key) ? e.key.value : e.key);
        const value = isScalar(e.value) ? e.value.value : undefined;
        if (isSecretName(key) && literal(value)) add(e.value as Node, 'secret', `${name}: environment ${key} holds a literal secret; use \${${key}} from .env or a secret`);
      }
    } else if (isSeq(env)) {
      for (const item of env.items) {
        if (!isScalar(item) || typeof item.value !== 'string') continue;
        const eq = item.value.indexOf('=');
        if (eq > 0 && isSecretName(item.value.slice(0, eq)) && literal(item.value.slice(eq + 1))) {
          add(item, 'secret', `${name}: environment ${item.value.slice(0, eq)} holds a literal secret; use \${${item.value.slice(0, eq)}} from .env or a secret`);
        }
      }
    }

    const build = node('build');
    const context = isScalar(build) ? String(build.value) : isMap(build) ? String(build.get('context') ?? '.') : undefined;
    if (context !== undefined && !/^[a-z]+:\/\//i.test(context) && !context.startsWith('git@') && !hasDockerignore(context)) {
      add(build, 'no-dockerignore', `${name}: build context ${context} has no .dockerignore`);
    }
  }
  return findings;
}
