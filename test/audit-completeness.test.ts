import { fromGlobalId, toGlobalId } from '../src/common/global-id';
import { InMemoryEventPublisher } from '../src/events/publisher';
import { relayPending } from '../src/events/relay';
import { randomUUID } from 'node:crypto';
import { mayCall } from '../src/auth/policy';
import { deliverOnce } from '../src/events/webhook-delivery';
import { DELIVERY_ID, WEBHOOK_ID } from '../src/events/webhook.types';
import { getNamedType, type GraphQLObjectType, type GraphQLSchema, isObjectType } from 'graphql';
import { Client } from 'pg';
import { Role } from '../src/auth/roles';
import { buildInnozoneSchema } from '../src/schema';
import { as, TestApp } from './support/app';
import { counterpartyId, enterpriseInput, resetRegistry } from './support/registry';
import { callWithSamples } from './support/selection';
import { addMonths, zoneToday } from './support/clock';

/**
 * DOMAIN.md: every authorisation change and every state change (every write) is an audit event naming the actor,
 * its organisation, the operation and the enterprise. For EVERY mutation of the schema (the list comes from the
 * schema; a mutation without a case below fails the first test), a call that takes effect leaves exactly one new
 * event, DONE; a call refused as payload data exactly one, REFUSED; a role that may not call it exactly one,
 * DENIED. Expected values are written by hand.
 */

type Args = Record<string, unknown>;
interface Actor {
  role: Role;
  org: string | null;
}

// Literal credit codes (valid check characters), each used by one test only.
const C = {
  c01: '91420100MA9001101N', c02: '91420100MA9001102R', c03: '91420100MA9001103W', c04: '91420100MA90011040',
  c05: '91420100MA90011053', c06: '91420100MA90011066', c07: '91420100MA90011079', c08: '91420100MA9001108C',
  c09: '91420100MA9001109F', c10: '91420100MA9001110L', c11: '91420100MA9001111P', c12: '91420100MA9001112T',
  c13: '91420100MA9001113X', c14: '91420100MA90011141', c15: '91420100MA90011154', c16: '91420100MA90011167',
  c17: '91420100MA9001117A', c18: '91420100MA9001118D', c19: '91420100MA9001119G', c20: '91420100MA9001120M',
  c21: '91420100MA9001121Q', c22: '91420100MA9001122U', c23: '91420100MA9001123Y', c24: '91420100MA90011242',
  c25: '91420100MA90011255', c26: '91420100MA90011268', c27: '91420100MA9001127B', c28: '91420100MA9001128E',
  c29: '91420100MA9001129H', c30: '91420100MA9001130N', c31: '91420100MA9001131R', c32: '91420100MA9001132W',
  c33: '91420100MA90011330', c34: '91420100MA90011343', c35: '91420100MA90011356', c36: '91420100MA90011369',
  c37: '91420100MA9001137C', c38: '91420100MA9001138F', c39: '91420100MA9001139J', c41: '91420100MA9001141T',
  c42: '91420100MA9001142X', c43: '91420100MA90011431', c44: '91420100MA90011444', c45: '91420100MA90011457',
  c46: '91420100MA9001146A', c47: '91420100MA9001147D', c48: '91420100MA9001148G', c49: '91420100MA9001149K',
  c50: '91420100MA9001150Q', c51: '91420100MA9001151U', c52: '91420100MA9001152Y',
} as const;
/** Never registered. */
const UNREGISTERED = '91420100MA9001140P';
/** 汉口银行 and 招商银行 of the reference data. */
const HANKOU = '9142010010000005X6';
const CMB = '9144030010000004XP';
/** 汉口银行, 招商银行, an insurer, a reinsurer, a fund and a pool of the reference data, by id. */
const HANKOU_ID = counterpartyId.bank('HANKOU');
const CMB_ID = counterpartyId.bank('CMB');
const PICC = counterpartyId.insurer('中国人民财产保险股份有限公司湖北省分公司');
const CHINA_RE = counterpartyId.insurer('中国财产再保险有限责任公司');
const ANGEL_FUND = counterpartyId.fund('武汉光谷天使投资基金');
const ZONE_POOL = counterpartyId.pool('东湖高新区科技型中小企业信贷风险补偿资金池');
/** Literal credit codes of the finance corrections and voids, each used by one test only. */
const F = {
  f01: '91420100MA90020018', f02: '91420100MA9002002B', f03: '91420100MA9002003E', f04: '91420100MA9002004H',
  f05: '91420100MA9002005L', f06: '91420100MA9002006P', f07: '91420100MA9002007T', f08: '91420100MA9002008X',
  f09: '91420100MA90020091', f10: '91420100MA90020106',
} as const;
/** 华中科技大学 (reference data). */
const HUST = 'SW5zdGl0dXRpb246MTYzNDg4MWMtY2Q5NS01NzNmLThkMjgtZWZhMWZkMjc4Mjhl';
/** Well-formed ids of records that do not exist. */
const NO_PROPOSAL = 'UHJvcG9zYWw6MDAwMDAwMDAtMDAwMC00MDAwLTgwMDAtMDAwMDAwMDAwMDAw';
const NO_INSTRUMENT = 'RmluYW5jaW5nSW5zdHJ1bWVudDowMDAwMDAwMC0wMDAwLTQwMDAtODAwMC0wMDAwMDAwMDAwMDA';
const NO_LISTING = 'TmVlcUxpc3Rpbmc6MDAwMDAwMDAtMDAwMC00MDAwLTgwMDAtMDAwMDAwMDAwMDAw';
const NO_COVER = 'Umlza0NvbXBlbnNhdGlvbkNvdmVyOjAwMDAwMDAwLTAwMDAtNDAwMC04MDAwLTAwMDAwMDAwMDAwMA';
const NO_POLICY = toGlobalId('TechInsurancePolicy', '00000000-0000-4000-8000-000000000000');
const NO_LOAN = 'Q3JlZGl0TG9hbjowMDAwMDAwMC0wMDAwLTQwMDAtODAwMC0wMDAwMDAwMDAwMDA';
const NO_ACCOUNT = toGlobalId('Account', '00000000-0000-4000-8000-000000000000');
/** A handling unit's account (UNIT_1's), as an administrator creates it. */
const account = (username: string) => ({
  input: { username, displayName: '承办单位联络人', role: 'HANDLING_UNIT', organizationId: 'SGFuZGxpbmdVbml0OmQwMDAwMDAwLTAwMDAtNDAwMC04MDAwLTAwMDAwMDAwMDAwMQ', password: 'audit-2026-password' },
});
const NO_AUTHORIZATION = 'RGF0YUF1dGhvcml6YXRpb246MDAwMDAwMDAtMDAwMC00MDAwLTgwMDAtMDAwMDAwMDAwMDAw';

// The committee of this file (inserted in beforeAll): two city members, one who also sits on the provincial
// committee, two city handling units. Their organisations are their global ids.
const MEMBER_1 = { uuid: 'c0000000-0000-4000-8000-000000000001', id: 'Q3BwY2NNZW1iZXI6YzAwMDAwMDAtMDAwMC00MDAwLTgwMDAtMDAwMDAwMDAwMDAx' };
const MEMBER_2 = { uuid: 'c0000000-0000-4000-8000-000000000002', id: 'Q3BwY2NNZW1iZXI6YzAwMDAwMDAtMDAwMC00MDAwLTgwMDAtMDAwMDAwMDAwMDAy' };
const MEMBER_3 = { uuid: 'c0000000-0000-4000-8000-000000000003', id: 'Q3BwY2NNZW1iZXI6YzAwMDAwMDAtMDAwMC00MDAwLTgwMDAtMDAwMDAwMDAwMDAz' };
const UNIT_1 = { uuid: 'd0000000-0000-4000-8000-000000000001', id: 'SGFuZGxpbmdVbml0OmQwMDAwMDAwLTAwMDAtNDAwMC04MDAwLTAwMDAwMDAwMDAwMQ' };
/** The sector of this file's committee, and ids of a sector and a member that do not exist. */
const SECTOR_ID = toGlobalId('Sector', 'e0000000-0000-4000-8000-000000000001');
const NO_SECTOR = toGlobalId('Sector', '00000000-0000-4000-8000-000000000000');
const NO_MEMBER = toGlobalId('CppccMember', '00000000-0000-4000-8000-000000000000');
const UNIT_2 = { uuid: 'd0000000-0000-4000-8000-000000000002', id: 'SGFuZGxpbmdVbml0OmQwMDAwMDAwLTAwMDAtNDAwMC04MDAwLTAwMDAwMDAwMDAwMg' };

const ADMIN: Actor = { role: Role.ZONE_ADMIN, org: null };
const OFFICE: Actor = { role: Role.CPPCC_OFFICE, org: null };
const member = (m: { id: string }): Actor => ({ role: Role.CPPCC_MEMBER, org: m.id });
const unit = (u: { id: string }): Actor => ({ role: Role.HANDLING_UNIT, org: u.id });
const rep = (code: string): Actor => ({ role: Role.ENTERPRISE_REP, org: code });

/** What a mutation made: its id, and its version where it has one. */
interface Made {
  id: string;
  version?: number;
}
type Payload = { errors: { __typename: string; code: string }[] } & Record<string, Made | null | { code: string }[]>;

/** What a case may use to prepare its call: mutations through GraphQL, checked to succeed. */
interface Tools {
  /** Runs a mutation that must succeed; the record it returns (id, and version where it has one). */
  ok(field: string, args: Args, by?: Actor): Promise<Made>;
  /** Registers an enterprise (as an administrator). */
  enterprise(code: string, name: string): Promise<Made>;
  /** The id of the reply that answers a proposal now (its lead unit's latest). */
  answerOf(proposal: Made): Promise<string>;
  /** The id of the newest notification of a viewer, once every pending event is relayed. */
  notificationOf(by: Actor): Promise<string>;
  /** The id of a DEAD delivery to a webhook of the office's (a proposal submitted, relayed, refused at its URL). */
  deadDelivery(): Promise<string>;
}

