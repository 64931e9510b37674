import { Role } from '../src/auth/roles';
import type { Viewer } from '../src/auth/viewer';
import { fromGlobalId, toGlobalId } from '../src/common/global-id';
import { DEMO_TERM, loadDemoCppcc } from '../seeds/cppcc';
import { loadDemoZone } from '../seeds/zone';
import { as, TestApp } from './support/app';
import { zoneToday } from './support/clock';
import { counterpartyId, enterpriseInput, resetRegistry } from './support/registry';

/**
 * The CPPCC registers kept by the proposals office through the API (issue 16: after `seed --reset` no CPPCC token
 * worked, for only the seed created members and units), members retiring at the end of a term, units renamed between
 * eras, Wuhan's seeded committee, and evidence aggregated unless the drafter names the enterprises.
 */
const office = as(Role.CPPCC_OFFICE);
const admin = as(Role.ZONE_ADMIN);

/** This file's own records: sectors coded T_…, members of the next term (16), units named …测试…. */
const OWN_TERM = DEMO_TERM + 1;

type Errors = { __typename: string; field: string | null }[];

const SECTOR = `mutation S($input: RecordSectorInput!) { recordSector(input: $input) { sector { id code name } errors { __typename field } } }`;
const PARTY = `mutation P($input: RecordPartyInput!) { recordParty(input: $input) { party { id code name } errors { __typename field } } }`;
const MEMBER = `mutation M($input: RecordCppccMemberInput!) {
  recordCppccMember(input: $input) { member { id name sector { code } party { code } levels term retiredOn isActive } errors { __typename field } }
}`;
const RETIRE = `mutation R($input: RetireCppccMemberInput!) { retireCppccMember(input: $input) { member { id retiredOn isActive } errors { __typename field } } }`;
const UNIT = `mutation U($input: RecordHandlingUnitInput!) { recordHandlingUnit(input: $input) { unit { id name level formerNames } errors { __typename field } } }`;
const RENAME = `mutation N($input: RenameHandlingUnitInput!) { renameHandlingUnit(input: $input) { unit { id name level formerNames } errors { __typename field } } }`;
const DRAFT = `mutation D($input: DraftProposalInput!) { draftProposal(input: $input) { proposal { id version } errors { __typename field } } }`;
const COSIGN = `mutation C($input: CosignProposalInput!) { cosignProposal(input: $input) { proposal { id } errors { __typename field } } }`;
const SUBMIT = `mutation B($input: SubmitProposalInput!) { submitProposal(input: $input) { proposal { id } errors { __typename field } } }`;
const ATTACH = `mutation A($input: AttachEvidenceInput!) {
  attachEvidence(input: $input) { proposal { id version } errors { __typename field } }
}`;
const EVIDENCE = `query E($id: ID!) {
  proposal(id: $id) {
    evidence { edges { node { kind title isNamingEnterprises source snapshot } } }
    timeline { edges { node { action note actor { name role } } } }
  }
}`;

const draftInput = (subject: string, extra: Record<string, unknown> = {}) => ({
  input: { level: 'MUNICIPAL', subject, reasons: '企业反映突出。', recommendations: '建议研究解决。', ...extra },
});

