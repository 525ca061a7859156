// Reads the fuzz corpus from the repository: the roadmap folder, every project's milestones.md and
// the bundled ONNX models. The only I/O of the fuzz code.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Corpus } from './targets';

export function readCorpus(root: string): Corpus {
  const dir = join(root, 'roadmap');
  const roadmap = readdirSync(dir).filter((n) => n.endsWith('.md') && n !== 'FORMAT.md').sort()
    .map((name) => ({ path: name, text: readFileSync(join(dir, name), 'utf8') }));
  const projects = join(dir, 'projects');
  const milestones = readdirSync(projects).sort()
    .filter((id) => existsSync(join(projects, id, 'milestones.md')))
    .map((id) => ({ path: `projects/${id}/milestones.md`, text: readFileSync(join(projects, id, 'milestones.md'), 'utf8') }));
  const modelDir = join(root, 'media', 'models');
  const models = readdirSync(modelDir).filter((n) => n.endsWith('.onnx')).sort().map((n) => new Uint8Array(readFileSync(join(modelDir, n))));
  return { roadmap, milestones, models };
}
