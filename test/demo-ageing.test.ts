import { Role } from '../src/auth/roles';
import { zoneToday } from '../src/clock';
import { DATA_ANCHOR, type Tables } from '../seeds/generator';
import { isTradingDay } from '../seeds/calendar';
import { addDays, addYears } from '../seeds/random';
import { BANKS } from '../seeds/reference';
import { dateShift, DEMO_ENTERPRISES, loadDemoZone, NAMED_ENTERPRISES, shiftTables } from '../seeds/zone';
import { as, TestApp } from './support/app';
import { resetRegistry } from './support/registry';

/**
 * The demo never ages (issue 13): the generator writes a zone as of DATA_ANCHOR (2025-11-01), and a demo loaded on a
 * later day has every date moved forward by the whole weeks between, so its credit checks, loans and filings are as
 * recent on that day as they were on the anchor. Loaded as it was (as of the anchor) and asked today, every financing
 * pilot answered UNKNOWN for all 200 enterprises: every dishonest-debtor check was over a year old.
 */
describe('dates of a zone as of a later day', () => {
  it('moves by whole weeks up to the day, never past it, and refuses a day before the data', () => {
    expect(dateShift(DATA_ANCHOR)).toEqual({ days: 0, years: 0 });
    expect(dateShift('2025-11-07')).toEqual({ days: 0, years: 0 });
    expect(dateShift('2025-11-08')).toEqual({ days: 7, years: 0 });
    expect(dateShift('2026-04-30')).toEqual({ days: 175, years: 0 });
    expect(dateShift('2026-05-10')).toEqual({ days: 189, years: 1 });
    expect(dateShift('2026-11-30')).toEqual({ days: 392, years: 1 });
    expect(dateShift('2035-11-01')).toEqual({ days: 3647, years: 10 });
    expect(() => dateShift('2025-10-31')).toThrow("as of 2025-10-31: the generated zone's data run to 2025-11-01; choose that day or a later one");
    expect(() => dateShift('2026-02-30x')).toThrow('not a date');
  });

  it('moves every date by the days and every year by the years; numbers follow the year of their date, patents keep theirs', () => {
    const tables: Tables = {
      high_tech_certificate: [{ id: 'c', number: 'GR202442000017', issued_on: '2024-12-30', expires_on: '2027-12-29', criteria_version: 'RULES_2016' }],
      financing_instrument: [{ id: 'i', contract_no: 'HANKOU-2023-0A1B2C3D', start_date: '2023-06-01', end_date: null, amount: '1000000.00' }],
      fiscal_year_financials: [{ id: 'f', fiscal_year: 2024, employees: 2024, revenue: '2024.00' }],
      tax_credit_grade: [{ id: 't', year: 2024, evaluated_on: '2025-04-15', grade: 'A' }],
      patent: [{ id: 'p', number: 'ZL202310012345.6', granted_on: '2024-07-15', title: '一种2023型装置' }],
    };
    shiftTables(tables, { days: 392, years: 1 });
    expect(tables).toEqual({
      high_tech_certificate: [{ id: 'c', number: 'GR202642000017', issued_on: '2026-01-26', expires_on: '2029-01-24', criteria_version: 'RULES_2016' }],
      financing_instrument: [{ id: 'i', contract_no: 'HANKOU-2024-0A1B2C3D', start_date: '2024-06-27', end_date: null, amount: '1000000.00' }],
      fiscal_year_financials: [{ id: 'f', fiscal_year: 2025, employees: 2024, revenue: '2024.00' }],
      tax_credit_grade: [{ id: 't', year: 2025, evaluated_on: '2026-05-12', grade: 'A' }],
      patent: [{ id: 'p', number: 'ZL202310012345.6', granted_on: '2025-08-11', title: '一种2023型装置' }],
    });
  });
});

type Answer = { creditCode: string; isEligible: boolean; checks: { criterion: string; outcome: 'PASSED' | 'FAILED' | 'UNKNOWN' }[] };

