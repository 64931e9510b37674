import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  type GraphQLCompositeType,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type IntrospectionQuery,
  isObjectType,
} from 'graphql';
import { Role } from '../src/auth/roles';
import type { Viewer } from '../src/auth/viewer';
import { toGlobalId } from '../src/common/global-id';
import { CHAIN_MEMBER, loadDemoCppcc } from '../seeds/cppcc';
import { BANKS, FUNDS, INSTITUTIONS, INSURERS, OTC_CENTRE, POOLS } from '../seeds/reference';
import { loadDemoZone, NAMED_ENTERPRISES } from '../seeds/zone';
import { as, TestApp } from './support/app';
import { resetRegistry } from './support/registry';
import { InMemoryEventPublisher } from '../src/events/publisher';
import { relayPending } from '../src/events/relay';
import { selectEverything } from './support/selection';
import { deliveryBody } from '../src/events/webhook-delivery';
import { KINDS_TOLD_TO } from '../src/events/webhook.service';

/**
 * Privacy invariants, written by hand from DOMAIN.md and independent of src/auth/policy.ts: what each role must
 * NEVER see, checked on everything it can ask for. The access matrix (access-matrix.test.ts) proves the server
 * enforces the policy table; this file proves the table says what the domain requires, so a table changed to leak
 * fails here even after `npm run schema`.
 *
 * How: two enterprises of our own, with records carrying unique sentinel values (a grantee named 张三丰, contract
 * numbers HT-SECRET-…, a revenue of ¥86,420,135.79, a rating agency, a dishonest-debtor source, proposal subjects
 * …), join the demo zone and its CPPCC. Each viewer then runs a generated "select everything" query on every root
 * field of the schema (introspected: a new root field fails here until it is swept) and fetches, with `node` and
 * `nodes`, every record the administrator and a member met. Three independent checks run over every answer:
 *  1. no forbidden sentinel appears anywhere in its JSON text (any field, any path, frozen evidence, error messages);
 *  2. no object of a forbidden type appears, and every forbidden field of an object is null;
 *  3. no enterprise the viewer does not see appears (its credit code, its name, an Enterprise object of it), and a
 *     handling unit meets no proposal that is not assigned to it.
 * And the sweep is proven to reach: every sentinel, forbidden type and forbidden field is met by the administrator
 * (or a member), and each viewer meets what it may see.
 */

// ———————————————————————————————————————————— the fixture's actors ————————————————————————————————————————————

/** Two enterprises of our own, with codes written out (valid: see DOMAIN.md). */
const E1 = { code: '91420100MA4K0A1B6L', name: '武汉哨兵光电科技有限公司' };
const E2 = { code: '91420500309804832J', name: '宜昌哨兵生物医药有限公司' };
/** 华工科技 of the demo zone, E1's partner in a collective bond. */
const HUAGONG = NAMED_ENTERPRISES[0]!.creditCode;

const bank = (key: string) => BANKS.find((b) => b.key === key)!;
/** The bank E1 gave EVERY scope; the other lender (E2 authorised it); a partner bank nobody authorised. */
const LENDER = bank('HANKOU');
const OTHER_LENDER = bank('CMB');
const NEVER_AUTHORISED = bank('HUBEI');
const ALL_SCOPES = ['PROFILE', 'HIGH_TECH', 'PATENTS', 'FINANCIALS', 'INSTRUMENTS', 'ELIGIBILITY'];

/** The unit our first proposal is assigned to, and the unit of the second (the demo assigns neither anything). */
const UNIT = '武汉市经济和信息化局';
const OTHER_UNIT = '武汉市人力资源和社会保障局';

// ———————————————————————————————————————————— the secrets ————————————————————————————————————————————

/** What a secret is, in the words of DOMAIN.md. */
type Kind =
  | 'identity' // an enterprise's name, credit code, patents
  | 'exact figure' // fiscal-year figures (banks and CPPCC see bands only)
  | 'credit standing' // credit ratings, tax credit grades, dishonest-debtor checks
  | 'own loan terms' // terms of the lending bank's own loan
  | 'other lenders terms' // contract numbers, rates, registrations, policy and treaty numbers, coupons … of anyone else
  | 'other lenders amount' // amounts of instruments not the lending bank's own
  | 'personal name' // equity grantees, talent award recipients
  | 'project'
  | 'incentive plan'
  | 'talent award'
  | 'tax relief'
  | 'proposal' // CPPCC proposals (`unit`: the unit it is assigned to)
  | 'policy request'
  | 'cppcc member'
  | 'account' // who signs in, for a bank, an enterprise, a unit or the office: the zone's business
  | 'member account'; // a CPPCC member's account: the zone's and the office's (which manages them)

interface Secret {
  kind: Kind;
  /** The credit codes of the enterprises it belongs to (none: CPPCC material). */
  owners: string[];
  /** The handling unit a proposal is assigned to (null: none). */
  unit?: string | null;
  /** How it may be spelled in an answer. */
  spellings: string[];
}

/** A money figure as stored (86420135.79) and as explanations write it (86,420,135.79). */
const money = (v: string) => {
  const [whole, cents] = v.split('.') as [string, string];
  return [v, `${whole.replace(/\B(?=(\d{3})+$)/g, ',')}.${cents}`];
};
/** A rate or share: as the API writes it, quoted (a bare 3.1415 could sit inside another number). */
const rate = (v: string) => `"${v}"`;
const secret = (kind: Kind, owners: string[], ...spellings: string[]): Secret => ({ kind, owners, spellings });
const ofE1 = [E1.code];
const ofE2 = [E2.code];
const ofBoth = [E1.code, E2.code];

const SECRETS: Secret[] = [
  secret('identity', ofE1, E1.code, E1.name, 'ZL201410012345.9'),
  secret('identity', ofE2, E2.code, E2.name, 'ZL201710000003.9'),
  // Exact fiscal-year figures: revenue, R&D expense, R&D in China, high-tech revenue.
  secret('exact figure', ofE1, ...money('86420135.79')),
  secret('exact figure', ofE1, ...money('7531902.46')),
  secret('exact figure', ofE1, ...money('7000001.23')),
  secret('exact figure', ofE1, ...money('61234567.89')),
  secret('exact figure', ofE2, ...money('24681357.91')),
  // Credit standing: the rating agency, the dishonest-debtor list consulted.
  secret('credit standing', ofE1, '哨兵信用评级有限公司'),
  secret('credit standing', ofE1, '哨兵失信被执行人查询平台'),
  // The lending bank's own credit loan to E1: contract number and rate (its amount is no secret to CPPCC).
  secret('own loan terms', ofE1, 'HT-OWN-2025-7001', rate('3.1415')),
  // Everyone else's instruments of E1, E2 and both, term by term.
  secret('other lenders terms', ofE1, 'HT-SECRET-2025-7002', rate('6.2831')), // credit loan
  secret('other lenders amount', ofE1, ...money('3141592.65')),
  secret('other lenders terms', ofE1, 'HT-SECRET-2025-7003', rate('5.7721'), 'ZX-SECRET-7004', '哨兵融资担保有限公司', rate('41.4213'), rate('17.3205')), // IP pledge
  secret('other lenders amount', ofE1, ...money('1414213.56')),
  secret('other lenders terms', ofE1, 'BD-SECRET-7005', ...money('22360.67')), // tech insurance: policy no., premium
  secret('other lenders amount', ofE1, ...money('2236067.97')),
  secret('other lenders terms', ofE1, 'FB-SECRET-7006', rate('26.4575')), // reinsurance: treaty, ceded share
  secret('other lenders terms', ofE1, 'TG-SECRET-7008'), // regional OTC custody code
  secret('other lenders terms', ofE1, rate('38.1966')), // risk compensation coverage ratio
  secret('other lenders terms', ofE1, rate('2.6458'), rate('3.3166')), // coupons: short-term bills, medium-term notes
  secret('other lenders amount', ofE1, ...money('36055512.75')),
  secret('other lenders terms', [E1.code, HUAGONG], rate('3.6056')), // coupon of a collective bond with 华工科技
  secret('other lenders amount', [E1.code, HUAGONG], ...money('24494897.43')),
  secret('other lenders terms', ofBoth, rate('4.4721')), // coupon of the SME notes E1 and E2 issued together
  secret('other lenders amount', ofBoth, ...money('31622776.60')),
  secret('other lenders terms', ofE2, 'HT-SECRET-2025-8001', rate('4.6692')),
  secret('other lenders amount', ofE2, ...money('2502907.87')),
  // People.
  secret('personal name', ofE1, '张三丰'), // equity grantee
  secret('personal name', ofE1, '令狐冲'), // talent award recipient
  secret('personal name', ofE2, '独孤求败'),
  // Projects, incentives, awards, tax.
  secret('project', ofBoth, '哨兵光电与华中科技大学联合研发项目'),
  secret('incentive plan', ofE1, '哨兵光电股权奖励计划'),
  secret('talent award', ofE1, ...money('654321.09')),
  secret('tax relief', ofE1, ...money('97531.86')),
  // CPPCC material.
  { kind: 'proposal', owners: [], unit: UNIT, spellings: ['哨兵提案甲'] },
  { kind: 'proposal', owners: [], unit: OTHER_UNIT, spellings: ['哨兵提案乙'] },
  { kind: 'proposal', owners: [], unit: null, spellings: ['哨兵提案丙'] }, // submitted, not yet assigned
  { kind: 'proposal', owners: [], unit: null, spellings: ['哨兵提案丁'] }, // a draft
  secret('policy request', ofE1, '哨兵请求甲'),
  secret('policy request', ofE2, '哨兵请求乙'),
  secret('cppcc member', [], CHAIN_MEMBER),
  // Accounts: a bank officer's (made by the zone), a member's (made by the office), by their display names.
  secret('account', [], '哨兵客户经理'),
  secret('member account', [], '哨兵政协委员'),
];

