// The real VS Code the integration and e2e tests run in, offline: code-server (VS Code 1.100.3
// server + a real Node extension host) from npm, driven by Debian's Chromium through
// playwright-core (a dev dependency). code-server is installed on first use into
// .vscode-test/host from test/host's lockfile, the way @vscode/test-electron caches VS Code in
// .vscode-test/.
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SOURCE = join(ROOT, 'test/host');
export const HOST_DIR = join(ROOT, '.vscode-test/host');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const NOISE = /^(Resolving connection|Resolved connection|Creating a socket|Updating additional builtin|\[Service Worker\]|ChatSessionStore|getaddrinfo ENOTFOUND|.*ENOTFOUND)/;
const RG_CACHE_NAME = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';

/** What is missing to run the real editor, with how to get it; empty when all is there. */
export function missingPrerequisites() {
  const missing = [];
  if (!existsSync(CHROMIUM)) missing.push(`Chromium at ${CHROMIUM} (as root: apt-get install -y chromium)`);
  if (spawnSync('rg', ['--version']).status !== 0) missing.push('ripgrep (as root: apt-get install -y ripgrep)');
  if (!existsSync(join(HOST_DIR, 'node_modules/code-server')) && !existsSync('/usr/include/krb5.h') && !existsSync('/usr/include/krb5/krb5.h')) {
    missing.push('Kerberos headers to build code-server (as root: apt-get install -y libkrb5-dev)');
  }
  return missing;
}

/** Installs code-server into .vscode-test/host unless the lockfile is already installed. */
export function provision() {
  const missing = missingPrerequisites();
  if (missing.length) {
    throw new Error(`The test VS Code cannot be set up on this machine. Missing:\n  - ${missing.join('\n  - ')}\n` +
      'Run `bash .ci/run` as root on Debian to install everything, or install the above by hand.');
  }
  const stamp = join(HOST_DIR, '.installed-lock');
  const lock = readFileSync(join(SOURCE, 'package-lock.json'), 'utf8');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === lock && existsSync(join(HOST_DIR, 'node_modules/code-server/out/node/entry.js'))) return;
  console.log('[host] installing the test VS Code (code-server 4.100.3) into .vscode-test/host …');
  mkdirSync(HOST_DIR, { recursive: true });
  cpSync(join(SOURCE, 'package.json'), join(HOST_DIR, 'package.json'));
  cpSync(join(SOURCE, 'package-lock.json'), join(HOST_DIR, 'package-lock.json'));
  // @vscode/ripgrep's postinstall downloads rg from GitHub unless its cache has the archive:
  // put Debian's rg there.
  const cache = join(tmpdir(), 'vscode-ripgrep-cache-1.15.11');
  if (!existsSync(join(cache, RG_CACHE_NAME))) {
    const staging = mkdtempSync(join(tmpdir(), 'rg-'));
    const rg = execFileSync('sh', ['-c', 'command -v rg'], { encoding: 'utf8' }).trim();
    cpSync(rg, join(staging, 'rg'));
    mkdirSync(cache, { recursive: true });
    execFileSync('tar', ['-C', staging, '-czf', join(cache, RG_CACHE_NAME), 'rg']);
  }
  const started = Date.now();
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], {
    cwd: HOST_DIR, stdio: 'inherit',
    // code-server's postinstall refuses root without unsafe-perm; node-pty's runs `npx node-gyp`.
    env: { ...process.env, npm_config_unsafe_perm: 'true', npm_config_yes: 'true' },
  });
  if (result.status !== 0) throw new Error(`npm ci in ${HOST_DIR} failed (exit ${result.status})`);
  writeFileSync(stamp, lock);
  console.log(`[host] installed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

// Servers run in their own process groups; make sure none outlives the test process.
const liveServers = new Set();
process.on('exit', () => {
  for (const pid of liveServers) {
    try { process.kill(-pid, 'SIGKILL'); } catch { /* already gone */ }
  }
});

function freePort() {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => { const { port } = srv.address(); srv.close(() => res(port)); });
    srv.on('error', rej);
  });
}

const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  'chat.commandCenter.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'window.commandCenter': false,
  'git.enabled': false,
};

/**
 * Starts code-server on a free loopback port.
 * @param {{ extensionsDir?: string, userSettings?: object, trust?: boolean, port?: number, env?: Record<string, string>, walkthrough?: boolean }} [options]
 *   `env` is added to the server's environment (and so its extension host's), e.g. another PATH.
 *   `walkthrough`: let the extension open its walkthrough on first activation (off by default, so it does not cover what tests look at).
 */
export async function startServer(options = {}) {
  provision();
  const base = mkdtempSync(join(tmpdir(), 'mlr-host-'));
  const userDir = join(base, 'user');
  mkdirSync(join(userDir, 'User'), { recursive: true });
  const settings = { ...USER_SETTINGS, ...(options.userSettings ?? {}) };
  if (options.trust === false) settings['security.workspace.trust.enabled'] = true;
  writeFileSync(join(userDir, 'User/settings.json'), JSON.stringify(settings, null, 2));
  writeFileSync(join(base, 'config.yaml'), 'auth: none\n');
  const extensionsDir = options.extensionsDir ?? join(base, 'exts');
  const port = options.port ?? (await freePort());
  const args = [
    join(HOST_DIR, 'node_modules/code-server/out/node/entry.js'),
    '--config', join(base, 'config.yaml'), '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`,
    '--user-data-dir', userDir, '--extensions-dir', extensionsDir,
    '--disable-telemetry', '--disable-update-check', '--disable-getting-started-override', '--ignore-last-opened',
  ];
  if (options.trust !== false) args.push('--disable-workspace-trust');
  const child = spawn(process.execPath, args, {
    detached: true, stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...(options.env ?? {}), VSCODE_OPTIONS: 'enable-smoke-test-driver', MLR_WALKTHROUGH: options.walkthrough ? 'on' : 'off' },
  });
  liveServers.add(child.pid);
  child.on('exit', () => liveServers.delete(child.pid));
  let output = '';
  const ready = new Promise((res, rej) => {
    const timer = setTimeout(() => rej(new Error(`code-server did not start in 60 s:\n${output}`)), 60_000);
    const onData = (d) => {
      output += d;
      if (output.includes('HTTP server listening on')) { clearTimeout(timer); res(); }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => { clearTimeout(timer); rej(new Error(`code-server exited (${code}):\n${output}`)); });
  });
  await ready;
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
    const timer = setTimeout(() => { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } }, 5000);
    await exited;
    clearTimeout(timer);
    rmSync(base, { recursive: true, force: true });
  };
  return { port, base, userDir, extensionsDir, origin: `http://127.0.0.1:${port}`, stop, log: () => output };
}

