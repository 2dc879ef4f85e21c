// The arrows of DESIGN.md's layer table, checked by dependency-cruiser in the test command
// (scripts/test.sh, `npm run lint:layers`). config → plan (pure) → engine → runtime; store holds
// no I/O; ui reads store only. Type-only imports count too (tsPreCompilationDeps: true): a type
// import is still a design dependency, and the types it needs belong in the lower layer.
//
// src/errors.ts (the one error base class) sits under every layer; src/sleep.ts (timers) under all
// but plan/, which does not wait.

/** Node modules that do I/O: forbidden wherever the design says "pure" or "nothing with I/O". */
const IO_CORE = '^(node:)?(fs|fs/promises|child_process|net|http|https|http2|dgram|dns|dns/promises|tls|os|readline|worker_threads|cluster|inspector)$';
/** npm packages that talk to the outside world, each owned by one layer. */
const IO_NPM = '^node_modules/(@types/)?(dockerode|docker-modem|execa|chokidar|tar-stream|tar-fs|jiti)/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A circle (type-only ones too) means two modules are one concept, or a type sits in the wrong file.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'config-imports-nothing-above',
      severity: 'error',
      comment: 'config/ produces the Project; nothing that consumes it may be imported back.',
      from: { path: '^src/config/' },
      to: { path: '^src/(plan|engine|runtime|store|ui|cli|watch|generate|doctor)/' },
    },
    {
      name: 'plan-imports-only-config-names',
      severity: 'error',
      comment: 'plan/ is pure: it may read config types, engine object names (names/) and itself.',
      from: { path: '^src/plan/' },
      to: { path: '^src/', pathNot: ['^src/(plan|config|names)/', '^src/errors\\.ts$'] },
    },
    {
      name: 'plan-no-io',
      severity: 'error',
      comment: 'plan/ is pure: no file system, processes or network, directly or through a client library.',
      from: { path: '^src/plan/' },
      to: { path: [IO_CORE, IO_NPM] },
    },
    {
      name: 'runtime-imports-no-upper-layer',
      severity: 'error',
      comment: 'runtime/ is the bottom: the engine calls it, never the other way round (types it needs live in runtime/).',
      from: { path: '^src/runtime/' },
      to: { path: '^src/(plan|engine|store|ui|cli)/' },
    },
    {
      name: 'store-no-io',
      severity: 'error',
      comment: 'store/ is State, actions and reducers: nothing with I/O and no layer that does I/O.',
      from: { path: '^src/store/' },
      to: { path: [IO_CORE, IO_NPM, '^src/(engine|runtime|watch|cli|ui|plan|config|generate|doctor)/'] },
    },
    {
      name: 'ui-imports-only-store-logfmt',
      severity: 'error',
      comment: 'ui/ is a view of the store: it reads store/ and formats with logfmt/; intents go back as data.',
      from: { path: '^src/ui/' },
      to: { path: ['^src/', IO_CORE, IO_NPM], pathNot: ['^src/(ui|store|logfmt)/', '^src/errors\\.ts$'] },
    },
    {
      name: 'web-server-reads-store-and-api',
      severity: 'error',
      comment: 'src/web/ (the web dashboard server) is a client of the session like the socket: it reads store/ and speaks api/; the CLI hands it the intents to call.',
      from: { path: '^src/web/' },
      to: { path: '^src/(engine|runtime|ui|cli|plan|config|watch|generate|doctor)/' },
    },
    {
      name: 'web-page-imports-only-store-logfmt',
      severity: 'error',
      comment: 'web/ (the page, bundled for the browser) applies the same reducer: store/, formatting from logfmt/ and the wire shapes of src/web; nothing with I/O.',
      from: { path: '^web/' },
      to: { path: ['^src/', IO_CORE, IO_NPM], pathNot: ['^src/(store|logfmt)/', '^src/web/(wire|snapshot|timeline)\\.ts$', '^src/errors\\.ts$'] },
    },
    {
      name: 'engine-client-only-in-runtime',
      severity: 'error',
      comment:
        'Talk to Docker only through runtime/ (issue 11): every layer above it (engine with its verbs, seed and sync libraries, cli, doctor, api, web, …) takes a Runtime (runtime/runtime.ts, built for the CLI by runtime/engine-runtime.ts) or its ContainerHandle, so the Engine API client can change, and each caller can run against the fake runtime in unit tests. The client library, its transport, the Engine API implementation (runtime/docker/) and the client constructor (runtime/docker-client.ts) are runtime-private.',
      from: { path: '^src/', pathNot: '^src/runtime/' },
      to: { path: ['^node_modules/(@types/)?(dockerode|docker-modem)/', '^src/runtime/docker/', '^src/runtime/docker-client\\.ts$', '^src/runtime/dockerode-load\\.ts$'] },
    },
    {
      name: 'engine-core-acts-through-runtime',
      severity: 'error',
      comment:
        'The session core (src/engine/*.ts: session, instances, observe, networks, down, build, logs, restart, ps) acts only through the Runtime interface (runtime/runtime.ts), so it runs against the fake runtime in unit tests; it spawns no host process itself either (execa stays in runtime/process.ts).',
      from: { path: '^src/engine/[^/]+\\.ts$' },
      to: { path: '^node_modules/(@types/)?(dockerode|docker-modem|execa)/' },
    },
    {
      name: 'names-imports-nothing',
      severity: 'error',
      comment: 'names/ (engine object names and labels) is a leaf every layer may use.',
      from: { path: '^src/names/' },
      to: { path: '^src/', pathNot: '^src/names/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