/** What a viewer must never see (true: forbidden). Written from DOMAIN.md, not from the policy table. */
type Rule = (s: Secret) => boolean;
/** A bank, whatever its scopes: exact figures, credit standing, other lenders' terms, CPPCC material, names … */
const BANK_NEVER: Kind[] = [
  'exact figure', 'credit standing', 'other lenders terms', 'other lenders amount', 'personal name', 'project',
  'incentive plan', 'talent award', 'tax relief', 'proposal', 'policy request', 'cppcc member', 'account', 'member account',
];
/** CPPCC roles: personal names, loan terms (anyone's), exact figures, credit standing, accounts but members'. */
const CPPCC_NEVER: Kind[] = ['personal name', 'own loan terms', 'other lenders terms', 'exact figure', 'credit standing', 'account'];
/** Of enterprises the viewer does not see: anything (null `sees`: it sees every enterprise). */
const ofUnseen = (sees: ReadonlySet<string> | null) => (s: Secret) => !!sees && s.owners.length > 0 && !s.owners.some((o) => sees.has(o));

// ———————————————————————————————————————————— forbidden types and fields ————————————————————————————————————————————

/** Every kind of financing instrument (a new one fails the schema test until it is listed). */
const INSTRUMENT_TYPES = [
  'CreditLoan', 'IpPledgeLoan', 'TechInsurancePolicy', 'Reinsurance', 'CollectiveBond', 'SmeCollectiveNote', 'ShortTermBill',
  'MediumTermNote', 'NeeqListing', 'RegionalOtcListing', 'FundInvestment', 'RiskCompensationCover',
];
/** The terms of an instrument: what was agreed with the enterprise, beyond kind, status, amount and dates. */
const TERMS: string[] = [
  'CreditLoan.contractNumber', 'CreditLoan.interestRate', 'CreditLoan.ratingUsed',
  'IpPledgeLoan.contractNumber', 'IpPledgeLoan.interestRate', 'IpPledgeLoan.ratingUsed', 'IpPledgeLoan.pledgeRegistrationNumber',
  'IpPledgeLoan.guarantor', 'IpPledgeLoan.guaranteeShare', 'IpPledgeLoan.riskCompensationShare', 'IpPledgeLoan.loanToValue',
  'TechInsurancePolicy.policyNumber', 'TechInsurancePolicy.premium', 'Reinsurance.treatyNumber', 'Reinsurance.cededShare',
  'CollectiveBond.couponRate', 'SmeCollectiveNote.couponRate', 'ShortTermBill.couponRate', 'MediumTermNote.couponRate',
  'RegionalOtcListing.custodyCode', 'RiskCompensationCover.coverageRatio',
];
/** For a bank, an instrument not its own shows neither its terms nor its amounts (a holder's share of it included). */
const NOT_OWN = [...TERMS, ...INSTRUMENT_TYPES.map((t) => `${t}.amount`), 'InstrumentHolder.amount', 'CreditLoan.termMonths', 'IpPledgeLoan.termMonths'];

const CREDIT_STANDING_TYPES = ['CreditRatingRecord', 'TaxCreditGrade', 'DishonestDebtorCheck'];
const CREDIT_STANDING_FIELDS = ['Enterprise.creditRatings', 'Enterprise.taxCreditGrades', 'Enterprise.dishonestDebtorChecks'];
const PERSONAL_FIELDS = ['EquityIncentivePlan.grants', 'TalentAward.recipientName'];
const PROPOSAL_TYPES = ['Proposal', 'ProposalEvent', 'ProposalReply', 'ProposalEvidence', 'ReplyRating', 'CoHandlerOpinion'];

interface Forbidden {
  types: string[];
  fields: string[];
  /** Fields forbidden on (or within) an instrument the viewer did not lend. */
  notOwn: string[];
}
const FOR_BANK: Forbidden = {
  types: [
    'FiscalYearFinancials', 'FiscalYearTotals', ...CREDIT_STANDING_TYPES, 'EquityIncentivePlan', 'EquityGrant', 'TalentAward',
    'TaxPilotUsage', 'ResearchProject', 'ProjectParticipant', 'ProjectOutput', 'ProjectBudgetLine', ...PROPOSAL_TYPES,
    'PolicyRequest', 'CppccMember', 'HandlingUnitScore', 'UnitEvaluation', 'Account',
  ],
  fields: [
    'Enterprise.financials', ...CREDIT_STANDING_FIELDS, 'Enterprise.projects', 'Enterprise.incentivePlans', 'Enterprise.talentAwards',
    'Enterprise.taxPilotUsage', 'PortfolioSummary.byFiscalYear', 'InstrumentKindSummary.totalAmount', 'InstrumentKindSummary.activeAmount',
    ...PERSONAL_FIELDS,
    // The facts behind an eligibility answer: every figure and rating the criteria read, not only those its details name.
    'EligibilityReceipt.facts',
  ],
  notOwn: NOT_OWN,
};
const FOR_CPPCC: Forbidden = {
  types: ['FiscalYearFinancials', ...CREDIT_STANDING_TYPES, 'EquityGrant'],
  fields: ['Enterprise.financials', ...CREDIT_STANDING_FIELDS, ...PERSONAL_FIELDS, ...TERMS],
  notOwn: [],
};
const FOR_REPRESENTATIVE: Forbidden = { types: [...PROPOSAL_TYPES, 'Account'], fields: [], notOwn: [] };

// ———————————————————————————————————————————— answers ————————————————————————————————————————————

type Json = Record<string, unknown> & { __typename?: string };

/** One operation of the sweep: root fields (aliased when one is asked several ways) with their whole selection. */
interface Call {
  label: string;
  roots: string[];
  query: string;
  variables: Record<string, unknown>;
}

interface Answer {
  label: string;
  variables: Record<string, unknown>;
  data: unknown;
  errors?: readonly GraphQLFormattedError[];
  text: string;
}

