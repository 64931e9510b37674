import { readFile, writeFile } from 'node:fs/promises';
import { execute, parse } from 'graphql';
import pino from 'pino';
import { Role } from '../src/auth/roles';
import type { Viewer } from '../src/auth/viewer';
import { toGlobalId } from '../src/common/global-id';
import { createContext } from '../src/context';
import { projectPath } from '../src/project';
import { CHAIN_MEMBER, loadDemoCppcc } from '../seeds/cppcc';
import { BANKS } from '../seeds/reference';
import { loadDemoZone } from '../seeds/zone';
import { as, TestApp } from './support/app';
import { realClock, setClock, zoneToday } from './support/clock';
import { resetRegistry } from './support/registry';
import { startOnDemo } from './support/demo';

/**
 * Every GraphQL example of the README, run as every role on the demo zone, gives the answer recorded in
 * test/fixtures/readme-answers.json. The answers were recorded before the read path was rebuilt (issue 11), so a
 * read layer that answers anything differently (a row more or less, another order, a field shown or hidden) fails
 * here. `UPDATE_README_ANSWERS=1 npx jest test/readme-answers.test.ts` records them again after a deliberate change:
 * read the diff before committing it. The server compiles operations with graphql-jit (the default); a second one
 * on the same database executes with graphql-js (GRAPHQL_JIT=no) and must give the same answers, and both are
 * compared with graphql-js's own executor called directly over the same schema.
 */
const FIXTURE = projectPath('test', 'fixtures', 'readme-answers.json');
const CLIENT = '914201003000010018'; // 华工科技, the README's client
const HANKOU = BANKS.find((b) => b.key === 'HANKOU')!;
/** The day the answers were recorded on: today's answers (highTech, overdue, active) depend on it. */
const RECORDED_ON = '2026-11-30T04:00:00Z';

/** The README's ```graphql blocks, in order. */
async function readmeExamples(): Promise<string[]> {
  const readme = await readFile(projectPath('README.md'), 'utf8');
  return [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]!);
}

/** What may differ between two loads of the demo zone: record ids and the instants rows were written at. */
function stable(value: unknown): unknown {
  if (value instanceof Date) return '<instant>';
  if (Array.isArray(value)) return value.map(stable);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, stable(v)]));
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return '<instant>';
  return value;
}

/** An answer as a client would compare it: the data, and each error's code and path. */
const answerOf = (result: { data?: unknown; errors?: readonly { extensions?: Record<string, unknown>; path?: readonly (string | number)[] }[] }) => ({
  data: stable(result.data ?? null),
  // In the order of their paths: masked fields' errors come as their resolvers finish, which no client relies on.
  errors: (result.errors ?? [])
    .map((e) => ({ code: e.extensions?.['code'] ?? null, path: e.path?.join('.') ?? null }))
    .sort((a, b) => String(a.path).localeCompare(String(b.path), 'en', { numeric: true })),
});

describe('the README examples as every role', () => {
  let app: TestApp;
  /** The same server executing with graphql-js instead of graphql-jit. */
  let js: TestApp;
  const viewers: Record<string, Viewer> = {};

  beforeAll(async () => {
    setClock(RECORDED_ON, { flowing: true });
    app = await TestApp.start();
    js = await TestApp.start({ env: { GRAPHQL_JIT: 'no' } });
    await resetRegistry(app.orm);
    await loadDemoZone(app.orm.config.get('clientUrl')!);
    await loadDemoCppcc(app.orm);
    const sql = <T>(q: string, p: unknown[] = []) => app.orm.em.fork().execute<T[]>(q, p);
    const [member] = await sql<{ id: string }>('select id from cppcc_member where name = ? order by id limit 1', [CHAIN_MEMBER]);
    const [unit] = await sql<{ id: string }>(`select id from handling_unit where name = '武汉市地方金融管理局'`);
    Object.assign(viewers, {
      ZONE_ADMIN: as(Role.ZONE_ADMIN),
      ENTERPRISE_REP: as(Role.ENTERPRISE_REP, CLIENT),
      BANK_OFFICER: as(Role.BANK_OFFICER, HANKOU.creditCode),
      CPPCC_MEMBER: as(Role.CPPCC_MEMBER, toGlobalId('CppccMember', member!.id)),
      CPPCC_OFFICE: as(Role.CPPCC_OFFICE),
      HANDLING_UNIT: as(Role.HANDLING_UNIT, toGlobalId('HandlingUnit', unit!.id)),
    });
    // The bank's client authorises it for everything, as the README's bank example assumes.
    const granted = await app.execute<any, any>(
      `mutation G($input: GrantAuthorizationInput!) { grantAuthorization(input: $input) { errors { code } } }`,
      {
        input: {
          creditCode: CLIENT,
          bankCreditCode: HANKOU.creditCode,
          scopes: ['PROFILE', 'HIGH_TECH', 'PATENTS', 'FINANCIALS', 'INSTRUMENTS', 'ELIGIBILITY'],
          purpose: '科技信用贷款授信审查',
          validFrom: '2026-11-01',
          validUntil: '2027-10-31',
          signer: '王伟（财务总监）',
        },
      },
      viewers['ENTERPRISE_REP']!,
    );
    expect(granted.data).toEqual({ grantAuthorization: { errors: [] } });
  }, 120_000);
  afterAll(async () => {
    realClock();
    await app.close();
    await js.close();
  });

  it('gives every example, as every role, the answer recorded before the read path was rebuilt', async () => {
    const examples = await readmeExamples();
    expect(examples).toHaveLength(7);
    const answers: Record<string, Record<string, unknown>> = {};
    for (const [i, query] of examples.entries()) {
      const key = `example ${i + 1}: ${query.trim().split('\n')[1]!.trim()}`;
      answers[key] = {};
      for (const [role, viewer] of Object.entries(viewers)) {
        answers[key]![role] = answerOf(await app.execute(query, {}, viewer));
      }
    }
    if (process.env['UPDATE_README_ANSWERS']) await writeFile(FIXTURE, `${JSON.stringify(answers, null, 1)}\n`);
    expect(answers).toEqual(JSON.parse(await readFile(FIXTURE, 'utf8')));
  });

  it("answers every example with graphql-js's executor as compiled by graphql-jit, and as graphql-js's execute over the same schema", async () => {
    for (const query of await readmeExamples()) {
      for (const viewer of Object.values(viewers)) {
        const served = answerOf(await app.execute(query, {}, viewer));
        expect([viewer.role, answerOf(await js.execute(query, {}, viewer))]).toEqual([viewer.role, served]);
        const reference = await execute({
          schema: app.schema,
          document: parse(query),
          contextValue: createContext(app.orm, viewer, pino({ level: 'silent' }), 'reference'),
        });
        expect([viewer.role, served]).toEqual([viewer.role, answerOf(reference)]);
      }
    }
  });
});

