import { Migration } from '@mikro-orm/migrations';

/** Stored criterion parameters renamed for API v1 (no abbreviations, booleans as questions): old key → new key. */
const RENAMED: [string, string][] = [
  ['minYears', 'minimumYears'],
  ['stateOwned', 'isStateOwned'],
  ['eachYear', 'isEachYearRequired'],
  ['maxAgeDays', 'maximumAgeDays'],
];

/** Every criterion of every rule version with the keys `from` renamed to `to`, in order. */
function renameKeys(pairs: [string, string][]): string {
  const dropped = pairs.map(([from]) => ` - '${from}'`).join('');
  const added = pairs.map(([from, to]) => `'${to}', c->'${from}'`).join(', ');
  const any = pairs.map(([from]) => from).join('|');
  return `update "programme_rule_version" set "criteria" = (
      select coalesce(jsonb_agg((c${dropped}) || jsonb_strip_nulls(jsonb_build_object(${added})) order by n), '[]'::jsonb)
      from jsonb_array_elements("criteria") with ordinality as t(c, n))
    where "criteria"::text ~ '"(${any})"';`;
}

/**
 * The parameters a rule version's criteria store (JSON) take the names the API gives them since v1: `minimumYears`,
 * `isStateOwned`, `isEachYearRequired`, `maximumAgeDays`. Only the keys change: each version keeps its criteria, its
 * values and its order, so it answers as before. Receipts store no criteria (they name the version), so none is
 * touched.
 */
export class Migration20261203120000_program_rule_parameters extends Migration {
  override async up(): Promise<void> {
    this.addSql(renameKeys(RENAMED));
  }

  override async down(): Promise<void> {
    this.addSql(renameKeys(RENAMED.map(([from, to]) => [to, from])));
  }
}
