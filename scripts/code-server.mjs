// Installs and runs code-server (VS Code's own server and web workbench, from the npm registry) so the
// extension can run in a real VS Code on machines that reach only the npm registry and Debian's packages.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';

export const CODE_SERVER_VERSION = '4.100.3';

// Outside the project on purpose: VS Code gives the extension under development the color themes found inside its
// folder, so built-in themes under the project would override the user's theme. PLUMB_LINE_CODE_SERVER_DIR overrides.
const cacheHome = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
const installDir = process.env.PLUMB_LINE_CODE_SERVER_DIR || join(cacheHome, 'plumb-line', `code-server-${CODE_SERVER_VERSION}`);
const packageDir = join(installDir, 'node_modules', 'code-server');
const executable = join(installDir, 'node_modules', '.bin', 'code-server');
const installedMarker = join(installDir, 'installed.json');
const installLog = join(installDir, 'install.log');
const installLock = `${installDir}.lock`;

// The one ripgrep release every @vscode/ripgrep 1.15.x fetches; its archive is looked up in a cache first.
const RIPGREP_RELEASE = 'v13.0.0-10';
/** @type {Partial<Record<string, string>>} */
const RIPGREP_TARGETS = { x64: 'x86_64-unknown-linux-musl', arm64: 'aarch64-unknown-linux-musl' };
// The packages the checks below look for, as the README lists them.
const APT_HINT = 'apt-get install -y libkrb5-dev g++ make python3 ripgrep';

/** @typedef {(line: string) => void} Log */
/**
 * @typedef {import('node:child_process').ChildProcessByStdio<null, import('node:stream').Readable, import('node:stream').Readable>} PipedChild
 */

// Installs code-server into the user cache (~/.cache/plumb-line) unless it is already there; returns its executable.
/** @param {{ log?: Log }} [options] */
export async function ensureCodeServer({ log = (line) => console.error(line) } = {}) {
  if (isInstalled()) return executable;
  checkPrerequisites();
  const release = await lockInstall(log);
  try {
    if (!isInstalled()) await install(log);
  } finally {
    release();
  }
  return executable;
}

/** @param {Log} log */
async function install(log) {
  log(`Installing code-server ${CODE_SERVER_VERSION} into ${installDir} (about a minute, once)…`);
  const started = Date.now();
  rmSync(installDir, { recursive: true, force: true });
  mkdirSync(installDir, { recursive: true });
  // Phase 1 fetches the packages without running scripts, so the ripgrep versions can be read before they download.
  await runNpm(['install', '--ignore-scripts', `code-server@${CODE_SERVER_VERSION}`]);
  seedRipgrepCache(ripgrepVersionsIn(packageDir));
  // Phase 2 runs the install scripts: code-server's postinstall installs and builds VS Code's server modules.
  await runNpm(['rebuild']);
  verifyInstall();
  writeFileSync(installedMarker, JSON.stringify({ version: CODE_SERVER_VERSION, seconds: (Date.now() - started) / 1000 }) + '\n');
  log(`code-server ${CODE_SERVER_VERSION} installed in ${Math.round((Date.now() - started) / 1000)} s.`);
}

// Two test runs starting at once must not install over each other: the first takes the lock, the other waits.
/**
 * @param {Log} log
 * @returns {Promise<() => void>} releases the lock
 */
async function lockInstall(log) {
  const deadline = Date.now() + 10 * 60_000;
  let announced = false;
  for (;;) {
    try {
      mkdirSync(dirname(installLock), { recursive: true });
      mkdirSync(installLock);
      writeFileSync(join(installLock, 'pid'), String(process.pid));
      return () => rmSync(installLock, { recursive: true, force: true });
    } catch (error) {
      if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'EEXIST') throw error;
    }
    if (!lockHolderAlive()) {
      rmSync(installLock, { recursive: true, force: true });
      continue;
    }
    if (Date.now() > deadline) throw new Error(`Gave up waiting for another code-server install to finish (lock ${installLock}).`);
    if (!announced) log(`Waiting for another process to finish installing code-server (lock ${installLock})…`);
    announced = true;
    await new Promise((wake) => setTimeout(wake, 500));
  }
}

