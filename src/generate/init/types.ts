// The inputs of `foxdev init`: what a directory looks like (Scan), what we concluded (Detected)
// and what the person chose (InitOptions).
export type Stack = 'node' | 'python' | 'go' | 'static';
export type PackageManager = 'npm' | 'pnpm' | 'yarn';
export type Addon = 'postgres' | 'redis';
export const ADDONS: readonly Addon[] = ['postgres', 'redis'];
export const STACKS: readonly Stack[] = ['node', 'python', 'go', 'static'];

/** A directory as init sees it: names at the top, `cmd/` entries, and a few manifests' text. */
export interface Scan {
  /** Directory base name; the default project and service name. */
  name: string;
  /** Top-level entries; directories end with '/'. */
  entries: string[];
  /** Subdirectories of cmd/ (Go layout). */
  cmdDirs: string[];
  /** Text of the manifests that exist: package.json, requirements*.txt, pyproject.toml, go.mod. */
  texts: Record<string, string>;
}

export interface Detected {
  stack: Stack;
  packageManager?: PackageManager;
  /** Files copied before the source to install dependencies. */
  manifests: string[];
  /** Script names from package.json. */
  scripts: string[];
  /** Main file / module / Go package / index page. */
  entry: string;
  /** Folder the source lives in, relative; '.' when it is the root. */
  sourceDir: string;
  /** Dev-only requirements file (Python). */
  devRequirements?: string;
  /** Names of the test runners or services the project mentions (pytest, pg, redis…). */
  mentions: string[];
}

export interface InitOptions {
  /** Project name (compose `name:`). */
  project: string;
  /** The application's service name in compose and foxdev.config.ts. */
  service: string;
  stack: Stack;
  port: number;
  healthPath: string;
  with: Addon[];
  /** Unprivileged uid:gid the images run as. */
  uid: number;
}
