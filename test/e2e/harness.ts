// Shared by the e2e tests: the real workbench (code-server + Chromium, see scripts/test/host.mjs)
// opened on a workspace, plus screenshot helpers. Runs in plain Node, never in the extension host.
import * as path from 'node:path';
import * as fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';

/** The repository root: the nearest folder above this bundle whose package.json is ours. */
export const ROOT = ((): string => {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest) && (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: unknown }).name === 'ml-roadmap') return dir;
  }
  throw new Error(`no ml-roadmap package.json above ${__dirname}`);
})();
export const SCREENSHOTS = path.join(ROOT, '.vscode-test/screenshots');

interface Server { port: number; origin: string; extensionsDir: string; stop(): Promise<void>; log(): string }
interface HostModule {
  startServer(options?: { extensionsDir?: string; userSettings?: object; trust?: boolean; env?: Record<string, string>; walkthrough?: boolean }): Promise<Server>;
  launchBrowser(): Promise<Browser>;
  workbenchUrl(server: Server, folder: string, payload?: [string, string][]): string;
  freshWorkspace(fixture?: string): string;
  runCommand(page: Page, title: string): Promise<void>;
  HOST_DIR: string;
}

export function host(): Promise<HostModule> {
  // A computed specifier keeps esbuild from bundling the .mjs (it must stay a real ES module).
  const url = pathToFileURL(path.join(ROOT, 'scripts/test/host.mjs')).href;
  return import(url) as Promise<HostModule>;
}

export interface Workbench {
  page: Page;
  server: Server;
  workspace: string;
  /** Content Security Policy violations reported so far (any frame: the workbench or a webview). */
  cspViolations: string[];
  close(): Promise<void>;
}

/** Opens the workbench on a fresh workspace with this extension loaded for development (unless `installed`). */
export async function openWorkbench(options: {
  installed?: { extensionsDir: string };
  workspace?: string;
  userSettings?: object;
  trust?: boolean;
  /** Added to the editor's environment (its extension host's too), e.g. a PATH with other programs. */
  env?: Record<string, string>;
  /** Let the extension open its walkthrough on first activation (off otherwise). */
  walkthrough?: boolean;
} = {}): Promise<Workbench> {
  const h = await host();
  const server = await h.startServer({ extensionsDir: options.installed?.extensionsDir, userSettings: options.userSettings, trust: options.trust, env: options.env, walkthrough: options.walkthrough });
  const browser = await h.launchBrowser();
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const workspace = options.workspace ?? h.freshWorkspace();
  const payload: [string, string][] = options.installed ? [] : [['extensionDevelopmentPath', ROOT]];
  const cspViolations: string[] = [];
  // Every frame's console reaches the page, webviews included.
  page.on('console', (m) => {
    const where = m.location().url ?? '';
    if (/Content Security Policy|violates the following/i.test(m.text())) {
      cspViolations.push(`${m.text()} (${where})`);
    }
  });
  await page.goto(h.workbenchUrl(server, workspace, payload), { timeout: 120_000 });
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  return {
    page, server, workspace, cspViolations,
    async close() {
      await browser.close();
      await server.stop();
    },
  };
}

/** Opens the ML Roadmap view container from the activity bar, like a person would. */
export async function openRoadmapView(page: Page): Promise<void> {
  const entry = page.locator('.activitybar li.action-item:has(a[aria-label^="ML Roadmap"])');
  await entry.waitFor({ timeout: 60_000 });
  const firstSkill = treeRow(page, 'Python & Programming');
  // The entry toggles the side bar: click only when our container is not the active one.
  for (let attempt = 0; attempt < 3; attempt++) {
    if (!(await entry.getAttribute('class'))?.includes('checked')) await entry.click();
    try {
      await firstSkill.waitFor({ timeout: 20_000 });
      return;
    } catch {
      // the workbench may still have been restoring its layout; look again
    }
  }
  await firstSkill.waitFor({ timeout: 5_000 });
}

/** Runs a command from the palette like a person (host.mjs's runCommand); a screenshot when it cannot. */
export async function runCommand(page: Page, title: string): Promise<void> {
  try {
    await (await host()).runCommand(page, title);
  } catch (e) {
    await screenshot(page, `failed-palette-${title.replace(/[^A-Za-z0-9]+/g, '-')}`);
    throw e;
  }
}

export function treeRow(page: Page, text: string) {
  return page.locator('.monaco-list-row', { hasText: text }).first();
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}