function lockHolderAlive() {
  try {
    process.kill(Number(readFileSync(join(installLock, 'pid'), 'utf8')), 0);
    return true;
  } catch (caught) {
    const error = /** @type {NodeJS.ErrnoException} */ (caught);
    if (error.code === 'EPERM') return true;
    if (error.code !== 'ENOENT') return false;
    // Without a pid file the holder is between mkdir and writing it, or died there.
    try {
      return Date.now() - statSync(installLock).mtimeMs < 10_000;
    } catch {
      return false;
    }
  }
}

// Starts code-server on a free loopback port and resolves once it answers HTTP. `url` opens `folder` and,
// when given, loads the extension under development and runs its tests in the extension host; `openFile` opens a file.
// `disableWorkspaceTrust` matches @vscode/test-electron, which passes --disable-workspace-trust to VS Code.
/**
 * @param {{
 *   folder: string, userDataDir: string, extensionsDir: string, env?: NodeJS.ProcessEnv,
 *   extensionDevelopmentPath?: string, extensionTestsPath?: string, openFile?: string, disableWorkspaceTrust?: boolean,
 * }} options
 */
export async function startCodeServer({
  folder,
  userDataDir,
  extensionsDir,
  env = {},
  extensionDevelopmentPath,
  extensionTestsPath,
  openFile,
  disableWorkspaceTrust = false,
}) {
  const codeServer = await ensureCodeServer();
  const port = await freeLoopbackPort();
  mkdirSync(userDataDir, { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  // An explicit config file keeps code-server from writing one (with a password) into ~/.config.
  const configFile = join(userDataDir, 'code-server.yaml');
  if (!existsSync(configFile)) writeFileSync(configFile, 'auth: none\ncert: false\n');

  const args = [
    '--config',
    configFile,
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-getting-started-override',
    ...(disableWorkspaceTrust ? ['--disable-workspace-trust'] : []),
    '--user-data-dir',
    userDataDir,
    '--extensions-dir',
    extensionsDir,
    folder,
  ];
  const child = spawn(codeServer, args, {
    // XDG_DATA_HOME: code-server's own logs and heartbeat go under userDataDir instead of ~/.local/share.
    env: codeServerEnv({ ...env, XDG_DATA_HOME: join(userDataDir, 'xdg-data') }),
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so stop() also ends the extension host and the other helpers it forks.
    detached: true,
  });
  const output = collectOutput(child, join(userDataDir, 'code-server.log'));
  /** @type {Promise<{ code: number | null, signal: NodeJS.Signals | null, error?: Error }>} */
  const exited = new Promise((resolveExit) => {
    child.once('exit', (code, signal) => resolveExit({ code, signal }));
    child.once('error', (error) => resolveExit({ code: null, signal: null, error }));
  });
  const killOnExit = () => signalGroup(child, 'SIGKILL');
  process.once('exit', killOnExit);

  /** @type {Promise<void> | undefined} */
  let stopping;
  const stop = () => {
    stopping ??= (async () => {
      process.off('exit', killOnExit);
      if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) {
        signalGroup(child, 'SIGTERM');
        const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
      // Helpers it forked (extension host, pty host) may outlive it; they hold its output pipes open.
      if (!(await output.closed(3000))) {
        signalGroup(child, 'SIGKILL');
        await output.closed(3000);
      }
    })();
    return stopping;
  };

  try {
    await Promise.race([
      waitForHttp(port, 60_000, () => child.exitCode !== null || child.signalCode !== null),
      exited.then(({ code, signal, error }) => {
        if (error) throw new Error(`Could not run ${codeServer}: ${error.message}`);
        throw new Error(`code-server exited (${signal ?? `code ${code}`}) before it answered on port ${port}.`);
      }),
    ]);
  } catch (error) {
    await stop();
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`${reason}\ncode-server ${args.join(' ')}\n--- code-server output ---\n${output.tail(40)}`, { cause: error });
  }

  const url = workbenchUrl({ port, folder, extensionDevelopmentPath, extensionTestsPath, openFile });
  return { url, port, stop, exited, logTail: output.tail };
}

/**
 * @param {{ port: number, folder: string, extensionDevelopmentPath?: string | undefined, extensionTestsPath?: string | undefined,
 *   openFile?: string | undefined }} options
 */
function workbenchUrl({ port, folder, extensionDevelopmentPath, extensionTestsPath, openFile }) {
  /** @param {string} path */
  const remote = (path) => `vscode-remote://127.0.0.1:${port}${resolve(path)}`;
  // The web workbench reads its command-line-like options from `payload`.
  const payload = [
    ['skipWelcome', 'true'],
    ['skipReleaseNotes', 'true'],
  ];
  if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(extensionDevelopmentPath)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  if (openFile) payload.push(['openFile', remote(openFile)]);
  const query = new URLSearchParams({ folder: resolve(folder), payload: JSON.stringify(payload) });
  return `http://127.0.0.1:${port}/?${query}`;
}

function isInstalled() {
  if (!existsSync(installedMarker) || !existsSync(executable)) return false;
  try {
    /** @type {unknown} */
    const marker = JSON.parse(readFileSync(installedMarker, 'utf8'));
    return /** @type {{ version?: unknown }} */ (marker).version === CODE_SERVER_VERSION;
  } catch {
    return false;
  }
}

function checkPrerequisites() {
  const nodeMajor = Number(process.versions.node.split('.')[0]);
  if (nodeMajor !== 20) {
    throw new Error(
      `code-server ${CODE_SERVER_VERSION} needs Node 20 exactly, this is Node ${process.versions.node}. ` +
        'Run with Node 20, or set PLUMB_LINE_VSCODE=desktop to use @vscode/test-electron (needs internet).',
    );
  }
  if (process.platform !== 'linux') return;
  const missing = [];
  // Only VS Code's `kerberos` module compiles against system headers; the rest is build tools and ripgrep.
  if (!existsSync('/usr/include/gssapi/gssapi.h')) missing.push('libkrb5-dev (Kerberos headers, for the kerberos module)');
  if (!onPath('rg')) missing.push('ripgrep (the `rg` that replaces the GitHub download of @vscode/ripgrep)');
  if (!onPath('python3')) missing.push('python3 (for node-gyp)');
  if (!onPath('make')) missing.push('make (for node-gyp)');
  if (!onPath('c++') && !onPath('g++')) missing.push('g++ (for node-gyp)');
  if (missing.length > 0) {
    throw new Error(
      `Cannot install code-server: missing system packages:\n  - ${missing.join('\n  - ')}\n` + `On Debian/Ubuntu: apt-get update && ${APT_HINT}`,
    );
  }
}

/**
 * @param {string[]} args
 * @returns {Promise<void>}
 */
function runNpm(args) {
  /** @type {NodeJS.ProcessEnv} */
  const env = { ...process.env, npm_config_yes: 'true', npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' };
  // As root, code-server's postinstall refuses to run unless it sees unsafe_perm.
  if (process.getuid?.() === 0) env.npm_config_unsafe_perm = 'true';
  // node-gyp would download Node's headers from nodejs.org; the running Node's own headers work offline.
  const nodePrefix = dirname(dirname(process.execPath));
  if (!env.npm_config_nodedir && existsSync(join(nodePrefix, 'include', 'node', 'node.h'))) env.npm_config_nodedir = nodePrefix;
  // npm 11 is moving to opt-in install scripts; the nested installs in code-server's postinstall must run theirs.
  if (npmKnowsConfig('dangerously-allow-all-scripts')) env.npm_config_dangerously_allow_all_scripts = 'true';

  const command = `npm ${args.join(' ')} --prefix ${installDir}`;
  return new Promise(
    /** @param {(value?: void) => void} resolveRun */ (resolveRun, reject) => {
      const logStream = createWriteStream(installLog, { flags: 'a' });
      logStream.write(`$ ${command}\n`);
      const child = spawn('npm', [...args, '--prefix', installDir], { cwd: installDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
      child.stdout.pipe(logStream, { end: false });
      child.stderr.pipe(logStream, { end: false });
      child.once('error', (error) => reject(new Error(`Could not run npm: ${error.message}`)));
      child.once('close', (code) => {
        logStream.end(() => {
          if (code === 0) return resolveRun();
          reject(
            new Error(
              `\`${command}\` failed (exit ${code}). The last lines of ${installLog}:\n${tailOfFile(installLog, 30)}\n` +
                `If a native module failed to build, check the system packages: ${APT_HINT}`,
            ),
          );
        });
      });
    },
  );
}

/** @param {string} key */
function npmKnowsConfig(key) {
  const result = spawnSync('npm', ['config', 'get', key], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.trim() !== 'undefined';
}

// Every @vscode/ripgrep version pinned by code-server's nested lockfiles.
/**
 * @param {string} dir
 * @returns {string[]}
 */
function ripgrepVersionsIn(dir) {
  /** @type {Set<string>} */
  const versions = new Set();
  for (const lockfile of ['lib/vscode/npm-shrinkwrap.json', 'lib/vscode/extensions/npm-shrinkwrap.json', 'lib/vscode/package-lock.json']) {
    const path = join(dir, lockfile);
    if (!existsSync(path)) continue;
    /** @type {unknown} */
    const parsed = JSON.parse(readFileSync(path, 'utf8'));
    const lock = /** @type {{ packages?: Record<string, { version?: string }> }} */ (parsed);
    for (const [key, entry] of Object.entries(lock.packages ?? {})) {
      if (key.endsWith('node_modules/@vscode/ripgrep') && entry.version) versions.add(entry.version);
    }
  }
  return [...versions];
}

// @vscode/ripgrep's postinstall downloads rg from GitHub unless the archive is already in its cache folder.
/** @param {string[]} versions */
function seedRipgrepCache(versions) {
  const target = RIPGREP_TARGETS[process.arch];
  if (process.platform !== 'linux' || !target) return;
  const rg = onPath('rg');
  if (!rg) throw new Error('ripgrep (rg) is not on the PATH; it replaces the GitHub download of @vscode/ripgrep.');
  const staging = join(installDir, 'ripgrep-seed');
  mkdirSync(staging, { recursive: true });
  writeFileSync(join(staging, 'rg'), readFileSync(rg), { mode: 0o755 });
  for (const version of versions) {
    const cacheDir = join(tmpdir(), `vscode-ripgrep-cache-${version}`);
    const archive = join(cacheDir, `ripgrep-${RIPGREP_RELEASE}-${target}.tar.gz`);
    if (existsSync(archive)) continue;
    mkdirSync(cacheDir, { recursive: true });
    const tar = spawnSync('tar', ['czf', archive, '-C', staging, 'rg'], { encoding: 'utf8' });
    if (tar.status !== 0) throw new Error(`Could not seed the ripgrep cache at ${archive}: ${tar.stderr || tar.error}`);
  }
  rmSync(staging, { recursive: true, force: true });
}

// npm can exit 0 with install scripts skipped; check that the postinstall really built VS Code's server.
function verifyInstall() {
  const vscodeDir = join(packageDir, 'lib', 'vscode');
  /** @type {[string, string][]} */
  const expected = [
    [executable, 'the code-server executable'],
    [join(vscodeDir, 'node_modules.asar'), "code-server's postinstall (it links node_modules.asar)"],
    [join(vscodeDir, 'node_modules', '@vscode', 'ripgrep', 'bin', 'rg'), "@vscode/ripgrep's postinstall (seeded from the system rg)"],
    [join(vscodeDir, 'node_modules', 'node-pty', 'build', 'Release', 'pty.node'), 'the node-pty native build'],
    [join(vscodeDir, 'node_modules', 'kerberos', 'build', 'Release', 'kerberos.node'), 'the kerberos native build (libkrb5-dev)'],
  ];
  const missing = expected.filter(([path]) => !existsSync(path));
  if (missing.length > 0) {
    throw new Error(
      `code-server ${CODE_SERVER_VERSION} installed incompletely; missing:\n` +
        missing.map(([path, what]) => `  - ${what}: ${path}`).join('\n') +
        `\nnpm may have skipped install scripts; see ${installLog}:\n${tailOfFile(installLog, 30)}`,
    );
  }
  // Even --version writes a config file and logs; keep them inside installDir rather than under ~.
  const version = spawnSync(executable, ['--config', join(installDir, 'code-server.yaml'), '--version'], {
    encoding: 'utf8',
    env: codeServerEnv({ XDG_DATA_HOME: join(installDir, 'xdg-data') }),
  });
  if (version.status !== 0 || !version.stdout.includes(CODE_SERVER_VERSION)) {
    throw new Error(`code-server does not start (\`code-server --version\` exit ${version.status}):\n${version.stdout}${version.stderr}`);
  }
}

// The caller's environment minus what would redirect code-server: a port or password from the
// environment, or VS Code's terminal hook, which makes it open the folder in the surrounding editor instead.
/**
 * @param {NodeJS.ProcessEnv} extra
 * @returns {NodeJS.ProcessEnv}
 */
function codeServerEnv(extra) {
  const env = { ...process.env, ...extra };
  const inherited = [
    'PORT',
    'CODE_SERVER_HOST',
    'CODE_SERVER_CONFIG',
    'CODE_SERVER_PARENT_PID',
    'CODE_SERVER_SESSION_SOCKET',
    'PASSWORD',
    'HASHED_PASSWORD',
    'VSCODE_IPC_HOOK_CLI',
  ];
  for (const name of inherited) {
    if (!(name in extra)) delete env[name];
  }
  return env;
}

/** @returns {Promise<number>} */
function freeLoopbackPort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
      server.close(() => resolvePort(port));
    });
  });
}

