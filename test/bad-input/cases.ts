// The bad-input table (issue 14): each case is a mistake a new user makes, the files it needs, the
// foxdev arguments, and what foxdev must answer: exit code and the exact first line of stderr
// (`<dir>` stands for the temp project directory), or a RegExp where the text legitimately varies.
export interface BadInputCase {
  name: string;
  files: Record<string, string | Buffer>;
  /** foxdev arguments after `-C <dir>`. */
  args: string[];
  env?: Record<string, string>;
  exit: number;
  first: string | RegExp;
  /** Known failure that needs a change outside this test's areas: the reason. */
  todo?: string;
}

const compose = (yaml: string, extra: Record<string, string | Buffer> = {}) => ({ 'compose.yaml': yaml, ...extra });
const foxCfg = (ts: string, extra: Record<string, string | Buffer> = {}) => ({ 'foxdev.config.ts': ts, ...extra });
const svc = (body: string, extra: Record<string, string | Buffer> = {}) => compose(`services:\n  web:\n    image: busybox\n${body}`, extra);

function chain(n: number): string {
  let out = 'services:\n';
  for (let i = 0; i < n; i++) out += `  s${i}:\n    image: busybox\n    depends_on: [s${(i + 1) % n}]\n`;
  return out;
}
/** s0 → s1 → … → s(n-1), no cycle. */
function line(n: number): string {
  let out = 'services:\n';
  for (let i = 0; i < n; i++) out += `  s${i}:\n    image: busybox\n${i + 1 < n ? `    depends_on: [s${i + 1}]\n` : ''}`;
  return out;
}
/** s0 extends s1 extends … s(n-1), which has the image. */
function extendsLine(n: number): string {
  let out = 'services:\n';
  for (let i = 0; i < n; i++) out += `  s${i}:\n${i + 1 < n ? `    extends: s${i + 1}\n` : '    image: busybox\n'}`;
  return out;
}
function bomb(): string {
  let out = 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n';
  for (let i = 1; i < 9; i++) out += `a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]\n`;
  return out + 'services:\n  web:\n    image: busybox\n    environment: *a8\n';
}