/**
 * The role each README example is written for, in order: the text above each names it. A bank's example runs as
 * 招商银行, whose authorisations the README names and the demo holds.
 */
const NAMED_ROLE: Role[] = [Role.ZONE_ADMIN, Role.ZONE_ADMIN, Role.BANK_OFFICER, Role.BANK_OFFICER, Role.BANK_OFFICER, Role.ZONE_ADMIN, Role.CPPCC_MEMBER];

/** What "answers with data" means: every root field is there, a list or a connection has rows, a check is not refused. */
function emptiness(data: Record<string, unknown> | null | undefined): string[] {
  if (!data) return ['no data'];
  const problems: string[] = [];
  for (const [field, value] of Object.entries(data)) {
    if (value === null) problems.push(`${field} is null`);
    else if (Array.isArray(value) && value.length === 0) problems.push(`${field} is empty`);
    else if (typeof value === 'object' && Array.isArray((value as { edges?: unknown[] }).edges) && (value as { edges: unknown[] }).edges.length === 0) {
      problems.push(`${field} has no edges`);
    }
    if (JSON.stringify(value).includes('"criterion":"AUTHORISATION"')) problems.push(`${field} was refused for want of an authorisation`);
  }
  return problems;
}

describe('the README examples as the roles they name, on the demo as `npm start` loads it', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startOnDemo();
  }, 120_000);
  afterAll(() => app.close());

  it('answers each example, as the role the README names, without errors and with data', async () => {
    const readme = await readFile(projectPath('README.md'), 'utf8');
    const cmb = BANKS.find((b) => b.key === 'CMB')!.creditCode;
    // The README's bank codes are the demo's: 招商银行 and 湖北银行 as the bank section names them.
    expect(readme).toContain(`招商银行 (\`${cmb}\`)`);
    expect(readme).toContain(`湖北银行 (\`${BANKS.find((b) => b.key === 'HUBEI')!.creditCode}\`)`);
    expect(readme).toContain(`--role BANK_OFFICER --org ${cmb}`);
    const [member] = await app.orm.em.fork().execute<{ id: string }[]>('select id from cppcc_member where name = ? order by id limit 1', [CHAIN_MEMBER]);
    const viewerOf: Record<string, Viewer> = {
      ZONE_ADMIN: as(Role.ZONE_ADMIN),
      BANK_OFFICER: as(Role.BANK_OFFICER, cmb),
      CPPCC_MEMBER: as(Role.CPPCC_MEMBER, toGlobalId('CppccMember', member!.id)),
    };
    const examples = await readmeExamples();
    expect(examples).toHaveLength(NAMED_ROLE.length);
    const outcomes = [];
    for (const [i, query] of examples.entries()) {
      const role = NAMED_ROLE[i]!;
      const result = await app.execute<Record<string, unknown>, Record<string, never>>(query, {}, viewerOf[role]!);
      outcomes.push({ example: i + 1, role, errors: (result.errors ?? []).map((e) => e.message), empty: emptiness(result.data) });
    }
    expect(outcomes).toEqual(NAMED_ROLE.map((role, i) => ({ example: i + 1, role, errors: [], empty: [] })));
  });
});
