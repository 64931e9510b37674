/**
 * A PostgreSQL array literal ('{"a","b"}') for one bound parameter: knex would otherwise expand a JavaScript
 * array into a list of parameters. Cast it in the SQL (`?::uuid[]`, `?::text[]`).
 */
export function sqlArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
}
