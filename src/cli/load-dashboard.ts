// Ink turns into its "CI mode" (no live redraws; the last frame only, at exit) when CI or
// CONTINUOUS_INTEGRATION is set, read once when ink is first imported. Someone who runs
// `foxdev up` on a terminal asked for the live dashboard, whatever their shell exports (CI
// runners, and our own end-to-end tests, run in such shells), so ink is imported with those two
// variables hidden, then they are put back for everything foxdev starts afterwards.
const CI_VARS = ['CI', 'CONTINUOUS_INTEGRATION'] as const;

export async function loadDashboard(): Promise<typeof import('../ui/render.js')> {
  const saved = CI_VARS.map((k) => [k, process.env[k]] as const);
  for (const k of CI_VARS) delete process.env[k];
  try {
    return await import('../ui/render.js');
  } finally {
    for (const [k, v] of saved) if (v !== undefined) process.env[k] = v;
  }
}