interface Case {
  /** Who makes the call that takes effect. */
  by: Actor;
  /** Prepares what the call needs (records of its own: no test relies on another's writes); its arguments. */
  done: (t: Tools) => Promise<Args>;
  /** The enterprise the event concerns (credit code), or null. */
  enterprise: string | null;
  /** The event names the authorisation the call returns (a grant, a revocation). */
  authorization?: true;
  /** A call refused as payload data: who, its arguments, and the error codes of its payload. */
  refused: { by?: Actor; args: (t: Tools) => Promise<Args>; codes: string[] };
}

const none = async () => ({});
const WEBHOOK_SECRET = 'audit-webhook-secret-0123456789abcdef';
/** The allow-list the webhook cases register under (each sets it: they run in any order). */
const allowAuditHooks = (t: Tools) => t.ok('setWebhookAllowList', { input: { entries: ['http://127.0.0.1:9'] } });
/** A webhook of the office's own (disabled when asked), by id. */
async function auditHook(t: Tools, disabled = false): Promise<string> {
  await allowAuditHooks(t);
  const made = await t.ok('registerWebhook', { input: { url: `http://127.0.0.1:9/audit/${randomUUID()}`, events: ['PROPOSAL_SUBMITTED'], secret: WEBHOOK_SECRET } }, OFFICE);
  if (disabled) await t.ok('disableWebhook', { input: { id: made.id } }, OFFICE);
  return made.id;
}
const loan = (code: string, contractNumber: string) => ({
  input: { creditCode: code, lenderId: HANKOU_ID, contractNumber, amount: '1000000.00', startsOn: '2025-01-10', interestRate: '3.8500', termMonths: 12 },
});
const fiscalYear = (code: string) => ({
  input: { creditCode: code, fiscalYear: 2025, revenue: '120000000.00', rdExpense: '4800000.00', rdExpenseInChina: '4800000.00', highTechRevenue: '80000000.00', employees: 240, scienceAndTechnologyStaff: 30 },
});
/** A CSV of credit ratings (UTF-8 with a byte-order mark, as Excel writes one) for importRecords, in base64. */
const ratingsCsv = (code: string) =>
  Buffer.from(`\ufeff统一社会信用代码,信用等级,评级机构,评级日期\r\n${code},AA,武汉东湖信用评级有限公司,2025-06-30\r\n`, 'utf8').toString('base64');
const draftInput = { level: 'MUNICIPAL', subject: '关于完善光谷科技企业融资服务的提案', reasons: '科技型中小企业融资难。', recommendations: '设立融资服务专窗。' };

/** A proposal of MEMBER_1 taken through the workflow up to `stage`, each step by its role. */
async function proposal(t: Tools, stage: 'DRAFT' | 'SUBMITTED' | 'ACCEPTED' | 'REJECTED' | 'ASSIGNED' | 'REPLIED'): Promise<Made> {
  let p = await t.ok('draftProposal', { input: draftInput }, member(MEMBER_1));
  if (stage === 'DRAFT') return p;
  p = await t.ok('submitProposal', { input: { proposalId: p.id, version: p.version } }, member(MEMBER_1));
  if (stage === 'SUBMITTED') return p;
  if (stage === 'REJECTED') return t.ok('reviewProposal', { input: { proposalId: p.id, decision: { reject: { ground: 'NO_CONCRETE_PROPOSAL' } } } }, OFFICE);
  p = await t.ok('reviewProposal', { input: { proposalId: p.id, decision: { accept: {} } } }, OFFICE);
  if (stage === 'ACCEPTED') return p;
  p = await t.ok('assignProposal', { input: { proposalId: p.id, leadUnitId: UNIT_1.id, coHandlerIds: [UNIT_2.id] } }, OFFICE);
  if (stage === 'ASSIGNED') return p;
  return t.ok('replyToProposal', { input: { proposalId: p.id, category: 'RESOLVED_OR_ADOPTED', text: '已设立融资服务专窗。', signedBy: '王建华', publication: 'PUBLIC' } }, unit(UNIT_1));
}

/**
 * The corrections of instruments: each records one of its kind and corrects it; the refused call names an instrument
 * that does not exist.
 */
const correction = (
  code: string,
  name: string,
  record: (t: Tools) => Promise<Made>,
  values: Args,
): Case => ({
  by: ADMIN,
  done: async (t) => {
    await t.enterprise(code, name);
    const made = await record(t);
    return { input: { id: made.id, version: made.version, reason: '录入有误。', ...values } };
  },
  enterprise: code,
  refused: { args: async () => ({ input: { id: NO_INSTRUMENT, version: 1, reason: '无此记录。', ...values } }), codes: ['NOT_FOUND'] },
});

const CORRECTIONS: Record<string, Case> = {
  correctCreditLoan: correction(F.f01, '武汉审计更正信贷有限公司', (t) => t.ok('recordCreditLoan', loan(F.f01, 'AUDIT-FIX-1')), {
    interestRate: '3.6500',
  }),
  correctIpPledgeLoan: correction(
    F.f02,
    '武汉审计更正质押有限公司',
    async (t) => {
      await t.ok('recordPatent', { input: { creditCode: F.f02, number: 'ZL202110000018.1', title: '一种光栅', legalStatus: 'VALID', grantedOn: '2020-05-01' } });
      await t.ok('recordPatentAppraisal', { input: { patentNumber: 'ZL202110000018.1', appraiser: '武汉知识产权评估中心', value: '3000000.00', appraisedOn: '2025-01-15' } });
      return t.ok('recordIpPledgeLoan', {
        input: {
          creditCode: F.f02, lenderId: CMB_ID, contractNumber: 'AUDIT-FIX-IP', amount: '1200000.00', startsOn: '2025-01-10', interestRate: '4.3500',
          termMonths: 24, pledges: [{ patentNumber: 'ZL202110000018.1' }],
        },
      });
    },
    { guaranteeShare: '20.0000' },
  ),
  correctTechInsurance: correction(
    F.f03,
    '武汉审计更正保险有限公司',
    (t) =>
      t.ok('recordTechInsurance', {
        input: { creditCode: F.f03, insurerId: PICC, policyNumber: 'AUDIT-FIX-P', insuranceKind: 'RD_LIABILITY', amount: '5000000.00', startsOn: '2025-01-10', premium: '60000.00' },
      }),
    { premium: '50000.00' },
  ),
  correctReinsurance: correction(
    F.f04,
    '武汉审计更正再保有限公司',
    async (t) => {
      const policy = await t.ok('recordTechInsurance', {
        input: { creditCode: F.f04, insurerId: PICC, policyNumber: 'AUDIT-FIX-P2', insuranceKind: 'RD_LIABILITY', amount: '5000000.00', startsOn: '2025-01-10', premium: '60000.00' },
      });
      return t.ok('recordReinsurance', {
        input: { creditCode: F.f04, reinsurerId: CHINA_RE, underlyingPolicyId: policy.id, treatyNumber: 'AUDIT-FIX-T', cededShare: '40.0000', amount: '2000000.00', startsOn: '2025-01-10' },
      });
    },
    { cededShare: '30.0000' },
  ),
  correctBondIssue: correction(
    F.f05,
    '武汉审计更正债券有限公司',
    (t) =>
      t.ok('recordBondIssue', {
        input: {
          kind: 'SHORT_TERM_BILL', issuers: [{ creditCode: F.f05, share: '100.0000' }],
          amount: '50000000.00', startsOn: '2025-01-01', code: 'AUDIT-FIX-B', underwriter: '长江证券', couponRate: '3.2000', tenorMonths: 12,
        },
      }),
    { couponRate: '3.1000' },
  ),
  correctNeeqListing: correction(
    F.f06,
    '武汉审计更正挂牌有限公司',
    (t) =>
      t.ok('recordNeeqListing', {
        input: { creditCode: F.f06, amount: '0.00', startsOn: '2024-03-01', sponsorBroker: '长江证券', stage: 'FILING_ACCEPTED', stageReachedOn: '2024-04-01' },
      }),
    { sponsorBroker: '天风证券' },
  ),
  correctRegionalOtcListing: correction(
    F.f07,
    '武汉审计更正托管有限公司',
    (t) =>
      t.ok('recordRegionalOtcListing', {
        input: { creditCode: F.f07, amount: '1000000.00', startsOn: '2025-01-10', center: '武汉股权托管交易中心', board: '科技板', custodyCode: 'WH900177' },
      }),
    { custodyCode: 'WH900178' },
  ),
  correctFundInvestment: correction(
    F.f08,
    '武汉审计更正基金有限公司',
    (t) => t.ok('recordFundInvestment', { input: { creditCode: F.f08, fundId: ANGEL_FUND, stake: '12.5000', amount: '8000000.00', startsOn: '2025-01-10' } }),
    { stake: '10.0000' },
  ),
  correctRiskCompensationCover: correction(
    F.f09,
    '武汉审计更正补偿有限公司',
    async (t) => {
      const l = await t.ok('recordCreditLoan', loan(F.f09, 'AUDIT-FIX-L'));
      return t.ok('recordRiskCompensationCover', {
        input: { creditCode: F.f09, poolId: ZONE_POOL, coveredLoanId: l.id, coverageRatio: '40.0000', amount: '400000.00', startsOn: '2025-01-10' },
      });
    },
    { coverageRatio: '35.0000' },
  ),
};