interface ViewerCase {
  name: string;
  viewer: Viewer;
  /** Credit codes of the enterprises it sees (null: every one). */
  sees: ReadonlySet<string> | null;
  never: Rule;
  forbidden: Forbidden;
  /** The instruments it lent (a bank), by global id. */
  ownInstruments?: ReadonlySet<string>;
  /** Holder records (InstrumentHolder ids) of those instruments. */
  ownParts?: ReadonlySet<string>;
  /** The handling unit it acts for (its global id). */
  unit?: string;
}

/** `at`: the object's response path, as errors name it. */
type Visit = (obj: Json, path: string, instrument: string | null, at: (string | number)[]) => void;

/** Visits every object of an answer's data with its path and the instrument it sits in. */
function walkAnswer(a: Answer, visit: Visit): void {
  for (const [root, value] of Object.entries((a.data as Json | null) ?? {})) walk(value, `${a.label} ${root}`, null, visit, [root]);
}

function walk(value: unknown, path: string, instrument: string | null, visit: Visit, at: (string | number)[]): void {
  if (Array.isArray(value)) return value.forEach((v, i) => walk(v, `${path}.${i}`, instrument, visit, [...at, i]));
  if (!value || typeof value !== 'object') return;
  const obj = value as Json;
  // Below the root every selected object says its type; one that does not is a JSON value (frozen evidence), whose
  // text the sentinels check.
  if (!obj.__typename) return;
  const within = INSTRUMENT_TYPES.includes(obj.__typename) && typeof obj['id'] === 'string' ? (obj['id'] as string) : instrument;
  visit(obj, path, within, at);
  for (const [field, v] of Object.entries(obj)) if (field !== '__typename') walk(v, `${path}.${field}`, within, visit, [...at, field]);
}

// ———————————————————————————————————————————— the test ————————————————————————————————————————————

