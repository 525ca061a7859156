// Is the chosen Python ready to check this project? One Python process imports pytest and every
// module requirements.txt names, so the lab can say "numpy is missing, install with …" up front
// instead of showing a wall of failing tests.
import { readText } from './quietFs';
import { join } from 'node:path';
import { importNameOf } from './importNames';
import type { ProcessRunner } from './process';

export interface RequiredModule {
  /** What to import, like `sklearn`. */
  readonly module: string;
  /** The requirement line as written, without its comment, like `scikit-learn>=1.2`. */
  readonly requirement: string;
  /** An environment marker (`sys_platform == "win32"`), evaluated by the Python that checks. */
  readonly marker?: string;
}

/** requirements.txt → the modules to import. Options, includes and bare URLs are skipped. */
export function requirementModules(requirementsTxt: string): RequiredModule[] {
  const out: RequiredModule[] = [];
  const seen = new Set<string>();
  const text = typeof requirementsTxt === 'string' ? requirementsTxt : '';
  for (const raw of text.replace(/\\\r?\n/g, '').split(/\r?\n/)) {
    // pip treats `#` as a comment at the start or after whitespace (not inside a URL fragment).
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    if (line === '' || line.startsWith('-')) continue;
    const semi = line.indexOf(';');
    const spec = (semi < 0 ? line : line.slice(0, semi)).trim();
    const marker = semi < 0 ? '' : line.slice(semi + 1).trim();
    const name = distributionName(spec);
    const module = name && importNameOf(name);
    if (!module || seen.has(module)) continue;
    seen.add(module);
    out.push({ module, requirement: line, ...(marker ? { marker } : {}) });
  }
  return out;
}

