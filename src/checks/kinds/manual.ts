// The `manual` check kind: `Check: manual`, a step the learner ticks by hand. Nothing is run.
import { notRun } from '../outcome';
import type { CheckKind } from './kind';

export interface ManualCheck {
  readonly kind: 'manual';
}

export const manual: CheckKind<ManualCheck> = {
  name: 'manual',
  parse: (args) => (args.length > 0 ? { invalid: 'A manual check takes no arguments' } : { check: { kind: 'manual' } }),
  paths: () => [],
  label: (_check, l10n) => l10n.t('ticked by hand'),
  decide: (checks) => Promise.resolve(new Map(checks.map((c) => [c.id, notRun('Mark this step done when you are happy with it')]))),
};
