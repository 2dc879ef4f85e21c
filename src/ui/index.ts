// The dashboard's public face for the CLI.

export { renderDashboard, type Dashboard, type DashboardOptions } from './render.js';
export { App, type AppProps } from './components/App.js';
export type { Intent, IntentType, OnIntent } from './intent.js';
