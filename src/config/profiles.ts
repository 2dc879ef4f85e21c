// compose profiles: a service with `profiles` runs only when one of them is active ("*" activates
// all); a service without runs always. Active profiles come from --profile, else
// COMPOSE_PROFILES (comma-separated). Pure.

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
