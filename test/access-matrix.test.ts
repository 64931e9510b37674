import { type GraphQLCompositeType, type GraphQLObjectType, isNonNullType, isObjectType } from 'graphql';
import { Condition, FIELD_GRANTS, fieldGrant, type Grant, managesAccountsOf, mayCall, STRUCTURAL, TYPES } from '../src/auth/policy';
import { Role } from '../src/auth/roles';
import type { Viewer } from '../src/auth/viewer';
import { sqlArray } from '../src/common/sql';
import { buildInnozoneSchema } from '../src/schema';
import { loadDemoAccounts } from '../seeds/accounts';
import { loadDemoCppcc } from '../seeds/cppcc';
import { loadDemoZone, NAMED_ENTERPRISES } from '../seeds/zone';
import { toGlobalId } from '../src/common/global-id';
import { CreateEnterpriseDocument, GrantAuthorizationDocument } from './support/generated/graphql';
import { as, TestApp } from './support/app';
import { addMonths, zoneToday } from './support/clock';
import { coveringEnterprises } from './support/demo';
import { enterpriseInput, resetRegistry, testCode, wrongCheckCode } from './support/registry';
import { selectEverything } from './support/selection';
import { InMemoryEventPublisher } from '../src/events/publisher';
import { relayPending } from '../src/events/relay';
import { sweepStaleCreditFacts } from '../src/events/sweeps';
import { deliverOnce } from '../src/events/webhook-delivery';
import { KINDS_TOLD_TO } from '../src/events/webhook.service';

/**
 * The access matrix, generated from the policy table (src/auth/policy.ts) and the schema: for every role, every
 * object type and every field, what the API answers is compared with what the table says it should. The oracle
 * is independent of the server's own enforcement: it reads the administrator's full answer as JSON and decides,
 * from the table and the fixture (who authorised whom, with which scopes), what each other viewer must see of it:
 * the same value where allowed; where a field is denied, null and a FORBIDDEN error at its path saying what would
 * grant it; an object seen only restricted as its restricted type with what that type carries; and hidden objects
 * null or left out of lists, with no error.
 *
 * Coverage is asserted too: every field of the table is reached in the administrator's answer, every role meets
 * every type it may see, every bank condition is seen both holding and failing, and every type a role may not see
 * is fetched by id and found null. A new field or type therefore fails here until the table decides on it.
 */

type Json = Record<string, unknown> & { __typename?: string };
const ALL = 'ALL' as const;

interface Fixture {
  name: string;
  viewer: Viewer;
  /** Credit codes of the enterprises the viewer sees. */
  visible: ReadonlySet<string> | typeof ALL;
  /** A bank's scopes (the same in every authorisation it holds). */
  scopes: ReadonlySet<string>;
  bankCode?: string;
}

/** What was decided for each role × type.field, and seen. */
const decided = new Map<string, Set<'allowed' | 'denied'>>();
const note = (role: Role, key: string, outcome: 'allowed' | 'denied') => {
  const k = `${role} ${key}`;
  if (!decided.has(k)) decided.set(k, new Set());
  decided.get(k)!.add(outcome);
};
/** type.field reached in the administrator's answers. */
const reached = new Set<string>();

const codeOf = (v: unknown): string | null => ((v as Json | null)?.['creditCode'] as string | undefined) ?? null;

/** The enterprises an object belongs to, read from the administrator's JSON (null: reference data). */
function ownersOf(obj: Json, type: string, parentOwners: string[]): string[] | null {
  const rule = TYPES[type]?.owners;
  if (!rule) return null;
  if ('self' in rule) return [obj['creditCode'] as string];
  if ('ref' in rule) {
    const code = codeOf(obj[rule.ref === 'enterpriseId' ? 'enterprise' : rule.ref]);
    return code ? [code] : parentOwners;
  }
  if ('instrumentHolders' in rule) {
    const holders = obj['holders'] as Json[] | undefined;
    return holders ? holders.map((h) => codeOf(h['enterprise'])!).filter(Boolean) : parentOwners;
  }
  if ('projectParticipants' in rule) {
    const participants = obj['participants'] as Json[] | undefined;
    return participants ? participants.map((p) => codeOf(p['enterprise'])).filter((c): c is string => !!c) : parentOwners;
  }
  if ('proposal' in rule) return null; // seen with its proposal (see rowVisible)
  return parentOwners; // through its parent in the answer (a patent's appraisal, a project's output …)
}

const idOf = (v: unknown): string | null => ((v as Json | null)?.['id'] as string | undefined) ?? null;

function visibleOwners(f: Fixture, owners: string[]): string[] {
  return f.visible === ALL ? owners : owners.filter((o) => (f.visible as ReadonlySet<string>).has(o));
}

function holds(f: Fixture, grant: Grant, obj: Json, owners: string[] | null): boolean {
  if (grant === true) return true;
  // The CPPCC workflow's row rules read the object itself and who the viewer acts for.
  if (grant === Condition.SUBMITTED) return obj['status'] !== 'DRAFT';
  if (grant === Condition.ASSIGNED_TO_UNIT) {
    const org = f.viewer.organisation;
    const units = [...((obj['leadUnits'] as Json[] | undefined) ?? []), ...((obj['coHandlers'] as Json[] | undefined) ?? [])];
    return idOf(obj['leadUnit']) === org || units.some((u) => idOf(u) === org);
  }
  if (grant === Condition.LEADS_OR_WROTE) {
    // A co-handler's opinion: judged on its proposal (leading it), or on the opinion (writing it).
    const org = f.viewer.organisation;
    return idOf(obj['leadUnit']) === org || ((obj['leadUnits'] as Json[] | undefined) ?? []).some((u) => idOf(u) === org) || idOf(obj['unit']) === org;
  }
  if (grant === Condition.FILED_BY_VIEWER) {
    const by = obj['filedBy'] as Json;
    return by['role'] === f.viewer.role && codeOf(by['organization']) === f.viewer.organisation;
  }
  if (grant === Condition.GRANTED_TO_VIEWER) return f.viewer.role === Role.BANK_OFFICER && codeOf(obj['bank']) === f.bankCode;
  if (grant === Condition.ISSUED_TO_VIEWER) return f.viewer.role === Role.BANK_OFFICER && obj['bankCreditCode'] === f.viewer.organisation;
  if (grant === Condition.MANAGED_BY_VIEWER) return managesAccountsOf(f.viewer.role, obj['role'] as Role);
  if (grant === Condition.ADDRESSED_TO_VIEWER) {
    // A notification names its recipient: the viewer's role, and the organization it acts for (none: every one of the role).
    const to = obj['recipient'] as Json;
    const org = to['organization'] as Json | null;
    return to['role'] === f.viewer.role && ((org?.['creditCode'] as string | undefined) ?? idOf(org)) === f.viewer.organisation;
  }
  const seen = visibleOwners(f, owners ?? []);
  if (seen.length === 0) return false;
  if (grant === Condition.OWN_LOAN) {
    // An instrument names its lender; a holder's part is of the loan it was met in.
    const lender = 'lender' in obj ? codeOf(obj['lender']) : (lenderOfPart.get(obj['id'] as string) ?? null);
    return lender !== null && lender === f.bankCode && f.scopes.has(Condition.INSTRUMENTS);
  }
  return f.scopes.has(grant);
}

/** Does the viewer, who sees the object's row, see it in full (not as its type's restricted form)? */
function fullVisible(f: Fixture, type: string, obj: Json, owners: string[] | null): boolean {
  const restricted = TYPES[type]?.restricted;
  if (!restricted) return true;
  const grant = restricted.full[f.viewer.role];
  return !!grant && holds(f, grant, obj, owners);
}