/** Debian's Chromium through playwright-core. */
export async function launchBrowser() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

/** The workbench URL for a folder, with an optional development/test payload. */
/**
 * Runs a command from the palette like a person: F1, type its title, click its row. Keys pressed
 * while a webview holds focus can be lost, and right after start-up the palette may not list a
 * development extension's commands yet, so each try starts again with the workbench focused.
 * `page` is a playwright-core Page showing the workbench.
 */
export async function runCommand(page, title, attempts = 8) {
  const input = page.locator('.quick-input-widget input.input');
  for (let attempt = 1; ; attempt++) {
    try {
      await page.keyboard.press('F1');
      await input.waitFor({ timeout: 5_000 });
      await input.fill(`>${title}`);
      // Click the row itself: Enter would take the top row, which may be another, recently used one.
      const row = page.locator(`.quick-input-list .monaco-list-row[aria-label^="${title}"]`).first();
      await row.waitFor({ timeout: 5_000 });
      await row.click();
      return;
    } catch (e) {
      if (attempt >= attempts) throw new Error(`could not run "${title}" from the command palette after ${attempts} tries: ${e.message}`, { cause: e });
      await page.keyboard.press('Escape').catch(() => undefined);
      // Give the keyboard back to the workbench: take focus away from any webview's iframe.
      // eslint-disable-next-line no-undef -- runs in the page, where document is defined
      await page.evaluate(() => document.activeElement?.blur()).catch(() => undefined);
    }
  }
}

export function workbenchUrl(server, folder, payload = []) {
  const params = new URLSearchParams({ folder });
  const withRemote = payload.map(([k, v]) =>
    k === 'extensionDevelopmentPath' || k === 'extensionTestsPath' ? [k, `vscode-remote://127.0.0.1:${server.port}${v}`] : [k, v]);
  params.set('payload', JSON.stringify([...withRemote, ['skipWelcome', 'true']]));
  return `${server.origin}/?${params}`;
}

/** Copies a fixture workspace to a fresh temp folder. */
export function freshWorkspace(fixture = 'workspace') {
  const dir = mkdtempSync(join(tmpdir(), 'mlr-ws-'));
  const src = join(ROOT, 'test/fixtures', fixture);
  if (existsSync(src)) cpSync(src, dir, { recursive: true });
  return dir;
}

/**
 * Runs a test-electron style suite (a module exporting `run()`) inside the real extension host.
 * Resolves with the exit code the workbench reports and the suite's log.
 */
export async function runSuite({ suite, workspace, timeoutMs = 10 * 60_000, env = {}, extensionPath = ROOT, quiet = false }) {
  const server = await startServer();
  const browser = await launchBrowser();
  const lines = [];
  try {
    const page = await browser.newPage();
    let exit;
    const exited = new Promise((res) => { exit = res; });
    let inNoise = false;
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const text = format(...args);
      lines.push(text);
      // The workbench's own chatter (sockets, the unreachable gallery) is not the suite's output.
      if (NOISE.test(text)) { inNoise = true; return; }
      if (inNoise && /^\s+at /.test(text)) return;
      inNoise = false;
      if (!quiet) (console[type] ?? console.log)(text);
    });
    await page.exposeFunction('codeAutomationExit', (code) => exit(code));
    const payload = [['extensionDevelopmentPath', extensionPath], ['extensionTestsPath', suite]];
    for (const [k, v] of Object.entries(env)) payload.push([k, v]);
    // A loaded machine (the templates layer, other processes) can take well over 30 s for the first load.
    await page.goto(workbenchUrl(server, workspace, payload), { timeout: 120_000 });
    let timer;
    const timeout = new Promise((res) => { timer = setTimeout(() => res('timeout'), timeoutMs); });
    const code = await Promise.race([exited, timeout]);
    clearTimeout(timer);
    if (code === 'timeout') {
      return { code: 1, lines: [...lines, `suite timed out after ${timeoutMs / 1000} s`], serverLog: server.log() };
    }
    return { code, lines, serverLog: server.log() };
  } finally {
    await browser.close();
    await server.stop();
  }
}
