// The chart is checked by rendering it (./helm-render.ts, no helm binary) and comparing the
// objects with `generate k8s` output for the same options.
import { parse, parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { GeneratedFile } from '../../src/generate/files.js';
import { generateHelm } from '../../src/generate/helm/index.js';
import { generateK8s, type K8sObject, type K8sOptions } from '../../src/generate/k8s/index.js';
import { HelmRenderer } from './helm-render.js';
import { validateObject } from './k8s-validate.js';
import { sampleProject } from './sample-project.js';

function merge(a: unknown, b: unknown): unknown {
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const out: Record<string, unknown> = { ...(a as Record<string, unknown>) };
    for (const [k, v] of Object.entries(b)) out[k] = merge(out[k], v);
    return out;
  }
  return b === undefined ? a : b;
}

function renderChart(files: GeneratedFile[], opts: { overlay?: string; namespace?: string; edit?: (v: any) => void } = {}): K8sObject[] {
  const get = (p: string) => files.find((f) => f.path === p)!.content;
  const templates = Object.fromEntries(files.filter((f) => f.path.startsWith('templates/') && /\.(yaml|tpl)$/.test(f.path)).map((f) => [f.path, f.content]));
  let values = parse(get('values.yaml'));
  if (opts.overlay) values = merge(values, parse(get(opts.overlay)));
  opts.edit?.(values);
  const renderer = new HelmRenderer(templates);
  const ctx = { Values: values, Release: { Name: 'shop', Namespace: opts.namespace ?? 'default' }, Chart: parse(get('Chart.yaml')) };
  return Object.keys(templates)
    .filter((p) => p.endsWith('.yaml'))
    .flatMap((p) =>
      parseAllDocuments(renderer.render(templates[p], ctx)).map((d) => {
        if (d.errors.length) throw new Error(`${p}: ${d.errors[0].message}`);
        return d.toJS() as K8sObject | null;
      }),
    )
    .filter((o): o is K8sObject => o !== null);
}

const key = (o: K8sObject) => `${o.kind}/${o.metadata.name}`;
const byKey = (objs: K8sObject[]) => Object.fromEntries(objs.map((o) => [key(o), o]));

describe('generate helm', () => {
  const cases: Array<[string, Partial<K8sOptions>]> = [
    ['dev', { env: 'dev' }],
    ['prod', { env: 'prod' }],
    ['prod with prefix, tag and namespace', { env: 'prod', imagePrefix: 'registry.example.com/team', tag: '2.0.1', namespace: 'shop-prod' }],
  ];
  for (const [name, options] of cases) {
    it(`default values render the same objects as generate k8s (${name})`, () => {
      const rendered = renderChart(generateHelm(sampleProject(), options).files, { namespace: 'default' });
      const expected = generateK8s(sampleProject(), options).objects;
      expect(rendered.map(key).sort()).toEqual(expected.map(key).sort());
      expect(byKey(rendered)).toEqual(byKey(expected));
    });
  }

  it('values-prod.yaml on top of dev defaults renders the prod objects, values-dev.yaml the dev ones', () => {
    const devChart = generateHelm(sampleProject(), { env: 'dev' }).files;
    expect(byKey(renderChart(devChart, { overlay: 'values-prod.yaml' }))).toEqual(byKey(generateK8s(sampleProject(), { env: 'prod' }).objects));
    const prodChart = generateHelm(sampleProject(), { env: 'prod' }).files;
    expect(byKey(renderChart(prodChart, { overlay: 'values-dev.yaml' }))).toEqual(byKey(generateK8s(sampleProject(), { env: 'dev' }).objects));
  });

  it('follows the values: replicas, image, env and the release namespace', () => {
    const objs = renderChart(generateHelm(sampleProject()).files, {
      namespace: 'team-a',
      edit: (v) => {
        v.services.api.replicas = 4;
        v.services.api.image.tag = '9.9.9';
        v.services.api.env.LOG_LEVEL = 'debug';
        v.services.api.autoscaling.enabled = true;
      },
    });
    const dep = objs.find((o) => key(o) === 'Deployment/api') as any;
    expect(dep.spec.replicas).toBe(4);
    expect(dep.spec.template.spec.containers[0].image).toBe('shop-api:9.9.9');
    expect((objs.find((o) => key(o) === 'ConfigMap/api-env') as any).data.LOG_LEVEL).toBe('debug');
    expect(objs.some((o) => key(o) === 'HorizontalPodAutoscaler/api')).toBe(true);
    for (const o of objs) expect(o.metadata.namespace).toBe('team-a');
    for (const o of objs) expect(() => validateObject(o)).not.toThrow();
  });

  it('writes a complete chart', async () => {
    const { files } = generateHelm(sampleProject());
    const paths = files.map((f) => f.path).sort();
    expect(paths).toEqual(
      ['Chart.yaml', 'templates/NOTES.txt', 'templates/_helpers.tpl', 'templates/api.yaml', 'templates/cache.yaml', 'templates/db.yaml', 'templates/migrate.yaml', 'templates/volumes.yaml', 'templates/worker.yaml', 'values-dev.yaml', 'values-prod.yaml', 'values.yaml'].sort(),
    );
    expect(parse(files.find((f) => f.path === 'Chart.yaml')!.content)).toMatchObject({ apiVersion: 'v2', name: 'shop', type: 'application' });
    for (const f of files) await expect(f.content).toMatchFileSnapshot(`__snapshots__/helm/${f.path}`);
  });
});

describe('the test renderer', () => {
  const r = (src: string, values: unknown, defs: Record<string, string> = {}) =>
    new HelmRenderer({ ...defs, main: src }).render(src, { Values: values, Release: { Name: 'r', Namespace: 'ns' }, Chart: {} });

  it('trims around {{- and -}} and keeps other whitespace', () => {
    expect(r('a:\n{{- toYaml .Values.m | nindent 2 }}\nb: {{ .Values.n }}', { m: { x: 1 }, n: 2 })).toBe('a:\n  x: 1\nb: 2');
    expect(r('x\n{{- if .Values.off }}\ny\n{{- end }}\nz', { off: false })).toBe('x\nz');
  });

  it('fails on missing values and unsupported syntax instead of rendering something', () => {
    expect(() => r('{{ .Values.nope }}', {})).toThrow(/missing value/);
    expect(() => r('{{ range .Values.l }}{{ end }}', { l: [] })).toThrow(/unsupported/);
    expect(() => r('{{ upper .Values.s }}', { s: 'a' })).toThrow(/unsupported/);
  });

  it('runs include, index, quote and default like Helm', () => {
    const defs = { h: '{{- define "img" -}}{{ .repository }}:{{ .tag }}{{- end -}}' };
    expect(r('{{ include "img" (index .Values "a-b") | quote }}', { 'a-b': { repository: 'r', tag: '1' } }, defs)).toBe('"r:1"');
    expect(r('{{ .Values.o | default .Release.Namespace }}', { o: '' })).toBe('ns');
  });
});
