// The roadmap parser's worker thread (bundled as dist/roadmap-worker.js): parses what the host
// posts, off the extension host's main thread, and posts the result back. The host terminates it
// when it overruns its time (src/loader/workerParse.ts). No `vscode` here.
import { parentPort } from 'node:worker_threads';
import { join } from 'node:path';
import type { WorkerReply, WorkerRequest } from './workerParse';

type ParserModule = typeof import('../roadmap/index');

// A computed path keeps esbuild from bundling the parser a second time: it sits next to this file.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const parser = require(join(__dirname, 'roadmap-parser.js')) as ParserModule;

function answer(request: WorkerRequest): WorkerReply {
  try {
    if (request.kind === 'roadmap') return { ok: true, kind: 'roadmap', result: parser.parseRoadmap(request.files) };
    return { ok: true, kind: 'milestones', cells: parser.milestoneCells(request.file.path, request.file.text) };
  } catch (e) {
    return { ok: false, reason: e instanceof Error ? e.message : String(e) };
  }
}

parentPort?.on('message', (request: WorkerRequest) => parentPort?.postMessage(answer(request)));