type Row = [name: string, files: Record<string, string | Buffer>, args: string[], exit: number, first: string | RegExp, extra?: Partial<BadInputCase>];
const rows: Row[] = [
  // YAML itself
  ['tab indentation', compose('services:\n\tweb:\n\t\timage: busybox\n'), ['config'], 2, "foxdev: 2 problems in the configuration:"],
  ['duplicate key', compose('services:\n  web:\n    image: busybox\n    image: alpine\n'), ['config'], 2, "foxdev: compose.yaml:4:5: invalid YAML: Map keys must be unique"],
  ['duplicate service', compose('services:\n  web:\n    image: busybox\n  web:\n    image: alpine\n'), ['config'], 2, "foxdev: compose.yaml:4:3: invalid YAML: Map keys must be unique"],
  ['merge key with mistyped alias', compose('x-common: &common\n  image: busybox\nservices:\n  web:\n    <<: *commmon\n'), ['config'], 2, "foxdev: compose.yaml:5:9: invalid YAML: alias *commmon names no anchor"],
  ['merge key with a scalar', compose('services:\n  web:\n    <<: busybox\n    image: busybox\n'), ['config'], 2, "foxdev: compose.yaml:3:9: invalid YAML: a merge key (<<) takes a mapping, an alias of one, or a list of aliases"],
  ['merge key with a list of scalars', compose('services:\n  web:\n    <<: [a, b]\n    image: busybox\n'), ['config'], 2, "foxdev: compose.yaml:3:9: invalid YAML: a merge key (<<) takes a mapping, an alias of one, or a list of aliases"],
  ['alias bomb', compose(bomb()), ['config'], 2, "foxdev: compose.yaml: invalid YAML: Excessive alias count indicates a resource exhaustion attack"],
  ['nesting thousands deep', compose(`x-deep: ${'['.repeat(5000)}${']'.repeat(5000)}\nservices:\n  web:\n    image: busybox\n`), ['config'], 2, /^foxdev: compose\.yaml:1:\d+: invalid YAML: nested too deeply \(thousands of levels\)$/],
  ['unclosed quote', compose('services:\n  web:\n    image: "busybox\n'), ['config'], 2, "foxdev: compose.yaml:4:1: invalid YAML: Missing closing \"quote"],
  ['unclosed flow sequence', compose('services:\n  web:\n    image: busybox\n    ports: [80\n'), ['config'], 2, "foxdev: compose.yaml:5:1: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]"],
  ['bad indentation', compose('services:\n  web:\n    image: busybox\n   ports: []\n'), ['config'], 2, "foxdev: compose.yaml:4:1: invalid YAML: All mapping items must start at the same column"],
  ['top level is a list', compose('- web\n- db\n'), ['config'], 2, "foxdev: compose.yaml: a compose file must be a mapping with a \"services\" key"],
  ['top level is a scalar', compose('hello\n'), ['config'], 2, "foxdev: compose.yaml: a compose file must be a mapping with a \"services\" key"],
  ['empty compose file', compose(''), ['config'], 2, "foxdev: compose.yaml: empty compose file"],
  ['only comments', compose('# nothing\n'), ['config'], 2, "foxdev: compose.yaml: empty compose file"],
  ['empty compose file on up --dry-run', compose(''), ['up', '--dry-run'], 2, "foxdev: <dir>/compose.yaml: empty compose file"],
  ['services is a list', compose('services:\n  - web\n'), ['config'], 2, "foxdev: compose.yaml:1:1: services: expected a mapping, got a list"],
  // `services: {}` is a valid (empty) project to print, as compose prints it; starting it is refused.
  ['services is empty map', compose('services: {}\n'), ['config'], 0, ''],
  ['services is empty map on up --dry-run', compose('services: {}\n'), ['up', '--dry-run'], 2, "foxdev: <dir>/compose.yaml:1:1: services: no service selected: the project defines no services, so there is nothing to start"],
  ['service is a string', compose('services:\n  web: busybox\n'), ['config'], 2, "foxdev: compose.yaml:2:3: services.web: expected a mapping, got string \"busybox\""],
  ['service is null', compose('services:\n  web:\n'), ['config'], 2, "foxdev: compose.yaml:2:3: services.web: expected a mapping, got null"],
  ['non-UTF-8 bytes', compose(Buffer.from([...Buffer.from('services:\n  web:\n    image: busy'), 0xff, 0xfe, ...Buffer.from('box\n')]) as unknown as string), ['config'], 2, "foxdev: compose.yaml:3:16: the file is not valid UTF-8 here (save it as UTF-8)"],
  ['BOM then tab', compose('\ufeffservices:\n\tweb: {}\n'), ['config'], 2, "foxdev: compose.yaml:2:1: invalid YAML: Tabs are not allowed as indentation"],
  ['undefined tag', compose('services:\n  web:\n    image: !foo busybox\n'), ['config'], 2, "foxdev: compose.yaml:3:12: unknown YAML tag !foo (compose files may use !reset and !override)"],
  ['multiple documents', compose('services:\n  web:\n    image: busybox\n---\nservices: {}\n'), ['config'], 2, "foxdev: compose.yaml:4:1: invalid YAML: Source contains multiple documents; please use YAML.parseAllDocuments()"],
  ['undefined tag !Ref (CloudFormation habit)', svc('    environment:\n      A: !Ref x\n'), ['config'], 2, "foxdev: compose.yaml:5:10: unknown YAML tag !Ref (compose files may use !reset and !override)"],
  ['!reset is a known tag', svc('    ports: !reset []\n'), ['config'], 0, ''],
  ['empty override file', { ...svc(''), 'over.yaml': '' }, ['-f', 'compose.yaml', '-f', 'over.yaml', 'config'], 2, "foxdev: over.yaml: empty compose file"],
  // keys and types
  ['unknown top-level key', compose('servics:\n  web:\n    image: busybox\n'), ['config'], 2, "foxdev: compose.yaml:1:1: servics: unknown key \"servics\" (did you mean \"services\"?)"],
  ['did-you-mean imgae', svc('    imgae: busybox\n'), ['config'], 2, "foxdev: compose.yaml:4:5: services.web.imgae: unknown key \"imgae\" (did you mean \"image\"?)"],
  ['did-you-mean prots', svc('    prots: ["80"]\n'), ['config'], 2, "foxdev: compose.yaml:4:5: services.web.prots: unknown key \"prots\" (did you mean \"ports\"?)"],
  ['did-you-mean nmae top level', compose('nmae: x\nservices:\n  web:\n    image: busybox\n'), ['config'], 2, "foxdev: compose.yaml:1:1: nmae: unknown key \"nmae\" (did you mean \"name\"?)"],
  ['did-you-mean postgress depends_on', compose('services:\n  postgres:\n    image: busybox\n  web:\n    image: busybox\n    depends_on: [postgress]\n'), ['config'], 2, "foxdev: compose.yaml:6:18: services.web.depends_on.postgress: depends on \"postgress\", which is not a service (did you mean \"postgres\"?)"],
  ['did-you-mean enviroment', svc('    enviroment: {A: b}\n'), ['config'], 2, "foxdev: compose.yaml:4:5: services.web.enviroment: unknown key \"enviroment\" (did you mean \"environment\"?)"],
  ['did-you-mean depend_on', svc('    depend_on: [x]\n'), ['config'], 2, "foxdev: compose.yaml:4:5: services.web.depend_on: unknown key \"depend_on\" (did you mean \"depends_on\"?)"],
  ['did-you-mean healtcheck', svc('    healtcheck: {test: [CMD, "true"]}\n'), ['config'], 2, "foxdev: compose.yaml:4:5: services.web.healtcheck: unknown key \"healtcheck\" (did you mean \"healthcheck\"?)"],
  ['image is a number', compose('services:\n  web:\n    image: 5\n'), ['config'], 2, "foxdev: compose.yaml:3:5: services.web.image: expected a string, got number 5"],
  ['image is a list', compose('services:\n  web:\n    image: [busybox]\n'), ['config'], 2, "foxdev: compose.yaml:3:5: services.web.image: expected a string, got a list"],
  ['no image nor build', compose('services:\n  web:\n    command: ["true"]\n'), ['config'], 2, "foxdev: compose.yaml:2:3: services.web: has neither \"image\" nor \"build\" (nor foxdev \"run\"); nothing to start"],
  ['environment is a string', svc('    environment: A=b\n'), ['config'], 2, "foxdev: compose.yaml:4:5: services.web.environment: expected a mapping or a list, got string \"A=b\""],
  ['environment value is a map', svc('    environment:\n      A: {b: c}\n'), ['config'], 2, "foxdev: compose.yaml:5:7: services.web.environment.A: expected a string, a number, a boolean or null, got a mapping"],
  ['scale not whole', svc('    scale: 1.5\n'), ['config'], 2, "foxdev: compose.yaml:4:5: services.web.scale: expected an integer or a string, got number 1.5"],
  ['command is a map', svc('    command: {a: b}\n'), ['config'], 2, "foxdev: compose.yaml:4:5: services.web.command: expected null, a string or a list, got a mapping"],
  ['restart unknown', svc('    restart: sometimes\n'), ['config'], 2, "foxdev: compose.yaml:4:5: services.web.restart: expected \"no\", \"always\", \"on-failure[:N]\" or \"unless-stopped\", got \"sometimes\""],
  ['privileged is a string', svc('    privileged: maybe\n'), ['config'], 2, "foxdev: compose.yaml:4:5: services.web.privileged: expected a boolean (true or false), got \"maybe\""],
  ['read_only is a string', svc('    read_only: perhaps\n'), ['config'], 2, "foxdev: compose.yaml:4:5: services.web.read_only: expected a boolean (true or false), got \"perhaps\""],
  ['privileged from a variable (yes)', svc('    privileged: "${PRIV}"\n'), ['config'], 0, '', { env: { PRIV: 'yes' } }],
  ['depends_on restart is a string', compose('services:\n  db:\n    image: busybox\n  web:\n    image: busybox\n    depends_on:\n      db: {condition: service_started, restart: perhaps}\n'), ['config'], 2, "foxdev: compose.yaml:7:40: services.web.depends_on.db.restart: expected a boolean (true or false), got \"perhaps\""],
  ['env_file required is a string', svc('    env_file:\n      - {path: a.env, required: perhaps}\n', { 'a.env': 'A=1\n' }), ['config'], 2, "foxdev: compose.yaml:5:23: services.web.env_file[0].required: expected a boolean (true or false), got \"perhaps\""],
  ['labels is a number', svc('    labels: 3\n'), ['config'], 2, "foxdev: compose.yaml:4:5: services.web.labels: expected a mapping or a list, got number 3"],
  ['invalid service name', compose('services:\n  "we b":\n    image: busybox\n'), ['config'], 2, "foxdev: compose.yaml:2:3: services.we b: \"we b\" is not a valid service name: use letters, digits, \".\", \"_\" and \"-\", starting with a letter or digit"],
  ['service name __proto__', compose('services:\n  __proto__:\n    image: busybox\n'), ['config'], 2, "foxdev: compose.yaml:2:3: the key \"__proto__\" is not allowed (choose another name)"],
  ['depends_on constructor', compose('services:\n  web:\n    image: busybox\n    depends_on: [constructor]\n'), ['config'], 2, "foxdev: compose.yaml:4:18: services.web.depends_on.constructor: depends on \"constructor\", which is not a service"],
  ['depends_on toString', compose('services:\n  web:\n    image: busybox\n    depends_on: [toString]\n'), ['config'], 2, "foxdev: compose.yaml:4:18: services.web.depends_on.toString: depends on \"toString\", which is not a service"],
  ['depends_on __proto__', compose('services:\n  web:\n    image: busybox\n    depends_on: [__proto__]\n'), ['config'], 2, "foxdev: compose.yaml:4:18: services.web.depends_on.__proto__: depends on \"__proto__\", which is not a service"],
  ['links to __proto__', svc('    links: [__proto__]\n'), ['config'], 2, "foxdev: compose.yaml:4:5: services.web.links: links names service \"__proto__\", which is not a service of this project"],
  ['volumes_from __proto__', svc('    volumes_from: [__proto__]\n'), ['config'], 2, "foxdev: compose.yaml:4:5: services.web.volumes_from: volumes_from names service \"__proto__\", which is not a service of this project"],
  ['networks __proto__', svc('    networks: [__proto__]\n'), ['config'], 2, "foxdev: compose.yaml:4:16: services.web.networks.__proto__: uses network \"__proto__\", which is not declared under top-level \"networks\""],
  ['extends constructor', svc('    extends: constructor\n'), ['config'], 2, "foxdev: services.web.extends: extends \"constructor\", which is not a service in <dir>/compose.yaml"],
  // ports
  ['port out of range', svc('    ports: ["70000:80"]\n'), ['config'], 2, "foxdev: compose.yaml:4:13: services.web.ports[0]: invalid port \"70000:80\": \"70000\" is not a port or port range"],
  ['port zero container', svc('    ports: ["8080:0"]\n'), ['config'], 2, "foxdev: compose.yaml:4:13: services.web.ports[0]: invalid port \"8080:0\": the container port must be 1-65535, not 0"],
  ['port zero container alone', svc('    ports: ["0"]\n'), ['config'], 2, "foxdev: compose.yaml:4:13: services.web.ports[0]: invalid port \"0\": the container port must be 1-65535, not 0"],
  ['port words', svc('    ports: ["http"]\n'), ['config'], 2, "foxdev: compose.yaml:4:13: services.web.ports[0]: invalid port \"http\": \"http\" is not a port or port range"],
  ['port bad protocol', svc('    ports: ["80/tcpx"]\n'), ['config'], 2, "foxdev: compose.yaml:4:13: services.web.ports[0]: invalid port \"80/tcpx\": protocol must be tcp or udp"],
  ['port negative', svc('    ports: [-1]\n'), ['config'], 2, "foxdev: compose.yaml:4:13: services.web.ports[0]: invalid port -1"],
  ['port range mismatch', svc('    ports: ["8000-8002:80-81"]\n'), ['config'], 2, "foxdev: compose.yaml:4:13: services.web.ports[0]: invalid port \"8000-8002:80-81\": host and container ranges differ in size"],
  ['port sexagesimal trap', svc('    ports: [22:22]\n'), ['config'], 0, ''],
  ['duplicate host port', compose('services:\n  a:\n    image: busybox\n    ports: ["8080:80"]\n  b:\n    image: busybox\n    ports: ["8080:80"]\n'), ['config'], 2, "foxdev: compose.yaml:7:13: services.b.ports[0]: host port 8080/tcp is already published by service \"a\" (services.a.ports[0])"],
  ['expose not a port', svc('    expose: ["abc"]\n'), ['config'], 2, "foxdev: compose.yaml:4:14: services.web.expose[0]: invalid port \"abc\": expected a container port such as 8080, 8000-8010 or 53/udp"],
  ['expose bad protocol', svc('    expose: ["80/tcpx"]\n'), ['config'], 2, "foxdev: compose.yaml:4:14: services.web.expose[0]: invalid port \"80/tcpx\": protocol must be tcp or udp"],
  ['expose out of range', svc('    expose: [70000]\n'), ['config'], 2, "foxdev: compose.yaml:4:14: services.web.expose[0]: invalid port 70000: ports are 1-65535"],
  // durations and resources
  ['healthcheck interval bad', svc('    healthcheck:\n      test: [CMD, "true"]\n      interval: soon\n'), ['config'], 2, "foxdev: compose.yaml:6:7: services.web.healthcheck.interval: expected a duration such as \"500ms\", \"2s\" or \"1m30s\", got \"soon\""],
  ['healthcheck timeout negative', svc('    healthcheck:\n      test: [CMD, "true"]\n      timeout: -5s\n'), ['config'], 2, "foxdev: compose.yaml:6:7: services.web.healthcheck.timeout: expected a duration such as \"500ms\", \"2s\" or \"1m30s\", got \"-5s\""],
  ['healthcheck retries string', svc('    healthcheck:\n      test: [CMD, "true"]\n      retries: many\n'), ['config'], 2, "foxdev: compose.yaml:6:7: services.web.healthcheck.retries: expected a whole number, got \"many\""],
  ['healthcheck test bad kind', svc('    healthcheck:\n      test: [RUN, "true"]\n'), ['config'], 2, "foxdev: compose.yaml:5:7: services.web.healthcheck.test: a test list starts with \"NONE\", \"CMD\" or \"CMD-SHELL\", got \"RUN\" (write [CMD, program, args...], or a string for the shell)"],
  ['healthcheck test CMD alone', svc('    healthcheck:\n      test: [CMD]\n'), ['config'], 2, "foxdev: compose.yaml:5:7: services.web.healthcheck.test: \"CMD\" needs a command after it"],
  ['stop_grace_period bad', svc('    stop_grace_period: 10 parsecs\n'), ['config'], 2, "foxdev: compose.yaml:4:5: services.web.stop_grace_period: expected a duration such as \"500ms\", \"2s\" or \"1m30s\", got \"10 parsecs\""],
  ['mem_limit lots', svc('    mem_limit: lots\n'), ['config'], 2, "foxdev: compose.yaml:4:5: services.web.mem_limit: expected a size such as \"512m\" or \"1g\", got \"lots\""],
  ['mem_limit negative', svc('    mem_limit: -1g\n'), ['config'], 2, "foxdev: compose.yaml:4:5: services.web.mem_limit: expected a size such as \"512m\" or \"1g\", got \"-1g\""],
  ['cpus bad', svc('    cpus: fast\n'), ['config'], 2, "foxdev: compose.yaml:4:5: services.web.cpus: expected a number of CPUs such as 0.5, got \"fast\""],
  ['ulimits bad', svc('    ulimits:\n      nofile: lots\n'), ['config'], 2, "foxdev: compose.yaml:5:7: services.web.ulimits.nofile: expected a whole number or {soft, hard}, got \"lots\""],
  ['ulimits soft above hard', svc('    ulimits:\n      nofile: {soft: 2000, hard: 1000}\n'), ['config'], 2, "foxdev: compose.yaml:5:7: services.web.ulimits.nofile: soft limit 2000 is above hard limit 1000"],
  ['shm_size bad', svc('    shm_size: big\n'), ['config'], 2, "foxdev: compose.yaml:4:5: services.web.shm_size: expected a size such as \"512m\" or \"1g\", got \"big\""],
  ['deploy replicas 3 on config', svc('    deploy:\n      replicas: 3\n'), ['config'], 0, ''],
  ['deploy replicas 3 on up --dry-run', svc('    deploy:\n      replicas: 3\n'), ['up', '--dry-run'], 0, ''],
  ['deploy replicas 3 with a fixed host port', svc('    ports: ["8080:80"]\n    deploy:\n      replicas: 3\n'), ['up', '--dry-run'], 2, 'foxdev: services.web: host port 8080 can be published by one container only; use a range (e.g. "8080-8082:80") or no host port to run 3 replicas'],
  ['--scale with a container_name', svc('    container_name: fixed\n'), ['up', '--dry-run', '--scale', 'web=2'], 2, 'foxdev: services.web: container_name "fixed" names one container; remove it to run 2 replicas (compose refuses this too)'],
  ['two services under one container_name', compose('services:\n  test:\n    image: busybox\n    container_name: fixed\n  another_test:\n    image: busybox\n    container_name: fixed\n'), ['up', '--dry-run'], 1, 'foxdev: services.another_test: container name "fixed" is already in use by service test'],
  ['--scale without a number', svc(''), ['up', '--dry-run', '--scale', 'web'], 2, 'foxdev: --scale web: expected SERVICE=NUMBER, e.g. --scale web=3'],
  ['--scale of an unknown service', svc(''), ['up', '--dry-run', '--scale', 'api=2'], 1, 'foxdev: --scale api=2: no such service: api (have: web)'],
  ['deploy replicas negative', svc('    deploy:\n      replicas: -1\n'), ['config'], 2, "foxdev: compose.yaml:5:7: services.web.deploy.replicas: expected a whole number of containers (0 or more), got -1"],
  // networks, links, volumes
  ['network_mode beside networks', svc('    network_mode: host\n    networks: [default]\n'), ['config'], 2, /^foxdev: compose.yaml:\d+:\d+: services\.\w+\.network_mode: service "\w+" declares mutually exclusive "network_mode" and "networks"$/],
  ['network_mode unknown service', svc('    network_mode: "service:nope"\n'), ['config'], 2, "foxdev: compose.yaml:4:5: services.web.network_mode: network_mode names service \"nope\", which is not a service of this project"],
  ['unknown network', svc('    networks: [nope]\n'), ['config'], 2, "foxdev: compose.yaml:4:16: services.web.networks.nope: uses network \"nope\", which is not declared under top-level \"networks\""],
  ['links to unknown service', svc('    links: [nope]\n'), ['config'], 2, "foxdev: compose.yaml:4:5: services.web.links: links names service \"nope\", which is not a service of this project"],
  ['unknown named volume', svc('    volumes: ["data:/data"]\n'), ['config'], 2, "foxdev: compose.yaml:4:15: services.web.volumes[0]: uses volume \"data\", which is not declared under top-level \"volumes\""],
  ['volume no target', svc('    volumes: ["data:"]\n'), ['config'], 2, "foxdev: compose.yaml:4:15: services.web.volumes[0]: invalid volume \"data:\": expected [SOURCE:]TARGET[:MODE]"],
  ['volume relative target', svc('    volumes: ["./x:data"]\n'), ['config'], 2, "foxdev: compose.yaml:4:15: services.web.volumes[0]: invalid volume \"./x:data\": the container path \"data\" must be absolute (start with /)"],
  ['anonymous volume relative target', svc('    volumes: ["data"]\n'), ['config'], 2, "foxdev: compose.yaml:4:15: services.web.volumes[0]: invalid volume \"data\": the container path \"data\" must be absolute (start with /)"],
  ['long volume relative target', svc('    volumes:\n      - {type: bind, source: ., target: app}\n'), ['config'], 2, "foxdev: compose.yaml:5:9: services.web.volumes[0]: volume target \"app\" must be an absolute path in the container"],
  ['volume bad mode', svc('    volumes: ["./x:/data:rx"]\n'), ['config'], 2, "foxdev: compose.yaml:4:15: services.web.volumes[0]: invalid volume \"./x:/data:rx\": unknown mode \"rx\""],
  ['unknown secret', svc('    secrets: [nope]\n'), ['config'], 2, "foxdev: compose.yaml:4:15: services.web.secrets[0]: uses secret \"nope\", which is not declared under top-level \"secrets\""],
  // A missing secret file: compose's `config` prints the project (the file may be made before `up`);
  // commands that create containers refuse it at the file's line, before anything starts.
  ['secret file missing', compose('services:\n  web:\n    image: busybox\n    secrets: [s]\nsecrets:\n  s:\n    file: ./missing.txt\n'), ['config'], 0, ''],
  ['secret file missing on up --dry-run', compose('services:\n  web:\n    image: busybox\n    secrets: [s]\nsecrets:\n  s:\n    file: ./missing.txt\n'), ['up', '--dry-run'], 2, "foxdev: <dir>/compose.yaml:7:5: secrets.s.file: secret file missing.txt does not exist (services.web.secrets[0] uses it)"],
  ['config file missing on up --dry-run', svc('    configs: [c]\nconfigs:\n  c:\n    file: ./nginx.conf\n'), ['up', '--dry-run'], 2, "foxdev: <dir>/compose.yaml:7:5: configs.c.file: config file nginx.conf does not exist (services.web.configs[0] uses it)"],
  ['unused secret file missing on up --dry-run', compose('services:\n  web:\n    image: busybox\nsecrets:\n  s:\n    file: ./missing.txt\n'), ['up', '--dry-run'], 0, ''],
  // dependencies
  ['missing dependency', svc('    depends_on: [db]\n'), ['config'], 2, "foxdev: compose.yaml:4:18: services.web.depends_on.db: depends on \"db\", which is not a service"],
  ['self dependency', svc('    depends_on: [web]\n'), ['config'], 2, "foxdev: compose.yaml:4:18: services.web.depends_on.web: dependency cycle: web → web"],
  ['cycle of three', compose('services:\n  a:\n    image: busybox\n    depends_on: [b]\n  b:\n    image: busybox\n    depends_on: [c]\n  c:\n    image: busybox\n    depends_on: [a]\n'), ['config'], 2, "foxdev: compose.yaml:4:18: services.a.depends_on.b: dependency cycle: a → b → c → a"],
  ['deep depends_on chain (3000, cycle)', compose(chain(3000)), ['config'], 2, /^foxdev: compose\.yaml:4:18: services\.s0\.depends_on\.s1: dependency cycle: s0 → s1 → .* → s2999 → s0$/],
  ['deep depends_on chain (12000) up --dry-run s0', compose(line(12000)), ['up', '--dry-run', 's0'], 0, ''],
  ['unknown condition', compose('services:\n  db:\n    image: busybox\n  web:\n    image: busybox\n    depends_on:\n      db: {condition: service_up}\n'), ['config'], 2, "foxdev: compose.yaml:7:12: services.web.depends_on.db.condition: expected one of \"service_started\", \"service_healthy\", \"service_completed_successfully\", \"service_ready\", \"service_seeded\", got \"service_up\""],
  ['service_seeded without seed', compose('services:\n  db:\n    image: busybox\n  web:\n    image: busybox\n    depends_on:\n      db: {condition: service_seeded}\n'), ['config'], 2, "foxdev: compose.yaml:7:12: services.web.depends_on.db.condition: dependency \"db\" has no seed (condition: service_seeded)"],
  ['service_ready without ready', compose('services:\n  db:\n    image: busybox\n  web:\n    image: busybox\n    depends_on:\n      db: {condition: service_ready}\n'), ['config'], 2, "foxdev: compose.yaml:7:12: services.web.depends_on.db.condition: dependency \"db\" has no ready probe (condition: service_ready)"],
  ['depends_on is a string', svc('    depends_on: db\n'), ['config'], 2, "foxdev: compose.yaml:4:5: services.web.depends_on: expected a list or a mapping, got string \"db\""],
  // extends / include
  ['extends unknown service', svc('    extends: nope\n'), ['config'], 2, "foxdev: services.web.extends: extends \"nope\", which is not a service in <dir>/compose.yaml"],
  ['deep extends chain (12000)', compose(extendsLine(12000)), ['config'], 0, ''],
  ['extends loop', compose('services:\n  a:\n    image: busybox\n    extends: b\n  b:\n    image: busybox\n    extends: a\n'), ['config'], 2, "foxdev: 2 problems in the configuration:"],
  ['extends missing file', svc('    extends: {file: other.yaml, service: x}\n'), ['config'], 2, "foxdev: 2 problems in the configuration:"],
  ['include missing file', compose('include: [other.yaml]\nservices:\n  web:\n    image: busybox\n'), ['config'], 2, "foxdev: other.yaml: cannot read compose file: ENOENT"],
  ['include loop', compose('include: [b.yaml]\nservices:\n  web:\n    image: busybox\n', { 'b.yaml': 'include: [compose.yaml]\nservices:\n  x:\n    image: busybox\n' }), ['config'], 2, "foxdev: compose.yaml: include loops: compose.yaml → b.yaml → compose.yaml"],
  // interpolation and env files
  ['required variable ${VAR?err}', svc('    environment: {A: "${NOPE?set NOPE please}"}\n'), ['config'], 2, "foxdev: compose.yaml:4:19: services.web.environment.A: required variable NOPE is missing a value: set NOPE please"],
  ['required variable ${VAR:?}', svc('    environment: {A: "${NOPE:?}"}\n'), ['config'], 2, "foxdev: compose.yaml:4:19: services.web.environment.A: required variable NOPE is missing a value"],
  ['unclosed interpolation', svc('    environment: {A: "${NOPE"}\n'), ['config'], 2, "foxdev: compose.yaml:4:19: services.web.environment.A: invalid interpolation format in \"${NOPE\": missing \"}\""],
  ['bad interpolation name', svc('    environment: {A: "${1X}"}\n'), ['config'], 2, "foxdev: compose.yaml:4:19: services.web.environment.A: invalid interpolation format in \"${1X}\": \"${1X}\""],
  ['bad interpolation operator', svc('    environment: {A: "${X!y}"}\n'), ['config'], 2, "foxdev: compose.yaml:4:19: services.web.environment.A: invalid interpolation format in \"${X!y}\": \"${X!y}\""],
  ['bad .env line', svc('', { '.env': 'GOOD=1\nthis is not a line\n' }), ['config'], 2, "foxdev: .env:2: expected KEY=VALUE, got \"this is not a line\""],
  ['bad .env unclosed quote', svc('', { '.env': 'A="open\n' }), ['config'], 2, "foxdev: .env:1: unterminated double quote for A"],
  ['--env-file missing', svc(''), ['--env-file', 'nope.env', 'config'], 2, 'foxdev: nope.env: env file <dir>/nope.env not found'],
  ['--env-file is a directory', { ...svc(''), 'envdir/x': '' }, ['--env-file', 'envdir', 'config'], 2, 'foxdev: envdir: cannot read env file <dir>/envdir: EISDIR'],
  ['env_file missing', svc('    env_file: [nope.env]\n'), ['config'], 2, "foxdev: services.web.env_file: env file <dir>/nope.env not found"],
  // profiles and empty projects
  ['--profile selecting nothing', compose('services:\n  web:\n    image: busybox\n    profiles: [a]\n'), ['--profile', 'b', 'up', '--dry-run'], 2, "foxdev: no service selected: every service is in a profile that is not enabled (enabled profiles: b): web (a); use --profile a, or name a service (foxdev up web)"],
  ['all services in profiles', compose('services:\n  web:\n    image: busybox\n    profiles: [a]\n'), ['up', '--dry-run'], 2, "foxdev: no service selected: every service is in a profile that is not enabled (no profile enabled): web (a); use --profile a, or name a service (foxdev up web)"],
  ['COMPOSE_PROFILES selecting nothing', compose('services:\n  web:\n    image: busybox\n    profiles: [debug]\n  tool:\n    image: busybox\n    profiles: [tools]\n'), ['up', '--dry-run'], 2, "foxdev: no service selected: every service is in a profile that is not enabled (enabled profiles: b): web (debug), tool (tools); use --profile debug, or name a service (foxdev up web)", { env: { COMPOSE_PROFILES: 'b' } }],
  ['empty project', {}, ['config'], 2, "foxdev: no foxdev.config.ts or compose file (compose.yaml, compose.yml, docker-compose.yml, docker-compose.yaml) here or in a parent directory"],
  ['up --dry-run unknown service', svc(''), ['up', '--dry-run', 'nope'], 1, "foxdev: no such service: nope (have: web)"],
  ['up --dry-run did-you-mean service', svc(''), ['up', '--dry-run', 'wbe'], 1, "foxdev: no such service: wbe (have: web)"],
  // CLI
  ['-C /missing', {}, ['-C', '/missing/dir', 'config'], 2, "foxdev: /missing/dir: no foxdev.config.ts or compose file (compose.yaml, compose.yml, docker-compose.yml, docker-compose.yaml) here or in a parent directory"],
  ['-f missing file', svc(''), ['-f', 'nope.yaml', 'config'], 2, "foxdev: nope.yaml: file not found"],
  ['-f a directory', { ...svc(''), 'sub/x': '' }, ['-f', 'sub', 'config'], 2, "foxdev: sub: cannot read compose file: EISDIR"],
  ['unknown global flag', svc(''), ['--frobnicate', 'config'], 2, "error: unknown option '--frobnicate'"],
  ['unknown command', svc(''), ['frobnicate'], 2, "error: unknown command 'frobnicate'"],
  ['did-you-mean command', svc(''), ['cofnig'], 2, "error: unknown command 'cofnig'"],
  ['unknown config flag', svc(''), ['config', '--frob'], 2, "error: unknown option '--frob'"],
  ['--ansi bad', svc(''), ['--ansi', 'sometimes', 'config'], 2, "foxdev: --ansi sometimes: expected one of never, always, auto"],
  ['--progress bad', svc(''), ['--progress', 'loud', 'config'], 2, "foxdev: --progress loud: expected one of auto, tty, plain, quiet, json"],
  ['-p invalid project name', svc(''), ['-p', 'Bad Name!', 'config'], 2, "foxdev: project name \"Bad Name!\" must be lower case letters, digits, \"-\" and \"_\", starting with a letter or digit"],
  ['name: invalid', compose('name: "Bad Name!"\nservices:\n  web:\n    image: busybox\n'), ['config'], 2, "foxdev: project name \"Bad Name!\" must be lower case letters, digits, \"-\" and \"_\", starting with a letter or digit"],
  // seed
  ['seed --restore ../../etc/passwd', compose('services:\n  db:\n    image: busybox\n    x-foxdev:\n      seed:\n        postgres: {database: db, files: [seed.sql]}\n', { 'seed.sql': 'select 1;\n' }), ['seed', '-y', '--restore', '../../etc/passwd'], 2, "foxdev: --restore ../../etc/passwd: a snapshot name may only hold letters, digits, \".\", \"_\" and \"-\" (no \"/\"), starting with a letter or digit"],
  ['seed --restore unknown snapshot', foxCfg(`export default { services: { db: { image: 'busybox', seed: { postgres: { database: 'db', files: ['seed.sql'] } } } } };\n`, { 'seed.sql': 'select 1;\n' }), ['seed', '-y', '--restore', 'nope'], 2, "foxdev: no snapshot named \"nope\" for db (have: none)"],
  ['seed --restore unknown snapshot, others saved', { ...compose('services:\n  db:\n    image: busybox\n    x-foxdev:\n      seed:\n        postgres: {database: db, files: [seed.sql]}\n', { 'seed.sql': 'select 1;\n' }), '.foxdev/snapshots/db/base.dump': 'x', '.foxdev/snapshots/db/before-migration.dump': 'x' }, ['seed', '-y', '--restore', 'nope'], 2, "foxdev: no snapshot named \"nope\" for db (have: base, before-migration)"],
  ['seed --save ../x', compose('services:\n  db:\n    image: busybox\n    x-foxdev:\n      seed:\n        postgres: {database: db, files: [seed.sql]}\n', { 'seed.sql': 'select 1;\n' }), ['seed', '-y', '--save', '../x'], 2, "foxdev: --save ../x: a snapshot name may only hold letters, digits, \".\", \"_\" and \"-\" (no \"/\"), starting with a letter or digit"],
  ['seed file is a directory', compose('services:\n  db:\n    image: busybox\n    x-foxdev:\n      seed:\n        postgres: {database: db, files: [seed]}\n', { 'seed/a.sql': '' }), ['config'], 2, "foxdev: compose.yaml:6:42: services.db.x-foxdev.seed.postgres.files[0]: seed file seed is a directory, not a file"],
  ['seed glob matching nothing', foxCfg(`export default { services: { db: { image: 'busybox', seed: { postgres: { database: 'db', files: ['seed/*.sql'] } } } } };\n`), ['config'], 2, "foxdev: foxdev.config.ts:1:90: services.db.seed.postgres.files[0]: seed/*.sql matches no file"],
  ['seed file missing', foxCfg(`export default { services: { db: { image: 'busybox', seed: { postgres: { database: 'db', files: ['nope.sql'] } } } } };\n`), ['config'], 2, "foxdev: foxdev.config.ts:1:90: services.db.seed.postgres.files[0]: seed file nope.sql does not exist"],
  ['seed file outside project', foxCfg(`export default { services: { db: { image: 'busybox', seed: { postgres: { database: 'db', files: ['/etc/hostname'] } } } } };\n`), ['config'], 2, "foxdev: foxdev.config.ts:1:90: services.db.seed.postgres.files[0]: seed file /etc/hostname is outside the project directory <dir>"],
  ['seed file ../ outside project', foxCfg(`export default { services: { db: { image: 'busybox', seed: { postgres: { database: 'db', files: ['../x.sql'] } } } } };\n`), ['config'], 2, "foxdev: foxdev.config.ts:1:90: services.db.seed.postgres.files[0]: seed file ../x.sql is outside the project directory <dir>"],
  // foxdev.config.ts
  ['throw string', foxCfg(`throw 'str';\n`), ['config'], 2, "foxdev: foxdev.config.ts: cannot load: it threw \"str\" (throw an Error for a message with a place)"],
  ['throw null', foxCfg(`throw null;\n`), ['config'], 2, "foxdev: foxdev.config.ts: cannot load: it threw null (throw an Error for a message with a place)"],
  ['throw Error', foxCfg(`throw new Error('nope');\nexport default {};\n`), ['config'], 2, "foxdev: foxdev.config.ts:1: cannot load: nope"],
  ['TypeScript syntax error', foxCfg(`export default {\n  services: {\n    web: { image: 'busybox' ]\n  },\n};\n`), ['config'], 2, "foxdev: foxdev.config.ts:3:28: cannot load: ParseError: Unexpected token, expected \",\""],
  ['error in an imported file', foxCfg(`import { x } from './lib.ts';\nexport default x;\n`, { 'lib.ts': `export const x = {\n  services: (null as any).web,\n};\n` }), ['config'], 2, "foxdev: lib.ts:2: cannot load: Cannot read properties of null (reading 'web')"],
  ['syntax error in an imported file', foxCfg(`import { x } from './lib.ts';\nexport default x;\n`, { 'lib.ts': `export const x = {{;\n` }), ['config'], 2, "foxdev: lib.ts:1:18: cannot load: ParseError: Unexpected token"],
  ['TypeError in user code', foxCfg(`const a: any = undefined;\nexport default { services: a.b };\n`), ['config'], 2, "foxdev: foxdev.config.ts:2: cannot load: Cannot read properties of undefined (reading 'b')"],
  ['TypeError in a default export function', foxCfg(`export default () => {\n  const a: any = null;\n  return { services: a.web };\n};\n`), ['config'], 2, "foxdev: foxdev.config.ts:3: cannot load: Cannot read properties of null (reading 'web')"],
  ['async default export throwing', foxCfg(`export default async () => {\n  throw new Error('db url missing');\n};\n`), ['config'], 2, "foxdev: foxdev.config.ts:2: cannot load: db url missing"],
  ['error two imports deep', foxCfg(`import { x } from './a.ts';\nexport default x;\n`, { 'a.ts': `import { y } from './b.ts';\nexport const x = y;\n`, 'b.ts': `export const y = {\n  services: JSON.parse('{'),\n};\n` }), ['config'], 2, "foxdev: b.ts:2: cannot load: Expected property name or '}' in JSON at position 1"],
  ['throw an object', foxCfg(`throw { code: 1 };\n`), ['config'], 2, "foxdev: foxdev.config.ts: cannot load: it threw an object (throw an Error for a message with a place)"],
  ['default export is a class', foxCfg(`export default class Config {}\n`), ['config'], 2, "foxdev: foxdev.config.ts: the default export must be the object given to defineConfig({...})"],
  ['import of a missing module', foxCfg(`import x from './nope.ts';\nexport default x;\n`), ['config'], 2, "foxdev: foxdev.config.ts:1: cannot load: Cannot find module './nope.ts'"],
  ['never-resolving default export', foxCfg(`export default new Promise(() => {});\n`), ['config'], 2, 'foxdev: foxdev.config.ts: the default export did not resolve within 1 s (set FOXDEV_CONFIG_TIMEOUT=seconds to wait longer)', { env: { FOXDEV_CONFIG_TIMEOUT: '1' } }],
  ['default export is a number', foxCfg(`export default 5;\n`), ['config'], 2, "foxdev: foxdev.config.ts: the default export must be the object given to defineConfig({...})"],
  ['default export missing', foxCfg(`export const a = 1;\n`), ['config'], 2, "foxdev: foxdev.config.ts: a: unknown key \"a\""],
  ['default export is a function returning junk', foxCfg(`export default () => 'x';\n`), ['config'], 2, "foxdev: foxdev.config.ts: the default export must be the object given to defineConfig({...})"],
  ['promise rejecting', foxCfg(`export default Promise.reject(new Error('later'));\n`), ['config'], 2, "foxdev: foxdev.config.ts:1: cannot load: later"],
  ['unknown key in foxdev config', foxCfg(`export default { services: { web: { imgae: 'busybox' } } };\n`), ['config'], 2, "foxdev: foxdev.config.ts:1:37: services.web.imgae: unknown key \"imgae\" (did you mean \"image\"?)"],
  ['foxdev service __proto__', foxCfg(`export default { services: JSON.parse('{"__proto__": {"image": "busybox"}}') };\n`), ['config'], 2, "foxdev: foxdev.config.ts:1:41: services.__proto__: the key \"__proto__\" is not allowed (choose another name)"],
  ['foxdev service toString', foxCfg(`export default { services: { web: { image: 'busybox', depends_on: ['toString'] } } };\n`), ['config'], 2, "foxdev: foxdev.config.ts:1:55: services.web.depends_on.toString: depends on \"toString\", which is not a service"],
  ['sync action sync without target', foxCfg(`export default { services: { web: { image: 'busybox', sync: [{ path: 'src', action: 'sync' }] } } };\n`, { 'src/a.js': '' }), ['config'], 2, "foxdev: foxdev.config.ts:1:55: services.web.sync[0]: action \"sync\" copies files into the container: it needs a \"target\" (the path to copy to)"],
  ['sync+exec without exec', foxCfg(`export default { services: { web: { image: 'busybox', sync: [{ path: 'src', target: '/app', action: 'sync+exec' }] } } };\n`, { 'src/a.js': '' }), ['config'], 2, "foxdev: foxdev.config.ts:1:55: services.web.sync[0]: action \"sync+exec\" needs an \"exec\" command to run after each copy"],
  ['sync path missing', foxCfg(`export default { services: { web: { image: 'busybox', sync: [{ path: 'nope', target: '/app' }] } } };\n`), ['config'], 2, "foxdev: foxdev.config.ts:1:64: services.web.sync[0].path: sync path nope does not exist"],
  ['x-foxdev sync+restart without target', compose('services:\n  web:\n    image: busybox\n    x-foxdev:\n      sync:\n        - {path: src, action: sync+restart}\n', { 'src/a': '' }), ['config'], 2, "foxdev: compose.yaml:6:11: services.web.x-foxdev.sync[0]: action \"sync+restart\" copies files into the container: it needs a \"target\" (the path to copy to)"],
  ['develop.watch sync without target', compose('services:\n  web:\n    image: busybox\n    develop:\n      watch:\n        - {path: src, action: sync}\n', { 'src/a': '' }), ['config'], 2, "foxdev: compose.yaml:6:11: services.web.develop.watch[0]: action \"sync\" copies files into the container: it needs a \"target\" (the path to copy to)"],
  ['develop.watch path missing', compose('services:\n  web:\n    image: busybox\n    develop:\n      watch:\n        - {path: ./nope, action: rebuild}\n'), ['config'], 2, "foxdev: compose.yaml:6:12: services.web.develop.watch[0].path: sync path nope does not exist"],
  ['run.cwd missing', foxCfg(`export default { services: { docs: { run: { command: 'true', cwd: 'nope' } } } };\n`), ['config'], 2, "foxdev: foxdev.config.ts:1:62: services.docs.run.cwd: nope does not exist (run.cwd is where the command starts)"],
  ['foxdev privileged is a string', foxCfg(`export default { services: { web: { image: 'busybox', privileged: 'maybe' } } } as any;\n`), ['config'], 2, "foxdev: foxdev.config.ts:1:55: services.web.privileged: expected a boolean (true or false), got \"maybe\""],
  ['compose file named by the config missing', foxCfg(`export default { compose: 'nope.yaml' };\n`), ['config'], 2, "foxdev: foxdev.config.ts:1:18: compose: compose file nope.yaml does not exist"],
  ['compose x-foxdev.logBuffer negative', compose('x-foxdev:\n  logBuffer: -1\nservices:\n  web:\n    image: busybox\n'), ['config'], 2, "foxdev: compose.yaml:2:3: x-foxdev.logBuffer: expected a whole number above 0, got number -1"],
  ['logBuffer not whole', foxCfg(`export default { logBuffer: 1.5, services: { web: { image: 'busybox' } } };\n`), ['config'], 2, "foxdev: foxdev.config.ts:1:18: logBuffer: expected a whole number above 0, got number 1.5"],
  ['ready.tcp out of range', foxCfg(`export default { services: { web: { image: 'busybox', ready: { tcp: 70000 } } } };\n`), ['config'], 2, "foxdev: foxdev.config.ts:1:64: services.web.ready.tcp: expected a port number (1-65535), got number 70000"],
  ['ready.interval negative', foxCfg(`export default { services: { web: { image: 'busybox', ready: { log: 'x', interval: '-1s' } } } };\n`), ['config'], 2, "foxdev: foxdev.config.ts:1:74: services.web.ready.interval: expected a duration such as \"500ms\", \"2s\" or \"1m30s\", or milliseconds, got string \"-1s\""],
  ['sync path outside project', foxCfg(`export default { services: { web: { image: 'busybox', sync: [{ path: '/etc', target: '/app' }] } } };\n`), ['config'], 2, "foxdev: foxdev.config.ts:1:64: services.web.sync[0].path: sync path /etc is outside the project directory <dir>"],
  ['sync bad action', foxCfg(`export default { services: { web: { image: 'busybox', sync: [{ path: 'src', target: '/app', action: 'copy' }] } } };\n`, { 'src/a.js': '' }), ['config'], 2, "foxdev: foxdev.config.ts:1:93: services.web.sync[0].action: expected one of \"sync\", \"sync+restart\", \"sync+exec\", \"rebuild\", \"restart\", got string \"copy\""],
  ['ready.http not a URL', foxCfg(`export default { services: { web: { image: 'busybox', ready: { http: 'not a url' } } } };\n`), ['config'], 2, "foxdev: foxdev.config.ts:1:64: services.web.ready.http: expected an http:// or https:// URL, got string \"not a url\""],
  ['negative logBuffer', foxCfg(`export default { logBuffer: -1, services: { web: { image: 'busybox' } } };\n`), ['config'], 2, "foxdev: foxdev.config.ts:1:18: logBuffer: expected a whole number above 0, got number -1"],
  ['foxdev empty services', foxCfg(`export default { services: {} };\n`), ['config'], 0, ''],
  ['foxdev empty services on up --dry-run', foxCfg(`export default { services: {} };\n`), ['up', '--dry-run'], 2, "foxdev: <dir>/foxdev.config.ts:1:18: services: no service selected: the project defines no services, so there is nothing to start"],
  ['foxdev service_ready without ready', foxCfg(`export default { services: { db: { image: 'busybox' }, web: { image: 'busybox', depends_on: { db: { condition: 'service_ready' } } } } };\n`), ['config'], 2, "foxdev: foxdev.config.ts:1:101: services.web.depends_on.db.condition: dependency \"db\" has no ready probe (condition: service_ready)"],
  ['foxdev service_seeded without seed', foxCfg(`export default { services: { db: { image: 'busybox' }, web: { image: 'busybox', depends_on: { db: { condition: 'service_seeded' } } } } };\n`), ['config'], 2, "foxdev: foxdev.config.ts:1:101: services.web.depends_on.db.condition: dependency \"db\" has no seed (condition: service_seeded)"],
  ['foxdev did-you-mean postgress', foxCfg(`export default { services: { postgres: { image: 'busybox' }, web: { image: 'busybox', depends_on: ['postgress'] } } };\n`), ['config'], 2, "foxdev: foxdev.config.ts:1:87: services.web.depends_on.postgress: depends on \"postgress\", which is not a service (did you mean \"postgres\"?)"],
  ['foxdev did-you-mean nmae', foxCfg(`export default { nmae: 'x', services: { web: { image: 'busybox' } } };\n`), ['config'], 2, "foxdev: foxdev.config.ts:1:18: nmae: unknown key \"nmae\" (did you mean \"name\"?)"],
  // generate
  ['generate k8s --out FILE', { ...svc(''), 'out.txt': 'x' }, ['generate', 'k8s', '--out', 'out.txt'], 2, "foxdev: <dir>/out.txt is a file, not a folder to write into"],
  ['generate k8s over hand-edited file', { ...svc(''), 'deploy/k8s-dev/web.yaml': '# mine\n' }, ['generate', 'k8s'], 1, /^ {2}kept deploy\/k8s-dev\/web\.yaml: it differs from what generate writes/],
  ['generate k8s --out . over compose.yaml', svc(''), ['generate', 'k8s', '--out', '.'], 0, ''],
  ['generate helm over hand-edited file', { ...svc(''), 'chart/Chart.yaml': '# mine\n' }, ['generate', 'helm', '--out', 'chart'], 1, /^ {2}kept chart\/Chart\.yaml: it differs from what generate writes/],
  ['generate --volume-size huge', compose('services:\n  web:\n    image: busybox\n    volumes: ["d:/d"]\nvolumes:\n  d: {}\n'), ['generate', 'k8s', '--volume-size', 'huge', '--dry-run'], 2, "foxdev: --volume-size \"huge\" is not a Kubernetes quantity (e.g. 1Gi, 500Mi)"],
  ['generate namespace Bad_NS!', svc(''), ['generate', 'k8s', '-n', 'Bad_NS!', '--dry-run'], 2, "foxdev: --namespace \"Bad_NS!\" is not a Kubernetes namespace (lowercase letters, digits and -, at most 63)"],
  ['generate tag with a space', svc(''), ['generate', 'k8s', '--tag', 'a b', '--dry-run'], 2, "foxdev: --tag \"a b\" is not an image tag (letters, digits, _ . -, at most 128)"],
  ['generate namespace too long', svc(''), ['generate', 'k8s', '-n', 'a'.repeat(64), '--dry-run'], 2, `foxdev: --namespace "${'a'.repeat(64)}" is not a Kubernetes namespace (lowercase letters, digits and -, at most 63)`],
  ['generate namespace starting with -', svc(''), ['generate', 'k8s', '-n', '-bad', '--dry-run'], 2, "foxdev: --namespace \"-bad\" is not a Kubernetes namespace (lowercase letters, digits and -, at most 63)"],
  ['generate empty tag', svc(''), ['generate', 'k8s', '--tag', '', '--dry-run'], 2, "foxdev: --tag \"\" is not an image tag (letters, digits, _ . -, at most 128)"],
  ['generate negative --volume-size', compose('services:\n  web:\n    image: busybox\n    volumes: ["d:/d"]\nvolumes:\n  d: {}\n'), ['generate', 'k8s', '--volume-size', '-1Gi', '--dry-run'], 2, "foxdev: --volume-size \"-1Gi\" is not a Kubernetes quantity (e.g. 1Gi, 500Mi)"],
  ['generate helm bad namespace', svc(''), ['generate', 'helm', '-n', 'Bad_NS!', '--dry-run'], 2, "foxdev: --namespace \"Bad_NS!\" is not a Kubernetes namespace (lowercase letters, digits and -, at most 63)"],
  ['generate --env staging', svc(''), ['generate', 'k8s', '--env', 'staging', '--dry-run'], 2, "foxdev: --env must be dev or prod, not \"staging\""],
  ['generate --replicas -2', svc(''), ['generate', 'k8s', '--replicas', '-2', '--dry-run'], 2, "foxdev: --replicas must be a whole number ≥ 1"],
  ['generate --requests junk', svc(''), ['generate', 'k8s', '--requests', 'cpu', '--dry-run'], 2, "foxdev: --requests takes cpu=…,memory=…, not \"cpu\""],
  ['generate --limits bad memory', svc(''), ['generate', 'k8s', '--limits', 'memory=lots', '--dry-run'], 2, "foxdev: --limits \"lots\" is not a Kubernetes quantity for memory (e.g. 128Mi)"],
  ['generate --image-prefix bad', svc(''), ['generate', 'k8s', '--image-prefix', 'UPPER case/x', '--dry-run'], 2, "foxdev: --image-prefix \"UPPER case/x\" is not a registry path (e.g. registry.example.com/team)"],
  ['generate unknown target', svc(''), ['generate', 'nomad'], 2, "error: unknown command 'nomad'"],
];

export const cases: BadInputCase[] = rows.map(([name, files, args, exit, first, extra]) => ({ name, files, args, exit, first, ...extra }));
