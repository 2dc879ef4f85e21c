// Fills templates/init/python.Dockerfile.
import type { Detected } from '../types.js';

const exec = (argv: string[]): string => JSON.stringify(argv).replace(/,/g, ', ');

// pyproject.toml without a requirements file: install only [project].dependencies from the
// manifest (tomllib, Python ≥ 3.11), so the layer is still cached before the source arrives.
const PYPROJECT_DEPS =
  `python3 -c "import subprocess, sys, tomllib; deps = tomllib.load(open('pyproject.toml', 'rb')).get('project', {}).get('dependencies', []); deps and subprocess.check_call([sys.executable, '-m', 'pip', 'install', *deps])"`;

export function pythonVars(d: Detected): Record<string, string | number> {
  const run = d.entry.endsWith('.py') ? ['python3', d.entry] : ['python3', '-m', d.entry.replace(/\/$/, '')];
  const pytest = d.mentions.includes('pytest');
  return {
    MANIFESTS: d.manifests.join(' '),
    INSTALL_PROD: d.manifests[0] === 'requirements.txt' ? 'pip install -r requirements.txt' : PYPROJECT_DEPS,
    INSTALL_DEV: d.devRequirements ? `pip install -r ${d.devRequirements}` : 'python3 -m pip check',
    DEV_CMD: exec(run),
    PROD_CMD: exec(run),
    TEST: pytest ? 'python3 -m pytest -q' : 'python3 -m unittest discover -v',
  };
}
