// Property tests run with a fixed seed so CI is reproducible (a random seed turns every run into a
// lottery for the commit that happens to draw a new counterexample). To explore, set FC_SEED=random
// (or a number) and FC_RUNS=N; a failure prints the seed and path that replay it.
export function fcOptions(numRuns: number): { numRuns: number; seed?: number } {
  const runs = Number(process.env.FC_RUNS ?? numRuns);
  const seed = process.env.FC_SEED;
  if (seed === 'random') return { numRuns: runs };
  return { numRuns: runs, seed: seed ? Number(seed) : 20261202 };
}
