// compose profiles: a service with `profiles` runs only when one of them is active ("*" activates
// all); a service without runs always. Active profiles come from --profile, else
// COMPOSE_PROFILES (comma-separated); naming a service on the command line (`up debug-tool`)
// activates its profiles too, as compose does (not those of its dependencies). Pure.

type Dict = Record<string, unknown>;

export function activeProfiles(given: string[] | undefined, vars: Record<string, string | undefined>): string[] {
  if (given && given.length > 0) return given;
  return (vars.COMPOSE_PROFILES ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
}

export function profilesOf(service: Dict): string[] {
  return Array.isArray(service.profiles) ? service.profiles.map(String) : [];
}

export function enabledServices(all: Record<string, Dict>, active: string[]): Array<[string, Dict]> {
  return Object.entries(all).filter(([, s]) => {
    const own = profilesOf(s);
    return own.length === 0 || active.includes('*') || own.some((p) => active.includes(p));
  });
}

/** `active` plus the profiles of the named services that `active` leaves disabled. */
export function withTargetProfiles(all: Record<string, Dict>, active: string[], targets: string[] = []): string[] {
  const out = [...active];
  const enabled = new Set(enabledServices(all, active).map(([n]) => n));
  for (const t of targets) {
    if (!(t in all) || enabled.has(t)) continue;
    for (const p of profilesOf(all[t])) if (!out.includes(p)) out.push(p);
  }
  return out;
}
