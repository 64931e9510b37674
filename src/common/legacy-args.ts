import type { Outcome } from './outcome';
import { refused } from './outcome';
import { InvalidInputError, type MutationError } from './mutation-errors';

/**
 * The loose arguments a mutation took before API v1 (`submitProposal(id:, version:)`), kept for one release as
 * deprecated aliases of its one `input` (shared/API.md promises the names it lists stay working that long).
 */

/** The day after which the pre-v1 arguments go (the deprecation policy: at least six months; README). */
export const LEGACY_REMOVAL = '2027-06-30';

/** The deprecation reason of a pre-v1 argument: what replaces it, and when it goes. */
export const legacyArgument = (replacement: string, note?: string) => `Use \`input.${replacement}\`${note ? ` (${note})` : ''}. Removed after ${LEGACY_REMOVAL}.`;

/** The options of a pre-v1 argument: optional, described by what replaces it, deprecated. */
export const legacy = (replacement: string, note?: string) => ({
  nullable: true as const,
  description: `Before API v1: what \`input.${replacement}\` holds now.`,
  deprecationReason: legacyArgument(replacement, note),
});

/** The v1 input a call gives, built from its deprecated arguments when it used those; or why neither will do. */
export type Chosen<T> = { input: T; legacy: boolean } | { refusal: MutationError[] };

/**
 * Takes `input`, or builds it from the deprecated arguments (`legacy`, each null or undefined when not given) with
 * `build`, which names the arguments still missing when it cannot. Both forms at once, or neither, is refused as
 * INVALID_INPUT: nothing runs.
 */
export function eitherForm<T>(input: T | null | undefined, legacy: Record<string, unknown>, build: () => T | { missing: string[] }): Chosen<T> {
  const given = Object.entries(legacy)
    .filter(([, v]) => v !== null && v !== undefined)
    .map(([k]) => k);
  if (input && given.length) {
    return { refusal: [new InvalidInputError('input', `Give \`input\`, or the deprecated arguments (${given.join(', ')}), not both.`)] };
  }
  if (input) return { input, legacy: false };
  if (!given.length) return { refusal: [new InvalidInputError('input', '`input` is required.')] };
  const built = build();
  if (built && typeof built === 'object' && 'missing' in built && Array.isArray((built as { missing: unknown }).missing)) {
    const missing = (built as { missing: string[] }).missing;
    return { refusal: missing.map((m) => new InvalidInputError(m, `${m} is required when the deprecated arguments are used (or use \`input\`).`)) };
  }
  return { input: built as T, legacy: true };
}

/**
 * Runs the mutation with the chosen input. A call in the old form has its errors point at the arguments it gave
 * (`id`, not `input.proposalId`): `paths` maps each v1 input path (and its sub-paths) to the argument it came from.
 */
export async function withForm<T, R>(chosen: Chosen<T>, run: (input: T) => Promise<Outcome<R>>, paths: Record<string, string> = {}): Promise<Outcome<R>> {
  if ('refusal' in chosen) return refused(chosen.refusal);
  const outcome = await run(chosen.input);
  if (chosen.legacy) {
    for (const error of outcome.errors) {
      const from = Object.keys(paths)
        .sort((a, b) => b.length - a.length)
        .find((p) => error.field === p || error.field?.startsWith(`${p}.`));
      if (from) error.field = paths[from]! + error.field!.slice(from.length);
    }
  }
  return outcome;
}
