// `run -e KEY` / `exec -e KEY`: where a bare key's value comes from.
/**
 * `-e KEY` alone takes KEY from this shell, then from the project's .env (or --env-file), as
 * compose does; set in neither, it is left out, so the image's own ENV (or the service's
 * `environment:`) stands.
 */
export function resolveBareEnv(words: string[], dotenv: Record<string, string>, shell: NodeJS.ProcessEnv = process.env): string[] {
  return words.flatMap((w) => {
    if (w.includes('=')) return [w];
    const v = shell[w] ?? dotenv[w];
    return v === undefined ? [] : [`${w}=${v}`];
  });
}
