// Which demo of the gallery belongs with which project, so its lab can open it. Pure data.
import type { DemoId } from '../shared/demoProtocol';
import { DEMO_TITLES } from '../shared/demoProtocol';

const RELATED: Readonly<Record<string, DemoId>> = {
  'mnist-digits': 'yours',
  'nn-from-scratch': 'draw',
  'custom-dataset-classifier': 'yours',
  'optimization-visualizer': 'optim',
  'anomaly-detection': 'anomaly',
  'sentiment-analysis': 'text',
  'gan-image-generation': 'latent',
};

export function relatedDemo(projectId: string): { readonly id: DemoId; readonly title: string } | undefined {
  const id = Object.hasOwn(RELATED, projectId) ? RELATED[projectId] : undefined;
  return id ? { id, title: DEMO_TITLES[id] } : undefined;
}
