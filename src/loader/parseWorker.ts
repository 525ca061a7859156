// The roadmap parser's worker thread (bundled as dist/roadmap-worker.js): parses what the host
// (the extension host, a command-line tool or the build) posts, off its main thread, and posts the
// result back. The host terminates it when it overruns its time (src/loader/workerParse.ts). No `vscode` here.
import { parentPort } from 'node:worker_threads';
import { join } from 'node:path';
import type { WorkerReply, WorkerRequest } from './workerParse';
import { describeError } from '../shared/errors';
import type * as Parser from '../roadmap/index';

type ParserModule = typeof Parser;

// A computed path keeps esbuild from bundling the parser a second time: it sits next to this file.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const parser = require(join(__dirname, 'roadmap-parser.js')) as ParserModule;

async function answer(request: WorkerRequest): Promise<WorkerReply> {
  try {
    switch (request.kind) {
      case 'roadmap':
        return { ok: true, kind: 'roadmap', result: parser.parseRoadmap(request.files) };
      case 'milestones':
        return { ok: true, kind: 'milestones', cells: parser.milestoneCells(request.file.path, request.file.text) };
      case 'folder':
        return { ok: true, kind: 'folder', check: await parser.checkRoadmapFolder(request.folder) };
      case 'compile':
        return {
          ok: true, kind: 'compile', result: parser.parseRoadmap(request.files),
          milestones: request.milestones.map((file) => ({ file, cells: parser.milestoneCells(file.path, file.text) })),
        };
    }
  } catch (e) {
    return { ok: false, reason: describeError(e) };
  }
}

parentPort?.on('message', (request: WorkerRequest) => void answer(request).then((reply) => parentPort?.postMessage(reply)));
