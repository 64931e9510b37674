import { loadDemoAccounts } from '../../seeds/accounts';
import type { MikroORM } from '@mikro-orm/postgresql';
import { loadDemoCppcc } from '../../seeds/cppcc';
import { loadDemoZone } from '../../seeds/zone';
import { TestApp, type TestAppOptions } from './app';
import { zoneToday } from './clock';
import { resetRegistry } from './registry';

/**
 * An app on the demo as `npm start` seeds it: the registry's dates running to today, its banks holding their own
 * authorizations, the CPPCC committee with its proposals; nothing granted by the test.
 */
export async function startOnDemo(options: TestAppOptions & { accounts?: boolean } = {}): Promise<TestApp> {
  const app = await TestApp.start(options);
  await resetRegistry(app.orm);
  await loadDemoZone(app.orm.config.get('clientUrl')!, zoneToday());
  await loadDemoCppcc(app.orm);
  // The demo accounts (admin, bank, member, office, unit, rep), for tests that sign in as a person would.
  if (options.accounts) await loadDemoAccounts(app.orm);
  return app;
}

/**
 * Five enterprises that between them reach every relation the portfolio page names (each instrument kind,
 * pledges, claims, sub-branches, universities, clusters, project outputs with patents, grants …), chosen greedily.
 * A page of them runs every kind of query once; if a resolver queried per parent, fifty would run more.
 */
export async function coveringEnterprises(orm: MikroORM): Promise<string[]> {
  const sql = <T>(query: string) => orm.em.fork().execute<T[]>(query);
  const rows = await sql<{ code: string; features: string[] }>(`
    select e.credit_code as code, array_remove(array[
        case when e.university_id is not null then 'university' end,
        case when e.cluster_id is not null then 'cluster' end,
        case when exists (select 1 from ip_pledge p join instrument_holder h on h.instrument_id = p.loan_id where h.enterprise_id = e.id) then 'pledge' end,
        case when exists (select 1 from risk_compensation_claim c join instrument_holder h on h.instrument_id = c.cover_id where h.enterprise_id = e.id) then 'claim' end,
        case when exists (select 1 from financing_instrument i join instrument_holder h on h.instrument_id = i.id where h.enterprise_id = e.id and i.lender_branch_id is not null) then 'branch' end,
        case when exists (select 1 from project_output o join project_participant pp on pp.project_id = o.project_id where pp.enterprise_id = e.id and o.patent_id is not null) then 'output-patent' end,
        case when exists (select 1 from equity_grant g join equity_incentive_plan pl on pl.id = g.plan_id where pl.enterprise_id = e.id) then 'grant' end,
        case when exists (select 1 from patent_appraisal a join patent pa on pa.id = a.patent_id where pa.owner_id = e.id) then 'appraisal' end,
        case when exists (select 1 from talent_award t where t.enterprise_id = e.id) then 'talent' end,
        case when exists (select 1 from tax_pilot_usage t where t.enterprise_id = e.id) then 'tax' end
      ]::text[] || coalesce((select array_agg(distinct i.kind::text) from financing_instrument i
          join instrument_holder h on h.instrument_id = i.id where h.enterprise_id = e.id), '{}'), null) as features
    from enterprise e order by e.credit_code`);
  const wanted = new Set(rows.flatMap((r) => r.features));
  const chosen: string[] = [];
  while (wanted.size > 0 && chosen.length < 5) {
    const best = rows.reduce((a, b) => (b.features.filter((f) => wanted.has(f)).length > a.features.filter((f) => wanted.has(f)).length ? b : a));
    chosen.push(best.code);
    best.features.forEach((f) => wanted.delete(f));
  }
  if (wanted.size > 0) throw new Error(`the demo zone does not reach ${[...wanted].join(', ')}`);
  // Fewer may do; fill up to five with the first others.
  return [...chosen, ...rows.map((r) => r.code).filter((c) => !chosen.includes(c))].slice(0, 5);
}