describe('the demo zone on the day it is loaded, and a year later', () => {
  let app: TestApp;
  let codes: string[];
  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(() => app?.close());

  /** Each financing pilot's answers for the whole demo, as of `day`: how many eligible, failing a rule, or unknown. */
  async function mix(day: string) {
    const programs = ['IP_PLEDGE_LOAN', 'CREDIT_LOAN', 'NEEQ_FIRST_BATCH', 'TECH_INSURANCE_SUBSIDY'];
    const found: Record<string, { eligible: number; ineligible: number; unknown: number }> = {};
    for (const program of programs) {
      const result = await app.execute<{ eligibility: Answer[] }, Record<string, unknown>>(
        `query ($program: String!, $codes: [String!]!, $asOf: Date) {
          eligibility(program: $program, creditCodes: $codes, asOf: $asOf) { creditCode isEligible checks { criterion outcome } } }`,
        { program, codes, asOf: day },
        as(Role.ZONE_ADMIN),
      );
      expect(result.errors).toBeUndefined();
      const answers = result.data!.eligibility;
      expect(answers).toHaveLength(DEMO_ENTERPRISES);
      found[program] = {
        eligible: answers.filter((a) => a.isEligible).length,
        ineligible: answers.filter((a) => a.checks.some((c) => c.outcome === 'FAILED')).length,
        unknown: answers.filter((a) => !a.isEligible && !a.checks.some((c) => c.outcome === 'FAILED')).length,
      };
    }
    return found;
  }

  async function load(day: string) {
    await resetRegistry(app.orm);
    await loadDemoZone(app.orm.config.get('clientUrl')!, day);
    const rows = await app.orm.em.fork().execute<{ code: string }[]>('select credit_code as code from enterprise order by credit_code');
    codes = rows.map((r) => r.code);
  }

  const every = (found: Record<string, { eligible: number; ineligible: number; unknown: number }>) =>
    Object.entries(found).map(([program, n]) => [program, n.eligible > 0, n.ineligible > 0, n.unknown > 0]);

  it('gives each financing pilot eligible, ineligible and unknown enterprises today and a year from now', async () => {
    const today = zoneToday();
    for (const day of [today, addYears(today, 1)]) {
      await load(day);
      const found = await mix(day);
      expect([day, every(found)]).toEqual([day, Object.keys(found).map((p) => [p, true, true, true])]);
    }
  }, 120_000);

  it('lets the demo banks see the clients that authorised them, as the README says, and no other bank', async () => {
    await load(zoneToday());
    const huagong = NAMED_ENTERPRISES.find((e) => e.key === 'huagong')!.creditCode;
    const query = `query ($code: CreditCode!) { enterprise(creditCode: $code) { name patents { nodes { number } } financialBands { fiscalYear } } }`;
    const seen = async (bank: string) => {
      const result = await app.execute<{ enterprise: { name: string; patents: { nodes: unknown[] } | null; financialBands: unknown[] | null } | null }, Record<string, unknown>>(
        query,
        { code: huagong },
        as(Role.BANK_OFFICER, BANKS.find((b) => b.key === bank)!.creditCode),
      );
      const e = result.data!.enterprise;
      // A field outside its scopes is masked, with an error naming the scope that would grant it; nothing else fails.
      const masked = (result.errors ?? []).map((x) => `${x.path!.join('.')} ${x.extensions!['code']} ${x.extensions!['requiredScope']}`).sort();
      if (!e) expect(masked).toEqual([]);
      return e && { name: e.name, patents: e.patents !== null, financialBands: e.financialBands !== null, masked };
    };
    // 招商银行: every scope; 湖北银行: the profile and eligibility only; 中国银行: nothing.
    expect(await seen('CMB')).toEqual({ name: '华工科技产业股份有限公司', patents: true, financialBands: true, masked: [] });
    expect(await seen('HUBEI')).toEqual({
      name: '华工科技产业股份有限公司',
      patents: false,
      financialBands: false,
      masked: ['enterprise.financialBands FORBIDDEN FINANCIALS', 'enterprise.patents FORBIDDEN PATENTS'],
    });
    expect(await seen('BOC')).toBeNull();
    const eligibility = await app.execute<{ eligibility: { isEligible: boolean; checks: { criterion: string }[] }[] }, Record<string, unknown>>(
      `query ($code: String!) { eligibility(program: "CREDIT_LOAN", creditCodes: [$code]) { isEligible checks { criterion } } }`,
      { code: huagong },
      as(Role.BANK_OFFICER, BANKS.find((b) => b.key === 'HUBEI')!.creditCode),
    );
    // Authorized for eligibility: the bank reads every criterion, not the lone AUTHORIZATION refusal.
    expect(eligibility.data!.eligibility[0]!.checks.map((c) => c.criterion)).not.toContain('AUTHORIZATION');
  }, 60_000);

  it('as the generator wrote it (as of 2025-11-01) and asked today, is what aged: no enterprise eligible for a loan pilot', async () => {
    const today = zoneToday();
    await load(DATA_ANCHOR);
    const stale = await mix(today);
    // Every dishonest-debtor check is more than a year old: the loan pilots cannot say yes to anyone.
    expect([stale['IP_PLEDGE_LOAN']!.eligible, stale['CREDIT_LOAN']!.eligible]).toEqual([0, 0]);
    // Loaded as of today, the newest checks are days old, as they were on the anchor.
    await load(today);
    const [row] = await app.orm.em.fork().execute<{ newest: string }[]>('select max(checked_on)::text as newest from dishonest_debtor_check');
    const newest = row!.newest;
    expect(newest <= today && newest > addDays(today, -14)).toBe(true);
    // A NEEQ listing's stages (JSON) move with its start date, the later ones kept on trading days, none after today.
    const stages = await app.orm.em.fork().execute<{ start: string; n: number; on: string }[]>(
      `select i.start_date::text as start, s.n::int, s.entry->>'on' as on
       from financing_instrument i, jsonb_array_elements(i.stage_history) with ordinality as s(entry, n) where i.kind = 'NEEQ_LISTING'`,
    );
    expect(stages.length).toBeGreaterThan(20);
    expect(stages.filter((s) => (s.n === 1 ? s.on !== s.start : !isTradingDay(s.on) || s.on > today))).toEqual([]);
    // What the source text says of the named enterprises stays as it is: 华工科技 was founded on 1999-07-28.
    const founded = await app.orm.em.fork().execute<{ code: string; founded: string }[]>(
      'select credit_code as code, founded_on::text as founded from enterprise where credit_code = any(?::text[]) order by credit_code',
      [`{${NAMED_ENTERPRISES.map((e) => e.creditCode).join(',')}}`],
    );
    expect(founded).toEqual(NAMED_ENTERPRISES.map((e) => ({ code: e.creditCode, founded: e.foundedOn })).sort((a, b) => (a.code < b.code ? -1 : 1)));
  }, 120_000);
});
