import { Role } from '../src/auth/roles';
import { toGlobalId } from '../src/common/global-id';
import { BANKS } from '../seeds/reference';
import { CHAIN_MEMBER, loadDemoCppcc } from '../seeds/cppcc';
import { loadDemoZone, NAMED_ENTERPRISES } from '../seeds/zone';
import { as, TestApp } from './support/app';
import { addMonths, zoneToday } from './support/clock';
import { resetRegistry } from './support/registry';

/**
 * shared/API.md: the names it lists that API v1 renamed "stay working as @deprecated aliases for at least one
 * release". Each operation here is written as a client wrote it before v1 (the names of schema/released.graphql) and
 * must answer as the v1 operation does. What GraphQL cannot keep working under the old name (a list become a
 * connection, a variable type changed) is listed in CHANGELOG.md, "What does not stay working".
 */
describe('pre-v1 names, kept as deprecated aliases for one release', () => {
  let app: TestApp;
  const admin = as(Role.ZONE_ADMIN);
  const office = as(Role.CPPCC_OFFICE);
  const hankou = BANKS.find((b) => b.key === 'HANKOU')!;
  const [client, other] = NAMED_ENTERPRISES;
  const members: Record<string, string> = {};
  const units: Record<string, string> = {};
  const member = (name: string) => as(Role.CPPCC_MEMBER, members[name]!);
  const unit = (name: string) => as(Role.HANDLING_UNIT, units[name]!);
  const sql = <T>(q: string, p: unknown[] = []) => app.orm.em.fork().execute<T[]>(q, p);

  /** Runs an operation and fails loudly on a GraphQL error; the data otherwise. */
  async function run(query: string, variables: Record<string, unknown>, viewer = admin): Promise<any> {
    const result = await app.execute<any, any>(query, variables, viewer);
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data;
  }

  beforeAll(async () => {
    app = await TestApp.start();
    await resetRegistry(app.orm);
    await loadDemoZone(app.orm.config.get('clientUrl')!);
    await loadDemoCppcc(app.orm);
    for (const m of await sql<{ id: string; name: string }>('select id, name from cppcc_member order by id')) members[m.name] ??= toGlobalId('CppccMember', m.id);
    for (const u of await sql<{ id: string; name: string }>('select id, name from handling_unit')) units[u.name] = toGlobalId('HandlingUnit', u.id);
  }, 60_000);
  afterAll(() => app.close());

  it('answers the old queries and fields as their new names do', async () => {
    const old = await run(
      `query ($code: String!) {
        programmes { code }
        eligibility(programme: "CREDIT_LOAN", creditCodes: [$code]) { creditCode programme ruleVersion eligible }
        enterprises(first: 100, filter: { highTech: true, universityAffiliated: false }) { totalCount edges { node { creditCode highTech } } }
      }`,
      { code: client!.creditCode },
    );
    const now = await run(
      `query ($code: String!) {
        programs { code }
        eligibility(program: "CREDIT_LOAN", creditCodes: [$code]) { creditCode program { code } rules { version } isEligible }
        enterprises(first: 100, filter: { isHighTech: true, isUniversityAffiliated: false }) { totalCount edges { node { creditCode isHighTech } } }
      }`,
      { code: client!.creditCode },
    );
    expect(old).toEqual({
      programmes: now.programs,
      eligibility: now.eligibility.map((r: any) => ({ creditCode: r.creditCode, programme: r.program.code, ruleVersion: r.rules.version, eligible: r.isEligible })),
      enterprises: { totalCount: now.enterprises.totalCount, edges: now.enterprises.edges.map((e: any) => ({ node: { creditCode: e.node.creditCode, highTech: e.node.isHighTech } })) },
    });
    // Not a vacuous comparison: the demo has high-tech enterprises that no university owns, and eight programs.
    expect([old.programmes.length, old.enterprises.totalCount > 0, old.enterprises.edges.every((e: any) => e.node.highTech)]).toEqual([8, true, true]);
    // The old spelling of a value is read; answers give the new one.
    const byOldLevel = await run('{ handlingUnits(level: CITY, first: 100) { nodes { name level } } }', {}, office);
    const byNewLevel = await run('{ handlingUnits(level: MUNICIPAL, first: 100) { nodes { name level } } }', {}, office);
    expect(byOldLevel).toEqual(byNewLevel);
    expect(new Set(byOldLevel.handlingUnits.nodes.map((n: any) => n.level))).toEqual(new Set(['MUNICIPAL']));
    // Both names at once is refused, as is neither.
    const both = await app.execute<any, any>('{ eligibility(program: "CREDIT_LOAN", programme: "CREDIT_LOAN", creditCodes: []) { creditCode } }', {}, admin);
    const neither = await app.execute<any, any>('{ eligibility(creditCodes: []) { creditCode } }', {}, admin);
    expect([both.errors?.map((e: any) => [e.extensions.code, e.message]), neither.errors?.map((e: any) => [e.extensions.code, e.message])]).toEqual([
      [['BAD_USER_INPUT', 'Give program, or the deprecated programme, not both.']],
      [['BAD_USER_INPUT', 'program is required.']],
    ]);
  });

  it('keeps each old value and field deprecated, with the date it goes', async () => {
    const schema = await run(
      `{ level: __type(name: "CppccLevel") { enumValues(includeDeprecated: true) { name isDeprecated deprecationReason } }
         kind: __type(name: "CriterionKind") { enumValues(includeDeprecated: true) { name isDeprecated deprecationReason } } }`,
      {},
    );
    const deprecated = (t: any) => t.enumValues.filter((v: any) => v.isDeprecated).map((v: any) => [v.name, v.deprecationReason]);
    expect([deprecated(schema.level), deprecated(schema.kind)]).toEqual([
      [
        ['CITY', 'Use MUNICIPAL. Removed after 2027-06-30.'],
        ['PROVINCE', 'Use PROVINCIAL. Removed after 2027-06-30.'],
        ['NATION', 'Use NATIONAL. Removed after 2027-06-30.'],
      ],
      [['AUTHORISATION', 'Use AUTHORIZATION. Removed after 2027-06-30.']],
    ]);
  });

  it('walks a proposal through the workflow with the old arguments of every step', async () => {
    const drafter = CHAIN_MEMBER;
    const cosigner = (await sql<{ name: string }>(`select name from cppcc_member where levels = '{MUNICIPAL}' and name <> ? order by id limit 1`, [drafter]))[0]!.name;
    const P = 'proposal { id version status level isKey dueOn answer { id category } escalatedFrom { id } }';
    const drafted = await run(
      `mutation ($input: DraftProposalInput!) { draftProposal(input: $input) { ${P} errors { code } } }`,
      { input: { level: 'CITY', subject: '关于旧接口兼容的提案', reasons: '旧客户端仍在使用。', recommendations: '保留一个版本。' } },
      member(drafter),
    );
    const id = drafted.draftProposal.proposal.id;
    expect(drafted.draftProposal.proposal.level).toBe('MUNICIPAL');
    const step = async (mutation: string, args: string, viewer: ReturnType<typeof as>) =>
      (await run(`mutation { ${mutation}(${args}) { ${P} errors { __typename code field message } } }`, {}, viewer))[mutation];

    expect((await step('cosignProposal', `id: "${id}"`, member(cosigner))).errors).toEqual([]);
    // A stale version, by the old arguments, points at the argument given.
    const { version } = (await run(`{ proposal(id: "${id}") { version } }`, {}, member(drafter))).proposal;
    expect((await step('submitProposal', `id: "${id}", version: ${version - 1}`, member(drafter))).errors).toEqual([
      { __typename: 'StaleVersionError', code: 'STALE_VERSION', field: 'version', message: expect.stringContaining(`is at version ${version}, not ${version - 1}`) },
    ]);
    const submitted = await step('submitProposal', `id: "${id}", version: ${version}`, member(drafter));
    expect([submitted.errors, submitted.proposal.status]).toEqual([[], 'SUBMITTED']);
    // A rejection without its ground names the argument missing, and changes nothing.
    expect((await step('reviewProposal', `id: "${id}", decision: REJECT`, office)).errors).toEqual([
      { __typename: 'InvalidInputError', code: 'INVALID_INPUT', field: 'ground', message: 'ground is required when the deprecated arguments are used (or use `input`).' },
    ]);
    const accepted = await step('reviewProposal', `id: "${id}", decision: ACCEPT, key: true`, office);
    expect([accepted.errors, accepted.proposal.status, accepted.proposal.isKey]).toEqual([[], 'ACCEPTED', true]);
    const lead = units['武汉市科学技术局']!;
    const assigned = await step('assignProposal', `id: "${id}", lead: "${lead}", coHandlers: ["${units['武汉市财政局']}"]`, office);
    expect([assigned.errors, assigned.proposal.status, assigned.proposal.dueOn]).toEqual([[], 'ASSIGNED', addMonths(zoneToday(), 3)]);
    const replied = await step('replyToProposal', `id: "${id}", result: A, text: "已采纳。"`, unit('武汉市科学技术局'));
    expect([replied.errors, replied.proposal.status, replied.proposal.answer.category]).toEqual([[], 'REPLIED', 'RESOLVED_OR_ADOPTED']);
    // rateReply(id:) took the proposal: the reply rated is the one that answers it now.
    const rated = await step('rateReply', `id: "${id}", rating: SATISFIED`, member(drafter));
    expect([rated.errors, rated.proposal.status]).toEqual([[], 'CLOSED']);
    const escalated = await step('escalateProposal', `id: "${id}", level: PROVINCE`, member(drafter));
    expect([escalated.errors, escalated.proposal.level, escalated.proposal.status, escalated.proposal.escalatedFrom]).toEqual([[], 'PROVINCIAL', 'DRAFT', { id }]);

    // The old query fields and filters answer as the new ones.
    const old = await run(`{ proposals(first: 100, filter: { key: true, overdue: false, mine: true }) { edges { node { id key dueDate } } } }`, {}, member(drafter));
    const now = await run(`{ proposals(first: 100, filter: { isKey: true, isOverdue: false, isMine: true }) { edges { node { id isKey dueOn } } } }`, {}, member(drafter));
    expect(old.proposals.edges).toEqual(now.proposals.edges.map((e: any) => ({ node: { id: e.node.id, key: e.node.isKey, dueDate: e.node.dueOn } })));
    expect(old.proposals.edges.map((e: any) => e.node.id)).toContain(id);
  });

  it('refuses a call that gives both forms, or neither, changing nothing', async () => {
    const [row] = await sql<{ id: string }>(`select id from proposal where status = 'DRAFT' order by id limit 1`);
    const proposalId = toGlobalId('Proposal', row!.id);
    const state = () => sql<{ version: number; cosigners: number }>('select version, cardinality(cosigner_ids) as cosigners from proposal where id = ?', [row!.id]);
    const before = await state();
    const both = await run(
      `mutation ($input: CosignProposalInput) { cosignProposal(input: $input, id: "${proposalId}") { proposal { id } errors { __typename code field message } } }`,
      { input: { proposalId } },
      member(CHAIN_MEMBER),
    );
    const neither = await run('mutation { cosignProposal { proposal { id } errors { __typename code field message } } }', {}, member(CHAIN_MEMBER));
    expect([both.cosignProposal, neither.cosignProposal]).toEqual([
      { proposal: null, errors: [{ __typename: 'InvalidInputError', code: 'INVALID_INPUT', field: 'input', message: 'Give `input`, or the deprecated arguments (id), not both.' }] },
      { proposal: null, errors: [{ __typename: 'InvalidInputError', code: 'INVALID_INPUT', field: 'input', message: '`input` is required.' }] },
    ]);
    expect(await state()).toEqual(before);
  });

  it('revokes an authorization by its old argument', async () => {
    const rep = as(Role.ENTERPRISE_REP, other!.creditCode);
    const granted = await run(
      'mutation ($input: GrantAuthorizationInput!) { grantAuthorization(input: $input) { authorization { id } errors { code } } }',
      { input: { creditCode: other!.creditCode, bankCreditCode: hankou.creditCode, scopes: ['PROFILE'], purpose: '兼容测试', validFrom: zoneToday(), validUntil: addMonths(zoneToday(), 6), signer: '王伟（财务总监）' } },
      rep,
    );
    const id = granted.grantAuthorization.authorization.id;
    const revoked = await run(`mutation { revokeAuthorization(id: "${id}") { authorization { id isActive } errors { code } } }`, {}, rep);
    expect(revoked.revokeAuthorization).toEqual({ authorization: { id, isActive: false }, errors: [] });
    const again = await run(`mutation { revokeAuthorization(id: "${id}") { errors { __typename field } } }`, {}, rep);
    expect(again.revokeAuthorization.errors).toEqual([{ __typename: 'TransitionNotAllowedError', field: 'id' }]);
  });
});
