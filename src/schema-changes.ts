import { type BreakingChange, buildSchema, findBreakingChanges, type GraphQLSchema } from 'graphql';

/**
 * Breaking changes between the last released schema (schema/released.graphql) and the one the code serves, each
 * named by its schema coordinate, for CHANGELOG.md (issue 14, item 12). graphql-js's `findBreakingChanges` finds
 * them; it writes each as a sentence, from which the coordinate is read.
 */
export interface NamedBreakingChange {
  /** `Type`, `Type.field`, `Type.field(argument:)`, `Enum.VALUE` or `@directive`. */
  coordinate: string;
  type: BreakingChange['type'];
  description: string;
}

const PATTERNS: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^A required arg (\w+) on (\w+)\.(\w+) was added\./, (m) => `${m[2]}.${m[3]}(${m[1]}:)`],
  [/^(\w+)\.(\w+) arg (\w+) /, (m) => `${m[1]}.${m[2]}(${m[3]}:)`],
  [/^A required field (\w+) on input type (\w+) was added\./, (m) => `${m[2]}.${m[1]}`],
  [/^(\w+) was removed from enum type (\w+)\./, (m) => `${m[2]}.${m[1]}`],
  [/^(\w+) was removed from union type (\w+)\./, (m) => `${m[2]}`],
  [/^(\w+) no longer implements interface (\w+)\./, (m) => `${m[1]}`],
  [/^(\w+)\.(\w+) /, (m) => `${m[1]}.${m[2]}`],
  [/^(?:Standard scalar )?(\w+) /, (m) => `${m[1]}`],
  [/^(\w+) was removed\./, (m) => `${m[1]}`],
];

export function coordinateOf(change: BreakingChange): string {
  const directive = /(?:directive|Directive) @?(\w+)|^(\w+) was removed from (\w+)\./.exec(change.description);
  if (change.type.startsWith('DIRECTIVE_') && directive) return `@${directive[1] ?? directive[3]}`;
  for (const [pattern, name] of PATTERNS) {
    const m = pattern.exec(change.description);
    if (m) return name(m);
  }
  return change.description;
}

export function breakingChanges(released: GraphQLSchema | string, current: GraphQLSchema | string): NamedBreakingChange[] {
  const asSchema = (s: GraphQLSchema | string) => (typeof s === 'string' ? buildSchema(s) : s);
  return findBreakingChanges(asSchema(released), asSchema(current))
    .map((c) => ({ coordinate: coordinateOf(c), type: c.type, description: c.description }))
    .sort((a, b) => (a.coordinate < b.coordinate ? -1 : a.coordinate > b.coordinate ? 1 : 0));
}

/** The section of CHANGELOG.md that lists what the coming release changes. */
export function unreleasedSection(changelog: string): string {
  const start = changelog.indexOf('\n## ');
  if (start < 0) return '';
  const next = changelog.indexOf('\n## ', start + 1);
  return changelog.slice(start, next < 0 ? undefined : next);
}

/** The breaking changes a changelog section does not name (each coordinate must appear in backticks). */
export function unnamed(changes: NamedBreakingChange[], section: string): NamedBreakingChange[] {
  return changes.filter((c) => !section.includes('`' + c.coordinate + '`'));
}
