import { Client } from 'pg';
import type { MikroORM } from '@mikro-orm/postgresql';
import { CPPCC_TABLES } from '../../seeds/cppcc';
import { loadReferenceData, loadZone } from '../../seeds/zone';
import { makeCreditCode } from '../../seeds/reference';

/** Every table of the registry and its reference data, emptied between test files. */
const TABLES = [
  'enterprise', 'fiscal_year_financials', 'high_tech_certificate', 'patent', 'patent_appraisal', 'financing_instrument',
  'instrument_holder', 'ip_pledge', 'risk_compensation_claim', 'research_project', 'project_participant',
  'project_budget_line', 'project_output', 'equity_incentive_plan', 'equity_grant', 'talent_award', 'tax_pilot_usage',
  'credit_rating_record', 'tax_credit_grade', 'dishonest_debtor_check',
  ...CPPCC_TABLES,
  'park', 'industry_cluster', 'institution', 'bank', 'bank_branch', 'insurer', 'fund', 'risk_compensation_pool',
];

/** Empties the registry and loads the reference data (parks, clusters, institutions, banks, insurers, funds, pools). */
export async function resetRegistry(orm: MikroORM): Promise<void> {
  const client = new Client({ connectionString: orm.config.get('clientUrl') });
  await client.connect();
  try {
    await client.query(`truncate ${TABLES.map((t) => `"${t}"`).join(', ')} cascade`);
    // Programmes and their first rules come with the migrations; versions a test recorded go.
    await client.query(`delete from programme_rule_version where recorded_by <> 'migration'`);
    await loadReferenceData(client);
  } finally {
    await client.end();
  }
}

/** Empties the registry and loads a generated zone of `enterprises` (the demo zone's named enterprises first). */
export async function loadTestZone(orm: MikroORM, enterprises: number, seed = 7): Promise<void> {
  await resetRegistry(orm);
  await loadZone(orm.config.get('clientUrl')!, { enterprises, seed, named: true, incentiveRate: 0.25 });
}

/** A valid credit code of a test enterprise. */
export const testCode = (n: number) => makeCreditCode('420100', `MA9${String(n).padStart(6, '0')}`);

/** A code with a valid format and a wrong check character. */
export function wrongCheckCode(n: number): string {
  const good = testCode(n);
  const wrong = good[17] === '0' ? '1' : '0';
  return good.slice(0, 17) + wrong;
}

/** The input of a valid enterprise with a given code and name. */
export function enterpriseInput(creditCode: string, name: string, extra: Record<string, unknown> = {}) {
  return {
    creditCode,
    name,
    nameEn: null,
    industry: 'OPTOELECTRONIC_INFORMATION' as const,
    parkCode: 'OPTOELECTRONICS_PARK',
    foundedOn: '2012-03-01',
    registeredCapital: '50000000.00',
    size: 'SMALL' as const,
    ...extra,
  };
}