/** Every mutation of the schema, with a call that takes effect and one refused as data. */
const CASES: Record<string, Case> = {
  createEnterprise: {
    by: ADMIN,
    done: async () => ({ input: enterpriseInput(C.c01, '武汉审计光电有限公司') }),
    enterprise: C.c01,
    refused: { args: async () => ({ input: enterpriseInput(C.c02, '武汉无园区有限公司', { parkCode: 'NO_SUCH_PARK' }) }), codes: ['NOT_FOUND'] },
  },
  updateEnterprise: {
    by: rep(C.c03),
    done: async (t) => {
      const e = await t.enterprise(C.c03, '武汉审计激光有限公司');
      return { input: { id: e.id, version: e.version, name: '武汉审计激光股份有限公司' } };
    },
    enterprise: C.c03,
    refused: {
      by: rep(C.c04),
      args: async (t) => {
        const e = await t.enterprise(C.c04, '武汉审计过期版本有限公司');
        return { input: { id: e.id, version: e.version! + 1, name: '武汉审计新名有限公司' } };
      },
      codes: ['STALE_VERSION'],
    },
  },
  recordFiscalYear: {
    by: rep(C.c05),
    done: async (t) => (await t.enterprise(C.c05, '武汉审计财务有限公司'), fiscalYear(C.c05)),
    enterprise: C.c05,
    // A representative writes its own enterprise's data only.
    refused: { args: async () => fiscalYear(UNREGISTERED), codes: ['NOT_PERMITTED'] },
  },
  recordHighTechCertificate: {
    by: ADMIN,
    done: async (t) => (
      await t.enterprise(C.c06, '武汉审计高新有限公司'),
      { input: { creditCode: C.c06, number: 'GR202542000601', issuedOn: '2025-11-01', criteriaVersion: 'RULES_2016' } }
    ),
    enterprise: C.c06,
    refused: { args: async () => ({ input: { creditCode: UNREGISTERED, number: 'GR202542000602', issuedOn: '2025-11-01', criteriaVersion: 'RULES_2016' } }), codes: ['NOT_FOUND'] },
  },
  recordQualification: {
    by: rep(C.c39),
    done: async (t) => (
      await t.enterprise(C.c39, '武汉审计资质有限公司'),
      { input: { creditCode: C.c39, kind: 'TECH_SME', number: '202542010003901', validFrom: '2025-05-20', validUntil: '2026-05-19', issuer: '湖北省科学技术厅' } }
    ),
    enterprise: C.c39,
    // Refused on its own records, so it answers the same whether it runs before or after the case done (--randomize).
    refused: {
      by: ADMIN,
      args: async () => ({ input: { creditCode: UNREGISTERED, kind: 'TECH_SME', number: '202542010003902', validFrom: '2025-05-20', validUntil: '2025-05-19', issuer: '湖北省科学技术厅' } }),
      codes: ['NOT_FOUND', 'INVALID_INPUT'],
    },
  },
  recordPatent: {
    by: rep(C.c07),
    done: async (t) => (
      await t.enterprise(C.c07, '武汉审计专利有限公司'),
      { input: { creditCode: C.c07, number: 'ZL202110000011.X', title: '一种光纤传感装置', legalStatus: 'VALID', grantedOn: '2022-03-01' } }
    ),
    enterprise: C.c07,
    refused: { args: async () => ({ input: { creditCode: UNREGISTERED, number: 'ZL202110000012.4', title: '一种装置', legalStatus: 'VALID', grantedOn: '2022-03-01' } }), codes: ['NOT_PERMITTED'] },
  },
  recordPatentAppraisal: {
    by: ADMIN,
    done: async (t) => {
      await t.enterprise(C.c08, '武汉审计评估有限公司');
      await t.ok('recordPatent', { input: { creditCode: C.c08, number: 'ZL202110000013.9', title: '一种激光器', legalStatus: 'VALID', grantedOn: '2022-03-01' } });
      return { input: { patentNumber: 'ZL202110000013.9', appraiser: '武汉知识产权评估中心', value: '2000000.00', appraisedOn: '2025-01-15' } };
    },
    enterprise: C.c08,
    refused: { args: async () => ({ input: { patentNumber: 'ZL202110000014.3', appraiser: '武汉知识产权评估中心', value: '1.00', appraisedOn: '2025-01-15' } }), codes: ['NOT_FOUND'] },
  },
  recordIncentivePlan: {
    by: ADMIN,
    done: async (t) => (
      await t.enterprise(C.c09, '武汉审计激励有限公司'),
      {
        input: {
          creditCode: C.c09, title: '2024年股权激励计划', form: 'EQUITY_AWARD', approvedOn: '2024-05-01', totalEquityShare: '4.0000',
          grants: [{ granteeName: '张伟', position: '首席科学家', equityShare: '2.0000', serviceYears: 5, grantedOn: '2024-06-01' }],
        },
      }
    ),
    enterprise: C.c09,
    refused: { args: async () => ({ input: { creditCode: UNREGISTERED, title: '计划', form: 'EQUITY_AWARD', approvedOn: '2024-05-01', totalEquityShare: '4.0000' } }), codes: ['NOT_FOUND'] },
  },
  recordTalentAward: {
    by: rep(C.c10),
    done: async (t) => (
      await t.enterprise(C.c10, '武汉审计人才有限公司'),
      { input: { creditCode: C.c10, scheme: 'HIGH_LEVEL_TALENT_REWARD', recipientName: '李娜', amount: '1000000.00', awardedOn: '2025-04-01' } }
    ),
    enterprise: C.c10,
    refused: { args: async () => ({ input: { creditCode: UNREGISTERED, scheme: 'PHD_RECRUITMENT', amount: '1.00', awardedOn: '2025-04-01' } }), codes: ['NOT_PERMITTED'] },
  },
  recordTaxPilotUsage: {
    by: ADMIN,
    done: async (t) => (
      await t.enterprise(C.c11, '武汉审计税收有限公司'),
      { input: { creditCode: C.c11, pilot: 'RD_SUPER_DEDUCTION', fiscalYear: 2024, reliefAmount: '350000.00' } }
    ),
    enterprise: C.c11,
    refused: { args: async () => ({ input: { creditCode: UNREGISTERED, pilot: 'RD_SUPER_DEDUCTION', fiscalYear: 2024, reliefAmount: '1.00' } }), codes: ['NOT_FOUND'] },
  },
  recordResearchProject: {
    by: ADMIN,
    done: async (t) => (
      await t.enterprise(C.c12, '武汉审计研发有限公司'),
      {
        input: {
          title: '硅光芯片关键技术联合攻关', status: 'ACTIVE', startsOn: '2024-03-01',
          participants: [{ creditCode: C.c12, role: 'FUNDER' }, { institutionId: HUST, role: 'LEAD_RESEARCH_INSTITUTION' }],
        },
      }
    ),
    // A project has several participants: the event names none of them.
    enterprise: null,
    refused: {
      args: async () => ({ input: { title: '无高校项目', status: 'PLANNED', startsOn: '2025-03-01', participants: [{ creditCode: UNREGISTERED, role: 'FUNDER' }] } }),
      codes: ['NOT_FOUND', 'INVALID_INPUT'],
    },
  },
  grantAuthorization: {
    by: rep(C.c13),
    done: async (t) => (
      await t.enterprise(C.c13, '武汉审计授权有限公司'),
      {
        input: {
          creditCode: C.c13, bankCreditCode: HANKOU, scopes: ['PROFILE', 'PATENTS'], purpose: '知识产权质押贷款资格审核',
          validFrom: '2090-01-01', validUntil: '2090-12-31', signer: '王伟（财务总监）',
        },
      }
    ),
    enterprise: C.c13,
    authorization: true,
    refused: {
      by: rep(C.c14),
      args: async () => ({
        input: {
          creditCode: C.c13, bankCreditCode: HANKOU, scopes: ['PROFILE'], purpose: '贷款审核', validFrom: '2090-01-01', validUntil: '2090-12-31', signer: '王伟',
        },
      }),
      codes: ['NOT_PERMITTED'],
    },
  },
  revokeAuthorization: {
    by: rep(C.c15),
    done: async (t) => {
      await t.enterprise(C.c15, '武汉审计撤销有限公司');
      const a = await t.ok(
        'grantAuthorization',
        {
          input: {
            creditCode: C.c15, bankCreditCode: HANKOU, scopes: ['PROFILE'], purpose: '信用贷款审核',
            validFrom: '2090-01-01', validUntil: '2090-12-31', signer: '王伟（财务总监）',
          },
        },
        rep(C.c15),
      );
      return { input: { authorizationId: a.id } };
    },
    enterprise: C.c15,
    authorization: true,
    refused: { args: async () => ({ input: { authorizationId: NO_AUTHORIZATION } }), codes: ['NOT_FOUND'] },
  },
  recordCreditLoan: {
    by: ADMIN,
    done: async (t) => (await t.enterprise(C.c16, '武汉审计信贷有限公司'), loan(C.c16, 'AUDIT-LOAN-1')),
    enterprise: C.c16,
    refused: { args: async () => loan(UNREGISTERED, 'AUDIT-LOAN-X'), codes: ['NOT_FOUND'] },
  },
  recordIpPledgeLoan: {
    by: ADMIN,
    done: async (t) => {
      await t.enterprise(C.c17, '武汉审计质押有限公司');
      await t.ok('recordPatent', { input: { creditCode: C.c17, number: 'ZL202110000015.8', title: '一种光模块', legalStatus: 'VALID', grantedOn: '2020-05-01' } });
      await t.ok('recordPatentAppraisal', { input: { patentNumber: 'ZL202110000015.8', appraiser: '武汉知识产权评估中心', value: '3000000.00', appraisedOn: '2025-01-15' } });
      return {
        input: {
          creditCode: C.c17, lenderId: CMB_ID, contractNumber: 'AUDIT-IP-1', amount: '1200000.00', startsOn: '2025-01-10', interestRate: '4.3500',
          termMonths: 24, pledges: [{ patentNumber: 'ZL202110000015.8' }],
        },
      };
    },
    enterprise: C.c17,
    refused: {
      args: async () => ({
        input: {
          creditCode: UNREGISTERED, lenderId: CMB_ID, contractNumber: 'AUDIT-IP-X', amount: '1.00', startsOn: '2025-01-10', interestRate: '4.3500',
          termMonths: 24, pledges: [{ patentNumber: 'ZL202110000016.2' }],
        },
      }),
      codes: ['NOT_FOUND', 'NOT_FOUND'],
    },
  },
  cancelPledge: {
    by: ADMIN,
    done: async (t) => {
      await t.enterprise(C.c41, '武汉审计注销有限公司');
      await t.ok('recordPatent', { input: { creditCode: C.c41, number: 'ZL202110000017.7', title: '一种光纤激光器', legalStatus: 'VALID', grantedOn: '2020-05-01' } });
      await t.ok('recordPatentAppraisal', { input: { patentNumber: 'ZL202110000017.7', appraiser: '武汉知识产权评估中心', value: '3000000.00', appraisedOn: '2025-01-15' } });
      const l = await t.ok('recordIpPledgeLoan', {
        input: {
          creditCode: C.c41, lenderId: CMB_ID, contractNumber: 'AUDIT-IP-2', amount: '1200000.00', startsOn: '2025-01-10', interestRate: '4.3500',
          termMonths: 12, pledges: [{ patentNumber: 'ZL202110000017.7' }],
        },
      });
      return { input: { loanId: l.id, patentNumber: 'ZL202110000017.7', cancelledOn: '2025-06-30' } };
    },
    enterprise: C.c41,
    refused: { args: async () => ({ input: { loanId: toGlobalId('IpPledgeLoan', '00000000-0000-4000-8000-000000000000'), patentNumber: 'ZL202110000017.7', cancelledOn: '2025-06-30' } }), codes: ['NOT_FOUND'] },
  },
  recordTechInsurance: {
    by: ADMIN,
    done: async (t) => (
      await t.enterprise(C.c18, '武汉审计保险有限公司'),
      {
        input: {
          creditCode: C.c18, insurerId: PICC, policyNumber: 'AUDIT-P-1', insuranceKind: 'RD_LIABILITY',
          amount: '5000000.00', startsOn: '2025-01-10', premium: '60000.00',
        },
      }
    ),
    enterprise: C.c18,
    refused: {
      args: async () => ({
        input: {
          creditCode: UNREGISTERED, insurerId: PICC, policyNumber: 'AUDIT-P-X', insuranceKind: 'RD_LIABILITY',
          amount: '1.00', startsOn: '2025-01-10', premium: '1.00',
        },
      }),
      codes: ['NOT_FOUND'],
    },
  },
  recordReinsurance: {
    by: ADMIN,
    done: async (t) => {
      await t.enterprise(C.c19, '武汉审计再保有限公司');
      const policy = await t.ok('recordTechInsurance', {
        input: {
          creditCode: C.c19, insurerId: PICC, policyNumber: 'AUDIT-P-2', insuranceKind: 'RD_LIABILITY',
          amount: '5000000.00', startsOn: '2025-01-10', premium: '60000.00',
        },
      });
      return {
        input: {
          creditCode: C.c19, reinsurerId: CHINA_RE, underlyingPolicyId: policy.id, treatyNumber: 'AUDIT-T-1', cededShare: '40.0000',
          amount: '2000000.00', startsOn: '2025-01-10',
        },
      };
    },
    enterprise: C.c19,
    refused: {
      args: async () => ({
        input: {
          creditCode: UNREGISTERED, reinsurerId: CHINA_RE, underlyingPolicyId: NO_POLICY, treatyNumber: 'AUDIT-T-X', cededShare: '40.0000',
          amount: '1.00', startsOn: '2025-01-10',
        },
      }),
      codes: ['NOT_FOUND', 'NOT_FOUND'],
    },
  },
  recordBondIssue: {
    by: ADMIN,
    done: async (t) => {
      await t.enterprise(C.c20, '武汉审计债券甲有限公司');
      await t.enterprise(C.c21, '武汉审计债券乙有限公司');
      return {
        input: {
          kind: 'COLLECTIVE_BOND', issuers: [{ creditCode: C.c20, share: '60.0000' }, { creditCode: C.c21, share: '40.0000' }],
          amount: '300000000.00', startsOn: '2024-06-01', code: 'AUDIT-2480001', underwriter: '国家开发银行湖北省分行', couponRate: '5.8000', tenorMonths: 60,
        },
      };
    },
    // The lead issuer, the first named.
    enterprise: C.c20,
    refused: {
      args: async () => ({
        input: {
          kind: 'COLLECTIVE_BOND', issuers: [{ creditCode: UNREGISTERED, share: '100.0000' }],
          amount: '1.00', startsOn: '2024-06-01', code: 'AUDIT-2480002', underwriter: '长江证券', couponRate: '5.8000', tenorMonths: 60,
        },
      }),
      codes: ['INVALID_INPUT', 'NOT_FOUND'],
    },
  },
  recordNeeqListing: {
    by: ADMIN,
    done: async (t) => (
      await t.enterprise(C.c22, '武汉审计挂牌有限公司'),
      { input: { creditCode: C.c22, amount: '0.00', startsOn: '2024-03-01', sponsorBroker: '长江证券', stage: 'FILING_ACCEPTED', stageReachedOn: '2024-04-01' } }
    ),
    enterprise: C.c22,
    refused: {
      args: async () => ({ input: { creditCode: UNREGISTERED, amount: '0.00', startsOn: '2024-03-01', sponsorBroker: '长江证券', stage: 'FILING_ACCEPTED', stageReachedOn: '2024-04-01' } }),
      codes: ['NOT_FOUND'],
    },
  },
  advanceNeeqStage: {
    by: ADMIN,
    done: async (t) => {
      await t.enterprise(C.c23, '武汉审计新三板有限公司');
      const listing = await t.ok('recordNeeqListing', {
        input: { creditCode: C.c23, amount: '0.00', startsOn: '2024-03-01', sponsorBroker: '长江证券', stage: 'FILING_ACCEPTED', stageReachedOn: '2024-04-01' },
      });
      return { input: { id: listing.id, version: listing.version, stage: 'LISTED', reachedOn: '2024-09-01', stockCode: '874321' } };
    },
    enterprise: C.c23,
    refused: { args: async () => ({ input: { id: NO_LISTING, version: 1, stage: 'LISTED', reachedOn: '2024-09-01', stockCode: '874322' } }), codes: ['NOT_FOUND'] },
  },
  recordRegionalOtcListing: {
    by: ADMIN,
    done: async (t) => (
      await t.enterprise(C.c24, '武汉审计股权托管有限公司'),
      { input: { creditCode: C.c24, amount: '1000000.00', startsOn: '2025-01-10', center: '武汉股权托管交易中心', board: '科技板', custodyCode: 'WH900124' } }
    ),
    enterprise: C.c24,
    refused: {
      args: async () => ({ input: { creditCode: UNREGISTERED, amount: '1.00', startsOn: '2025-01-10', center: '武汉股权托管交易中心', board: '科技板', custodyCode: 'WH900999' } }),
      codes: ['NOT_FOUND'],
    },
  },
  recordFundInvestment: {
    by: ADMIN,
    done: async (t) => (
      await t.enterprise(C.c25, '武汉审计基金投资有限公司'),
      { input: { creditCode: C.c25, fundId: ANGEL_FUND, stake: '12.5000', amount: '8000000.00', startsOn: '2025-01-10' } }
    ),
    enterprise: C.c25,
    refused: { args: async () => ({ input: { creditCode: UNREGISTERED, fundId: ANGEL_FUND, stake: '1.0000', amount: '1.00', startsOn: '2025-01-10' } }), codes: ['NOT_FOUND'] },
  },
  recordRiskCompensationCover: {
    by: ADMIN,
    done: async (t) => {
      await t.enterprise(C.c26, '武汉审计风险补偿有限公司');
      const l = await t.ok('recordCreditLoan', loan(C.c26, 'AUDIT-LOAN-2'));
      return {
        input: {
          creditCode: C.c26, poolId: ZONE_POOL, coveredLoanId: l.id, coverageRatio: '40.0000',
          amount: '400000.00', startsOn: '2025-01-10',
        },
      };
    },
    enterprise: C.c26,
    refused: {
      args: async () => ({
        input: {
          creditCode: UNREGISTERED, poolId: ZONE_POOL, coveredLoanId: NO_LOAN, coverageRatio: '40.0000',
          amount: '1.00', startsOn: '2025-01-10',
        },
      }),
      codes: ['NOT_FOUND', 'NOT_FOUND'],
    },
  },
  recordRiskCompensationClaim: {
    by: ADMIN,
    done: async (t) => {
      await t.enterprise(C.c27, '武汉审计补偿申请有限公司');
      const l = await t.ok('recordCreditLoan', loan(C.c27, 'AUDIT-LOAN-3'));
      const cover = await t.ok('recordRiskCompensationCover', {
        input: {
          creditCode: C.c27, poolId: ZONE_POOL, coveredLoanId: l.id, coverageRatio: '40.0000',
          amount: '400000.00', startsOn: '2025-01-10',
        },
      });
      return { input: { coverId: cover.id, claimedOn: '2025-09-01', amount: '100000.00' } };
    },
    enterprise: C.c27,
    refused: { args: async () => ({ input: { coverId: NO_COVER, claimedOn: '2025-09-01', amount: '1.00' } }), codes: ['NOT_FOUND'] },
  },
  updateInstrumentStatus: {
    by: ADMIN,
    done: async (t) => {
      await t.enterprise(C.c28, '武汉审计还款有限公司');
      const l = await t.ok('recordCreditLoan', loan(C.c28, 'AUDIT-LOAN-4'));
      return { input: { id: l.id, version: l.version, status: 'COMPLETED' } };
    },
    enterprise: C.c28,
    refused: { args: async () => ({ input: { id: NO_INSTRUMENT, version: 1, status: 'COMPLETED' } }), codes: ['NOT_FOUND'] },
  },
  ...CORRECTIONS,
  voidInstrument: {
    by: ADMIN,
    done: async (t) => {
      await t.enterprise(F.f10, '武汉审计作废有限公司');
      const l = await t.ok('recordCreditLoan', loan(F.f10, 'AUDIT-VOID-1'));
      return { input: { id: l.id, version: l.version, reason: '重复录入。' } };
    },
    enterprise: F.f10,
    refused: { args: async () => ({ input: { id: NO_INSTRUMENT, version: 1, reason: '无此记录。' } }), codes: ['NOT_FOUND'] },
  },
  recordBank: {
    by: ADMIN,
    done: async () => ({ input: { creditCode: '9142000017779001XE', name: '武汉审计农村商业银行', isPartner: true } }),
    enterprise: null,
    refused: { args: async () => ({ input: { creditCode: HANKOU, name: '重复的银行' } }), codes: ['DUPLICATE'] },
  },
  recordBankBranch: {
    by: ADMIN,
    done: async () => ({ input: { bankCreditCode: HANKOU, name: '汉口银行审计科技支行', isTechSubBranch: true } }),
    enterprise: null,
    refused: { args: async () => ({ input: { bankCreditCode: '9142000017779002XF', name: '无主支行' } }), codes: ['NOT_FOUND'] },
  },
  recordInsurer: {
    by: ADMIN,
    done: async () => ({ input: { name: '审计财产保险股份有限公司湖北分公司' } }),
    enterprise: null,
    refused: { args: async () => ({ input: { name: '中国人民财产保险股份有限公司湖北省分公司' } }), codes: ['DUPLICATE'] },
  },
  recordFund: {
    by: ADMIN,
    done: async () => ({ input: { name: '光谷审计创业投资基金', manager: '武汉光谷审计投资管理有限公司', type: 'VENTURE' } }),
    enterprise: null,
    refused: { args: async () => ({ input: { name: '武汉光谷天使投资基金', manager: '某公司', type: 'ANGEL' } }), codes: ['DUPLICATE'] },
  },
  recordRiskCompensationPool: {
    by: ADMIN,
    done: async () => ({
      input: { name: '光谷审计风险补偿基金', manager: '东湖高新区知识产权局', contributors: ['东湖高新区管委会', '合作银行'], coverageRatio: '50.0000', capPerLoan: '3000000.00' },
    }),
    enterprise: null,
    refused: {
      args: async () => ({
        input: { name: '东湖高新区科技型中小企业信贷风险补偿资金池', manager: '某局', contributors: ['某单位'], coverageRatio: '50.0000', capPerLoan: '1.00' },
      }),
      codes: ['DUPLICATE'],
    },
  },
  recordPark: {
    by: ADMIN,
    done: async () => ({ input: { code: 'AUDIT_PARK', name: '光谷审计产业园' } }),
    enterprise: null,
    refused: { args: async () => ({ input: { code: 'audit park', name: '光谷审计产业园' } }), codes: ['INVALID_INPUT'] },
  },
  recordIndustryCluster: {
    by: ADMIN,
    done: async () => ({ input: { code: 'AUDIT_CLUSTER', name: '审计产业集群' } }),
    enterprise: null,
    refused: { args: async () => ({ input: { code: 'LASER', name: '激光产业集群' } }), codes: ['DUPLICATE'] },
  },
  recordInstitution: {
    by: ADMIN,
    done: async () => ({ input: { name: '武汉审计研究院', kind: 'RESEARCH_INSTITUTE' } }),
    enterprise: null,
    refused: { args: async () => ({ input: { name: '华中科技大学', kind: 'UNIVERSITY' } }), codes: ['DUPLICATE'] },
  },
  recordProgramRuleVersion: {
    by: ADMIN,
    done: async () => ({
      input: { program: 'IP_PLEDGE_LOAN', effectiveFrom: '2099-01-01', note: '评级要求提高至A', criteria: [{ kind: 'CREDIT_RATING', minimumRating: 'A' }] },
    }),
    enterprise: null,
    refused: {
      args: async () => ({ input: { program: 'NO_SUCH_PROGRAM', effectiveFrom: '2099-01-01', note: '无此项目', criteria: [{ kind: 'CREDIT_RATING', minimumRating: 'A' }] } }),
      codes: ['NOT_FOUND'],
    },
  },
  recordCreditRating: {
    by: ADMIN,
    done: async (t) => (
      await t.enterprise(C.c29, '武汉审计评级有限公司'),
      { input: { creditCode: C.c29, rating: 'BBB', agency: '东湖征信评级有限公司', ratedOn: '2026-01-10' } }
    ),
    enterprise: C.c29,
    refused: { args: async () => ({ input: { creditCode: UNREGISTERED, rating: 'BBB', agency: '东湖征信评级有限公司', ratedOn: '2026-01-10' } }), codes: ['NOT_FOUND'] },
  },
  recordTaxCreditGrade: {
    by: ADMIN,
    done: async (t) => (
      await t.enterprise(C.c30, '武汉审计纳税有限公司'),
      { input: { creditCode: C.c30, year: 2025, grade: 'A', evaluatedOn: '2026-04-15' } }
    ),
    enterprise: C.c30,
    refused: { args: async () => ({ input: { creditCode: UNREGISTERED, year: 2025, grade: 'A', evaluatedOn: '2026-04-15' } }), codes: ['NOT_FOUND'] },
  },
  recordDishonestDebtorCheck: {
    by: ADMIN,
    done: async (t) => (
      await t.enterprise(C.c31, '武汉审计失信核查有限公司'),
      { input: { creditCode: C.c31, source: '中国执行信息公开网', checkedOn: '2026-03-01', wasListed: false } }
    ),
    enterprise: C.c31,
    refused: { args: async () => ({ input: { creditCode: UNREGISTERED, source: '中国执行信息公开网', checkedOn: '2026-03-01', wasListed: false } }), codes: ['NOT_FOUND'] },
  },
  // Corrections and voids: each on a record of its own; refused when the version read is stale.
  correctCreditRating: {
    by: ADMIN,
    done: async (t) => {
      await t.enterprise(C.c42, '武汉审计评级更正有限公司');
      const r = await t.ok('recordCreditRating', { input: { creditCode: C.c42, rating: 'BB', agency: '东湖征信评级有限公司', ratedOn: '2026-01-10' } });
      return { input: { id: r.id, version: r.version, reason: '评级报告原文为BBB级，录入有误。', rating: 'BBB' } };
    },
    enterprise: C.c42,
    refused: {
      args: async (t) => {
        await t.enterprise(C.c43, '武汉审计评级过期有限公司');
        const r = await t.ok('recordCreditRating', { input: { creditCode: C.c43, rating: 'BB', agency: '东湖征信评级有限公司', ratedOn: '2026-01-10' } });
        return { input: { id: r.id, version: r.version! + 1, reason: '录入有误。', rating: 'BBB' } };
      },
      codes: ['STALE_VERSION'],
    },
  },
  voidCreditRating: {
    by: ADMIN,
    done: async (t) => {
      await t.enterprise(C.c44, '武汉审计评级作废有限公司');
      const r = await t.ok('recordCreditRating', { input: { creditCode: C.c44, rating: 'A', agency: '东湖征信评级有限公司', ratedOn: '2026-01-10' } });
      return { input: { id: r.id, version: r.version, reason: '该评级属于另一家企业，误录。' } };
    },
    enterprise: C.c44,
    refused: { args: async () => ({ input: { id: toGlobalId('CreditRatingRecord', '00000000-0000-4000-8000-000000000000'), version: 1, reason: '误录。' } }), codes: ['NOT_FOUND'] },
  },
  correctDishonestDebtorCheck: {
    by: ADMIN,
    done: async (t) => {
      await t.enterprise(C.c45, '武汉审计核查更正有限公司');
      const c = await t.ok('recordDishonestDebtorCheck', { input: { creditCode: C.c45, source: '中国执行信息公开网', checkedOn: '2026-03-01', wasListed: true } });
      return { input: { id: c.id, version: c.version, reason: '复核：查询结果为未列入。', wasListed: false } };
    },
    enterprise: C.c45,
    refused: { args: async () => ({ input: { id: toGlobalId('DishonestDebtorCheck', '00000000-0000-4000-8000-000000000000'), version: 1, reason: '复核。', wasListed: false } }), codes: ['NOT_FOUND'] },
  },
  voidDishonestDebtorCheck: {
    by: ADMIN,
    done: async (t) => {
      await t.enterprise(C.c46, '武汉审计核查作废有限公司');
      const c = await t.ok('recordDishonestDebtorCheck', { input: { creditCode: C.c46, source: '中国执行信息公开网', checkedOn: '2026-03-01', wasListed: false } });
      return { input: { id: c.id, version: c.version, reason: '查询对象为同名企业，误录。' } };
    },
    enterprise: C.c46,
    // The reason is required; every problem of the input is told at once.
    refused: {
      args: async () => ({ input: { id: toGlobalId('DishonestDebtorCheck', '00000000-0000-4000-8000-000000000000'), version: 1, reason: ' ' } }),
      codes: ['INVALID_INPUT', 'NOT_FOUND'],
    },
  },
  updatePatent: {
    by: rep(C.c47),
    done: async (t) => {
      await t.enterprise(C.c47, '武汉审计专利更新有限公司');
      const p = await t.ok('recordPatent', { input: { creditCode: C.c47, number: 'ZL202110000030.2', title: '一种光纤传感装置', legalStatus: 'VALID', grantedOn: '2022-03-01' } });
      return { input: { id: p.id, version: p.version, reason: '未缴年费，专利权终止。', legalStatus: 'LAPSED' } };
    },
    enterprise: C.c47,
    // A representative updates its own enterprise's patents only.
    refused: {
      args: async (t) => {
        await t.enterprise(C.c49, '武汉审计他人专利有限公司');
        const p = await t.ok('recordPatent', { input: { creditCode: C.c49, number: 'ZL202110000019.6', title: '一种装置', legalStatus: 'VALID', grantedOn: '2022-03-01' } }, ADMIN);
        return { input: { id: p.id, version: p.version, reason: '终止。', legalStatus: 'LAPSED' } };
      },
      codes: ['NOT_PERMITTED'],
    },
  },
  correctPatentAppraisal: {
    by: ADMIN,
    done: async (t) => {
      await t.enterprise(C.c48, '武汉审计评估更正有限公司');
      await t.ok('recordPatent', { input: { creditCode: C.c48, number: 'ZL202110000020.9', title: '一种激光器', legalStatus: 'VALID', grantedOn: '2022-03-01' } });
      const a = await t.ok('recordPatentAppraisal', { input: { patentNumber: 'ZL202110000020.9', appraiser: '武汉知识产权评估中心', value: '200000.00', appraisedOn: '2025-01-15' } });
      return { input: { id: a.id, version: a.version, reason: '评估报告金额为2,000,000.00元，少录一位。', value: '2000000.00' } };
    },
    enterprise: C.c48,
    // Nothing to correct.
    refused: {
      args: async (t) => {
        await t.enterprise(C.c50, '武汉审计评估核对有限公司');
        await t.ok('recordPatent', { input: { creditCode: C.c50, number: 'ZL202110000021.3', title: '一种透镜', legalStatus: 'VALID', grantedOn: '2022-03-01' } });
        const a = await t.ok('recordPatentAppraisal', { input: { patentNumber: 'ZL202110000021.3', appraiser: '武汉知识产权评估中心', value: '100000.00', appraisedOn: '2025-01-15' } });
        return { input: { id: a.id, version: a.version, reason: '核对。', value: '100000.00' } };
      },
      codes: ['INVALID_INPUT'],
    },
  },
  voidPatentAppraisal: {
    by: ADMIN,
    done: async (t) => {
      await t.enterprise(C.c51, '武汉审计评估作废有限公司');
      await t.ok('recordPatent', { input: { creditCode: C.c51, number: 'ZL202110000022.8', title: '一种光栅', legalStatus: 'VALID', grantedOn: '2022-03-01' } });
      const a = await t.ok('recordPatentAppraisal', { input: { patentNumber: 'ZL202110000022.8', appraiser: '武汉知识产权评估中心', value: '800000.00', appraisedOn: '2025-01-15' } });
      return { input: { id: a.id, version: a.version, reason: '评估未完成，误录。' } };
    },
    enterprise: C.c51,
    refused: { args: async () => ({ input: { id: toGlobalId('PatentAppraisal', '00000000-0000-4000-8000-000000000000'), version: 1, reason: '误录。' } }), codes: ['NOT_FOUND'] },
  },
  filePolicyRequest: {
    by: rep(C.c32),
    done: async (t) => (
      await t.enterprise(C.c32, '武汉审计诉求有限公司'),
      { input: { title: '光通信测试平台共享', need: '希望开放测试平台。', creditCodes: [C.c32] } }
    ),
    // A request concerns any number of enterprises (none: a need of the zone); the event names none of them.
    enterprise: null,
    refused: { by: rep(C.c33), args: async () => ({ input: { title: '需求', need: '需求说明', creditCodes: [C.c32] } }), codes: ['NOT_PERMITTED'] },
  },
  draftProposal: {
    by: member(MEMBER_1),
    done: async () => ({ input: draftInput }),
    enterprise: null,
    refused: { args: async () => ({ input: { ...draftInput, subject: ' ' } }), codes: ['INVALID_INPUT'] },
  },
  updateProposal: {
    by: member(MEMBER_1),
    done: async (t) => {
      const p = await proposal(t, 'DRAFT');
      return { input: { proposalId: p.id, version: p.version, recommendations: '一、设立融资服务专窗；二、建立企业融资需求库。' } };
    },
    enterprise: null,
    refused: {
      args: async (t) => {
        const p = await proposal(t, 'DRAFT');
        return { input: { proposalId: p.id, version: p.version! + 1, subject: '改' } };
      },
      codes: ['STALE_VERSION'],
    },
  },
  attachEvidence: {
    by: member(MEMBER_1),
    done: async (t) => {
      await t.enterprise(C.c34, '武汉审计证据有限公司');
      const p = await proposal(t, 'DRAFT');
      return { input: { proposalId: p.id, evidence: { creditCode: C.c34 } } };
    },
    enterprise: null,
    refused: { args: async () => ({ input: { proposalId: NO_PROPOSAL, evidence: { creditCode: C.c34 } } }), codes: ['NOT_FOUND'] },
  },
  // One event for the import, whatever its rows: written by the import itself, with them (src/modules/imports).
  importRecords: {
    by: ADMIN,
    done: async (t) => {
      await t.enterprise(C.c52, '武汉审计导入评级有限公司');
      return { input: { kind: 'CREDIT_RATINGS', fileName: '信用评级.csv', content: ratingsCsv(C.c52), isDryRun: false } };
    },
    enterprise: null,
    // A row naming an enterprise never registered: nothing is written.
    refused: { args: async () => ({ input: { kind: 'CREDIT_RATINGS', fileName: '信用评级.csv', content: ratingsCsv(UNREGISTERED), isDryRun: false } }), codes: ['INVALID_INPUT'] },
  },
  cosignProposal: {
    by: member(MEMBER_2),
    done: async (t) => ({ input: { proposalId: (await proposal(t, 'DRAFT')).id } }),
    enterprise: null,
    // A proposer does not co-sign its own proposal.
    refused: { by: member(MEMBER_1), args: async (t) => ({ input: { proposalId: (await proposal(t, 'DRAFT')).id } }), codes: ['NOT_PERMITTED'] },
  },
  submitProposal: {
    by: member(MEMBER_1),
    done: async (t) => {
      const p = await proposal(t, 'DRAFT');
      return { input: { proposalId: p.id, version: p.version } };
    },
    enterprise: null,
    refused: {
      args: async (t) => {
        const p = await proposal(t, 'SUBMITTED');
        return { input: { proposalId: p.id, version: p.version } };
      },
      codes: ['TRANSITION_NOT_ALLOWED'],
    },
  },
  reviewProposal: {
    by: OFFICE,
    done: async (t) => ({ input: { proposalId: (await proposal(t, 'SUBMITTED')).id, decision: { accept: { isKey: true } } } }),
    enterprise: null,
    refused: { args: async (t) => ({ input: { proposalId: (await proposal(t, 'DRAFT')).id, decision: { accept: {} } } }), codes: ['NOT_FOUND'] },
  },
  assignProposal: {
    by: OFFICE,
    done: async (t) => ({ input: { proposalId: (await proposal(t, 'ACCEPTED')).id, leadUnitId: UNIT_1.id, coHandlerIds: [UNIT_2.id] } }),
    enterprise: null,
    refused: { args: async (t) => ({ input: { proposalId: (await proposal(t, 'SUBMITTED')).id, leadUnitId: UNIT_1.id } }), codes: ['TRANSITION_NOT_ALLOWED'] },
  },
  replyToProposal: {
    by: unit(UNIT_1),
    done: async (t) => ({ input: { proposalId: (await proposal(t, 'ASSIGNED')).id, category: 'BEING_ADDRESSED', text: '正在推进。', signedBy: '王建华', publication: 'PUBLIC' } }),
    enterprise: null,
    // A unit the proposal is not assigned to.
    refused: { by: unit(UNIT_2), args: async (t) => ({ input: { proposalId: (await proposal(t, 'ACCEPTED')).id, category: 'BEING_ADDRESSED', text: '答复', signedBy: '王建华', publication: 'PUBLIC' } }), codes: ['NOT_FOUND'] },
  },
  rateReply: {
    by: member(MEMBER_1),
    done: async (t) => ({ input: { replyId: await t.answerOf(await proposal(t, 'REPLIED')), rating: 'SATISFIED' } }),
    enterprise: null,
    // Rated once: the reply of a closed proposal is rated already.
    refused: {
      args: async (t) => {
        const replied = await proposal(t, 'REPLIED');
        const replyId = await t.answerOf(replied);
        await t.ok('rateReply', { input: { replyId, rating: 'SATISFIED' } }, member(MEMBER_1));
        return { input: { replyId, rating: 'SATISFIED' } };
      },
      codes: ['TRANSITION_NOT_ALLOWED'],
    },
  },
  mergeProposals: {
    by: OFFICE,
    done: async (t) => ({ input: { intoId: (await proposal(t, 'ACCEPTED')).id, ids: [(await proposal(t, 'ACCEPTED')).id] } }),
    enterprise: null,
    // A proposal with its units already is not merged into another.
    refused: { args: async (t) => ({ input: { intoId: (await proposal(t, 'ACCEPTED')).id, ids: [(await proposal(t, 'ASSIGNED')).id] } }), codes: ['TRANSITION_NOT_ALLOWED'] },
  },
  submitCoHandlerOpinion: {
    by: unit(UNIT_2),
    done: async (t) => ({ input: { proposalId: (await proposal(t, 'ASSIGNED')).id, text: '建议加强部门协同。' } }),
    enterprise: null,
    // The lead unit replies; it does not send itself an opinion.
    refused: { by: unit(UNIT_1), args: async (t) => ({ input: { proposalId: (await proposal(t, 'ASSIGNED')).id, text: '意见' } }), codes: ['NOT_PERMITTED'] },
  },
  escalateProposal: {
    by: member(MEMBER_3),
    done: async (t) => ({ input: { proposalId: (await proposal(t, 'REJECTED')).id, level: 'PROVINCIAL' } }),
    enterprise: null,
    // MEMBER_1 sits on the municipal committee only.
    refused: { by: member(MEMBER_1), args: async (t) => ({ input: { proposalId: (await proposal(t, 'REJECTED')).id, level: 'PROVINCIAL' } }), codes: ['NOT_PERMITTED'] },
  },
  // The CPPCC registers: the proposals office keeps them (issue 16).
  recordSector: {
    by: OFFICE,
    done: async () => ({ input: { code: 'AUDIT_SECTOR', name: '审计测试界' } }),
    enterprise: null,
    refused: { args: async () => ({ input: { code: 'SCITECH', name: '审计科技界' } }), codes: ['DUPLICATE'] },
  },
  recordParty: {
    by: OFFICE,
    done: async () => ({ input: { code: 'AUDIT_PARTY', name: '审计测试党派' } }),
    enterprise: null,
    refused: { args: async () => ({ input: { code: 'audit party', name: '审计测试党派二' } }), codes: ['INVALID_INPUT'] },
  },
  recordCppccMember: {
    by: OFFICE,
    done: async () => ({ input: { name: '审计新委员', sectorId: SECTOR_ID, term: 15 } }),
    enterprise: null,
    refused: { args: async () => ({ input: { name: '审计无界别委员', sectorId: NO_SECTOR, term: 15 } }), codes: ['NOT_FOUND'] },
  },
  retireCppccMember: {
    by: OFFICE,
    done: async (t) => ({ input: { memberId: (await t.ok('recordCppccMember', { input: { name: '审计退休委员', sectorId: SECTOR_ID, term: 15 } }, OFFICE)).id, retiredOn: '2027-01-01' } }),
    enterprise: null,
    refused: { args: async () => ({ input: { memberId: NO_MEMBER, retiredOn: '2027-01-01' } }), codes: ['NOT_FOUND'] },
  },
  recordHandlingUnit: {
    by: OFFICE,
    done: async () => ({ input: { name: '武汉市审计测试局', level: 'MUNICIPAL' } }),
    enterprise: null,
    refused: { args: async () => ({ input: { name: '武汉市科学技术局', level: 'MUNICIPAL' } }), codes: ['DUPLICATE'] },
  },
  renameHandlingUnit: {
    by: OFFICE,
    done: async (t) => ({ input: { unitId: (await t.ok('recordHandlingUnit', { input: { name: '武汉市审计旧名局', level: 'MUNICIPAL' } }, OFFICE)).id, name: '武汉市审计新名局' } }),
    enterprise: null,
    refused: { args: async () => ({ input: { unitId: UNIT_1.id, name: '武汉市财政局' } }), codes: ['DUPLICATE'] },
  },
  withdrawProposal: {
    by: member(MEMBER_1),
    done: async (t) => ({ input: { proposalId: (await proposal(t, 'SUBMITTED')).id, reason: '已通过其他渠道解决。' } }),
    enterprise: null,
    // Assigned already: too late to withdraw.
    refused: { args: async (t) => ({ input: { proposalId: (await proposal(t, 'ASSIGNED')).id, reason: '撤回。' } }), codes: ['TRANSITION_NOT_ALLOWED'] },
  },
  returnProposal: {
    by: unit(UNIT_1),
    done: async (t) => ({ input: { proposalId: (await proposal(t, 'ASSIGNED')).id, reason: '不属本单位职责范围，建议交市地方金融管理局办理。' } }),
    enterprise: null,
    // The co-handler is not the lead unit.
    refused: { by: unit(UNIT_2), args: async (t) => ({ input: { proposalId: (await proposal(t, 'ASSIGNED')).id, reason: '退回。' } }), codes: ['NOT_PERMITTED'] },
  },
  requestExtension: {
    by: unit(UNIT_1),
    done: async (t) => ({ input: { proposalId: (await proposal(t, 'ASSIGNED')).id, until: addMonths(zoneToday(), 5), reason: '需会同多部门调研。' } }),
    enterprise: null,
    // Beyond six months from assignment.
    refused: { args: async (t) => ({ input: { proposalId: (await proposal(t, 'ASSIGNED')).id, until: addMonths(zoneToday(), 7), reason: '需调研。' } }), codes: ['INVALID_INPUT'] },
  },
  decideExtension: {
    by: OFFICE,
    done: async (t) => {
      const p = await proposal(t, 'ASSIGNED');
      await t.ok('requestExtension', { input: { proposalId: p.id, until: addMonths(zoneToday(), 5), reason: '需会同多部门调研。' } }, unit(UNIT_1));
      return { input: { proposalId: p.id, isApproved: true, note: '同意延期。' } };
    },
    enterprise: null,
    // Nothing asked for.
    refused: { args: async (t) => ({ input: { proposalId: (await proposal(t, 'ASSIGNED')).id, isApproved: true } }), codes: ['INVALID_INPUT'] },
  },
  superviseProposal: {
    by: OFFICE,
    done: async (t) => ({ input: { proposalId: (await proposal(t, 'ACCEPTED')).id, leaders: ['市政协副主席 王建国'], note: '主席会议确定。' } }),
    enterprise: null,
    refused: { args: async (t) => ({ input: { proposalId: (await proposal(t, 'SUBMITTED')).id, leaders: ['市政协副主席 王建国'] } }), codes: ['TRANSITION_NOT_ALLOWED'] },
  },
  // Accounts: the office makes members' (an administrator's would be NOT_PERMITTED), administrators the others'.
  createAccount: {
    by: OFFICE,
    done: async () => ({ input: { username: 'audit-member', displayName: '张振宇', role: 'CPPCC_MEMBER', organizationId: MEMBER_1.id, password: 'audit-2026-password' } }),
    enterprise: null,
    refused: {
      args: async () => ({ input: { username: 'audit-officer', displayName: '王伟', role: 'BANK_OFFICER', organizationId: HANKOU_ID, password: 'audit-2026-password' } }),
      codes: ['NOT_PERMITTED'],
    },
  },
  disableAccount: {
    by: ADMIN,
    done: async (t) => ({ input: { accountId: (await t.ok('createAccount', account('audit-disable'))).id, reason: '调离岗位' } }),
    enterprise: null,
    refused: { args: async () => ({ input: { accountId: NO_ACCOUNT, reason: '调离岗位' } }), codes: ['NOT_FOUND'] },
  },
  enableAccount: {
    by: ADMIN,
    done: async (t) => {
      const { id } = await t.ok('createAccount', account('audit-enable'));
      await t.ok('disableAccount', { input: { accountId: id, reason: '暂停' } });
      return { input: { accountId: id } };
    },
    enterprise: null,
    // Enabled already.
    refused: { args: async (t) => ({ input: { accountId: (await t.ok('createAccount', account('audit-enabled'))).id } }), codes: ['TRANSITION_NOT_ALLOWED'] },
  },
  // Notifications (issue 17): the office marks one read; an id that is not its own is NOT_FOUND.
  markNotificationsRead: {
    by: OFFICE,
    done: async (t) => {
      await proposal(t, 'SUBMITTED');
      return { input: { ids: [await t.notificationOf(OFFICE)] } };
    },
    enterprise: null,
    refused: { args: async () => ({ input: { ids: ['NTF_AAAAAAAAAAAAAAAAAAAAAA'] } }), codes: ['NOT_FOUND'] },
  },
  // Webhooks (issue 17 item 5): the office's own, on an allow-list the zone sets (a port nothing listens on).
  registerWebhook: {
    by: OFFICE,
    done: async (t) => {
      await allowAuditHooks(t);
      return { input: { url: `http://127.0.0.1:9/audit/${randomUUID()}`, events: ['PROPOSAL_SUBMITTED'], secret: WEBHOOK_SECRET } };
    },
    enterprise: null,
    refused: { args: async () => ({ input: { url: 'https://audit.example.cn/hook', events: ['PROPOSAL_SUBMITTED'], secret: WEBHOOK_SECRET } }), codes: ['INVALID_INPUT'] },
  },
  updateWebhook: {
    by: OFFICE,
    done: async (t) => ({ input: { id: await auditHook(t), events: ['PROPOSAL_RETURNED'] } }),
    enterprise: null,
    refused: { args: async (t) => ({ input: { id: await auditHook(t), secret: 'short' } }), codes: ['INVALID_INPUT'] },
  },
  disableWebhook: {
    by: OFFICE,
    done: async (t) => ({ input: { id: await auditHook(t) } }),
    enterprise: null,
    refused: { args: async (t) => ({ input: { id: await auditHook(t, true) } }), codes: ['TRANSITION_NOT_ALLOWED'] },
  },
  enableWebhook: {
    by: OFFICE,
    done: async (t) => ({ input: { id: await auditHook(t, true) } }),
    enterprise: null,
    refused: { args: async (t) => ({ input: { id: await auditHook(t) } }), codes: ['TRANSITION_NOT_ALLOWED'] },
  },
  deleteWebhook: {
    by: OFFICE,
    done: async (t) => ({ input: { id: await auditHook(t) } }),
    enterprise: null,
    refused: { args: async () => ({ input: { id: 'WHK_AAAAAAAAAAAAAAAAAAAAAA' } }), codes: ['NOT_FOUND'] },
  },
  redeliverWebhookDelivery: {
    by: OFFICE,
    done: async (t) => ({ input: { id: await t.deadDelivery() } }),
    enterprise: null,
    refused: { args: async () => ({ input: { id: 'WHD_AAAAAAAAAAAAAAAAAAAAAA' } }), codes: ['NOT_FOUND'] },
  },
  setWebhookAllowList: {
    by: ADMIN,
    done: async () => ({ input: { entries: ['http://127.0.0.1:9'] } }),
    enterprise: null,
    refused: { args: async () => ({ input: { entries: ['not an origin'] } }), codes: ['INVALID_INPUT'] },
  },
  resetAccountPassword: {
    by: ADMIN,
    done: async (t) => ({ input: { accountId: (await t.ok('createAccount', account('audit-reset'))).id, password: '重置-2026-password' } }),
    enterprise: null,
    refused: { args: async (t) => ({ input: { accountId: (await t.ok('createAccount', account('audit-weak'))).id, password: 'short' } }), codes: ['INVALID_INPUT'] },
  },
};

