import type { MikroORM } from '@mikro-orm/postgresql';
import { sqlArray } from '../src/common/sql';

const log = (line: string) => process.stdout.write(`${line}\n`);
const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

/** The synthetic zone's figures run to 2025: by the end of March 2026 three full years can be read. */
const AS_OF = '2026-03-31';

/**
 * The credit loan pilot's criteria (version 1 of the migration) written by hand as one query over the same data:
 * one row per enterprise, each criterion true (passed), false (failed) or null (unknown). The yardstick the API's
 * batch is measured against, and checked against, criterion by criterion.
 */
const CREDIT_LOAN_BY_HAND = `
with codes as (select unnest(?::text[]) as code),
e as (select e.* from enterprise e join codes on codes.code = e.credit_code),
fy as (select distinct on (y.enterprise_id) y.enterprise_id, y.fiscal_year, y.revenue
       from fiscal_year_financials y join e on e.id = y.enterprise_id where y.fiscal_year <= 2025
       order by y.enterprise_id, y.fiscal_year desc),
rating as (select distinct on (x.enterprise_id) x.enterprise_id, x.rating
           from credit_rating_record x join e on e.id = x.enterprise_id where x.rated_on <= '${AS_OF}' and x.valid_until >= '${AS_OF}' and x.voided_at is null
           order by x.enterprise_id, x.rated_on desc, x.id desc),
grade as (select distinct on (g.enterprise_id) g.enterprise_id, g.year, g.grade
          from tax_credit_grade g join e on e.id = g.enterprise_id where g.evaluated_on <= '${AS_OF}'
          order by g.enterprise_id, g.year desc),
checked as (select distinct on (c.enterprise_id) c.enterprise_id, c.checked_on, c.listed
            from dishonest_debtor_check c join e on e.id = c.enterprise_id where c.checked_on <= '${AS_OF}' and c.voided_at is null
            order by c.enterprise_id, c.checked_on desc, c.id desc)
select e.credit_code,
       e.founded_on <= '2024-03-31' as registered,
       exists (select 1 from high_tech_certificate c where c.enterprise_id = e.id and c.issued_on <= '${AS_OF}' and c.expires_on >= '${AS_OF}') as certified,
       case when fy.fiscal_year >= 2024 then fy.revenue <= 200000000 end as revenue,
       case when rating.rating is not null then rating.rating in ('AAA', 'AA', 'A', 'BBB') end as rating,
       case when grade.year >= 2024 then grade.grade in ('A', 'B') end as tax_grade,
       not exists (select 1 from instrument_holder h join financing_instrument i on i.id = h.instrument_id
                   where h.enterprise_id = e.id and i.defaulted_on > '2024-03-31' and i.defaulted_on <= '${AS_OF}' and i.voided_at is null) as no_default,
       case when checked.checked_on >= '2025-03-31' then not checked.listed end as not_listed
from e
left join fy on fy.enterprise_id = e.id
left join rating on rating.enterprise_id = e.id
left join grade on grade.enterprise_id = e.id
left join checked on checked.enterprise_id = e.id`;

const COLUMNS = ['registered', 'certified', 'revenue', 'rating', 'tax_grade', 'no_default', 'not_listed'] as const;
const OUTCOME = (v: boolean | null) => (v === null ? 'UNKNOWN' : v ? 'PASSED' : 'FAILED');

/**
 * A batch of 1000 credit codes through `eligibility` (the GraphQL pipeline, explanations and all) next to the same
 * criteria as one hand-written SQL query, timed in this run; and the two answers compared criterion by criterion.
 */
export async function benchEligibility(
  orm: MikroORM,
  run: (query: string, variables: Record<string, unknown>) => Promise<Record<string, any>>,
  countStatements: () => { reset(): void; count(): number },
): Promise<void> {
  const em = orm.em.fork();
  const [{ n }] = (await em.execute<{ n: string }[]>('select count(*) as n from enterprise')) as [{ n: string }];
  const step = Math.max(1, Math.floor(Number(n) / 1000));
  const codes = (
    await em.execute<{ code: string }[]>(`select credit_code as code from enterprise order by credit_code`)
  )
    .filter((_, i) => i % step === 0)
    .slice(0, 1000)
    .map((r) => r.code);

  const query = `query($codes: [String!]!) { eligibility(program: "CREDIT_LOAN", creditCodes: $codes, asOf: "${AS_OF}") {
    creditCode isEligible checks { criterion outcome detail observed { name fiscalYear amount percent count date text isTrue } required { name minimumAmount maximumAmount minimumDate maximumDate anyOf isTrue } } } }`;
  const statements = countStatements();
  await run(query, { codes: codes.slice(0, 10) }); // warm the caches both ways alike
  await em.execute(CREDIT_LOAN_BY_HAND, [sqlArray(codes.slice(0, 10))]);

  const times = { api: [] as number[], sql: [] as number[] };
  let api: Record<string, any> = {};
  let hand: Record<string, boolean | null | string>[] = [];
  for (let round = 0; round < 3; round++) {
    statements.reset();
    let start = process.hrtime.bigint();
    api = await run(query, { codes });
    times.api.push(ms(start));
    start = process.hrtime.bigint();
    hand = await em.execute(CREDIT_LOAN_BY_HAND, [sqlArray(codes)]);
    times.sql.push(ms(start));
  }
  const apiStatements = statements.count() - 1; // the last round's hand-written query counted too

  // Criterion by criterion, both ways must agree.
  const byCode = new Map(hand.map((r) => [r['credit_code'] as string, r]));
  let disagreements = 0;
  let eligible = 0;
  for (const r of api['eligibility'] as { creditCode: string; isEligible: boolean; checks: { outcome: string }[] }[]) {
    const row = byCode.get(r.creditCode)!;
    const expected = COLUMNS.map((c) => OUTCOME(row[c] as boolean | null));
    if (JSON.stringify(expected) !== JSON.stringify(r.checks.map((c) => c.outcome))) disagreements++;
    if (r.isEligible) eligible++;
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[1]!;
  const [a, s] = [median(times.api), median(times.sql)];
  log(
    `eligibility, credit loan pilot, 1000 codes as of ${AS_OF}: API ${a.toFixed(0)} ms (${apiStatements} statements, every criterion explained), ` +
      `hand-written SQL ${s.toFixed(0)} ms (one statement, true/false/null per criterion); API/SQL ${(a / s).toFixed(1)}x (median of 3 rounds)`,
  );
  log(`eligibility answers: ${eligible} of ${codes.length} eligible; API and SQL disagree on ${disagreements} enterprise(s)`);
  if (disagreements > 0) throw new Error('the API and the hand-written SQL disagree');
}