const SCOPE_CONDITIONS: ReadonlySet<Grant> = new Set([Condition.HIGH_TECH, Condition.PATENTS, Condition.FINANCIALS, Condition.INSTRUMENTS]);

/** The error a masked field must come with, written from the table (README "Who sees what"). */
function maskedError(f: Fixture, type: string, field: string, path: (string | number)[]) {
  const grants = FIELD_GRANTS.get(type)!.get(field)!;
  const allowedRoles = Object.values(Role).filter((r) => grants[r] !== undefined);
  const grant = grants[f.viewer.role];
  const why =
    grant === undefined || grant === true
      ? { reason: 'ROLE' }
      : SCOPE_CONDITIONS.has(grant)
        ? { reason: 'SCOPE', requiredScope: grant }
        : { reason: 'CONDITION', condition: grant };
  return { path, extensions: { code: 'FORBIDDEN', ...why, allowedRoles } };
}

type ExpectedError = ReturnType<typeof maskedError>;

function rowVisible(f: Fixture, type: string, obj: Json, owners: string[] | null, proposal: Json | null = null): boolean {
  const rule = TYPES[type];
  if (!rule || rule.public) return true;
  if (rule.owners && 'proposal' in rule.owners) {
    // Seen with its proposal, by the roles its rows name (a co-handler's opinion: never a member's), and under its
    // condition (LEADS_OR_WROTE: leading the proposal, or having written it).
    const grant = rule.rows[f.viewer.role];
    if (!grant || !proposal || !rowVisible(f, 'Proposal', proposal, null)) return false;
    return grant !== Condition.LEADS_OR_WROTE || holds(f, grant, { ...proposal, unit: obj['unit'] ?? null }, null);
  }
  const grant = rule.rows[f.viewer.role];
  if (!grant) return false;
  if (owners !== null && visibleOwners(f, owners).length === 0) return false;
  return holds(f, grant, obj, owners);
}

/** Every Node met in the administrator's answers, with its owners, to fetch by id as each viewer. */
const nodesSeen = new Map<string, { type: string; obj: Json; owners: string[] | null; proposal: Json | null }>();

/** The lender (credit code, null: none) of the instrument each holder record seen in the administrator's answers is part of. */
const lenderOfPart = new Map<string, string | null>();

function collect(value: unknown, parentOwners: string[], proposal: Json | null = null): void {
  if (Array.isArray(value)) return value.forEach((v) => collect(v, parentOwners, proposal));
  if (!value || typeof value !== 'object') return;
  const obj = value as Json;
  const type = obj.__typename;
  const owners = type ? ownersOf(obj, type, parentOwners) : null;
  // A proposal cut short (an escalation link) is not the one its children belong to.
  const within = type === 'Proposal' && 'status' in obj ? obj : proposal;
  // A loan's holder records answer to the loan's lender (OWN_LOAN), wherever they are met again (by id: no loan around).
  if (obj['lender'] !== undefined && Array.isArray(obj['holders'])) {
    for (const h of obj['holders'] as Json[]) if (typeof h['id'] === 'string') lenderOfPart.set(h['id'], codeOf(obj['lender']));
  }
  if (type && TYPES[type]) {
    for (const [field, v] of Object.entries(obj)) if (field !== '__typename' && v !== undefined) reached.add(`${type}.${field}`);
    if (typeof obj['id'] === 'string' && !nodesSeen.has(obj['id']) && (type !== 'Proposal' || 'status' in obj)) {
      nodesSeen.set(obj['id'], { type, obj, owners, proposal: within });
    }
  }
  for (const [field, v] of Object.entries(obj)) if (field !== '__typename') collect(v, owners ?? parentOwners, within);
}

/**
 * Fields whose value each answer has of its own, so no viewer's equals the administrator's: an eligibility answer's
 * receipt. Compared by whether there is one: a bank's answers carry one, no one else's (src/modules/eligibility/receipts.ts).
 */
const PER_ANSWER: ReadonlyMap<string, (f: Fixture) => boolean> = new Map([['EligibilityResult.receiptId', (f: Fixture) => f.viewer.role === Role.BANK_OFFICER]]);

/**
 * Fields that answer for the viewer asking, so no viewer's equals the administrator's: a bank's own authorization from an
 * enterprise (null for everyone else). Checked against the fixture: the bank's, in force, from this enterprise.
 */
const PER_VIEWER: ReadonlyMap<string, (f: Fixture, obj: Json, actual: unknown, at: (string | number)[], errors: ExpectedError[]) => unknown> = new Map([
  [
    'Enterprise.viewerAuthorization',
    (f: Fixture, obj: Json, actual: unknown, at: (string | number)[], errors: ExpectedError[]) => {
      if (f.viewer.role !== Role.BANK_OFFICER) return { value: actual, expected: null };
      const a = actual as Json | null;
      // The signer's name, as the table grants it to a bank (masked, with its error, where it does not).
      const signerShown = fieldGrant('DataAuthorization', 'signer', f.viewer.role) !== undefined;
      if (a && !signerShown) errors.push(maskedError(f, 'DataAuthorization', 'signer', [...at, 'signer']));
      return {
        value: a && [codeOf(a['bank']), codeOf(a['enterprise']), a['isActive'], signerShown ? typeof a['signer'] : a['signer']],
        expected: [f.bankCode, obj['creditCode'], true, signerShown ? 'string' : null],
      };
    },
  ],
]);

/**
 * Compares a viewer's answer with the administrator's, field by field, as the table says it must be, and collects
 * the errors the answer must carry (`at`: the response path).
 */
