// Finds and ends every process a run started on Linux, including the ones that left its process
// group (setsid, setpgrp, start_new_session): through the parent links in /proc while their
// ancestors live, and through a marker in their environment after. Plain Node, no `vscode`.
// Elsewhere (macOS, Windows) it finds nothing and the callers rely on the group or taskkill.
// Asynchronous throughout: a scan reads two small files per process, which on a busy machine
// takes long enough that it must not block the extension host's event loop.
import { readFile, readdir } from 'node:fs/promises';

/** The environment variable that marks every process of one run. */
export const RUN_MARKER_VAR = 'MLR_RUN_ID';

/** A process seen by a scan: its pid and its start time, so a reused pid is never signalled. */
export interface SeenProcess {
  readonly pid: number;
  readonly startTime: string;
}

interface StatLine {
  readonly ppid: number;
  readonly startTime: string;
  readonly zombie: boolean;
}

const canScan = process.platform === 'linux';

async function readStat(pid: number): Promise<StatLine | undefined> {
  let text: string;
  try {
    text = await readFile(`/proc/${pid}/stat`, 'latin1');
  } catch {
    return undefined;
  }
  // "pid (comm) state ppid pgrp ... starttime": comm may hold spaces and parentheses.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  const ppid = Number(fields[1]);
  const startTime = fields[19];
  if (!Number.isInteger(ppid) || startTime === undefined) return undefined;
  return { ppid, startTime, zombie: fields[0] === 'Z' || fields[0] === 'X' };
}

async function listPids(): Promise<number[]> {
  try {
    return (await readdir('/proc')).filter((n) => /^\d+$/.test(n)).map(Number).filter((pid) => pid !== process.pid);
  } catch {
    return [];
  }
}

/**
 * Live processes below `rootPid` (not the root itself) and live processes whose environment holds
 * `marker` (`NAME=value`), skipping this process. Empty off Linux.
 */
export async function findRunProcesses(rootPid: number | undefined, marker: string | undefined): Promise<SeenProcess[]> {
  if (!canScan) return [];
  const pids = await listPids();
  if (rootPid === undefined) {
    // The marker alone: the stat is read only for a match.
    if (marker === undefined) return [];
    const matches = await Promise.all(pids.map(async (pid) => {
      if (!(await hasEnvEntry(pid, marker))) return undefined;
      const stat = await readStat(pid);
      return stat && !stat.zombie ? { pid, startTime: stat.startTime } : undefined;
    }));
    return matches.filter((m): m is SeenProcess => m !== undefined);
  }
  const found = new Map<number, string>();
  const stats = new Map<number, StatLine>();
  const read = await Promise.all(pids.map(async (pid) => [pid, await readStat(pid)] as const));
  for (const [pid, stat] of read) if (stat && !stat.zombie) stats.set(pid, stat);
  const children = new Map<number, number[]>();
  for (const [pid, stat] of stats) {
    const list = children.get(stat.ppid);
    if (list) list.push(pid);
    else children.set(stat.ppid, [pid]);
  }
  const queue = [...(children.get(rootPid) ?? [])];
  while (queue.length > 0) {
    const pid = queue.pop() as number;
    if (found.has(pid)) continue;
    found.set(pid, (stats.get(pid) as StatLine).startTime);
    queue.push(...(children.get(pid) ?? []));
  }
  if (marker !== undefined) {
    const marked = await Promise.all([...stats].map(async ([pid, stat]) => (!found.has(pid) && (await hasEnvEntry(pid, marker)) ? [pid, stat] as const : undefined)));
    for (const m of marked) if (m) found.set(m[0], m[1].startTime);
  }
  return [...found].map(([pid, startTime]) => ({ pid, startTime }));
}

async function hasEnvEntry(pid: number, entry: string): Promise<boolean> {
  let env: string;
  try {
    env = await readFile(`/proc/${pid}/environ`, 'latin1');
  } catch {
    // Another user's process, or gone.
    return false;
  }
  return env.split('\0').includes(entry);
}

/** Signals each process that is still the one seen (same start time); returns how many it reached. */
export async function signalProcesses(seen: Iterable<SeenProcess>, signal: NodeJS.Signals): Promise<number> {
  let reached = 0;
  for (const p of seen) {
    const now = await readStat(p.pid);
    if (!now || now.zombie || now.startTime !== p.startTime) continue;
    try {
      process.kill(p.pid, signal);
      reached++;
    } catch {
      // Gone meanwhile.
    }
  }
  return reached;
}

/** At most this many scan-and-kill rounds, for a tree that keeps forking while it is killed. */
const MAX_SWEEPS = 20;

/**
 * SIGKILLs the processes seen before and everything a scan finds, scanning again until a scan finds
 * nothing alive (bounded): a killed process cannot start another, so each round leaves fewer.
 */
export async function killRunProcesses(rootPid: number | undefined, marker: string | undefined, seenBefore: Iterable<SeenProcess> = []): Promise<void> {
  await signalProcesses(seenBefore, 'SIGKILL');
  for (let round = 0; round < MAX_SWEEPS; round++) {
    const found = await findRunProcesses(rootPid, marker);
    if ((await signalProcesses(found, 'SIGKILL')) === 0) return;
  }
}
