import { Client } from 'pg';
import type { MikroORM } from '@mikro-orm/postgresql';
import { CPPCC_TABLES } from '../../seeds/cppcc';
import { loadReferenceData, loadZone } from '../../seeds/zone';
import { BANKS, BRANCHES, FUNDS, INSURERS, POOLS } from '../../seeds/reference';
import { toGlobalId } from '../../src/common/global-id';

/** Every table of the registry and its reference data, emptied between test files. */
const TABLES = [
  'enterprise', 'fiscal_year_financials', 'high_tech_certificate', 'patent', 'patent_appraisal', 'financing_instrument',
  'instrument_holder', 'ip_pledge', 'risk_compensation_claim', 'research_project', 'project_participant',
  'project_budget_line', 'project_output', 'equity_incentive_plan', 'equity_grant', 'talent_award', 'tax_pilot_usage',
  'credit_rating_record', 'tax_credit_grade', 'dishonest_debtor_check', 'qualification',
  ...CPPCC_TABLES,
  'park', 'industry_cluster', 'institution', 'bank', 'bank_branch', 'insurer', 'fund', 'risk_compensation_pool',
  // Accounts act for the registry's organizations: they go with them.
  'account', 'account_session', 'sign_in_failure',
  // Imports wrote into the registry: their records go with it.
  'data_import',
  // What the registry's changes announced, and to whom (issue 17): they go with the changes.
  'outbox_event', 'notification',
  // Webhooks are of the registry's organizations, their deliveries of its events; the allow-list is set by each test.
  'webhook', 'webhook_delivery', 'webhook_settings',
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

const CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/**
 * The check character of a Unified Social Credit Code from its first 17 characters, as GB 32100-2015 (and DOMAIN.md)
 * state it: C₁₈ = (31 − Σ value(cᵢ)·3^(i−1) mod 31) mod 31. Written here so that tests never build codes with the
 * code under test; test/literal-codes.test.ts pins it to real codes.
 */
export function checkCharacter(first17: string): string {
  if (first17.length !== 17) throw new Error(`17 characters expected: ${first17}`);
  let sum = 0;
  let weight = 1;
  for (const c of first17) {
    const value = CODE_ALPHABET.indexOf(c);
    if (value < 0) throw new Error(`${c} is not in the code alphabet`);
    sum += value * weight;
    weight = (weight * 3) % 31;
  }
  return CODE_ALPHABET[(31 - (sum % 31)) % 31]!;
}

/** A valid code of an enterprise (9: market regulation, 1: enterprise) of a division with a 9-character subject. */
export function creditCode(division: string, subject: string): string {
  const first17 = `91${division}${subject}`;
  return first17 + checkCharacter(first17);
}

/**
 * A Chinese patent number with its check digit, as DOMAIN.md states it: ZL + 12 digits + "." + Σ dᵢ·[2,3,4,5,6,7,8,9,2,3,4,5]
 * mod 11 (10 is X). Written here so that tests never number patents with the code under test.
 */
export function patentNumber(digits: string): string {
  if (!/^\d{12}$/.test(digits)) throw new Error(`12 digits expected: ${digits}`);
  const weights = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5];
  const sum = [...digits].reduce((s, d, i) => s + Number(d) * weights[i]!, 0) % 11;
  return `ZL${digits}.${sum === 10 ? 'X' : sum}`;
}

/** A valid credit code of a test enterprise. */
export const testCode = (n: number) => creditCode('420100', `MA9${String(n).padStart(6, '0')}`);

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

/** Global ids of the reference data's counterparties (seeds/reference.ts), as instrument inputs name them. */
export const counterpartyId = {
  bank: (key: string) => toGlobalId('Bank', BANKS.find((b) => b.key === key)!.id),
  branch: (name: string) => toGlobalId('BankBranch', BRANCHES.find((b) => b.name === name)!.id),
  insurer: (name: string) => toGlobalId('Insurer', INSURERS.find((i) => i.name === name)!.id),
  fund: (name: string) => toGlobalId('Fund', FUNDS.find((f) => f.name === name)!.id),
  pool: (name: string) => toGlobalId('RiskCompensationPool', POOLS.find((p) => p.name === name)!.id),
};