function compare(
  f: Fixture,
  expected: unknown,
  actual: unknown,
  path: string,
  parentOwners: string[],
  proposal: Json | null,
  at: (string | number)[],
  errors: ExpectedError[],
): void {
  if (expected === null || typeof expected !== 'object') {
    expect({ path, value: actual }).toEqual({ path, value: expected });
    return;
  }
  const visible = (e: unknown) => {
    let obj = e as Json | null;
    if (!obj || typeof obj !== 'object' || !obj.__typename) return true;
    if (obj.__typename.endsWith('Edge')) obj = obj['node'] as Json; // an edge is there when its node is
    return rowVisible(f, obj.__typename!, obj, ownersOf(obj, obj.__typename!, parentOwners), proposal);
  };
  if (Array.isArray(expected)) {
    const kept = expected.filter(visible);
    expect({ path, length: (actual as unknown[] | null)?.length }).toEqual({ path, length: kept.length });
    kept.forEach((e, i) => compare(f, e, (actual as unknown[])[i], `${path}.${i}`, parentOwners, proposal, [...at, i], errors));
    return;
  }
  const obj = expected as Json;
  if (!obj.__typename) {
    // A JSON value (frozen evidence): compared whole.
    expect({ path, value: actual }).toEqual({ path, value: expected });
    return;
  }
  const type = obj.__typename;
  const owners = ownersOf(obj, type, parentOwners);
  // A proposal cut short that is the one around it (a rating's own proposal): judged as that one, read whole.
  const judged = type === 'Proposal' && !('status' in obj) && proposal?.['id'] === obj['id'] ? proposal! : obj;
  if (!rowVisible(f, type, judged, owners, proposal)) {
    expect({ path, value: actual }).toEqual({ path, value: null });
    return;
  }
  const restricted = TYPES[type]?.restricted;
  if (restricted && !fullVisible(f, type, obj, owners)) {
    // Seen as the restricted type, with exactly what it carries (the selection asks for all of it), and nothing else.
    const carried = [...FIELD_GRANTS.get(restricted.as)!.keys()];
    const shown = Object.fromEntries(carried.filter((k) => k in obj).map((k) => [k, obj[k]]));
    expect({ path, value: actual }).toEqual({ path, value: { __typename: restricted.as, ...shown } });
    for (const k of carried) {
      reached.add(`${restricted.as}.${k}`);
      note(f.viewer.role, `${restricted.as}.${k}`, 'allowed');
    }
    // What the full type shows beyond it is denied to this viewer: not masked, absent from the type it gets.
    for (const field of Object.keys(obj)) if (field !== '__typename') note(f.viewer.role, `${type}.${field}`, 'denied');
    return;
  }
  expect({ path, typename: (actual as Json | null)?.__typename }).toEqual({ path, typename: type });
  const within = type === 'Proposal' ? obj : proposal;
  for (const [field, value] of Object.entries(obj)) {
    if (field === '__typename') continue;
    const act = (actual as Json)[field];
    if (type.endsWith('Connection') && field === 'nodes') {
      // The nodes are the nodes of the edges (compared with the table above), cut short: the same ones, in order.
      const edgeIds = ((actual as Json)['edges'] as Json[]).map((e) => idOf(e['node']));
      expect({ path: `${path}.nodes`, ids: (act as Json[]).map(idOf) }).toEqual({ path: `${path}.nodes`, ids: edgeIds });
      continue;
    }
    if (type.endsWith('Connection') && field !== 'edges') {
      // A list counts what the viewer sees; its page boundaries are its own.
      // (When the truth's list runs past its page, every viewer here sees all of it: the count is the same.)
      const edges = obj['edges'] as unknown[];
      const count = value === edges.length ? edges.filter(visible).length : value;
      if (field === 'totalCount') expect({ path, totalCount: act }).toEqual({ path, totalCount: count });
      continue;
    }
    if (TYPES[type]) {
      const grant = fieldGrant(type, field, f.viewer.role);
      // A proposal's step, reply or evidence answers to its proposal's conditions.
      const rule = TYPES[type]!.owners;
      const subject = rule && 'proposal' in rule ? proposal! : judged;
      const allowed = !!grant && holds(f, grant, subject, owners);
      note(f.viewer.role, `${type}.${field}`, allowed ? 'allowed' : 'denied');
      if (!allowed) {
        // Masked: null, and an error at its path that says so.
        expect({ path: `${path}.${field}`, value: act }).toEqual({ path: `${path}.${field}`, value: null });
        errors.push(maskedError(f, type, field, [...at, field]));
        continue;
      }
      const mine = PER_VIEWER.get(`${type}.${field}`);
      if (mine) {
        const { value: got, expected: want } = mine(f, obj, act, [...at, field], errors) as { value: unknown; expected: unknown };
        expect({ path: `${path}.${field}`, value: got }).toEqual({ path: `${path}.${field}`, value: want });
        continue;
      }
      const own = PER_ANSWER.get(`${type}.${field}`);
      if (own) {
        expect({ path: `${path}.${field}`, given: typeof act === 'string' }).toEqual({ path: `${path}.${field}`, given: own(f) });
        continue;
      }
    }
    compare(f, value, act, `${path}.${field}`, owners ?? parentOwners, within, [...at, field], errors);
  }
}

/** Errors as the oracle writes them, in one order (the order resolvers finish in is no part of the answer). */
const comparable = (errors: readonly { path?: readonly (string | number)[]; extensions?: Record<string, unknown> }[] | undefined) =>
  (errors ?? []).map((e) => ({ path: e.path, extensions: e.extensions })).sort((a, b) => JSON.stringify(a.path).localeCompare(JSON.stringify(b.path)));