const EVENTS = `query AuditTail($first: Int) {
  auditEvents(first: $first) {
    edges { node { id actor { role organization { ... on Bank { creditCode } ... on Enterprise { creditCode } ... on CppccMember { id } ... on HandlingUnit { id } } } operation outcome purpose enterprise { creditCode } authorization { id } } }
  }
}`;

interface EventView {
  id: string;
  actor: { role: string; organization: { creditCode?: string; id?: string } | null };
  operation: string;
  outcome: string;
  purpose: string | null;
  enterprise: { creditCode: string } | null;
  authorization: { id: string } | null;
}

describe('every mutation leaves exactly one audit event', () => {
  let app: TestApp;
  let schema: GraphQLSchema;

  beforeAll(async () => {
    app = await TestApp.start();
    await resetRegistry(app.orm);
    schema = await buildInnozoneSchema();
    const sql = new Client({ connectionString: app.orm.config.get('clientUrl') });
    await sql.connect();
    try {
      await sql.query(`insert into sector (id, code, name) values ('e0000000-0000-4000-8000-000000000001', 'SCITECH', '科学技术界')`);
      await sql.query(
        `insert into cppcc_member (id, name, sector_id, levels, term) values
           ($1, '张振宇', 'e0000000-0000-4000-8000-000000000001', '{MUNICIPAL}', 15),
           ($2, '李海燕', 'e0000000-0000-4000-8000-000000000001', '{MUNICIPAL}', 15),
           ($3, '胡建国', 'e0000000-0000-4000-8000-000000000001', '{MUNICIPAL,PROVINCIAL}', 15)`,
        [MEMBER_1.uuid, MEMBER_2.uuid, MEMBER_3.uuid],
      );
      await sql.query(
        `insert into handling_unit (id, name, level, former_names) values ($1, '武汉市科学技术局', 'MUNICIPAL', '{}'), ($2, '武汉市财政局', 'MUNICIPAL', '{}')`,
        [UNIT_1.uuid, UNIT_2.uuid],
      );
    } finally {
      await sql.end();
    }
  });
  afterAll(() => app.close());

  const viewer = (a: Actor) => as(a.role, a.org);

  /** The mutation `field` with the given arguments, selecting its errors and the id (and version) of its record. */
  function mutation(field: string, args: Args): string {
    const type = schema.getMutationType()!;
    const f = type.getFields()[field]!;
    const used = f.args.filter((a) => a.name in args);
    const payload = getNamedType(f.type);
    if (!isObjectType(payload)) throw new Error(`${field} returns no payload`);
    // The record field: the payload's field of a type with an id (an import's payload lists its problems beside it).
    const record = Object.values(payload.getFields())
      .filter((p) => {
        const named = getNamedType(p.type);
        const fields = 'getFields' in named ? (named as GraphQLObjectType).getFields() : {};
        return p.name !== 'errors' && ('id' in fields || 'version' in fields);
      })
      .map((p) => {
        const named = getNamedType(p.type);
        const fields = 'getFields' in named ? named.getFields() : {};
        return `${p.name} { ${['id', 'version'].filter((n) => n in fields).join(' ')} }`;
      });
    const decl = used.length ? `(${used.map((a) => `$${a.name}: ${String(a.type)}`).join(', ')})` : '';
    const call = used.length ? `(${used.map((a) => `${a.name}: $${a.name}`).join(', ')})` : '';
    return `mutation Audited${decl} { ${field}${call} { errors { __typename code field message } ${record.join(' ')} } }`;
  }

  async function call(field: string, args: Args, by: Actor): Promise<Payload> {
    const result = await app.execute<Record<string, Payload>, Args>(mutation(field, args), args, viewer(by));
    if (result.errors) throw new Error(`${field}: ${JSON.stringify(result.errors)}`);
    return result.data![field]!;
  }

  const tools: Tools = {
    async ok(field, args, by = ADMIN) {
      const payload = await call(field, args, by);
      expect([field, payload.errors]).toEqual([field, []]);
      // (A payload without a record, the webhook allow-list's, gives none.)
      return (Object.entries(payload).find(([k]) => k !== 'errors')?.[1] ?? null) as Made;
    },
    enterprise: (code, name) => tools.ok('createEnterprise', { input: enterpriseInput(code, name) }),
    async notificationOf(by) {
      await relayPending(app.orm.em.fork(), new InMemoryEventPublisher());
      const { data } = await app.execute<{ notifications: { nodes: { id: string }[] } }, Args>('query { notifications(first: 1) { nodes { id } } }', {}, viewer(by));
      return data!.notifications.nodes[0]!.id;
    },
    async deadDelivery() {
      const hook = await auditHook(tools);
      await proposal(tools, 'SUBMITTED');
      await relayPending(app.orm.em.fork(), new InMemoryEventPublisher());
      const [d] = await app.orm.em.fork().execute<{ id: string }[]>('select id from webhook_delivery where webhook_id = ?', [WEBHOOK_ID.uuid(hook)]);
      expect(await deliverOnce(app.orm.em.fork(), d!.id, { timeoutMs: 2_000, final: true })).toBe('DEAD');
      return DELIVERY_ID.of(d!.id);
    },
    async answerOf(proposal) {
      const { data } = await app.execute<{ proposal: { answer: { id: string } } }, Args>(
        'query Answer($id: ID!) { proposal(id: $id) { answer { id } } }',
        { id: proposal.id },
        viewer(OFFICE),
      );
      return data!.proposal.answer.id;
    },
  };

  /** The position of the newest event. */
  async function head(): Promise<number> {
    const { data } = await app.execute<{ auditEvents: { edges: { node: EventView }[] } }, Args>(EVENTS, { first: 1 }, as(Role.ZONE_ADMIN));
    return Number(data!.auditEvents.edges[0]?.node.id ?? 0);
  }

  /**
   * The organization an event's actor shows: the one its token named, while it is registered (an Actor's organization
   * is the record; a representative refused for an enterprise not registered shows none).
   */
  async function shownOrganization(by: Actor): Promise<string | null> {
    if (!by.org) return null;
    const [table, key] = by.role === Role.BANK_OFFICER ? ['bank', 'credit_code'] : by.role === Role.ENTERPRISE_REP ? ['enterprise', 'credit_code'] : [by.role === Role.CPPCC_MEMBER ? 'cppcc_member' : 'handling_unit', 'id'];
    const value = key === 'id' ? fromGlobalId(by.org)!.id : by.org;
    const rows = await app.orm.em.fork().execute(`select 1 from ${table} where ${key} = ?`, [value]);
    if (!rows.length) return null;
    // A member's or unit's id as the trail writes it: the v1 form, whatever form the token carried.
    return key === 'id' ? toGlobalId(table === 'cppcc_member' ? 'CppccMember' : 'HandlingUnit', value) : by.org;
  }

  /** The events after position `after`, oldest first, without their ids. */
  async function since(after: number): Promise<Record<string, unknown>[]> {
    const { data } = await app.execute<{ auditEvents: { edges: { node: EventView }[] } }, Args>(EVENTS, { first: 10 }, as(Role.ZONE_ADMIN));
    return data!.auditEvents.edges
      .map((e) => e.node)
      .filter((n) => Number(n.id) > after)
      .reverse()
      // The actor as the case names it: its role and the organization its token named (the Actor's organization).
      .map(({ id: _, actor, ...rest }) => ({ actorRole: actor.role, actorOrg: actor.organization?.creditCode ?? actor.organization?.id ?? null, ...rest }));
  }

  it('has a case for every mutation of the schema, and for nothing else', async () => {
    const fields = Object.keys((await buildInnozoneSchema()).getMutationType()!.getFields()).sort();
    expect(Object.keys(CASES).sort()).toEqual(fields);
  });

  describe.each(Object.keys(CASES))('%s', (name) => {
    const c = CASES[name]!;

    it('leaves one DONE event naming the actor, its organisation and the enterprise', async () => {
      const args = await c.done(tools);
      const before = await head();
      const payload = await call(name, args, c.by);
      expect(payload.errors).toEqual([]);
      const authorization = c.authorization ? { id: (payload['authorization'] as Made).id } : null;
      expect(await since(before)).toEqual([
        {
          actorRole: c.by.role,
          actorOrg: await shownOrganization(c.by),
          operation: name,
          outcome: 'DONE',
          purpose: null,
          enterprise: c.enterprise ? { creditCode: c.enterprise } : null,
          authorization,
        },
      ]);
    });

    it('leaves one REFUSED event, naming no enterprise, when refused as payload data', async () => {
      const by = c.refused.by ?? c.by;
      const args = await c.refused.args(tools);
      const before = await head();
      const payload = await call(name, args, by);
      expect(payload.errors.map((e) => e.code)).toEqual(c.refused.codes);
      // Each error is of a type the mutation's description names on its last line ("Errors: …").
      const named = /\nErrors: ([A-Za-z, ]+)\.$/.exec(schema.getMutationType()!.getFields()[name]!.description ?? '')?.[1]?.split(', ') ?? [];
      expect(payload.errors.map((e) => [e.__typename, named.includes(e.__typename)])).toEqual(payload.errors.map((e) => [e.__typename, true]));
      expect(await since(before)).toEqual([
        { actorRole: by.role, actorOrg: await shownOrganization(by), operation: name, outcome: 'REFUSED', purpose: null, enterprise: null, authorization: null },
      ]);
    });
  });

  it('leaves one DENIED event for every mutation a bank officer attempts (a bank writes nothing but its own notifications’ read marks and its own webhooks), and none without a token', async () => {
    const fields = Object.keys(schema.getMutationType()!.getFields());
    const samples = { CreditCode: UNREGISTERED, ID: NO_PROPOSAL, String: '审计', Int: 1, Boolean: true, Date: '2025-01-01', DateTime: '2025-01-01T00:00:00Z', Decimal: '1.00', Percent: '1.0000' };
    const seen: Record<string, unknown> = {};
    const expected: Record<string, unknown> = {};
    for (const field of fields) {
      const { query, variables } = callWithSamples(schema, 'Mutation', field, samples);
      const before = await head();
      const denied = await app.execute(query, variables, as(Role.BANK_OFFICER, HANKOU));
      const anonymous = await app.execute(query, variables, null);
      seen[field] = {
        codes: [...(denied.errors ?? []), ...(anonymous.errors ?? [])].map((e) => e.extensions?.['code']),
        events: await since(before),
      };
      // The writes a bank makes: marking its own notifications read and its own webhooks (issue 17), refused here for
      // an id not its own or an input that is not one.
      const own = mayCall('Mutation', field, Role.BANK_OFFICER);
      expected[field] = {
        codes: own ? ['UNAUTHENTICATED'] : ['FORBIDDEN', 'UNAUTHENTICATED'],
        events: [{ actorRole: 'BANK_OFFICER', actorOrg: HANKOU, operation: field, outcome: own ? 'REFUSED' : 'DENIED', purpose: null, enterprise: null, authorization: null }],
      };
    }
    expect(seen).toEqual(expected);
  });
});