/** `scikit-learn[extra]>=1.2`, `name @ https://…`, `https://…#egg=name` → the project name. */
function distributionName(spec: string): string | undefined {
  const direct = /^([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*@/.exec(spec);
  if (direct) return direct[1];
  const egg = /[#&]egg=([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(spec);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(spec) || /^[./\\~]/.test(spec) || /\.(whl|zip|tar\.gz|tgz)$/i.test(spec)) {
    return egg?.[1];
  }
  return /^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?/.exec(spec)?.[0];
}

export interface MissingModule {
  readonly module: string;
  readonly requirement: string;
  /** What Python said, like `ModuleNotFoundError: No module named 'numpy'`. */
  readonly reason: string;
}

export interface EnvironmentReport {
  /** True when pytest and every required module import. */
  readonly ok: boolean;
  readonly python: string;
  /** `3.11.2`; absent when Python could not be run. */
  readonly pythonVersion?: string;
  /** The interpreter's real path (sys.executable), to show which Python was asked. */
  readonly pythonPath?: string;
  readonly missing: MissingModule[];
  readonly pytestMissing: boolean;
  /** An argument array that installs what is missing; empty when nothing is. */
  readonly installCommand: string[];
  /** PEP 668: pip refuses to install into this Python (e.g. Debian's); suggest a virtual env. */
  readonly externallyManaged: boolean;
  /** Set when the check itself could not run; `ok` is then false. */
  readonly error?: string;
}

export interface EnvironmentOptions {
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
  readonly env?: NodeJS.ProcessEnv;
}

const MARK = '@@mlroadmap-environment@@';

// Imports for real (not just find_spec) so a broken install shows up too. The result is the last
// marked line, since imported modules may print.
const SCRIPT = `
import importlib, json, os, sys, sysconfig
wanted = json.loads(sys.argv[1])
def applies(marker):
    if not marker:
        return True
    try:
        from packaging.markers import Marker
    except Exception:
        try:
            from pip._vendor.packaging.markers import Marker
        except Exception:
            return True
    try:
        return bool(Marker(marker).evaluate())
    except Exception:
        return True
def attempt(name):
    try:
        importlib.import_module(name)
        return None
    except BaseException as e:
        return "%s: %s" % (type(e).__name__, e)
managed = sys.prefix == sys.base_prefix and os.path.exists(os.path.join(sysconfig.get_paths()["stdlib"], "EXTERNALLY-MANAGED"))
out = {"version": sys.version.split()[0], "executable": sys.executable, "managed": managed,
       "pytest": attempt("pytest"), "missing": []}
for item in wanted:
    if applies(item.get("marker")):
        reason = attempt(item["module"])
        if reason is not None:
            out["missing"].append({"module": item["module"], "reason": reason})
sys.stdout.write("\\n${MARK}" + json.dumps(out) + "\\n")
`;

interface ScriptOutput {
  version: string;
  executable: string;
  managed: boolean;
  pytest: string | null;
  missing: { module: string; reason: string }[];
}

export async function checkEnvironment(
  python: string,
  projectDir: string,
  run: ProcessRunner,
  options: EnvironmentOptions = {},
): Promise<EnvironmentReport> {
  const requirementsTxt = readText(join(projectDir, 'requirements.txt'));
  const required = requirementModules(requirementsTxt ?? '');
  const wanted = required.map((r) => ({ module: r.module, ...(r.marker ? { marker: r.marker } : {}) }));
  const result = await run(python, ['-c', SCRIPT, JSON.stringify(wanted)], {
    cwd: projectDir,
    timeoutMs: options.timeoutMs ?? 120_000,
    maxOutputBytes: 256 * 1024,
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.env ? { env: options.env } : {}),
  });
  const failed = (error: string): EnvironmentReport => ({
    ok: false, python, missing: [], pytestMissing: false, installCommand: [], externallyManaged: false, error,
  });
  if (result.spawnError) {
    return failed(result.spawnError.code === 'ENOENT' ? `Python was not found at "${python}"` : `Python could not start: ${result.spawnError.message}`);
  }
  if (result.cancelled) return failed('The environment check was cancelled');
  if (result.timedOut) return failed(`The environment check timed out after ${Math.round((options.timeoutMs ?? 120_000) / 1000)} s while importing the required modules`);
  const parsed = readScriptOutput(result.stdout);
  if (!parsed) {
    const said = result.stderr.trim().split(/\r?\n/).pop() ?? '';
    return failed(`"${python}" could not run the environment check (exit code ${result.exitCode ?? result.signal})${said ? `: ${said}` : ''}`);
  }

  const byModule = new Map(required.map((r) => [r.module, r]));
  const missing = parsed.missing.map((m) => ({ module: m.module, requirement: byModule.get(m.module)?.requirement ?? m.module, reason: m.reason }));
  const pytestMissing = parsed.pytest !== null;
  const ok = !pytestMissing && missing.length === 0;
  return {
    ok,
    python,
    pythonVersion: parsed.version,
    pythonPath: parsed.executable,
    missing,
    pytestMissing,
    installCommand: ok ? [] : installCommand(python, requirementsTxt !== undefined, pytestMissing && !byModule.has('pytest')),
    externallyManaged: parsed.managed,
  };
}

function installCommand(python: string, fromFile: boolean, addPytest: boolean): string[] {
  return [python, '-m', 'pip', 'install', ...(fromFile ? ['-r', 'requirements.txt'] : []), ...(addPytest ? ['pytest'] : [])];
}

function readScriptOutput(stdout: string): ScriptOutput | undefined {
  const line = stdout.split(/\r?\n/).reverse().find((l) => l.startsWith(MARK));
  if (!line) return undefined;
  try {
    const v = JSON.parse(line.slice(MARK.length)) as Partial<ScriptOutput>;
    if (typeof v.version !== 'string' || !Array.isArray(v.missing)) return undefined;
    return {
      version: v.version,
      executable: typeof v.executable === 'string' ? v.executable : '',
      managed: v.managed === true,
      pytest: typeof v.pytest === 'string' ? v.pytest : null,
      missing: v.missing.filter((m) => typeof m?.module === 'string').map((m) => ({ module: m.module, reason: String(m.reason ?? '') })),
    };
  } catch {
    return undefined;
  }
}