describe('the access matrix, generated from the policy table', () => {
  // Each sweep reads every field of the schema as every role (every connection both as edges and as nodes): over a
  // minute on a busy machine, and a test that runs first pays for the sweeps the later ones share.
  jest.setTimeout(300_000);
  let app: TestApp;
  let five: string[];
  let fixtures: Fixture[];
  let overridden: string;
  let memberViewer: Viewer;
  const admin = as(Role.ZONE_ADMIN);
  const everything: Record<string, string> = {};
  const hust = () => NAMED_ENTERPRISES[0]!.creditCode;


  beforeAll(async () => {
    // Sweeps of the whole schema in one operation each: far over the cost limit a client is held to (test/limits.test.ts).
    app = await TestApp.start({ env: { GRAPHQL_MAX_COST: '100000000' } });
    await resetRegistry(app.orm);
    await loadDemoZone(app.orm.config.get('clientUrl')!);
    await loadDemoCppcc(app.orm);
    // One account per role (the demo's): the office sees the member's, the zone every one.
    await loadDemoAccounts(app.orm);
    five = await coveringEnterprises(app.orm);
    const schema = await buildInnozoneSchema();
    for (const [name, type, cut] of [
      ['enterprise', 'Enterprise', []],
      ['portfolioSummary', 'PortfolioSummary', []],
      // The enterprise of an authorization is met in full above; here the pages stay within the depth limit.
      ['authorizations', 'DataAuthorizationConnection', ['Enterprise']],
      // The loan book: the instruments' enterprises are met in full above.
      ['instruments', 'FinancingInstrumentConnection', ['Enterprise']],
      // The enterprise and authorisation of an event are met in full above; here the query stays within the depth limit.
      ['auditEvents', 'AuditEventConnection', ['Enterprise', 'DataAuthorization']],
      ['partnerBanks', 'Bank', []],
      ['parks', 'Park', []],
      ['industryClusters', 'IndustryCluster', []],
      ['institutions', 'InstitutionConnection', []],
      ['programs', 'PilotProgram', []],
      // The enterprise an answer names is met in full above; here the 1,000-code answers stay within the depth limit.
      ['eligibility', 'EligibilityResult', ['Enterprise']],
      ['eligibilityReceipt', 'EligibilityReceipt', []],
      // CPPCC: enterprises inside are met in full above.
      ['proposals', 'ProposalConnection', ['Enterprise']],
      ['policyRequests', 'PolicyRequestConnection', ['Enterprise']],
      ['cppccMembers', 'CppccMemberConnection', []],
      ['handlingUnits', 'HandlingUnitConnection', []],
      ['handlingUnitScores', 'HandlingUnitScoreConnection', []],
      ['unitEvaluation', 'UnitEvaluation', []],
      // Accounts: what they act for is met in full above.
      ['accounts', 'AccountConnection', ['Enterprise', 'Bank', 'CppccMember', 'HandlingUnit']],
      ['imports', 'ImportConnection', []],
      // Notifications: what their recipients act for is met in full above.
      ['notifications', 'NotificationConnection', ['Enterprise', 'Bank', 'CppccMember', 'HandlingUnit']],
      // Webhooks: whose events they receive is met in full above.
      ['webhooks', 'WebhookConnection', ['Enterprise', 'Bank', 'CppccMember', 'HandlingUnit']],
      ['webhookAllowList', 'WebhookAllowList', ['Enterprise', 'Bank', 'CppccMember', 'HandlingUnit']],
    ] as const) {
      everything[name] = selectEverything(schema, schema.getType(type) as GraphQLCompositeType, cut);
    }
    // An import (a dry run of a file with a problem: nothing written), so that imports and their problems are met.
    const csv = Buffer.from(`\ufeff统一社会信用代码,信用等级,评级机构,评级日期\r\n${hust()},AA,武汉东湖信用评级有限公司,2099-01-01\r\n`, 'utf8');
    const dryRun = await app.execute<any, any>(
      'mutation I($input: ImportRecordsInput!) { importRecords(input: $input) { import { status } errors { code } } }',
      { input: { kind: 'CREDIT_RATINGS', fileName: '信用评级.csv', content: csv.toString('base64'), isDryRun: true } },
      admin,
    );
    expect(dryRun.data.importRecords).toEqual({ import: { status: 'FAILED' }, errors: [] });
    // The demo zone has no early code with a wrong check character; one is registered, as an administrator may.
    const early = await app.execute(
      CreateEnterpriseDocument,
      { input: enterpriseInput(wrongCheckCode(901), '武汉早期登记光电有限公司', { checkCharacterOverride: { reason: '营业执照原件所载代码' } }) },
      admin,
    );
    expect(early.data!.createEnterprise.errors).toEqual([]);
    overridden = wrongCheckCode(901);
    // A correction on the trail of one of them (its change is seen where its event is).
    let corrected: { id: string; version: number; title: string } | undefined;
    for (const code of five) {
      const patents = await app.execute<any, any>('query P($code: CreditCode!) { enterprise(creditCode: $code) { patents(first: 1) { nodes { id version title } } } }', { code }, admin);
      corrected ??= patents.data.enterprise.patents.nodes[0];
    }
    if (!corrected) throw new Error('none of the five enterprises holds a patent');
    const update = await app.execute<any, any>(
      'mutation U($input: UpdatePatentInput!) { updatePatent(input: $input) { errors { code } } }',
      { input: { id: corrected.id, version: corrected.version, reason: '专利名称以授权公告为准。', title: `${corrected.title}（授权公告文本）` } },
      admin,
    );
    expect(update.data.updatePatent.errors).toEqual([]);

    // The bank that lent to these enterprises most, a second partner bank, and one they never authorised.
    const sql = <T>(q: string, p: unknown[] = []) => app.orm.em.fork().execute<T[]>(q, p);
    const lenders = await sql<{ code: string }>(
      `select b.credit_code as code from financing_instrument i join instrument_holder h on h.instrument_id = i.id
       join enterprise e on e.id = h.enterprise_id join bank b on b.id = i.lender_id
       where e.credit_code = any(?::text[]) group by b.credit_code
       order by bool_or(i.kind = 'IP_PLEDGE_LOAN') desc, count(*) desc, b.credit_code`,
      [sqlArray(five)],
    );
    const others = await sql<{ code: string }>(
      `select credit_code as code from bank where partner and not planned and credit_code <> ? order by credit_code`,
      [lenders[0]!.code],
    );
    const [lender, second, unauthorised] = [lenders[0]!.code, others[0]!.code, others[1]!.code];
    const today = zoneToday();
    const grant = async (bank: string, scopes: string[]) => {
      for (const creditCode of five) {
        const result = await app.execute(
          GrantAuthorizationDocument,
          {
            input: {
              creditCode,
              bankCreditCode: bank,
              scopes: scopes as never,
              purpose: '知识产权质押贷款试点资格审核',
              validFrom: today,
              validUntil: addMonths(today, 12),
              signer: '王伟（财务总监）',
              paperReference: `授权书-${creditCode}`,
            },
          },
          admin,
        );
        expect(result.data!.grantAuthorization.errors).toEqual([]);
      }
    };
    const allScopes = ['PROFILE', 'HIGH_TECH', 'PATENTS', 'FINANCIALS', 'INSTRUMENTS', 'ELIGIBILITY'];
    await grant(lender, allScopes);
    await grant(second, ['PROFILE']);

    // A loan of theirs corrected: its audit event keeps the reason and what changed (AuditEvent.changes), on their trail.
    const [loan] = await sql<{ id: string; version: number; kind: string }>(
      `select i.id, i.version, i.kind from financing_instrument i join instrument_holder h on h.instrument_id = i.id
       join enterprise e on e.id = h.enterprise_id where e.credit_code = any(?::text[]) and i.kind in ('CREDIT_LOAN', 'IP_PLEDGE_LOAN')
       order by e.credit_code, i.id limit 1`,
      [sqlArray(five)],
    );
    const [type, mutation] = loan!.kind === 'CREDIT_LOAN' ? ['CreditLoan', 'correctCreditLoan'] : ['IpPledgeLoan', 'correctIpPledgeLoan'];
    const correctedLoan = await app.execute<any, any>(
      `mutation C($input: Correct${type}Input!) { ${mutation}(input: $input) { errors { code message } } }`,
      { input: { id: toGlobalId(type, loan!.id), version: loan!.version, reason: '利率录入有误。', interestRate: '4.1234' } },
      admin,
    );
    expect(correctedLoan.data[mutation].errors).toEqual([]);

    // Notifications for every role (issue 17): the grants above told the representatives and the banks; a proposal of
    // the member taken to a unit tells the office, the member and the unit; a credit rating going stale tells the zone.
    const [aMember0] = await sql<{ id: string }>(`select id from cppcc_member where levels = '{MUNICIPAL}' order by id limit 1`);
    const [aUnit0] = await sql<{ id: string }>(`select id from handling_unit where name = '武汉市地方金融管理局'`);
    const proposer = as(Role.CPPCC_MEMBER, toGlobalId('CppccMember', aMember0!.id));
    const step = async (mutation: string, input: Record<string, unknown>, viewer: Viewer) => {
      const r = await app.execute<any, any>(mutation, { input }, viewer);
      const payload = Object.values(r.data as Record<string, { errors: unknown[]; proposal: { id: string; version: number } }>)[0]!;
      expect(payload.errors).toEqual([]);
      return payload.proposal;
    };
    const drafted = await step(
      'mutation D($input: DraftProposalInput!) { draftProposal(input: $input) { proposal { id version } errors { code } } }',
      { level: 'MUNICIPAL', subject: '关于科技金融通知送达的提案', reasons: '企业反映。', recommendations: '建议研究。' },
      proposer,
    );
    await step('mutation S($input: SubmitProposalInput!) { submitProposal(input: $input) { proposal { id version } errors { code } } }', { proposalId: drafted.id, version: drafted.version }, proposer);
    await step('mutation R($input: ReviewProposalInput!) { reviewProposal(input: $input) { proposal { id version } errors { code } } }', { proposalId: drafted.id, decision: { accept: {} } }, as(Role.CPPCC_OFFICE));
    await step(
      'mutation A($input: AssignProposalInput!) { assignProposal(input: $input) { proposal { id version } errors { code } } }',
      { proposalId: drafted.id, leadUnitId: toGlobalId('HandlingUnit', aUnit0!.id) },
      as(Role.CPPCC_OFFICE),
    );
    const [soonest] = await sql<{ day: string }>(`select to_char(min(valid_until), 'YYYY-MM-DD') as day from credit_rating_record where valid_until >= ?::date`, [today]);
    await app.orm.em.fork().transactional((tx) => sweepStaleCreditFacts(tx as never, soonest!.day));
    // Webhooks (issue 17 item 5): one of each organization a fixture acts for, for every kind its role is told of. The
    // relay writes their deliveries; each is tried once, at a port nothing listens on (refused, so DEAD), so every
    // role meets deliveries with an attempt.
    const allow = await app.execute<any, any>('mutation S($input: SetWebhookAllowListInput!) { setWebhookAllowList(input: $input) { errors { code } } }', { input: { entries: ['http://127.0.0.1:9'] } }, admin);
    expect(allow.data.setWebhookAllowList.errors).toEqual([]);
    const hooked = [
      admin, as(Role.CPPCC_OFFICE), as(Role.HANDLING_UNIT, toGlobalId('HandlingUnit', aUnit0!.id)), ...five.map((code) => as(Role.ENTERPRISE_REP, code)),
      as(Role.BANK_OFFICER, lender), as(Role.BANK_OFFICER, second), as(Role.BANK_OFFICER, unauthorised),
    ];
    for (const [i, viewer] of hooked.entries()) {
      const r = await app.execute<any, any>('mutation W($input: RegisterWebhookInput!) { registerWebhook(input: $input) { errors { code message } } }', {
        input: { url: `http://127.0.0.1:9/hook/${i}`, events: [...KINDS_TOLD_TO[viewer.role]], secret: 'matrix-webhook-secret-0123456789abcdef' },
      }, viewer);
      expect(r.data.registerWebhook.errors).toEqual([]);
    }
    await relayPending(app.orm.em.fork(), new InMemoryEventPublisher());
    for (const d of await sql<{ id: string }>('select id from webhook_delivery')) await deliverOnce(app.orm.em.fork(), d.id, { timeoutMs: 2_000, final: true });

    const none = new Set<string>();
    const [aMember] = await sql<{ id: string }>(`select id from cppcc_member where levels = '{MUNICIPAL}' order by id limit 1`);
    const [aUnit] = await sql<{ id: string }>(`select id from handling_unit where name = '武汉市地方金融管理局'`);
    memberViewer = as(Role.CPPCC_MEMBER, toGlobalId('CppccMember', aMember!.id));
    fixtures = [
      { name: 'administrator', viewer: admin, visible: ALL, scopes: none },
      { name: 'CPPCC member', viewer: memberViewer, visible: ALL, scopes: none },
      { name: 'CPPCC office', viewer: as(Role.CPPCC_OFFICE), visible: ALL, scopes: none },
      { name: 'handling unit', viewer: as(Role.HANDLING_UNIT, toGlobalId('HandlingUnit', aUnit!.id)), visible: ALL, scopes: none },
      ...[...new Set([...five, overridden, hust()])].map((code, i) => ({ name: `representative ${i + 1}`, viewer: as(Role.ENTERPRISE_REP, code), visible: new Set([code]), scopes: none })),
      { name: 'lending bank, every scope', viewer: as(Role.BANK_OFFICER, lender), visible: new Set(five), scopes: new Set(allScopes), bankCode: lender },
      { name: 'second bank, profile only', viewer: as(Role.BANK_OFFICER, second), visible: new Set(five), scopes: new Set(['PROFILE']), bankCode: second },
      { name: 'bank never authorised', viewer: as(Role.BANK_OFFICER, unauthorised), visible: new Set(), scopes: none, bankCode: unauthorised },
    ];
  }, 60_000);
  afterAll(() => app.close());

  /** Runs `query` as `truthViewer` (who sees every row of it) and as each viewer allowed to call it, comparing each with the table. */
  async function check(query: string, variables: Record<string, unknown>, root: string, who: (f: Fixture) => boolean, truthViewer: Viewer = admin) {
    const truth = await app.execute(query, variables, truthViewer);
    expect(truth.errors).toBeUndefined();
    collect((truth.data as Json)[root], []);
    for (const f of fixtures.filter(who)) {
      const answer = await app.execute(query, variables, f.viewer);
      const errors: ExpectedError[] = [];
      compare(f, (truth.data as Json)[root], (answer.data as Json)[root], `${f.name}: ${root}`, [], null, [root], errors);
      // Every masked field came with its error, and nothing else went wrong.
      expect({ viewer: f.name, errors: comparable(answer.errors) }).toEqual({ viewer: f.name, errors: comparable(errors) });
    }
  }

  /**
   * Each sweep runs once, the first time a test needs it, so every test can run alone (`jest -t`) and in any order:
   * the by-id and coverage tests need what the sweeps collected, and run those first.
   */
  const once = (fn: () => Promise<void>) => {
    let run: Promise<void> | undefined;
    return () => (run ??= fn());
  };

  const enterpriseSweep = once(async () => {
    const query = `query Everything($code: CreditCode!) { enterprise(creditCode: $code) ${everything['enterprise']} }`;
    for (const code of [...five, overridden]) await check(query, { code }, 'enterprise', () => true);
  });

  const aggregateSweep = once(async () => {
    const may = (f: Fixture) => mayCall('Query', 'portfolioSummary', f.viewer.role);
    // The lending bank holds authorisations with every scope from all five, so over those five its counts are the
    // administrator's (a bank without the INSTRUMENTS scope counts no instruments: access.test.ts).
    const query = `query Summary($codes: [CreditCode!]) { portfolioSummary(filter: { creditCodes: $codes }) ${everything['portfolioSummary']} }`;
    await check(query, { codes: five }, 'portfolioSummary', (f) => may(f) && f.viewer.role === Role.BANK_OFFICER && f.scopes.has('INSTRUMENTS'));
    // CPPCC over the whole zone (summed figures of fewer than five enterprises are the zone's only: access.test.ts).
    const zone = `query Zone { portfolioSummary ${everything['portfolioSummary']} }`;
    await check(zone, {}, 'portfolioSummary', (f) => may(f) && f.visible === ALL);
  });

  const trailSweep = once(async () => {
    // The banks' reads of the enterprises are on the trail, each with its purpose and authorisation.
    await enterpriseSweep();
    for (const code of five) {
      const reps = (f: Fixture) => f.viewer.role === Role.ENTERPRISE_REP || f.viewer.role === Role.ZONE_ADMIN;
      await check(`query A($code: CreditCode!) { authorizations(creditCode: $code, first: 100) ${everything['authorizations']} }`, { code }, 'authorizations', reps);
      await check(
        `query E($code: CreditCode) { auditEvents(first: 100, filter: { creditCode: $code }) ${everything['auditEvents']} }`,
        { code },
        'auditEvents',
        (f) => f.viewer.role === Role.ZONE_ADMIN || f.viewer.organisation === code,
      );
    }
  });

  const referenceSweep = once(async () => {
    for (const root of ['partnerBanks', 'parks', 'industryClusters', 'institutions', 'programs']) {
      await check(`query R { ${root} ${everything[root]} }`, {}, root, () => true);
    }
    const query = `query P { programs ${everything['programs']} }`;
    expect(await app.execute(query, {}, null)).toEqual(await app.execute(query, {}, admin));
  });

  const eligibilitySweep = once(async () => {
    const query = `query Check($program: String!, $codes: [String!]!) {
      eligibility(program: $program, creditCodes: $codes, asOf: "2025-10-31") ${everything['eligibility']} }`;
    for (const program of ['IP_PLEDGE_LOAN', 'HIGH_TECH_SELF_CHECK', 'RD_SUPER_DEDUCTION']) {
      for (const code of five) {
        // A bank without the ELIGIBILITY scope, or another enterprise's representative, gets the AUTHORIZATION answer
        // instead (test/eligibility.test.ts); here, those who get the full one.
        await check(query, { program, codes: [code] }, 'eligibility', (f) =>
          f.viewer.role === Role.ENTERPRISE_REP ? f.viewer.organisation === code : f.viewer.role === Role.ZONE_ADMIN || f.scopes.has('ELIGIBILITY'),
        );
      }
    }
  });

  const receiptSweep = once(async () => {
    // Receipts of answers to the lending bank (checked) and to the bank never authorised (refused), each read by
    // whoever asks: its bank and the zone see it, everyone else gets null.
    const query = `query Receipt($id: ID!) { eligibilityReceipt(id: $id) ${everything['eligibilityReceipt']} }`;
    const ask = `query Ask($codes: [String!]!) { eligibility(program: "IP_PLEDGE_LOAN", creditCodes: $codes, asOf: "2025-10-31") { receiptId } }`;
    for (const f of fixtures.filter((g) => g.viewer.role === Role.BANK_OFFICER && (g.scopes.has('ELIGIBILITY') || (g.visible !== ALL && g.visible.size === 0)))) {
      const answer = await app.execute(ask, { codes: five.slice(0, 2) }, f.viewer);
      expect(answer.errors).toBeUndefined();
      for (const { receiptId } of (answer.data as { eligibility: { receiptId: string }[] }).eligibility) {
        await check(query, { id: receiptId }, 'eligibilityReceipt', (g) => mayCall('Query', 'eligibilityReceipt', g.viewer.role));
      }
    }
  });

  /** A selection without its co-handlers' opinions (会办意见), which members, the truth of CPPCC material, never see. */
  const withoutOpinions = (selection: string): string => {
    const at = selection.indexOf('coHandlerOpinions {');
    if (at < 0) return selection;
    let depth = 0;
    let end = selection.indexOf('{', at);
    for (; end < selection.length; end++) {
      if (selection[end] === '{') depth++;
      if (selection[end] === '}' && --depth === 0) break;
    }
    return withoutOpinions(selection.slice(0, at) + selection.slice(end + 1));
  };

  const cppccSweep = once(async () => {
    const may = (root: string) => (f: Fixture) => mayCall('Query', root, f.viewer.role);
    // A member sees every proposal and request: the truth the others are compared with, but for co-handlers' opinions
    // (会办意见), which members never see: their truth is the office's, for the roles that read them.
    await check(`query P { proposals(first: 100) ${withoutOpinions(everything['proposals']!)} }`, {}, 'proposals', may('proposals'), memberViewer);
    const readsOpinions = (f: Fixture) => may('proposals')(f) && f.viewer.role !== Role.CPPCC_MEMBER;
    await check(`query P { proposals(first: 100) ${everything['proposals']} }`, {}, 'proposals', readsOpinions, as(Role.CPPCC_OFFICE));
    // And a member asking for them on a proposal that has some: masked, with the error that says so.
    const withOpinions = await app.execute(`query { proposals(first: 100) { edges { node { id coHandlerOpinions { id } } } } }`, {}, as(Role.CPPCC_OFFICE));
    const opinionated = (withOpinions.data as { proposals: { edges: { node: { id: string; coHandlerOpinions: unknown[] } }[] } }).proposals.edges.find(
      (e) => e.node.coHandlerOpinions.length > 0,
    )!.node.id;
    await check(
      `query O($id: ID!) { proposal(id: $id) { __typename id status coHandlerOpinions { __typename id text } } }`,
      { id: opinionated },
      'proposal',
      (f) => f.viewer.role === Role.CPPCC_MEMBER,
      as(Role.CPPCC_OFFICE),
    );
    await check(`query R { policyRequests(first: 100) ${withoutOpinions(everything['policyRequests']!)} }`, {}, 'policyRequests', may('policyRequests'), memberViewer);
    await check(`query M { cppccMembers(first: 100) ${everything['cppccMembers']} }`, {}, 'cppccMembers', may('cppccMembers'));
    await check(`query U { handlingUnits(first: 100) ${everything['handlingUnits']} }`, {}, 'handlingUnits', may('handlingUnits'));
    const year = Number(zoneToday().slice(0, 4));
    await check(`query S($year: Int!) { handlingUnitScores(first: 100, year: $year) ${everything['handlingUnitScores']} }`, { year }, 'handlingUnitScores', may('handlingUnitScores'));
    // The democratic evaluation report: the office's and the zone's.
    await check(`query E($year: Int!) { unitEvaluation(year: $year) ${everything['unitEvaluation']} }`, { year }, 'unitEvaluation', may('unitEvaluation'));
  });

  const bankViewSweep = once(async () => {
    // The loan book: each bank asks for its own loans, the administrator answers with every loan of that lender.
    const book = `query Book($lender: CreditCode!) { instruments(first: 100, filter: { lenderCreditCode: $lender }) ${everything['instruments']} }`;
    for (const f of fixtures.filter((g) => g.viewer.role === Role.BANK_OFFICER)) {
      await check(book, { lender: f.bankCode }, 'instruments', (g) => g === f);
    }
    // The lending bank's book is not empty: its loans to the five are there, in full.
    const lending = fixtures.find((f) => f.name === 'lending bank, every scope')!;
    const lent = await app.execute<{ instruments: { totalCount: number } }, Record<string, unknown>>(book, { lender: lending.bankCode }, lending.viewer);
    expect(lent.data!.instruments.totalCount).toBeGreaterThan(0);
    // The authorizations of each viewer's own organization, record by record against the administrator's lists.
    const list = `query A($code: CreditCode!) { authorizations(creditCode: $code, first: 100) ${everything['authorizations']} }`;
    const truth: Json[] = [];
    for (const code of new Set([...five, overridden, hust()])) {
      const answer = await app.execute(list, { code }, admin);
      expect(answer.errors).toBeUndefined();
      truth.push(...(answer.data as { authorizations: { edges: { node: Json }[] } }).authorizations.edges.map((e) => e.node));
    }
    const own = `query Own { viewer { authorizations(first: 100) ${everything['authorizations']} } }`;
    const byId = (a: Json, b: Json) => String(a['id']).localeCompare(String(b['id']));
    for (const f of fixtures) {
      const answer = await app.execute(own, {}, f.viewer);
      const got = (answer.data as { viewer: { authorizations: { totalCount: number; edges: { node: Json }[] } } }).viewer.authorizations;
      // A bank's and a representative's own; every other role holds none (Viewer.authorizations).
      const holds = f.viewer.role === Role.BANK_OFFICER || f.viewer.role === Role.ENTERPRISE_REP;
      const expected = holds ? truth.filter((a) => rowVisible(f, 'DataAuthorization', a, ownersOf(a, 'DataAuthorization', []))).sort(byId) : [];
      const actual = got.edges.map((e) => e.node).sort(byId);
      expect({ viewer: f.name, ids: actual.map((a) => a['id']), totalCount: got.totalCount }).toEqual({
        viewer: f.name,
        ids: expected.map((a) => a['id']),
        totalCount: expected.length,
      });
      // Each record against the administrator's, at its place in the answer; every field masked came with its error.
      const errors: ExpectedError[] = [];
      got.edges.forEach(({ node }, i) =>
        compare(f, expected.find((e) => e['id'] === node['id']), node, `${f.name}: viewer.authorizations.${i}`, [], null, ['viewer', 'authorizations', 'edges', i, 'node'], errors),
      );
      expect({ viewer: f.name, errors: comparable(answer.errors) }).toEqual({ viewer: f.name, errors: comparable(errors) });
    }
  });

  const accountSweep = once(async () => {
    await check(`query A { accounts(first: 100) ${everything['accounts']} }`, {}, 'accounts', (f) => mayCall('Query', 'accounts', f.viewer.role));
  });

  const notificationSweep = once(async () => {
    // Nobody sees every notification: each viewer's own answer is the truth, judged by the table (a notification
    // addressed to another would be one it may not see, and fail here).
    for (const f of fixtures) {
      await check(`query N { notifications(first: 100) ${everything['notifications']} }`, {}, 'notifications', (g) => g === f, f.viewer);
    }
    // Every role met one.
    const met = new Set(fixtures.filter((f) => [...decided.keys()].some((k) => k.startsWith(`${f.viewer.role} Notification.`))).map((f) => f.viewer.role));
    expect([...met].sort()).toEqual(Object.values(Role).sort());
  });

  const webhookSweep = once(async () => {
    // Webhooks: the zone sees every one (the truth); an organization its own (the Webhook row rule), with their
    // deliveries and attempts; the allow-list every organization that may register.
    await check(`query W { webhooks(first: 100) ${everything['webhooks']} }`, {}, 'webhooks', (f) => mayCall('Query', 'webhooks', f.viewer.role));
    await check(`query L { webhookAllowList ${everything['webhookAllowList']} }`, {}, 'webhookAllowList', (f) => mayCall('Query', 'webhookAllowList', f.viewer.role));
    // Every role that may register met a webhook of its own, with a delivery and its attempt.
    const met = new Set(fixtures.filter((f) => decided.has(`${f.viewer.role} WebhookDeliveryAttempt.error`)).map((f) => f.viewer.role));
    expect([...met].sort()).toEqual(Object.values(Role).filter((r) => mayCall('Query', 'webhooks', r)).sort());
  });

  const importSweep = once(async () => {
    // Imports of spreadsheets and their problems: the zone's administrators alone (the others cannot call the root).
    await check(`query I { imports(first: 100) ${everything['imports']} }`, {}, 'imports', (f) => mayCall('Query', 'imports', f.viewer.role));
  });

  /** Every sweep through a root field, in a fixed order (the records met are then fetched by id). */
  const fieldSweeps = once(async () => {
    for (const sweep of [enterpriseSweep, aggregateSweep, trailSweep, bankViewSweep, referenceSweep, eligibilitySweep, receiptSweep, cppccSweep, accountSweep, importSweep, notificationSweep, webhookSweep]) await sweep();
  });

  const byIdSweep = once(async () => {
    await fieldSweeps();
    const schema = await buildInnozoneSchema();
    const isNode = (type: string) => (schema.getType(type) as GraphQLObjectType).getInterfaces().some((i) => i.name === 'Node');
    const ids = [...nodesSeen.keys()].filter((id) => isNode(nodesSeen.get(id)!.type));
    const query = `query Nodes($ids: [ID!]!) { nodes(ids: $ids) { __typename ... on Node { id } } }`;
    for (const f of fixtures) {
      // In parts: one request names at most 1,000 ids (src/limits.ts).
      const got: (Json | null)[] = [];
      for (let at = 0; at < ids.length; at += 500) {
        const answer = await app.execute(query, { ids: ids.slice(at, at + 500) }, f.viewer);
        expect(answer.errors).toBeUndefined();
        got.push(...(answer.data as { nodes: (Json | null)[] }).nodes);
      }
      ids.forEach((id, i) => {
        const { type, obj, owners, proposal } = nodesSeen.get(id)!;
        const visible = rowVisible(f, type, obj, owners, proposal);
        note(f.viewer.role, `${type} row`, visible ? 'allowed' : 'denied');
        // A record seen only restricted is that, under its own id.
        const shownAs = visible && !fullVisible(f, type, obj, owners) ? TYPES[type]!.restricted!.as : type;
        expect({ viewer: f.name, type, id, got: got[i] }).toEqual({ viewer: f.name, type, id, got: visible ? { __typename: shownAs, id } : null });
      });
    }
  });

  const unreachedSweep = once(async () => {
    await byIdSweep();
    const schema = await buildInnozoneSchema();
    const isNode = (type: string) => (schema.getType(type) as GraphQLObjectType).getInterfaces().some((i) => i.name === 'Node');
    for (const f of fixtures) {
      for (const [type, fields] of FIELD_GRANTS) {
        const owned = TYPES[type]!.owners;
        // A proposal's steps, replies and evidence are seen with it (and fetched by id in the test before).
        if (owned && 'proposal' in owned) continue;
        if (!TYPES[type]!.rows[f.viewer.role] || !isNode(type) || [...fields.keys()].some((k) => decided.has(`${f.viewer.role} ${type}.${k}`))) continue;
        const node = [...nodesSeen.entries()].find(([, n]) => n.type === type && rowVisible(f, type, n.obj, n.owners, n.proposal));
        if (!node) continue;
        const selection = selectEverything(schema, schema.getType(type) as GraphQLCompositeType, ['Enterprise']);
        await check(`query N($id: ID!) { node(id: $id) { ... on ${type} ${selection} } }`, { id: node[0] }, 'node', (g) => g === f);
      }
    }
    // A holder's part of a loan another bank lent is met by a bank only by id (to it the loan is restricted, without
    // holders): the one place its amount is denied under OWN_LOAN.
    const holder = selectEverything(schema, schema.getType('InstrumentHolder') as GraphQLCompositeType, ['Enterprise']);
    for (const f of fixtures.filter((g) => g.bankCode && g.scopes.has(Condition.INSTRUMENTS))) {
      const part = [...nodesSeen.entries()].find(
        ([id, n]) => n.type === 'InstrumentHolder' && lenderOfPart.has(id) && lenderOfPart.get(id) !== f.bankCode && rowVisible(f, n.type, n.obj, n.owners, n.proposal),
      );
      expect({ viewer: f.name, found: !!part }).toEqual({ viewer: f.name, found: true });
      await check(`query N($id: ID!) { node(id: $id) { ... on InstrumentHolder ${holder} } }`, { id: part![0] }, 'node', (g) => g === f);
    }
  });

  it('shows each viewer of an enterprise exactly the fields the table grants it', () => enterpriseSweep());
  it('shows aggregates without the amounts and figures the table withholds', () => aggregateSweep());
  it('shows authorisations and the audit trail to the enterprise they concern', () => trailSweep());
  it('shows a bank its own loan book and its own authorizations, and a representative its enterprise’s', () => bankViewSweep());
  it('shows reference data to everyone, and programs and their rules even without a token', () => referenceSweep());
  it('answers eligibility, with its figures, to whoever may check the enterprise', () => eligibilitySweep());
  it('shows the receipt of an eligibility answer to its bank and the zone, and null to everyone else', () => receiptSweep());
  it('shows CPPCC material to the CPPCC roles as the table says (members every proposal, the office and the zone the submitted, a unit its own), and nothing to banks', () =>
    cppccSweep());
  it('shows accounts to the zone, every one, and to the office those of CPPCC members', () => accountSweep());
  it('shows imports of spreadsheets, with their problems, to the zone administrators alone', () => importSweep());
  it('shows each viewer the notifications addressed to it, and no other', () => notificationSweep());
  it('shows each organization its own webhooks with their deliveries, the zone every one, and the allow-list to those who may register', () => webhookSweep());
  it('returns null by id for every record a viewer may not see, and the record itself otherwise', () => byIdSweep());
  it('shows in full, by id, the records a viewer may see but reaches through no field (reference data)', () => unreachedSweep());

  it('has met every field of the table, every type each role may see, and both sides of every bank condition', async () => {
    await unreachedSweep();
    const schema = await buildInnozoneSchema();
    const isNode = (type: string) => (schema.getType(type) as GraphQLObjectType).getInterfaces().some((i) => i.name === 'Node');
    const unreached = [...FIELD_GRANTS].flatMap(([type, fields]) => [...fields.keys()].map((f) => `${type}.${f}`)).filter((k) => !reached.has(k));
    expect(unreached).toEqual([]);

    const missing: string[] = [];
    for (const [type, fields] of FIELD_GRANTS) {
      for (const role of Object.values(Role)) {
        const rows = TYPES[type]!.rows[role];
        // A type the role may not see: found null by id (types that are not records are reached through a denied field).
        if (!rows) continue;
        for (const [field, grants] of fields) {
          const seen = decided.get(`${role} ${type}.${field}`);
          if (!seen) missing.push(`${role} ${type}.${field}: never decided`);
          const grant = grants[role];
          // A condition the row already has is proven with the row (below); one of the field's own, here.
          if (role === Role.BANK_OFFICER && grant && grant !== true && grant !== rows) {
            const possible = grant !== Condition.OWN_LOAN || ['CreditLoan', 'IpPledgeLoan', 'InstrumentHolder'].includes(type);
            if (!seen?.has('denied')) missing.push(`${role} ${type}.${field}: never seen denied`);
            if (possible && !seen?.has('allowed')) missing.push(`${role} ${type}.${field}: never seen allowed`);
          }
        }
      }
    }
    expect(missing).toEqual([]);

    // Every record type each role may not see was fetched by id as that role and found null; a bank's conditional
    // rows were seen both ways.
    const unproven: string[] = [];
    for (const [type, rule] of Object.entries(TYPES)) {
      // Records a role cannot reach by id (audit events) are closed at their root field: see access-roots.test.ts.
      if (!isNode(type) || ![...nodesSeen.values()].some((n) => n.type === type)) continue;
      for (const role of Object.values(Role)) {
        const seen = decided.get(`${role} ${type} row`);
        if (!rule.rows[role] && !seen?.has('denied')) unproven.push(`${role} ${type}: never found null by id`);
        if (role === Role.BANK_OFFICER && rule.rows[role] !== true && rule.rows[role] && !(seen?.has('denied') && seen.has('allowed'))) {
          unproven.push(`${role} ${type}: conditional row not seen both ways`);
        }
      }
    }
    expect(unproven).toEqual([]);
  });

  it('answers for an enterprise a viewer may not see exactly as for a code never registered: null, and no error', async () => {
    const query = `query Everything($code: CreditCode!) { enterprise(creditCode: $code) ${everything['enterprise']} }`;
    const unknown = testCode(914); // never registered here
    const registered = await app.orm.em.fork().execute<{ code: string }[]>(`select credit_code as code from enterprise where credit_code = ?`, [unknown]);
    expect(registered).toEqual([]);
    const outside = (f: Fixture) => (f.visible === ALL ? [] : [...five, overridden].filter((c) => !(f.visible as ReadonlySet<string>).has(c)));
    let compared = 0;
    for (const f of fixtures) {
      for (const code of outside(f).slice(0, 2)) {
        const [hidden, absent] = [await app.execute(query, { code }, f.viewer), await app.execute(query, { code: unknown }, f.viewer)];
        expect({ viewer: f.name, code, answer: hidden }).toEqual({ viewer: f.name, code, answer: { data: { enterprise: null }, errors: undefined, status: undefined } });
        expect({ viewer: f.name, code, answer: hidden }).toEqual({ viewer: f.name, code, answer: absent });
        compared++;
      }
    }
    // Every representative and the bank never authorised met one.
    expect(compared).toBeGreaterThanOrEqual(fixtures.filter((f) => f.visible !== ALL).length);
  });

  it('keeps every field it may mask nullable, and says in its description who sees it', async () => {
    const schema = await buildInnozoneSchema();
    const problems: string[] = [];
    for (const [type, fields] of FIELD_GRANTS) {
      const rule = TYPES[type]!;
      const shown = rule.restricted?.full ?? rule.rows;
      const object = schema.getType(type) as GraphQLObjectType;
      for (const [field, grants] of fields) {
        const definition = object.getFields()[field]!;
        // Masked for a viewer shown the object whose grant is missing, or a condition beyond the object's own.
        const viewers = Object.values(Role).filter((r) => shown[r] !== undefined);
        const masked = !rule.public && viewers.some((r) => grants[r] === undefined || (grants[r] !== true && grants[r] !== shown[r]));
        const says = definition.description?.match(/Masked \(null with a FORBIDDEN error\) unless the viewer is (.*)\.$/);
        if (masked && isNonNullType(definition.type)) problems.push(`${type}.${field}: masked, yet non-null`);
        if (masked !== !!says) problems.push(`${type}.${field}: ${masked ? 'masked, and its description does not say so' : 'says it is masked'}`);
        if (masked && says) {
          const named = Object.values(Role).filter((r) => new RegExp(`\\b${r}\\b`).test(says[1]!));
          const seeing = viewers.filter((r) => grants[r] !== undefined);
          if (named.join() !== seeing.join()) problems.push(`${type}.${field}: names ${named.join(', ')}, not ${seeing.join(', ')}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('makes non-null every field of an enterprise that every enterprise has and no viewer is masked from', async () => {
    const schema = await buildInnozoneSchema();
    const meta = app.orm.getMetadata().get('Enterprise');
    const problems: string[] = [];
    for (const [field, definition] of Object.entries((schema.getType('Enterprise') as GraphQLObjectType).getFields())) {
      if (isNonNullType(definition.type) || definition.description?.includes('Masked (null with a FORBIDDEN error)')) continue;
      // A field that answers for the viewer (the bank's own authorization) is null for a viewer who has none.
      if (PER_VIEWER.has(`Enterprise.${field}`)) continue;
      // Nullable and never masked: it must be one an enterprise may lack (its column or reference may be null).
      const prop = meta.properties[field as never] as { nullable?: boolean } | undefined;
      if (!prop?.nullable) problems.push(`Enterprise.${field}: nullable, never masked, and every enterprise has one`);
    }
    expect(problems).toEqual([]);
  });

  it('makes non-null, on every record type, each field stored in a column that is never null and no viewer is masked from', async () => {
    const schema = await buildInnozoneSchema();
    const metadata = app.orm.getMetadata();
    const problems: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || !TYPES[type.name] || !metadata.find(type.name)) continue;
      const meta = metadata.get(type.name);
      for (const [field, definition] of Object.entries(type.getFields())) {
        if (isNonNullType(definition.type) || definition.description?.includes('Masked (null with a FORBIDDEN error)')) continue;
        // Only what a column holds is judged here: a nullable field computed from others may be null for its own reasons.
        // A rule version's recorder is null for the versions innozone was installed with (no person recorded them).
        // An account's creator is null for one made on the server or by the demo seed (stored as `shell` or `seed`).
        if (['ProgramRuleVersion.recordedBy', 'Account.createdBy'].includes(`${type.name}.${field}`)) continue;
        const prop = meta.properties[field as never] as { nullable?: boolean; kind?: string } | undefined;
        if (prop && prop.kind !== '1:m' && prop.kind !== 'm:n' && !prop.nullable) problems.push(`${type.name}.${field}: nullable, never masked, and never null in the database`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('names every object type of the schema in the table or as structural, and no field the schema lacks', async () => {
    const schema = await buildInnozoneSchema();
    const problems: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      const structural = STRUCTURAL.some((re) => re.test(type.name));
      const policed = !!TYPES[type.name];
      if (structural === policed) problems.push(`${type.name}: ${policed ? 'both policed and structural' : 'in neither'}`);
      if (!policed) continue;
      const fields = FIELD_GRANTS.get(type.name)!;
      for (const f of Object.keys(type.getFields())) if (!fields.has(f)) problems.push(`${type.name}.${f}: no decision`);
      for (const f of fields.keys()) if (!type.getFields()[f]) problems.push(`${type.name}.${f}: not in the schema`);
    }
    for (const type of Object.keys(TYPES)) if (!schema.getType(type)) problems.push(`${type}: not in the schema`);
    expect(problems).toEqual([]);
  });
});
