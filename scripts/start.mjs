// `npm start`: build, then open the extension in a VS Code. With the desktop `code` command it
// launches an Extension Development Host; otherwise it serves the test VS Code on 127.0.0.1 with a
// sample workspace and prints the URL to open. Ctrl-C stops it.
import { spawnSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, startServer, workbenchUrl } from './test/host.mjs';

if (spawnSync(process.execPath, ['esbuild.mjs', '--quiet'], { cwd: ROOT, stdio: 'inherit' }).status !== 0) process.exit(1);

const workspace = join(ROOT, '.vscode-test/sample-workspace');
if (!existsSync(workspace)) {
  mkdirSync(workspace, { recursive: true });
  cpSync(join(ROOT, 'test/fixtures/workspace'), workspace, { recursive: true });
}

const hasCode = spawnSync('sh', ['-c', 'command -v code'], { encoding: 'utf8' }).status === 0 && !process.env.MLR_SERVE;
if (hasCode) {
  console.log(`Opening VS Code with the extension from ${ROOT} on ${workspace}`);
  spawn('code', [`--extensionDevelopmentPath=${ROOT}`, workspace], { stdio: 'inherit' });
} else {
  const port = process.env.PORT ? Number(process.env.PORT) : undefined;
  const server = await startServer({ port });
  const url = workbenchUrl(server, workspace, [['extensionDevelopmentPath', ROOT]]);
  console.log(`\nML Roadmap is running in VS Code ${'1.100.3'} (code-server) at:\n\n  ${url}\n\nOpen it in a browser on this machine. Ctrl-C stops the server.`);
  const stop = async () => { await server.stop(); process.exit(0); };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  setInterval(() => {}, 1 << 30);
}