/**
 * @param {number} port
 * @param {number} timeoutMs
 * @param {() => boolean} hasExited
 */
async function waitForHttp(port, timeoutMs, hasExited) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !hasExited()) {
    try {
      await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(2000) });
      return;
    } catch {
      await new Promise((wake) => setTimeout(wake, 100));
    }
  }
  throw new Error(`code-server did not answer HTTP on 127.0.0.1:${port} within ${timeoutMs / 1000} s.`);
}

/**
 * @param {PipedChild} child
 * @param {string} logFile
 */
function collectOutput(child, logFile) {
  /** @type {string[]} */
  const lines = [];
  let partial = '';
  const logStream = createWriteStream(logFile, { flags: 'a' });
  /** @param {Buffer} chunk */
  const onData = (chunk) => {
    logStream.write(chunk);
    const parts = (partial + chunk.toString()).split('\n');
    partial = parts.pop() ?? '';
    lines.push(...parts);
    if (lines.length > 500) lines.splice(0, lines.length - 500);
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  /** @type {Promise<boolean>} */
  const closed = new Promise((resolveClosed) => child.once('close', () => logStream.end(() => resolveClosed(true))));
  return {
    tail: (count = 40) => [...lines, partial].filter(Boolean).slice(-count).join('\n'),
    // Resolves true once the output pipes closed, false if they are still open after timeoutMs.
    /** @param {number} timeoutMs */
    closed: (timeoutMs) => {
      /** @type {NodeJS.Timeout | undefined} */
      let timer;
      /** @type {Promise<boolean>} */
      const gaveUp = new Promise((resolveGaveUp) => (timer = setTimeout(() => resolveGaveUp(false), timeoutMs)));
      return Promise.race([closed, gaveUp]).finally(() => clearTimeout(timer));
    },
  };
}

/**
 * @param {import('node:child_process').ChildProcess} child
 * @param {NodeJS.Signals} signal
 */
function signalGroup(child, signal) {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is already gone.
  }
}

/** @param {string} command */
function onPath(command) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, command);
    if (dir && existsSync(candidate)) return candidate;
  }
  return undefined;
}

/**
 * @param {string} path
 * @param {number} count
 */
function tailOfFile(path, count) {
  try {
    return readFileSync(path, 'utf8').trimEnd().split('\n').slice(-count).join('\n');
  } catch {
    return '(no log)';
  }
}
