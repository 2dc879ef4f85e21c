// `config --no-interpolate` and `config --variables`: the compose files merged as written, with no
// interpolation, normalisation or validation, as compose renders its "partially resolved" model.
// (foxdev.config.ts layers are code, not text with variables: they are left out here.)
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, type Problem } from '../errors.js';
import { loadEnvironment } from './environment.js';
import { findConfigFiles, isFoxdevConfigFile } from './find.js';
import type { LoadOptions } from './load.js';
import { mergeFiles } from './merge.js';
import { chooseProjectName } from './project-name.js';
import { isPlainObject } from './tags.js';
import { parseYamlFile } from './yaml-file.js';

export function loadRawModel(opts: LoadOptions): Record<string, unknown> {
  const shell = opts.env ?? process.env;
  const cwd = path.resolve(opts.cwd);
  const start = opts.projectDirectory ? path.resolve(cwd, opts.projectDirectory) : cwd;
  const problems: Problem[] = [];
  const envFiles = opts.envFiles?.map((f) => path.resolve(cwd, f));
  const files = findConfigFiles(cwd, opts.files, loadEnvironment(start, shell, [], envFiles).vars, start).filter((f) => !isFoxdevConfigFile(f));
  const projectDir = opts.projectDirectory ? start : path.dirname(files[0] ?? start);
  let data: Record<string, unknown> = {};
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (err) {
      problems.push({ file, message: `cannot read compose file: ${(err as NodeJS.ErrnoException).code ?? String(err)}` });
      continue;
    }
    const parsed = parseYamlFile(text, file);
    problems.push(...parsed.problems);
    if (isPlainObject(parsed.value)) data = mergeFiles(data, parsed.value);
  }
  const env = loadEnvironment(projectDir, shell, problems, envFiles);
  const name = chooseProjectName([opts.projectName, env.vars.COMPOSE_PROJECT_NAME, typeof data.name === 'string' ? data.name : undefined], projectDir, problems);
  if (problems.length) throw new ConfigError(problems);
  const { name: _n, ...rest } = data;
  return { name, ...rest };
}
