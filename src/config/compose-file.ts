// Read one compose file into a Layer: parse YAML, interpolate, validate against the compose
// schema, normalise (paths relative to `baseDir`). Problems are collected, never thrown.
import { readFileSync } from 'node:fs';
import os from 'node:os';
import type { Problem } from '../errors.js';
import { castBooleans } from './bool-values.js';
import { validateCompose } from './compose-schema.js';
import { foxdevServiceFields, foxdevTopFields } from './foxdev-schema.js';
import { obj } from './shape.js';
import type { Lookup } from './interpolate.js';
import { interpolateTree } from './interpolate-tree.js';
import type { Segment } from './keypath.js';
import { placeProblem, yamlLocator, type Layer } from './layer.js';
import { normaliseFile, type Found } from './normalise.js';
import { isPlainObject, stripTags } from './tags.js';
import { parseYamlFile } from './yaml-file.js';
import { prune } from './prune.js';
import { decodeUtf8, NotUtf8 } from './utf8.js';

/** `unset` collects variables used plainly (${VAR}) but not set, for a warning. */
export function readComposeFile(file: string, baseDir: string, lookup: Lookup, problems: Problem[], unset?: Set<string>): Layer | undefined {
  let text: string;
  try {
    text = decodeUtf8(readFileSync(file));
  } catch (err) {
    if (err instanceof NotUtf8) problems.push({ file, line: err.line, column: err.column, message: err.message });
    else problems.push({ file, message: `cannot read compose file: ${(err as NodeJS.ErrnoException).code ?? String(err)}` });
    return undefined;
  }
  const parsed = parseYamlFile(text, file);
  if (parsed.problems.length > 0) {
    problems.push(...parsed.problems);
    return undefined;
  }
  if (parsed.empty) {
    // As compose: a file with nothing in it (or only comments) is a mistake, not an empty project.
    problems.push({ file, message: 'empty compose file' });
    return undefined;
  }
  const layer: Layer = { file, data: {}, locate: yamlLocator(parsed.positions) };
  if (!isPlainObject(parsed.value)) {
    problems.push({ file, message: 'a compose file must be a mapping with a "services" key' });
    return undefined;
  }
  // An empty section (`volumes:` with nothing under it) is an empty mapping, as compose reads it.
  for (const section of ['services', 'networks', 'volumes', 'secrets', 'configs'])
    if (section in parsed.value && parsed.value[section] === null) parsed.value[section] = {};
  // `models: {llm: }` under a service names a model with no options; compose reads it so.
  if (isPlainObject(parsed.value.services))
    for (const svc of Object.values(parsed.value.services))
      if (isPlainObject(svc) && isPlainObject(svc.models)) for (const [k, v] of Object.entries(svc.models)) if (v === null) svc.models[k] = {};
  const found: Array<Problem & { segments: Segment[] }> = [];
  const value = interpolateTree(parsed.value, lookup, found, [], (name) => unset?.add(name)) as Record<string, unknown>;
  found.push(...castBooleans(value));
  found.push(...validateCompose(stripTags(value)));
  if (value['x-foxdev'] !== undefined) obj({ logBuffer: foxdevTopFields.logBuffer, web: foxdevTopFields.web })(value['x-foxdev'], ['x-foxdev'], found);
  if (isPlainObject(value.services))
    for (const [name, svc] of Object.entries(value.services))
      if (isPlainObject(svc) && svc['x-foxdev'] !== undefined) obj(foxdevServiceFields)(svc['x-foxdev'], ['services', name, 'x-foxdev'], found);
  // Nothing to drop when nothing was found (parsed YAML holds no undefined list items to compact).
  if (found.length > 0) prune(value, found);
  const local: Found[] = [];
  layer.data = normaliseFile(value, { baseDir, home: os.homedir() }, local);
  for (const p of [...found, ...local]) problems.push(placeProblem(p, [layer]));
  return layer;
}