describe('privacy invariants, written by hand (what each role must never see)', () => {
  let app: TestApp;
  let schema: GraphQLSchema;
  const admin = as(Role.ZONE_ADMIN);
  const calls: Call[] = [];
  /** Enterprises of the zone: credit code → name. */
  const enterprises = new Map<string, string>();
  /** Proposal global id → the handling units it is assigned to (lead and co-handlers), as the office reads them. */
  const assigned = new Map<string, string[]>();
  /** The administrator's and a member's answers: proof the sweep reaches every secret. */
  let truth: Answer[] = [];
  const cases: Record<string, ViewerCase> = {};
  const answered = new Map<string, Promise<Answer[]>>();

  const sql = <T>(q: string, p: unknown[] = []) => app.orm.em.fork().execute<T[]>(q, p);

  /** Runs a fixture mutation and returns its payload, failing on any error. */
  async function mutate(query: string, variables: Record<string, unknown>, viewer: Viewer = admin): Promise<Json> {
    const result = await app.execute<Record<string, Json>, Record<string, unknown>>(query, variables, viewer);
    expect(result.errors).toBeUndefined();
    const payload = Object.values(result.data!)[0]!;
    expect({ query, errors: payload['errors'] }).toEqual({ query, errors: [] });
    return payload;
  }

  /** Runs `which` calls as `viewer`, a few at a time (PostgreSQL works while the server builds the next answer). */
  async function run(viewer: Viewer, which: Call[] = calls): Promise<Answer[]> {
    const answers: Answer[] = [];
    for (let i = 0; i < which.length; i += 4) {
      answers.push(
        ...(await Promise.all(
          which.slice(i, i + 4).map(async ({ label, query, variables }) => {
            const { data, errors } = await app.execute<unknown, Record<string, unknown>>(query, variables, viewer);
            return { label, variables, data, errors, text: JSON.stringify({ data, errors }) };
          }),
        )),
      );
    }
    return answers;
  }

  /**
   * What the webhooks of the viewer's organization are sent (issue 17 item 5): the bodies of their deliveries, as the
   * delivery job writes them (src/events/webhook-delivery.ts), judged as an answer.
   */
  async function webhookBodies(viewer: Viewer): Promise<Answer> {
    const org = viewer.role === Role.CPPCC_OFFICE ? null : viewer.organisation;
    const rows = await sql<Parameters<typeof deliveryBody>[0]>(
      `select e.id, e.kind, e.occurred_at, e.payload, e.proposal_id, e.authorization_id, e.import_id, e.enterprise_id
       from webhook_delivery d join webhook w on w.id = d.webhook_id join outbox_event e on e.id = d.event_id
       where w.owner_role = ? and w.owner_org is not distinct from ? order by e.seq`,
      [viewer.role, org],
    );
    const bodies = rows.map(deliveryBody);
    return { label: 'webhook deliveries', variables: {}, data: null, text: JSON.stringify(bodies) };
  }

  /** The viewer's answers to the whole sweep (run once in the file), and what its webhooks are sent. */
  const answersOf = (c: ViewerCase) => {
    if (!answered.has(c.name)) answered.set(c.name, run(c.viewer).then(async (a) => [...a, await webhookBodies(c.viewer)]));
    return answered.get(c.name)!;
  };

  beforeAll(async () => {
    // Sweeps of the whole schema in one operation each: far over the cost limit a client is held to (test/limits.test.ts).
    app = await TestApp.start({ env: { GRAPHQL_MAX_COST: '100000000' } });
    await resetRegistry(app.orm);
    await loadDemoZone(app.orm.config.get('clientUrl')!);
    await loadDemoCppcc(app.orm);

    // ——— our enterprises and their records ———
    for (const e of [E1, E2]) {
      await mutate(`mutation C($input: CreateEnterpriseInput!) { createEnterprise(input: $input) { errors { code message } } }`, {
        input: { creditCode: e.code, name: e.name, industry: 'OPTOELECTRONIC_INFORMATION', parkCode: 'OPTOELECTRONICS_PARK', foundedOn: '2012-03-01', registeredCapital: '50000000.00', size: 'SMALL' },
      });
    }
    const fiscal = `mutation F($input: RecordFiscalYearInput!) { recordFiscalYear(input: $input) { errors { code message } } }`;
    await mutate(fiscal, { input: { creditCode: E1.code, fiscalYear: 2024, revenue: '86420135.79', rdExpense: '7531902.46', rdExpenseInChina: '7000001.23', highTechRevenue: '61234567.89', employees: 321, scienceAndTechnologyStaff: 123 } });
    await mutate(fiscal, { input: { creditCode: E2.code, fiscalYear: 2024, revenue: '24681357.91', rdExpense: '1357924.68', rdExpenseInChina: '1000000.00', highTechRevenue: '20000000.00', employees: 50, scienceAndTechnologyStaff: 20 } });
    await mutate(`mutation R($input: RecordCreditRatingInput!) { recordCreditRating(input: $input) { errors { code message } } }`, { input: { creditCode: E1.code, rating: 'AA', agency: '哨兵信用评级有限公司', ratedOn: '2025-06-30', validUntil: '2027-06-29' } });
    await mutate(`mutation T($input: RecordTaxCreditGradeInput!) { recordTaxCreditGrade(input: $input) { errors { code message } } }`, { input: { creditCode: E1.code, year: 2024, grade: 'A', evaluatedOn: '2025-04-15' } });
    await mutate(`mutation D($input: RecordDishonestDebtorCheckInput!) { recordDishonestDebtorCheck(input: $input) { errors { code message } } }`, { input: { creditCode: E1.code, checkedOn: '2025-11-01', wasListed: false, source: '哨兵失信被执行人查询平台' } });
    const plan = `mutation P($input: RecordIncentivePlanInput!) { recordIncentivePlan(input: $input) { errors { code message } } }`;
    await mutate(plan, { input: { creditCode: E1.code, title: '哨兵光电股权奖励计划', form: 'EQUITY_AWARD', approvedOn: '2024-03-01', totalEquityShare: '2.0000', grants: [{ granteeName: '张三丰', position: '首席科学家', equityShare: '0.5000', grantedOn: '2024-03-15', serviceYears: 6 }] } });
    await mutate(plan, { input: { creditCode: E2.code, title: '宜昌生物股权奖励计划', form: 'EQUITY_AWARD', approvedOn: '2024-03-01', totalEquityShare: '1.0000', grants: [{ granteeName: '独孤求败', position: '研发总监', equityShare: '0.5000', grantedOn: '2024-03-15', serviceYears: 5 }] } });
    await mutate(`mutation A($input: RecordTalentAwardInput!) { recordTalentAward(input: $input) { errors { code message } } }`, { input: { creditCode: E1.code, scheme: 'HIGH_LEVEL_TALENT_REWARD', amount: '654321.09', awardedOn: '2024-09-10', recipientName: '令狐冲' } });
    await mutate(`mutation X($input: RecordTaxPilotUsageInput!) { recordTaxPilotUsage(input: $input) { errors { code message } } }`, { input: { creditCode: E1.code, pilot: 'RD_SUPER_DEDUCTION', fiscalYear: 2024, reliefAmount: '97531.86' } });
    await mutate(`mutation H($input: RecordHighTechCertificateInput!) { recordHighTechCertificate(input: $input) { errors { code message } } }`, { input: { creditCode: E1.code, number: 'GR202442009999', issuedOn: '2024-12-01', criteriaVersion: 'RULES_2016' } });
    const patent = `mutation P($input: RecordPatentInput!) { recordPatent(input: $input) { errors { code message } } }`;
    await mutate(patent, { input: { creditCode: E1.code, number: 'ZL201410012345.9', title: '一种激光测距装置', legalStatus: 'VALID', grantedOn: '2019-01-01' } });
    await mutate(patent, { input: { creditCode: E2.code, number: 'ZL201710000003.9', title: '一种生物检测试剂盒', legalStatus: 'VALID', grantedOn: '2020-01-01' } });
    await mutate(`mutation A($input: RecordPatentAppraisalInput!) { recordPatentAppraisal(input: $input) { errors { code message } } }`, { input: { patentNumber: 'ZL201410012345.9', appraiser: '湖北中联资产评估有限公司', value: '9876543.21', appraisedOn: '2025-06-01' } });

    // ——— instruments of every kind: the lending bank's own loan, and everyone else's ———
    const instrument = async (mutation: string, inputType: string, input: Record<string, unknown>) =>
      (await mutate(`mutation I($input: ${inputType}!) { ${mutation}(input: $input) { instrument { id } errors { code message } } }`, { input }))['instrument'] as Json;
    const loan = { startsOn: '2025-03-01', termMonths: 12, ratingUsed: 'AA' };
    await instrument('recordCreditLoan', 'RecordCreditLoanInput', { ...loan, creditCode: E1.code, lenderId: toGlobalId('Bank', LENDER.id), contractNumber: 'HT-OWN-2025-7001', interestRate: '3.1415', amount: '2718281.83' });
    const otherLoan = await instrument('recordCreditLoan', 'RecordCreditLoanInput', { ...loan, termMonths: 24, creditCode: E1.code, lenderId: toGlobalId('Bank', OTHER_LENDER.id), contractNumber: 'HT-SECRET-2025-7002', interestRate: '6.2831', amount: '3141592.65' });
    await instrument('recordIpPledgeLoan', 'RecordIpPledgeLoanInput', {
      ...loan, creditCode: E1.code, lenderId: toGlobalId('Bank', OTHER_LENDER.id), contractNumber: 'HT-SECRET-2025-7003', interestRate: '5.7721', amount: '1414213.56',
      pledges: [{ patentNumber: 'ZL201410012345.9' }], pledgeRegistrationNumber: 'ZX-SECRET-7004', guarantor: '哨兵融资担保有限公司', guaranteeShare: '41.4213', riskCompensationShare: '17.3205',
    });
    const policy = await instrument('recordTechInsurance', 'RecordTechInsuranceInput', { creditCode: E1.code, insurerId: toGlobalId('Insurer', INSURERS[0]!.id), policyNumber: 'BD-SECRET-7005', insuranceKind: 'RD_LIABILITY', amount: '2236067.97', premium: '22360.67', startsOn: '2025-01-01', endsOn: '2025-12-31' });
    await instrument('recordReinsurance', 'RecordReinsuranceInput', { creditCode: E1.code, reinsurerId: toGlobalId('Insurer', INSURERS.find((i) => i.reinsurer)!.id), treatyNumber: 'FB-SECRET-7006', cededShare: '26.4575', underlyingPolicyId: policy['id'], amount: '1118033.98', startsOn: '2025-01-01' });
    for (const [kind, code, couponRate, tenorMonths] of [['SHORT_TERM_BILL', '042580007', '2.6458', 12], ['MEDIUM_TERM_NOTE', '102580007', '3.3166', 36]] as const) {
      await instrument('recordBondIssue', 'RecordBondIssueInput', { kind, code, couponRate, tenorMonths, amount: '36055512.75', underwriter: '长江证券', startsOn: '2025-02-01', issuers: [{ creditCode: E1.code, share: '100.0000' }] });
    }
    await instrument('recordBondIssue', 'RecordBondIssueInput', {
      kind: 'COLLECTIVE_BOND', code: '1280007', couponRate: '3.6056', tenorMonths: 60, amount: '24494897.43', underwriter: '国家开发银行湖北省分行', startsOn: '2025-02-01',
      issuers: [{ creditCode: E1.code, share: '50.0000' }, { creditCode: HUAGONG, share: '50.0000' }],
    });
    const notes = await instrument('recordBondIssue', 'RecordBondIssueInput', {
      kind: 'SME_COLLECTIVE_NOTE', code: '032580007', couponRate: '4.4721', amount: '31622776.60', tenorMonths: 36, underwriter: '长江证券', startsOn: '2025-02-01',
      issuers: [{ creditCode: E1.code, share: '60.0000' }, { creditCode: E2.code, share: '40.0000' }],
    });
    await instrument('recordRegionalOtcListing', 'RecordRegionalOtcListingInput', { creditCode: E1.code, board: '科技板', center: OTC_CENTRE, custodyCode: 'TG-SECRET-7008', amount: '1732050.80', startsOn: '2024-06-01' });
    await instrument('recordNeeqListing', 'RecordNeeqListingInput', { creditCode: E1.code, amount: '0.00', startsOn: '2024-03-01', sponsorBroker: '长江证券', stage: 'FILING_ACCEPTED', stageReachedOn: '2024-04-01' });
    await instrument('recordFundInvestment', 'RecordFundInvestmentInput', { creditCode: E1.code, fundId: toGlobalId('Fund', FUNDS[0]!.id), stake: '7.0711', amount: '7071067.81', startsOn: '2024-05-01' });
    const cover = await instrument('recordRiskCompensationCover', 'RecordRiskCompensationCoverInput', { creditCode: E1.code, coveredLoanId: otherLoan['id'], poolId: toGlobalId('RiskCompensationPool', POOLS[0]!.id), coverageRatio: '38.1966', amount: '1256637.06', startsOn: '2025-03-01' });
    await mutate(`mutation C($input: RecordRiskCompensationClaimInput!) { recordRiskCompensationClaim(input: $input) { errors { code message } } }`, { input: { coverId: cover['id'], amount: '271828.18', claimedOn: '2025-09-01' } });
    await instrument('recordCreditLoan', 'RecordCreditLoanInput', { ...loan, creditCode: E2.code, lenderId: toGlobalId('Bank', OTHER_LENDER.id), contractNumber: 'HT-SECRET-2025-8001', interestRate: '4.6692', amount: '2502907.87' });

    // ——— a project E1 and E2 share, with E2's patent as its output ———
    await mutate(`mutation P($input: RecordResearchProjectInput!) { recordResearchProject(input: $input) { errors { code message } } }`, {
      input: {
        title: '哨兵光电与华中科技大学联合研发项目', status: 'ACTIVE', startsOn: '2024-01-01',
        participants: [
          { creditCode: E1.code, role: 'FUNDER' },
          { creditCode: E2.code, role: 'PARTNER' },
          { institutionId: toGlobalId('Institution', INSTITUTIONS.find((i) => i.key === 'HUST')!.id), role: 'LEAD_RESEARCH_INSTITUTION' },
        ],
        budget: [{ source: 'ENTERPRISE', amount: '1610339.88' }],
        outputs: [{ kind: 'PATENT', title: '一种生物检测试剂盒', patentNumber: 'ZL201710000003.9' }],
      },
    });

    // ——— authorisations: E1 gives the lender every scope, E2 the other lender ———
    const [{ today }] = (await sql<{ today: string }>(`select (now() at time zone 'Asia/Shanghai')::date::text as today`)) as [{ today: string }];
    for (const [creditCode, bankCreditCode] of [[E1.code, LENDER.creditCode], [E2.code, OTHER_LENDER.creditCode]]) {
      await mutate(`mutation G($input: GrantAuthorizationInput!) { grantAuthorization(input: $input) { errors { code message } } }`, {
        input: {
          creditCode, bankCreditCode, scopes: ALL_SCOPES, purpose: '知识产权质押贷款试点资格审核', signer: '王伟（财务总监）', paperReference: `授权书-${creditCode}`,
          validFrom: today, validUntil: `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`,
        },
      });
    }

    // ——— the lending bank checks both enterprises (E1 answered, E2 refused): the receipts of its answers ———
    const checked = await app.execute<{ eligibility: { receiptId: string }[] }, Record<string, unknown>>(
      `query C($codes: [String!]!) { eligibility(program: "IP_PLEDGE_LOAN", creditCodes: $codes) { receiptId } }`,
      { codes: [E1.code, E2.code] },
      as(Role.BANK_OFFICER, LENDER.creditCode),
    );
    expect(checked.errors).toBeUndefined();
    const receiptIds = checked.data!.eligibility.map((r) => r.receiptId);

    // ——— CPPCC: a request filed by each enterprise, four proposals in different hands ———
    const file = (code: string, title: string) =>
      mutate(`mutation R($input: PolicyRequestInput!) { filePolicyRequest(input: $input) { policyRequest { id } errors { code message } } }`, {
        input: { title, need: '希望扩大知识产权质押贷款规模。', creditCodes: [code] },
      }, as(Role.ENTERPRISE_REP, code));
    const requestOfE2 = ((await file(E2.code, '扩大生物医药企业知识产权质押融资（哨兵请求乙）'))['policyRequest'] as Json)['id'];
    await file(E1.code, '扩大光电企业知识产权质押融资（哨兵请求甲）');
    const [m] = await sql<{ id: string }>(`select id from cppcc_member where levels = '{MUNICIPAL}' order by id limit 1`);
    const member = as(Role.CPPCC_MEMBER, toGlobalId('CppccMember', m!.id));
    const office = as(Role.CPPCC_OFFICE);
    const units = new Map((await sql<{ id: string; name: string }>('select id, name from handling_unit')).map((u) => [u.name, toGlobalId('HandlingUnit', u.id)]));
    const step = async (query: string, variables: Record<string, unknown>, viewer: Viewer) =>
      (await mutate(query.replace('{}', '{ proposal { id version } errors { code message } }'), variables, viewer))['proposal'] as Json;
    const propose = (marker: string, policyRequestIds: unknown[] = []) =>
      step(`mutation D($input: DraftProposalInput!) { draftProposal(input: $input) {} }`, {
        input: { level: 'MUNICIPAL', subject: `关于完善科技型企业融资服务的提案（${marker}）`, reasons: `${marker}：企业融资难。`, recommendations: '扩大风险补偿资金池。', policyRequestIds },
      }, member);
    const submit = (p: Json) => step(`mutation S($input: SubmitProposalInput!) { submitProposal(input: $input) {} }`, { input: { proposalId: p['id'], version: p['version'] } }, member);
    const accept = (p: Json) => step(`mutation V($input: ReviewProposalInput!) { reviewProposal(input: $input) {} }`, { input: { proposalId: p['id'], decision: { accept: {} } } }, office);
    const assign = (p: Json, unit: string) => step(`mutation A($input: AssignProposalInput!) { assignProposal(input: $input) {} }`, { input: { proposalId: p['id'], leadUnitId: units.get(unit) } }, office);
    let first = await propose('哨兵提案甲', [requestOfE2]);
    // Evidence frozen from E1: the enterprise, another lender's loan, the notes it issued with E2, both as a portfolio.
    for (const input of [{ creditCode: E1.code }, { instrumentId: otherLoan['id'] }, { instrumentId: notes['id'] }, { portfolioFilter: { creditCodes: [E1.code, E2.code] } }]) {
      first = await step(`mutation E($input: AttachEvidenceInput!) { attachEvidence(input: $input) {} }`, { input: { proposalId: first['id'], evidence: input } }, member);
    }
    await assign(await accept(await submit(first)), UNIT);
    await assign(await accept(await submit(await propose('哨兵提案乙'))), OTHER_UNIT);
    await submit(await propose('哨兵提案丙'));
    await propose('哨兵提案丁');

    // ——— accounts: a bank officer's, made by the zone; a member's, made by the office ———
    const account = `mutation A($input: CreateAccountInput!) { createAccount(input: $input) { account { id } errors { code message } } }`;
    await mutate(account, { input: { username: 'sentinel-officer', displayName: '哨兵客户经理', role: 'BANK_OFFICER', organizationId: toGlobalId('Bank', LENDER.id), password: 'sentinel-2026-pw' } });
    await mutate(account, { input: { username: 'sentinel-member', displayName: '哨兵政协委员', role: 'CPPCC_MEMBER', organizationId: toGlobalId('CppccMember', m!.id), password: 'sentinel-2026-pw' } }, office);
    // An import of a spreadsheet (a dry run of a file of checks for E1): the zone's, which no other viewer meets.
    const checks = Buffer.from(`\ufeff统一社会信用代码,查询日期,是否列入失信名单,查询来源\r\n${E1.code},2025-01-02,否,中国执行信息公开网\r\n`, 'utf8').toString('base64');
    const imported = await mutate('mutation I($input: ImportRecordsInput!) { importRecords(input: $input) { import { id } errors { code } } }', {
      input: { kind: 'DISHONEST_DEBTOR_CHECKS', fileName: '失信查询.csv', content: checks, isDryRun: true },
    });
    const importId = (imported['import'] as Json)['id'] as string;

    // Webhooks (issue 17 item 5): a webhook of each organization, for every kind its role is ever told of. What the
    // relay addresses to them is judged below as any answer (the bodies they would be sent).
    await mutate('mutation S($input: SetWebhookAllowListInput!) { setWebhookAllowList(input: $input) { errors { code message } } }', { input: { entries: ['http://127.0.0.1:9'] } });
    const hooked = [
      as(Role.BANK_OFFICER, LENDER.creditCode), as(Role.BANK_OFFICER, OTHER_LENDER.creditCode), as(Role.BANK_OFFICER, NEVER_AUTHORISED.creditCode),
      office, as(Role.HANDLING_UNIT, units.get(UNIT)!), as(Role.ENTERPRISE_REP, E1.code), as(Role.ENTERPRISE_REP, E2.code),
    ];
    for (const [i, viewer] of hooked.entries()) {
      await mutate('mutation W($input: RegisterWebhookInput!) { registerWebhook(input: $input) { errors { code message } } }', {
        input: { url: `http://127.0.0.1:9/hook/${i}`, events: [...KINDS_TOLD_TO[viewer.role]], secret: 'sentinel-webhook-secret-0123456789abcdef' },
      }, viewer);
    }

    // The fixture's events told to whom they concern (issue 17): notifications are swept like every root field.
    await relayPending(app.orm.em.fork(), new InMemoryEventPublisher());

    // ——— the schema, by introspection, and the sweep: every root field with its whole selection ———
    const introspection = await app.execute<IntrospectionQuery, Record<string, never>>(getIntrospectionQuery(), {}, admin);
    schema = buildClientSchema(introspection.data!);
    for (const r of await sql<{ credit_code: string; name: string }>('select credit_code, name from enterprise')) enterprises.set(r.credit_code, r.name);
    const programs = (await sql<{ code: string }>('select code from pilot_programme order by code')).map((p) => p.code);
    const proposalIds = (await sql<{ id: string }>(`select id from proposal where subject like '%哨兵提案%' order by subject`)).map((p) => toGlobalId('Proposal', p.id));
    const ours = [E1.code, E2.code];
    // Banks are reference data, met in full through partnerBanks: elsewhere (a loan's lender) cut to id and code.
    const everything = (root: string, cut: string[] = []) =>
      selectEverything(schema, getNamedType(schema.getQueryType()!.getFields()[root]!.type) as GraphQLCompositeType, root === 'partnerBanks' ? cut : ['Bank', ...cut]);
    /** One operation asking `root` each way in `ways` (aliased), or once without arguments. */
    const sweep = (root: string, decl: string, ways: { args: string; variables?: Record<string, unknown> }[] = [{ args: '' }], selection = everything(root)) => {
      const variables = Object.assign({}, ...ways.map((w, i) => Object.fromEntries(Object.entries(w.variables ?? {}).map(([k, v]) => [`${k}${i}`, v]))));
      const numbered = (text: string, i: number) => text.replace(/\$(\w+)/g, (_, name: string) => `$${name}${i}`);
      const declarations = decl ? decl.split(',').map((d) => d.trim()) : [];
      const declared = ways.flatMap((w, i) => declarations.filter((d) => d.slice(1, d.indexOf(':')) in (w.variables ?? {})).map((d) => numbered(d, i)));
      const fields = ways.map((w, i) => `${ways.length > 1 ? `a${i}: ` : ''}${root}${numbered(w.args, i)} ${selection}`);
      calls.push({ label: root, roots: [root], query: `query Sweep${declared.length ? `(${declared.join(', ')})` : ''} { ${fields.join(' ')} }`, variables });
    };
    // The viewer's organization and the enterprises of its authorizations are met in full below.
    sweep('viewer', '', [{ args: '' }], everything('viewer', ['Enterprise']));
    sweep('programs', '');
    sweep('programmes', '');
    sweep('eligibilityReceipt', '$id: ID!', receiptIds.map((id) => ({ args: '(id: $id)', variables: { id } })));
    // The enterprise an answer names is met in full through `enterprise` below: here cut short, within the token limit.
    sweep(
      'eligibility',
      '$p: String!, $codes: [String!]!',
      programs.map((p) => ({ args: '(program: $p, creditCodes: $codes)', variables: { p, codes: ours } })),
      everything('eligibility', ['Enterprise']),
    );
    sweep('enterprise', '$code: CreditCode!', ours.map((code) => ({ args: '(creditCode: $code)', variables: { code } })));
    // Two levels deeper than `enterprise`: within the depth limit, risk compensation covers (met in full through
    // `enterprise` and `node`) are cut short too.
    sweep('enterprises', '$codes: [CreditCode!]', [{ args: '(first: 100, filter: { creditCodes: $codes })', variables: { codes: ours } }], everything('enterprises', ['RiskCompensationCover']));
    // The zone's first page: a bank or a representative sees far fewer than 100, so it shows all they see.
    calls.push({ label: 'enterprises (the zone)', roots: ['enterprises'], query: `query Zone { enterprises(first: 100) { __typename totalCount edges { __typename node { __typename id creditCode name } } } }`, variables: {} });
    sweep('portfolioSummary', '$codes: [CreditCode!]', [{ args: '' }, ...[[E1.code], [E2.code], ours].map((codes) => ({ args: '(filter: { creditCodes: $codes })', variables: { codes } }))]);
    for (const root of ['partnerBanks', 'banks', 'insurers', 'funds', 'riskCompensationPools', 'parks', 'industryClusters', 'institutions']) sweep(root, '');
    sweep('cppccMembers', '', [{ args: '(first: 100)' }]);
    sweep('handlingUnits', '', [{ args: '(first: 100)' }]);
    for (const root of ['sectors', 'parties']) sweep(root, '');
    sweep('handlingUnitScores', '$year: Int!', [{ args: '(first: 100, year: $year)', variables: { year: Number(today.slice(0, 4)) } }]);
    sweep('unitEvaluation', '$year: Int!', [{ args: '(year: $year)', variables: { year: Number(today.slice(0, 4)) } }]);
    // Enterprises and authorisations met in full above; CPPCC material within the depth limit.
    sweep('auditEvents', '', [{ args: '(first: 100)' }], everything('auditEvents', ['Enterprise', 'DataAuthorization']));
    sweep('authorizations', '$code: CreditCode!', ours.map((code) => ({ args: '(creditCode: $code)', variables: { code } })), everything('authorizations', ['Enterprise']));
    // The loan book: a bank's own loans, the zone's every instrument (their enterprises met in full above).
    sweep('instruments', '', [{ args: '(first: 100)' }], everything('instruments', ['Enterprise']));
    sweep('proposals', '', [{ args: '(first: 100)' }], everything('proposals', ['Enterprise']));
    sweep('proposal', '$id: ID!', proposalIds.map((id) => ({ args: '(id: $id)', variables: { id } })), everything('proposal', ['Enterprise']));
    sweep('policyRequests', '', [{ args: '(first: 100)' }], everything('policyRequests', ['Enterprise']));
    sweep('accounts', '', [{ args: '(first: 100)' }], everything('accounts', ['Enterprise']));
    sweep('imports', '', [{ args: '(first: 100)' }]);
    sweep('import', '$id: ID!', [{ args: '(id: $id)', variables: { id: importId } }]);
    // Each viewer's own notifications: what they say (proposal subjects, enterprise and bank names) is judged as any answer.
    sweep('notifications', '', [{ args: '(first: 100)' }], everything('notifications', ['Enterprise']));
    sweep('webhooks', '', [{ args: '(first: 100)' }]);
    sweep('webhookAllowList', '');

    // ——— every record the administrator and a member meet, fetched by id: `nodes` for all, `node` for one of each type ———
    const base = [...calls];
    const seen = [...(await run(admin, base)), ...(await run(member, base))];
    const nodeTypes = new Set(schema.getPossibleTypes(schema.getType('Node') as never).map((t) => t.name));
    const ids = new Map<string, string[]>();
    /** Per type, a record carrying a sentinel (fetched alone with `node` too). */
    const sentinelled = new Map<string, string>();
    for (const answer of seen) {
      walkAnswer(answer, (obj) => {
        const [type, id] = [obj.__typename!, obj['id']];
        if (!nodeTypes.has(type) || typeof id !== 'string') return;
        // The zone's other enterprises are fetched by id below, with their names only.
        const key = type === 'Enterprise' && !ours.includes(obj['creditCode'] as string) ? 'Enterprise (the zone)' : type;
        if (!ids.has(key)) ids.set(key, []);
        if (!ids.get(key)!.includes(id)) ids.get(key)!.push(id);
        const text = JSON.stringify(obj);
        if (!sentinelled.has(key) && SECRETS.some((x) => x.spellings.some((sp) => text.includes(sp)))) sentinelled.set(key, id);
      });
    }
    // Everything of a record: an enterprise in full, other records up to their enterprise (cut short to its code).
    const nodeSelection = (type: string) =>
      type === 'Enterprise (the zone)'
        ? '{ __typename ... on Enterprise { id creditCode name } }'
        : `{ __typename ... on ${type} ${selectEverything(schema, schema.getType(type) as GraphQLCompositeType, type === 'Enterprise' ? ['Bank'] : ['Bank', 'Enterprise'])} }`;
    for (const [type, list] of ids) {
      const one = sentinelled.get(type) ?? list[0];
      calls.push({
        label: `nodes, node (${type})`,
        roots: ['nodes', 'node'],
        query: `query ById($ids: [ID!]!, $id: ID!) { nodes(ids: $ids) ${nodeSelection(type)} node(id: $id) ${nodeSelection(type)} }`,
        variables: { ids: list, id: one },
      });
    }
    const byId = calls.slice(base.length);
    const [adminById, memberById] = [await run(admin, byId), await run(member, byId)];
    truth = [...seen, ...adminById, ...memberById];
    const adminAnswers = [...seen.slice(0, base.length), ...adminById];
    // The administrator may call every root field: its answers are the whole truth, without an error.
    expect(adminAnswers.flatMap((a) => (a.errors ?? []).map((e) => `${a.label}: ${e.message}`))).toEqual([]);

    const proposals = await app.execute<{ proposals: { edges: { node: Json }[] } }, Record<string, never>>(
      `query { proposals(first: 100) { edges { node { id leadUnit { id } coHandlers { id } } } } }`, {}, office);
    for (const { node } of proposals.data!.proposals.edges) {
      assigned.set(node['id'] as string, [(node['leadUnit'] as Json | null)?.['id'] as string, ...(node['coHandlers'] as Json[]).map((u) => u['id'] as string)].filter(Boolean));
    }

    // ——— the viewers, and what each must never see ———
    const ownInstruments = new Set<string>();
    for (const answer of adminAnswers) {
      walkAnswer(answer, (obj) => {
        if (INSTRUMENT_TYPES.includes(obj.__typename!) && (obj['lender'] as Json | null)?.['creditCode'] === LENDER.creditCode) ownInstruments.add(obj['id'] as string);
      });
    }
    // The holders' parts of those loans (reached by id too, where no instrument encloses them): the lender's to see.
    const ownParts = new Set<string>();
    for (const answer of adminAnswers) {
      walkAnswer(answer, (obj, _path, instrument) => {
        if (obj.__typename === 'InstrumentHolder' && instrument && ownInstruments.has(instrument)) ownParts.add(obj['id'] as string);
      });
    }
    const add = (c: ViewerCase) => (cases[c.name] = c);
    const lenderSees = new Set([E1.code]);
    add({ name: 'the lending bank, every scope', viewer: as(Role.BANK_OFFICER, LENDER.creditCode), sees: lenderSees, forbidden: FOR_BANK, ownInstruments, ownParts, never: (s) => BANK_NEVER.includes(s.kind) || ofUnseen(lenderSees)(s) });
    const none = new Set<string>();
    add({ name: 'a bank never authorised', viewer: as(Role.BANK_OFFICER, NEVER_AUTHORISED.creditCode), sees: none, forbidden: FOR_BANK, ownInstruments: none, never: (s) => BANK_NEVER.includes(s.kind) || ofUnseen(none)(s) });
    add({ name: 'a CPPCC member', viewer: member, sees: null, forbidden: { ...FOR_CPPCC, types: [...FOR_CPPCC.types, 'CoHandlerOpinion', 'UnitEvaluation'] }, never: (s) => CPPCC_NEVER.includes(s.kind) || s.kind === 'member account' });
    add({ name: 'the CPPCC office', viewer: office, sees: null, forbidden: FOR_CPPCC, never: (s) => CPPCC_NEVER.includes(s.kind) });
    add({
      name: 'a handling unit', viewer: as(Role.HANDLING_UNIT, units.get(UNIT)!), sees: null, forbidden: FOR_CPPCC, unit: units.get(UNIT)!,
      never: (s) => CPPCC_NEVER.includes(s.kind) || s.kind === 'member account' || (s.kind === 'proposal' && s.unit !== UNIT),
    });
    for (const e of [E1, E2]) {
      const sees = new Set([e.code]);
      add({
        name: `the representative of ${e.name}`, viewer: as(Role.ENTERPRISE_REP, e.code), sees, forbidden: FOR_REPRESENTATIVE,
        never: (s) => ofUnseen(sees)(s) || ['proposal', 'account', 'member account'].includes(s.kind),
      });
    }
    // The member's sweep is done: its answers are the truth's.
    answered.set('a CPPCC member', Promise.resolve([...seen.slice(base.length), ...memberById]));
  }, 120_000);
  afterAll(() => app.close());

  /** Everything `c` met that it must never see, one line per finding. */
  async function leaks(c: ViewerCase): Promise<string[]> {
    const found: string[] = [];
    // Enterprises the viewer does not see: their codes and names are sentinels too (a name inside a visible one is not).
    const visibleNames = [...enterprises].filter(([code]) => !c.sees || c.sees.has(code)).map(([, name]) => name);
    const hidden = c.sees ? [...enterprises].filter(([code]) => !c.sees!.has(code)) : [];
    for (const a of await answersOf(c)) {
      // A root field closed to the role is no leak; anything else going wrong could hide one.
      for (const e of a.errors ?? []) if (e.extensions?.['code'] !== 'FORBIDDEN') found.push(`${a.label}: error ${e.extensions?.['code']} ${e.message}`);
      // Its receipt repeats that answer, to that bank: the same disclosure, not another.
      const answerOrReceipt = ['eligibility', 'eligibilityReceipt', 'nodes, node (EligibilityReceipt)'].includes(a.label);
      // What the viewer sent (a credit code it asked about) may come back: it knew it. A receipt names the codes its
      // bank asked about when it was answered (the lender's check of both enterprises, above).
      const asked = JSON.stringify(a.variables) + (answerOrReceipt && c.viewer.organisation === LENDER.creditCode ? JSON.stringify([E1.code, E2.code]) : '');
      // DOMAIN.md: within the ELIGIBILITY scope a bank sees "eligibility with reasons", and a check returns "the
      // evidence": a criterion's explanation names the figure, rating or check it read, of an enterprise that
      // authorised the bank. (That DOMAIN.md also gives a bank "banded financials" only is an open question.)
      const explained = (x: Secret) =>
        answerOrReceipt && c.viewer.role === Role.BANK_OFFICER && ['exact figure', 'credit standing'].includes(x.kind) && !ofUnseen(c.sees)(x);
      for (const s of SECRETS.filter((x) => c.never(x) && !explained(x))) {
        for (const spelling of s.spellings) if (!asked.includes(spelling) && a.text.includes(spelling)) found.push(`${a.label}: ${s.kind} ${spelling}`);
      }
      for (const [code, name] of hidden) {
        if (!asked.includes(code) && a.text.includes(code)) found.push(`${a.label}: the credit code of ${name}`);
        if (a.text.includes(name) && !visibleNames.some((v) => v.includes(name))) found.push(`${a.label}: ${name}`);
      }
      // Hidden is explicit: a field withheld from an object the viewer sees comes with an error at its path.
      const errorAt = new Map((a.errors ?? []).map((e) => [JSON.stringify(e.path), e]));
      walkAnswer(a, (obj, path, instrument, at) => {
        const type = obj.__typename!;
        if (c.forbidden.types.includes(type)) found.push(`${path}: a ${type}`);
        // A bank gets another lender's instrument only as a RestrictedInstrument: never the full type, even emptied.
        if (c.ownInstruments && INSTRUMENT_TYPES.includes(type) && !c.ownInstruments.has(obj['id'] as string)) found.push(`${path}: a ${type} it did not lend, in full`);
        for (const [field, value] of Object.entries(obj)) {
          const key = `${type}.${field}`;
          const own = (instrument && c.ownInstruments?.has(instrument)) || (type === 'InstrumentHolder' && c.ownParts?.has(obj['id'] as string));
          const notOwn = c.forbidden.notOwn.includes(key) && !own;
          if (!(c.forbidden.fields.includes(key) || notOwn)) continue;
          if (value !== null) {
            found.push(`${path}.${field}: ${JSON.stringify(value).slice(0, 60)}`);
            continue;
          }
          const error = errorAt.get(JSON.stringify([...at, field]));
          const why = error?.extensions ?? {};
          if (why['code'] !== 'FORBIDDEN') found.push(`${path}.${field}: null with no FORBIDDEN error, as if absent`);
          // What would grant it is named, and it is not the viewer's role as it stands.
          else if (why['reason'] === 'ROLE' && (why['allowedRoles'] as string[]).includes(c.viewer.role)) found.push(`${path}.${field}: masked, yet its role is said to see it`);
          else if (why['reason'] === 'SCOPE' && !why['requiredScope']) found.push(`${path}.${field}: masked by scope, naming none`);
        }
        if (type === 'Enterprise' && c.sees && typeof obj['creditCode'] === 'string' && !c.sees.has(obj['creditCode'])) found.push(`${path}: enterprise ${obj['creditCode']}`);
        if (type === 'Proposal' && c.unit && !assigned.get(obj['id'] as string)?.includes(c.unit)) found.push(`${path}: a proposal not assigned to it`);
      });
    }
    return found;
  }

  /** Which of `spellings` `c` does not meet (what it may see, it must: the sweep reaches its data). */
  async function unmet(c: ViewerCase, spellings: string[]): Promise<string[]> {
    const text = (await answersOf(c)).map((a) => a.text).join('\n');
    return spellings.filter((s) => !text.includes(s));
  }

  it('names only types and fields the schema has, and sweeps every root field and instrument kind', () => {
    const missing: string[] = [];
    for (const type of new Set([...FOR_BANK.types, ...FOR_CPPCC.types, ...FOR_REPRESENTATIVE.types, ...INSTRUMENT_TYPES])) {
      if (!isObjectType(schema.getType(type))) missing.push(type);
    }
    for (const key of new Set([...FOR_BANK.fields, ...FOR_BANK.notOwn, ...FOR_CPPCC.fields])) {
      const [type, field] = key.split('.') as [string, string];
      const t = schema.getType(type);
      if (!isObjectType(t) || !t.getFields()[field]) missing.push(key);
    }
    expect(missing).toEqual([]);
    const kinds = schema.getPossibleTypes(schema.getType('FinancingInstrument') as never).map((t) => t.name);
    expect(kinds.sort()).toEqual([...INSTRUMENT_TYPES].sort());
    expect([...new Set(calls.flatMap((c) => c.roots))].sort()).toEqual(Object.keys(schema.getQueryType()!.getFields()).sort());
  });

  it('reaches every secret, forbidden type and forbidden field: the administrator or a member meets each', () => {
    const text = truth.map((a) => a.text).join('\n');
    // Each spelling as stored (the grouped figures are written only by eligibility explanations: one suffices).
    expect(SECRETS.flatMap((s) => s.spellings.filter((sp) => !/\d,\d/.test(sp) && !text.includes(sp)))).toEqual([]);
    const met = new Set<string>();
    for (const a of truth) {
      walkAnswer(a, (obj) => {
        met.add(obj.__typename!);
        for (const [field, value] of Object.entries(obj)) if (value !== null) met.add(`${obj.__typename}.${field}`);
      });
    }
    const named = new Set([...FOR_BANK.types, ...FOR_BANK.fields, ...FOR_BANK.notOwn, ...FOR_CPPCC.types, ...FOR_CPPCC.fields, ...FOR_REPRESENTATIVE.types]);
    expect([...named].filter((n) => !met.has(n))).toEqual([]);
  });

  it('a bank holding every scope sees no exact figures, credit standing, other lenders’ terms or amounts, CPPCC material, personal names, projects, incentives, awards or tax data, and no enterprise that did not authorise it', async () => {
    const c = cases['the lending bank, every scope']!;
    expect(await leaks(c)).toEqual([]);
    // What it may see, it does: the enterprise, its own loan in full, the patent and its appraisal, the bands.
    // Other lenders' instruments it sees as restricted: that there is one, its kind and status.
    expect(await unmet(c, [E1.name, 'HT-OWN-2025-7001', rate('3.1415'), '2718281.83', 'ZL201410012345.9', '9876543.21', '"FiscalYearBands"', '"RestrictedInstrument"'])).toEqual([]);
    // And a masked field is named as such: null with the error, never a silent null (leaks() checks each one).
    const masked = (await answersOf(c)).flatMap((a) => a.errors ?? []).filter((e) => e.extensions?.['code'] === 'FORBIDDEN' && e.path!.length > 1);
    // (By role; and by condition on a holder's part of another lender's loan, which it reaches only by id.)
    expect(new Set(masked.map((e) => e.extensions!['reason']))).toEqual(new Set(['ROLE', 'CONDITION']));
    expect(masked.filter((e) => e.extensions!['reason'] === 'CONDITION').map((e) => [e.path!.at(-1), e.extensions!['condition']])).toEqual(
      masked.filter((e) => e.extensions!['reason'] === 'CONDITION').map(() => ['amount', 'OWN_LOAN']),
    );
  });

  it('a webhook is sent what its organization is told and nothing else: a bank its own authorizations, a unit its assignments', async () => {
    const kinds = async (viewer: Viewer) => (JSON.parse((await webhookBodies(viewer)).text) as { kind: string; title: { chinese: string } }[]).map((b) => [b.kind, b.title.chinese]);
    expect(await kinds(as(Role.BANK_OFFICER, LENDER.creditCode))).toEqual([['AUTHORIZATION_GRANTED', `${E1.name}已向${LENDER.name}授权查询数据`]]);
    expect(await kinds(as(Role.BANK_OFFICER, OTHER_LENDER.creditCode))).toEqual([['AUTHORIZATION_GRANTED', `${E2.name}已向${OTHER_LENDER.name}授权查询数据`]]);
    expect(await kinds(as(Role.BANK_OFFICER, NEVER_AUTHORISED.creditCode))).toEqual([]);
    expect(await kinds(as(Role.ENTERPRISE_REP, E2.code))).toEqual([['AUTHORIZATION_GRANTED', `${E2.name}已向${OTHER_LENDER.name}授权查询数据`]]);
    const unit = (await kinds(cases['a handling unit']!.viewer)).map(([kind, title]) => [kind, title!.includes('哨兵提案甲'), title!.includes('哨兵提案乙')]);
    expect(unit).toEqual([['PROPOSAL_ASSIGNED', true, false]]);
  });

  it('a bank no enterprise authorised sees no enterprise at all', async () => {
    const c = cases['a bank never authorised']!;
    expect(await leaks(c)).toEqual([]);
    expect(await unmet(c, ['"partnerBanks"', LENDER.name])).toEqual([]);
  });

  it('a CPPCC member sees no personal names, loan terms, exact figures or credit standing, in any field or frozen evidence', async () => {
    const c = cases['a CPPCC member']!;
    expect(await leaks(c)).toEqual([]);
    // The evidence it froze, with amounts and bands; the plan and the award without their people's names.
    expect(await unmet(c, ['哨兵提案甲', '哨兵提案丁', '"snapshot"', '3141592.65', '31622776.60', '哨兵光电股权奖励计划', '654321.09', '"FiscalYearBands"'])).toEqual([]);
  });

  it('the CPPCC office sees no personal names, loan terms, exact figures, credit standing or accounts but its members’', async () => {
    const c = cases['the CPPCC office']!;
    expect(await leaks(c)).toEqual([]);
    // And the accounts of the members it manages (never a bank officer's: CPPCC_NEVER).
    expect(await unmet(c, ['哨兵提案甲', '哨兵提案丙', '"snapshot"', '3141592.65', '哨兵请求乙', '哨兵政协委员'])).toEqual([]);
  });

  it('a handling unit sees no proposal not assigned to it, and no personal names, loan terms, exact figures or credit standing', async () => {
    const c = cases['a handling unit']!;
    expect(await leaks(c)).toEqual([]);
    expect(await unmet(c, ['哨兵提案甲', '"snapshot"', 'GR202442009999'])).toEqual([]);
  });

  it('a representative sees nothing of another enterprise, on any path, and no CPPCC proposal', async () => {
    for (const e of [E1, E2]) {
      const c = cases[`the representative of ${e.name}`]!;
      expect({ viewer: c.name, leaks: await leaks(c) }).toEqual({ viewer: c.name, leaks: [] });
    }
    // Its own it sees: people, figures, other lenders' terms, the notes and the project it shares, its request.
    const c = cases[`the representative of ${E1.name}`]!;
    expect(await unmet(c, ['张三丰', '86420135.79', 'HT-SECRET-2025-7002', rate('4.4721'), '哨兵光电与华中科技大学联合研发项目', '哨兵请求甲'])).toEqual([]);
  });
});