describe('the CPPCC registers', () => {
  let app: TestApp;
  const sql = <T>(q: string, p: unknown[] = []) => app.orm.em.fork().execute<T[]>(q, p);
  async function run<T = any>(query: string, variables: Record<string, unknown>, viewer: Viewer): Promise<T> {
    const result = await app.execute<any, any>(query, variables, viewer);
    expect(result.errors).toBeUndefined();
    return Object.values(result.data as object)[0] as T;
  }
  /** The id of the seeded sector with this code. */
  const sectorId = async (code: string) => toGlobalId('Sector', (await sql<{ id: string }>('select id from sector where code = ?', [code]))[0]!.id);
  /** Records a member of this file's term in the sector, as the office; its global id. */
  async function newMember(name: string, sectorCode = 'SCITECH'): Promise<string> {
    const made = await run(MEMBER, { input: { name, sectorId: await sectorId(sectorCode), term: OWN_TERM } }, office);
    expect(made.errors).toEqual([]);
    return made.member.id;
  }

  beforeAll(async () => {
    app = await TestApp.start();
    await resetRegistry(app.orm);
    await loadDemoZone(app.orm.config.get('clientUrl')!);
    await loadDemoCppcc(app.orm);
  }, 120_000);
  afterAll(() => app.close());

  it('seeds Wuhan’s committee: 550 members of the 15th term over its 31 sectors, units at three levels by their current names', async () => {
    const counts = await sql<{ members: number; serving: number; names: number }>(
      `select count(*)::int as members, count(*) filter (where retired_on is null)::int as serving, count(distinct name)::int as names
       from cppcc_member where term = ?`,
      [DEMO_TERM],
    );
    expect(counts).toEqual([{ members: 550, serving: 550, names: 550 }]);
    const sectors = (await run<{ code: string; name: string }[]>(`{ sectors { code name } }`, {}, office)).filter((s) => !s.code.startsWith('T_'));
    expect(sectors.map((s) => s.name).sort()).toEqual(
      [
        '中国共产党', '中国国民党革命委员会', '中国民主同盟', '中国民主建国会', '中国民主促进会', '中国农工民主党', '中国致公党', '九三学社', '无党派人士',
        '共青团', '总工会', '妇联', '青联', '工商联', '科协', '台联', '侨联', '文化艺术界', '科学技术界', '社会科学界', '经济界', '农业界', '教育界',
        '体育界', '新闻出版界', '医药卫生界', '对外友好界', '社会福利和社会保障界', '少数民族界', '宗教界', '特别邀请人士',
      ].sort(),
    );
    // Every sector seats members, 特别邀请人士 the most after the CPC and the economic sector.
    const seats = await sql<{ code: string; n: number }>(
      `select s.code, count(m.id)::int as n from sector s left join cppcc_member m on m.sector_id = s.id and m.term = ? where s.code not like 'T\\_%' group by s.code order by s.code`,
      [DEMO_TERM],
    );
    expect(seats.filter((s) => s.n === 0)).toEqual([]);
    expect(seats.find((s) => s.code === 'SPECIAL')).toEqual({ code: 'SPECIAL', n: 32 });
    const parties = await run<{ code: string; name: string }[]>(`{ parties { code name } }`, {}, office);
    expect(parties.filter((p) => !p.code.startsWith('T_')).map((p) => p.name)).toEqual([
      '中国民主促进会', '中国民主同盟', '中国民主建国会', '中国共产党', '中国农工民主党', '中国致公党', '九三学社', '中国国民党革命委员会', '台湾民主自治同盟',
    ]);
    const units = await sql<{ level: string; names: string[] }>(
      `select level::text, array_agg(name order by name) as names from handling_unit where name not like '%测试%' group by level order by level`,
    );
    expect(Object.fromEntries(units.map((u) => [u.level, u.names.length]))).toEqual({ MUNICIPAL: 11, PROVINCIAL: 10, NATIONAL: 11 });
    const all = units.flatMap((u) => u.names);
    expect(all).toEqual(expect.arrayContaining(['国家税务总局武汉市税务局', '武汉市地方金融管理局', '中国人民银行湖北省分行', '湖北省科学技术厅', '国家金融监督管理总局']));
    expect(all.filter((n) => n.includes('工作局') || n.includes('营业管理部'))).toEqual([]);
    // The equity-award tax proposal is the tax bureau's.
    const [tax] = await sql<{ unit: string; reply: string }>(
      `select u.name as unit, r.text as reply from proposal p join handling_unit u on u.id = p.lead_unit_id join proposal_reply r on r.proposal_id = p.id
       where p.subject = '关于简化股权奖励个人所得税分期缴纳手续的提案'`,
    );
    expect(tax).toEqual({ unit: '国家税务总局武汉市税务局', reply: '已梳理股权奖励个人所得税分期缴纳的办理流程，拟于下半年推出电子税务局线上办理。' });
  });

  it('lets the office record sectors, parties, members and units, refusing a name or code twice and an unknown sector', async () => {
    const sector = await run(SECTOR, { input: { code: 'T_REG', name: '测试登记界' } }, office);
    expect(sector).toEqual({ sector: { id: expect.any(String), code: 'T_REG', name: '测试登记界' }, errors: [] });
    expect(await run(SECTOR, { input: { code: 'T_REG', name: '测试登记界' } }, office)).toEqual({
      sector: null,
      errors: [
        { __typename: 'DuplicateError', field: 'input.code' },
        { __typename: 'DuplicateError', field: 'input.name' },
      ],
    });
    const party = await run(PARTY, { input: { code: 'T_PARTY', name: '测试党派' } }, office);
    expect(party).toEqual({ party: { id: expect.any(String), code: 'T_PARTY', name: '测试党派' }, errors: [] });
    expect(await run(PARTY, { input: { code: 't party', name: '测试党派二' } }, office)).toEqual({ party: null, errors: [{ __typename: 'InvalidInputError', field: 'input.code' }] });

    const input = { name: '欧阳登记', sectorId: sector.sector.id, partyId: party.party.id, levels: ['PROVINCIAL', 'MUNICIPAL'], term: OWN_TERM };
    expect(await run(MEMBER, { input }, office)).toEqual({
      member: {
        id: expect.any(String),
        name: '欧阳登记',
        sector: { code: 'T_REG' },
        party: { code: 'T_PARTY' },
        levels: ['MUNICIPAL', 'PROVINCIAL'],
        term: OWN_TERM,
        retiredOn: null,
        isActive: true,
      },
      errors: [],
    });
    expect(await run(MEMBER, { input }, office)).toEqual({ member: null, errors: [{ __typename: 'DuplicateError', field: 'input.name' }] });
    const unknown = { ...input, name: '欧阳未知', sectorId: toGlobalId('Sector', '00000000-0000-4000-8000-000000000000'), partyId: toGlobalId('Party', '00000000-0000-4000-8000-000000000000') };
    expect(await run(MEMBER, { input: unknown }, office)).toEqual({
      member: null,
      errors: [
        { __typename: 'NotFoundError', field: 'input.sectorId' },
        { __typename: 'NotFoundError', field: 'input.partyId' },
      ],
    });

    const unit = await run(UNIT, { input: { name: '武汉市测试登记局', level: 'MUNICIPAL' } }, office);
    expect(unit).toEqual({ unit: { id: expect.any(String), name: '武汉市测试登记局', level: 'MUNICIPAL', formerNames: [] }, errors: [] });
    expect(await run(UNIT, { input: { name: '武汉市测试登记局', level: 'PROVINCIAL' } }, office)).toEqual({ unit: null, errors: [{ __typename: 'DuplicateError', field: 'input.name' }] });

    // Only the office keeps them: a member, a unit or an administrator is refused before anything runs.
    for (const viewer of [admin, as(Role.CPPCC_MEMBER, await newMember('欧阳旁观')), as(Role.HANDLING_UNIT, unit.unit.id)]) {
      const refused = await app.execute<any, any>(SECTOR, { input: { code: 'T_NOT', name: '测试不许界' } }, viewer);
      expect([viewer.role, refused.errors?.map((e) => e.extensions?.['code'])]).toEqual([viewer.role, ['FORBIDDEN']]);
    }
  });

  it('makes a member recorded through the API act with its token, as after `seed --reset`', async () => {
    const id = await newMember('欧阳令牌');
    const token = await app.tokens.sign({ role: Role.CPPCC_MEMBER, org: id });
    const drafted = await app.http<any, any>(DRAFT, draftInput('关于测试登记委员起草提案的提案'), { token });
    expect([drafted.status, drafted.data.draftProposal.errors]).toEqual([200, []]);
    // An account for the member, made by the office, names the member the API recorded.
    const account = await app.execute<any, any>(
      `mutation A($input: CreateAccountInput!) { createAccount(input: $input) { account { role organization { ... on CppccMember { name } } } errors { code } } }`,
      { input: { username: 'ouyang-token', displayName: '欧阳令牌', role: 'CPPCC_MEMBER', organizationId: id, password: 'registers-2026-password' } },
      office,
    );
    expect(account.data).toEqual({ createAccount: { account: { role: 'CPPCC_MEMBER', organization: { name: '欧阳令牌' } }, errors: [] } });
  });

  it('retires a member: no more drafting, co-signing or proposing jointly, while reading on', async () => {
    const retiring = await newMember('欧阳退休');
    const colleague = await newMember('欧阳同事');
    const own = await run(DRAFT, draftInput('关于退休前起草的提案'), as(Role.CPPCC_MEMBER, retiring));
    expect(own.errors).toEqual([]);
    const today = zoneToday();
    // Retiring on a day to come changes nothing yet.
    expect(await run(RETIRE, { input: { memberId: retiring, retiredOn: '2099-01-01' } }, office)).toEqual({ member: { id: retiring, retiredOn: '2099-01-01', isActive: true }, errors: [] });
    expect(await run(RETIRE, { input: { memberId: retiring, retiredOn: today } }, office)).toEqual({ member: { id: retiring, retiredOn: today, isActive: false }, errors: [] });
    expect(await run(RETIRE, { input: { memberId: retiring, retiredOn: today } }, office)).toEqual({ member: null, errors: [{ __typename: 'InvalidInputError', field: 'input.memberId' }] });

    const me = as(Role.CPPCC_MEMBER, retiring);
    expect(await run(DRAFT, draftInput('关于退休后起草的提案'), me)).toEqual({ proposal: null, errors: [{ __typename: 'NotPermittedError', field: null }] });
    const theirs = await run(DRAFT, draftInput('关于同事起草的提案'), as(Role.CPPCC_MEMBER, colleague));
    expect(await run(COSIGN, { input: { proposalId: theirs.proposal.id } }, me)).toEqual({ proposal: null, errors: [{ __typename: 'NotPermittedError', field: 'input.proposalId' }] });
    expect(await run(DRAFT, draftInput('关于与退休委员联名的提案', { coProposerIds: [retiring] }), as(Role.CPPCC_MEMBER, colleague))).toEqual({
      proposal: null,
      errors: [{ __typename: 'NotPermittedError', field: 'input.coProposerIds.0' }],
    });
    // What it proposed while serving it still reads, and submits.
    expect(await run(SUBMIT, { input: { proposalId: own.proposal.id, version: own.proposal.version } }, me)).toEqual({ proposal: { id: own.proposal.id }, errors: [] });
  });

  it('renames a unit and keeps its former names', async () => {
    const made = await run(UNIT, { input: { name: '武汉市测试工作局', level: 'MUNICIPAL' } }, office);
    const renamed = await run(RENAME, { input: { unitId: made.unit.id, name: '武汉市测试管理局' } }, office);
    expect(renamed).toEqual({ unit: { id: made.unit.id, name: '武汉市测试管理局', level: 'MUNICIPAL', formerNames: ['武汉市测试工作局'] }, errors: [] });
    expect(await run(RENAME, { input: { unitId: made.unit.id, name: '武汉市测试管理局' } }, office)).toEqual({ unit: null, errors: [{ __typename: 'InvalidInputError', field: 'input.name' }] });
    expect(await run(RENAME, { input: { unitId: made.unit.id, name: '武汉市财政局' } }, office)).toEqual({ unit: null, errors: [{ __typename: 'DuplicateError', field: 'input.name' }] });
    const unknown = toGlobalId('HandlingUnit', '00000000-0000-4000-8000-000000000000');
    expect(await run(RENAME, { input: { unitId: unknown, name: '武汉市测试无名局' } }, office)).toEqual({ unit: null, errors: [{ __typename: 'NotFoundError', field: 'input.unitId' }] });
  });

  describe('evidence', () => {
    const CODE = '91420100MA9003001F';
    const NAME = '武汉测试聚合证据科技有限公司';
    const CONTRACT = 'HK-TEST-EVIDENCE-001';
    let drafter: Viewer;
    let loanId: string;
    let loanStatus: string;
    let unitId: string;
    /** The portfolio's figures by instrument kind, as `portfolioSummary` gives them over the same enterprise. */
    let byKind: unknown[];

    beforeAll(async () => {
      const created = await app.execute<any, any>(
        `mutation E($input: CreateEnterpriseInput!) { createEnterprise(input: $input) { errors { code message } } }`,
        { input: enterpriseInput(CODE, NAME) },
        admin,
      );
      expect(created.data.createEnterprise.errors).toEqual([]);
      const loan = await app.execute<any, any>(
        `mutation L($input: RecordCreditLoanInput!) { recordCreditLoan(input: $input) { instrument { id status } errors { code message } } }`,
        { input: { creditCode: CODE, lenderId: counterpartyId.bank('HANKOU'), contractNumber: CONTRACT, amount: '1000000.00', startsOn: '2025-01-10', interestRate: '3.8500', termMonths: 12 } },
        admin,
      );
      expect(loan.data.recordCreditLoan.errors).toEqual([]);
      loanId = loan.data.recordCreditLoan.instrument.id;
      loanStatus = loan.data.recordCreditLoan.instrument.status;
      drafter = as(Role.CPPCC_MEMBER, await newMember('欧阳证据'));
      unitId = (await run(UNIT, { input: { name: '武汉市测试证据局', level: 'MUNICIPAL' } }, office)).unit.id;
      byKind = (
        await run(`query K($codes: [CreditCode!]) { portfolioSummary(filter: { creditCodes: $codes }) { byInstrumentKind { kind count totalAmount activeCount activeAmount } } }`, { codes: [CODE] }, drafter)
      ).byInstrumentKind;
    });

    /** A draft with each kind of evidence, named or not; the proposal's id. */
    async function withEvidence(subject: string, isNamingEnterprises: boolean | undefined): Promise<string> {
      const d = await run(DRAFT, draftInput(subject), drafter);
      const named = isNamingEnterprises === undefined ? {} : { isNamingEnterprises };
      for (const evidence of [{ creditCode: CODE }, { instrumentId: loanId }, { portfolioFilter: { creditCodes: [CODE] } }]) {
        expect(await run(ATTACH, { input: { proposalId: d.proposal.id, evidence, ...named } }, drafter)).toEqual({ proposal: expect.anything(), errors: [] });
      }
      return d.proposal.id;
    }

    const portfolio = (today: string, park: string) => ({
      asOf: today,
      enterpriseCount: 1,
      highTechCount: 0,
      universityAffiliatedCount: 0,
      registeredCapital: '50000000.00',
      byIndustry: [{ industry: 'OPTOELECTRONIC_INFORMATION', count: 1 }],
      byPark: [{ park, count: 1 }],
      byInstrumentKind: byKind,
      byFiscalYear: [],
    });

    it('freezes only aggregate figures by default: no enterprise’s name, credit code or contract number', async () => {
      const id = await withEvidence('关于测试聚合证据的提案', undefined);
      const { evidence, timeline } = await run(EVIDENCE, { id }, drafter);
      const [park] = await sql<{ name: string }>(`select p.name from park p join enterprise e on e.park_id = p.id where e.credit_code = ?`, [CODE]);
      const today = zoneToday();
      expect(evidence.edges.map((e: { node: unknown }) => e.node)).toEqual([
        {
          kind: 'ENTERPRISE',
          title: `${park!.name}1家企业的概况`,
          isNamingEnterprises: false,
          source: { enterpriseCount: 1 },
          snapshot: {
            asOf: today,
            enterpriseCount: 1,
            industry: 'OPTOELECTRONIC_INFORMATION',
            park: park!.name,
            cluster: null,
            isUniversityAffiliated: false,
            highTech: false,
            latestYear: null,
            byInstrumentKind: [{ kind: 'CREDIT_LOAN', count: 1, amount: '1000000.00' }],
          },
        },
        {
          kind: 'INSTRUMENT',
          title: '信用贷款1笔（1家企业）',
          isNamingEnterprises: false,
          source: { enterpriseCount: 1 },
          snapshot: { kind: 'CREDIT_LOAN', status: loanStatus, amount: '1000000.00', startDate: '2025-01-10', endDate: '2026-01-10', holderCount: 1 },
        },
        { kind: 'PORTFOLIO', title: '1家企业的统计', isNamingEnterprises: false, source: { portfolioFilter: {} }, snapshot: portfolio(today, park!.name) },
      ]);
      const everything = JSON.stringify({ evidence, timeline });
      expect([everything.includes(NAME), everything.includes(CODE), everything.includes(CONTRACT)]).toEqual([false, false, false]);
    });

    it('names the enterprises when the drafter chooses to', async () => {
      const id = await withEvidence('关于测试列明企业证据的提案', true);
      const { evidence } = await run(EVIDENCE, { id }, drafter);
      const [park] = await sql<{ name: string }>(`select p.name from park p join enterprise e on e.park_id = p.id where e.credit_code = ?`, [CODE]);
      const today = zoneToday();
      expect(evidence.edges.map((e: { node: unknown }) => e.node)).toEqual([
        {
          kind: 'ENTERPRISE',
          title: `${NAME}（${CODE}）`,
          isNamingEnterprises: true,
          source: { creditCode: CODE },
          snapshot: {
            creditCode: CODE,
            name: NAME,
            nameEn: null,
            industry: 'OPTOELECTRONIC_INFORMATION',
            park: park!.name,
            cluster: null,
            university: null,
            foundedOn: '2012-03-01',
            registeredCapital: '50000000.00',
            highTech: false,
            latestYear: null,
            instruments: [{ kind: 'CREDIT_LOAN', status: loanStatus, amount: '1000000.00', startDate: '2025-01-10' }],
          },
        },
        {
          kind: 'INSTRUMENT',
          title: `信用贷款：${NAME}`,
          isNamingEnterprises: true,
          source: { instrumentId: loanId },
          snapshot: {
            kind: 'CREDIT_LOAN',
            status: loanStatus,
            amount: '1000000.00',
            startDate: '2025-01-10',
            endDate: '2026-01-10',
            holders: [{ creditCode: CODE, name: NAME, share: '100.0000' }],
          },
        },
        {
          kind: 'PORTFOLIO',
          title: '1家企业的统计（列明企业）',
          isNamingEnterprises: true,
          source: { portfolioFilter: { creditCodes: [CODE] } },
          snapshot: { ...portfolio(today, park!.name), enterprises: [{ creditCode: CODE, name: NAME }] },
        },
      ]);
      // A portfolio of more enterprises than evidence may name is refused; its figures alone are not.
      const d = await run(DRAFT, draftInput('关于测试列明过多企业的提案'), drafter);
      expect(await run(ATTACH, { input: { proposalId: d.proposal.id, evidence: { portfolioFilter: {} }, isNamingEnterprises: true } }, drafter)).toEqual({
        proposal: null,
        errors: [{ __typename: 'InvalidInputError', field: 'input.isNamingEnterprises' }],
      });
    });

    it('shows each role the evidence as frozen, named or not, where it sees the proposal', async () => {
      const aggregated = await withEvidence('关于测试各角色所见聚合证据的提案', false);
      const named = await withEvidence('关于测试各角色所见列明证据的提案', true);
      const seen = async (id: string, viewer: Viewer) => {
        const result = await app.execute<any, any>(`query V($id: ID!) { proposal(id: $id) { evidence { edges { node { title isNamingEnterprises } } } } }`, { id }, viewer);
        return result.errors ? result.errors.map((e) => e.extensions?.['code']) : result.data.proposal && result.data.proposal.evidence.edges.map((e: { node: unknown }) => e.node);
      };
      const titles = (id: string) => sql<{ title: string; is_naming_enterprises: boolean }>(
        `select title, is_naming_enterprises from proposal_evidence where proposal_id = ? order by attached_at, id`,
        [fromGlobalId(id)!.id],
      );
      const asNodes = async (id: string) => (await titles(id)).map((t) => ({ title: t.title, isNamingEnterprises: t.is_naming_enterprises }));
      const unit = as(Role.HANDLING_UNIT, unitId);
      const colleague = as(Role.CPPCC_MEMBER, await newMember('欧阳旁听'));
      const bank = as(Role.BANK_OFFICER, '9142010010000005X6');
      const rep = as(Role.ENTERPRISE_REP, CODE);
      const views = async (id: string) => ({
        drafter: await seen(id, drafter),
        colleague: await seen(id, colleague),
        office: await seen(id, office),
        admin: await seen(id, admin),
        unit: await seen(id, unit),
        bank: await seen(id, bank),
        rep: await seen(id, rep),
      });
      // A draft: its proposers and other members; nobody else.
      for (const id of [aggregated, named]) {
        const nodes = await asNodes(id);
        expect(await views(id)).toEqual({ drafter: nodes, colleague: nodes, office: null, admin: null, unit: null, bank: ['FORBIDDEN'], rep: ['FORBIDDEN'] });
      }
      // Submitted, accepted and assigned: the office, the zone and the unit too, each the same evidence.
      for (const id of [aggregated, named]) {
        const version = (await run(`query Q($id: ID!) { proposal(id: $id) { version } }`, { id }, drafter)).version;
        expect((await run(SUBMIT, { input: { proposalId: id, version } }, drafter)).errors).toEqual([]);
        expect((await run(`mutation R($input: ReviewProposalInput!) { reviewProposal(input: $input) { errors { code } } }`, { input: { proposalId: id, decision: { accept: {} } } }, office)).errors).toEqual([]);
        expect((await run(`mutation S($input: AssignProposalInput!) { assignProposal(input: $input) { errors { code } } }`, { input: { proposalId: id, leadUnitId: unitId } }, office)).errors).toEqual([]);
        const nodes = await asNodes(id);
        expect(await views(id)).toEqual({ drafter: nodes, colleague: nodes, office: nodes, admin: nodes, unit: nodes, bank: ['FORBIDDEN'], rep: ['FORBIDDEN'] });
      }
      expect((await asNodes(aggregated)).map((n) => n.isNamingEnterprises)).toEqual([false, false, false]);
      expect((await asNodes(named)).map((n) => n.isNamingEnterprises)).toEqual([true, true, true]);
    });
  });
});
