// The unit tests render the dashboard as a terminal would show it. The CLI imports ink with CI
// hidden (src/cli/load-dashboard.ts); the unit tests import it directly, so hide it here too,
// before any test file loads ink.
delete process.env.CI;
delete process.env.CONTINUOUS_INTEGRATION;
