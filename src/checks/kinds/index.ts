// The table of check kinds: the one place a kind is registered. `Check` and `CheckKindName` derive
// from it, and parsing, labels, the paths a check reads and deciding all dispatch through it, so a
// new kind is one module in this folder plus one line here. Pure apart from what the kinds decide.
import { isSafeRelativePath } from '../../shared/safePath';
import type { Outcome } from '../outcome';
import { file } from './file';
import type { CheckKind, CheckRun, L10n, PendingCheck } from './kind';
import { manual } from './manual';
import { metric } from './metric';
import { onnx } from './onnx';
import { pytest } from './pytest';

export type { CheckKind, CheckRun, L10n, PendingCheck } from './kind';
export type { CompareOp } from './threshold';

/** Every kind by its name, in the order a run decides them: pytest first, so the disk checks see what the tests wrote. */
export const CHECK_KINDS = { pytest, file, metric, onnx, manual } as const;

type Kinds = typeof CHECK_KINDS;
type CheckOf<K> = K extends CheckKind<infer C> ? C : never;

/** How a milestone is decided: one of the table's kinds. */
export type Check = CheckOf<Kinds[keyof Kinds]>;
export type CheckKindName = Check['kind'];

/** Each entry stands under its own name and decides its own checks (a compile error otherwise). */
type KindTable = { readonly [K in CheckKindName]: CheckKind<Extract<Check, { readonly kind: K }>> };
const TABLE: KindTable = CHECK_KINDS;

export const CHECK_KIND_NAMES: readonly CheckKindName[] = Object.values(TABLE).map((k) => k.name);

/** "pytest, file, metric, onnx or manual". */
export function kindList(names: readonly string[] = CHECK_KIND_NAMES): string {
  return names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}

export type CheckParse = { readonly check: Check } | { readonly unknown: string } | { readonly invalid: string };

/** The word after `Check:` and the arguments in backticks (trimmed) → the check, or what is wrong. */
export function parseCheck(kindWord: string, args: readonly string[]): CheckParse {
  const name = kindWord.toLowerCase();
  if (!isKindName(name)) return { unknown: `Unknown check "${kindWord}": use ${kindList()}` };
  const parsed = TABLE[name].parse(args);
  if ('invalid' in parsed) return parsed;
  const bad = unsafePath(parsed.check);
  return bad === undefined ? parsed : { invalid: bad };
}

/** Why the check reads outside the project, or undefined when each path it reads stays inside. */
export function unsafePath(check: Check): string | undefined {
  const bad = kindOf(check).paths(check).find((p) => !isSafeRelativePath(p));
  return bad === undefined ? undefined : `"${bad}" must be a relative path inside the project`;
}

/** "pytest: 3 tests", "file exists: model.onnx", … as the lab shows a milestone's check. */
export function checkLabel(check: Check, l10n: L10n): string {
  return kindOf(check).label(check, l10n);
}

/** Decides checks that are all of kind `name` with that kind. */
export async function decideKind(name: CheckKindName, checks: readonly PendingCheck<Check>[], run: CheckRun): Promise<ReadonlyMap<string, Outcome>> {
  const stray = checks.find((c) => c.check.kind !== name);
  if (stray) throw new Error(`A ${stray.check.kind} check was given to the ${name} kind`);
  return (TABLE[name] as CheckKind<Check>).decide(checks, run);
}

function isKindName(name: string): name is CheckKindName {
  return Object.hasOwn(TABLE, name);
}

/** The kind of `check`: the table holds each kind under its own name (KindTable). */
function kindOf<C extends Check>(check: C): CheckKind<C> {
  return TABLE[check.kind] as unknown as CheckKind<C>;
}
