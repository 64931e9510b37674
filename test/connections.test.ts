import { toGlobalId } from '../src/common/global-id';
import { getNamedType, type GraphQLSchema, isEnumType, isObjectType } from 'graphql';
import { Role } from '../src/auth/roles';
import type { Viewer } from '../src/auth/viewer';
import { buildInnozoneSchema } from '../src/schema';
import { BANKS } from '../seeds/reference';
import { as, TestApp } from './support/app';
import { workerDatabaseUrl } from './support/database';
import { EventKind } from '../src/events/event-kind';
import { announceNow } from '../src/events/outbox';
import { InMemoryEventPublisher } from '../src/events/publisher';
import { relayPending } from '../src/events/relay';
import { eventId } from '../src/events/webhook-delivery';
import { enterpriseInput, patentNumber, resetRegistry, testCode } from './support/registry';

/**
 * Every connection of the schema, walked page by page forward (first/after) and, where it has last/before, back:
 * each object exactly once, in the order of one big page, with pageInfo and totalCount right on every page. The
 * fixture puts ties on every sort key (equal timestamps down to the microsecond, equal Chinese names, the same
 * date, the same amount), since a tie at a page boundary is where a cursor repeats or skips a row. The expected
 * order of each list is written by hand, as groups of tied rows (whose order among themselves only the tie-break
 * decides, and the walk must keep).
 */

const admin = as(Role.ZONE_ADMIN);
const office = as(Role.CPPCC_OFFICE);

/** Page sizes walked: 1 puts a boundary between every two neighbours; the others land boundaries elsewhere. */
const SIZES = [1, 2, 3, 5];

// ── The fixture, written out ──

/** Tag, Chinese name, English name, founded on, registered capital, and n of its code testCode(n). */
const ENTERPRISES: [string, string, string | null, string, string, number][] = [
  ['E1', '阿尔法光电科技有限公司', 'Alpha Photonics', '2015-06-01', '9000000.00', 7],
  ['E2', '北斗导航测试有限公司', null, '2012-03-01', '50000000.00', 3],
  ['E3', '楚天激光测试有限公司', 'Chutian Laser', '2012-03-01', '120000000.00', 11],
  ['E4', '东湖同名科技有限公司', null, '2018-09-30', '50000000.00', 1],
  ['E5', '东湖同名科技有限公司', 'Donghu Twin', '2012-03-01', '9000000.00', 9],
  ['E6', '东湖同名科技有限公司', null, '2018-09-30', '10000000.00', 5],
  ['E7', '烽火通信测试有限公司', 'Fiberhome Test', '2015-06-01', '50000000.00', 12],
  ['E8', '光谷生物测试有限公司', 'Chutian Laser', '2020-01-15', '800000.00', 2],
  ['E9', '华工科技测试有限公司', null, '2012-03-01', '120000000.00', 8],
  ['E10', '武汉光谷同名有限公司', 'Wuhan Same', '2015-06-01', '10000000.00', 4],
  ['E11', '武汉光谷同名有限公司', 'Wuhan Same', '2018-09-30', '9000000.00', 10],
  ['E12', '中冶南方测试有限公司', 'Zhongye South', '2009-12-31', '50000000.00', 6],
];
const code = (tag: string) => testCode(ENTERPRISES.find((e) => e[0] === tag)![5]);
const tagOf = (creditCode: string) => ENTERPRISES.find((e) => testCode(e[5]) === creditCode)![0];

/**
 * Each order field ascending, as groups of tied enterprises (the tie-break, the id, orders within a group).
 * Pinyin: 阿 a, 北 bei, 楚 chu, 东 dong, 烽 feng, 光 guang, 华 hua, 武 wu, 中 zhong. An English name missing sorts
 * as the empty string, first. Capital by amount (as text, 800000.00 would come last).
 */
const ASCENDING: Record<string, string[][]> = {
  NAME: [['E1'], ['E2'], ['E3'], ['E4', 'E5', 'E6'], ['E7'], ['E8'], ['E9'], ['E10', 'E11'], ['E12']],
  NAME_EN: [['E2', 'E4', 'E6', 'E9'], ['E1'], ['E3', 'E8'], ['E5'], ['E7'], ['E10', 'E11'], ['E12']],
  FOUNDED_ON: [['E12'], ['E2', 'E3', 'E5', 'E9'], ['E1', 'E7', 'E10'], ['E4', 'E6', 'E11'], ['E8']],
  REGISTERED_CAPITAL: [['E8'], ['E1', 'E5', 'E11'], ['E6', 'E10'], ['E2', 'E4', 'E7', 'E12'], ['E3', 'E9']],
  CREDIT_CODE: [['E4'], ['E8'], ['E2'], ['E10'], ['E6'], ['E12'], ['E1'], ['E9'], ['E5'], ['E11'], ['E3'], ['E7']],
};

/** Instruments: label (contract number or bond code), holder, start date. E7 and E3 issue a collective bond together. */
const LOANS: [string, string, string][] = [
  ['HK-L1', 'E7', '2024-01-10'],
  ['HK-L2', 'E7', '2024-05-20'],
  ['HK-L3', 'E7', '2024-05-20'],
  ['HK-L4', 'E7', '2024-05-20'],
  ['HK-L5', 'E7', '2024-09-01'],
  ['HK-L6', 'E7', '2025-02-28'],
  ['HK-L7', 'E3', '2023-03-03'],
];
const BOND = '2480002';

/**
 * E7's authorizations: purpose, bank, when granted (ties to the microsecond), revoked. Each lets its bank see E7's
 * profile and instruments, so 汉口银行's loan book holds its loans to E7 (not E3's, which authorized no one).
 */
const AUTHORIZATIONS: [string, 'HANKOU' | 'CMB', string, boolean][] = [
  ['科技信用贷款授信审查', 'HANKOU', '2026-03-01 09:00:00+08', false],
  ['知识产权质押贷款预审', 'HANKOU', '2026-03-02 09:00:00.000501+08', true],
  ['科技保险保费补贴核验', 'HANKOU', '2026-03-02 09:00:00.000501+08', false],
  ['供应链金融授信审查', 'CMB', '2026-03-02 09:00:00.000501+08', false],
  ['投贷联动尽职调查', 'CMB', '2026-03-02 09:00:00.0005+08', false],
  ['年度贷后检查', 'HANKOU', '2026-03-05 09:00:00+08', false],
];
const A = (n: number) => AUTHORIZATIONS[n - 1]![0];
const bankOf = (key: 'HANKOU' | 'CMB') => BANKS.find((b) => b.key === key)!.creditCode;

/** CPPCC members: name and levels. Three 王建国 and two 陈晓明 tie. */
const MEMBERS: [string, string[]][] = [
  ['王建国', ['MUNICIPAL']],
  ['王建国', ['MUNICIPAL']],
  ['李海燕', ['MUNICIPAL']],
  ['张志刚', ['MUNICIPAL']],
  ['陈晓明', ['MUNICIPAL']],
  ['陈晓明', ['MUNICIPAL', 'PROVINCIAL']],
  ['胡振宇', ['MUNICIPAL', 'PROVINCIAL', 'NATIONAL']],
  ['安文博', ['MUNICIPAL']],
  ['王建国', ['MUNICIPAL']],
  ['赵丽华', ['MUNICIPAL']],
];

/**
 * Handling units: name and level, listed by level, then in pinyin order (东 dong, 武汉市财 wu…cai, 武汉市科 wu…ke,
 * 财 cai, 科 ke).
 */
const UNITS: [string, string][] = [
  ['武汉市科学技术局', 'MUNICIPAL'],
  ['东湖新技术开发区管理委员会', 'MUNICIPAL'],
  ['武汉市财政局', 'MUNICIPAL'],
  ['湖北省财政厅', 'PROVINCIAL'],
  ['科学技术部', 'NATIONAL'],
  ['财政部', 'NATIONAL'],
];

/**
 * Lead replies of 2020 (written as the trail of an earlier year) and their ratings: the democratic evaluation of that
 * year ranks 100% (东湖 before 武汉市财政局 by name), 50%, 0%, then the unit none of whose replies was rated.
 */
const REPLIES_2020: [string, string | null][] = [
  ['武汉市财政局', 'SATISFIED'],
  ['武汉市财政局', 'SATISFIED'],
  ['东湖新技术开发区管理委员会', 'BASICALLY_SATISFIED'],
  ['武汉市科学技术局', 'SATISFIED'],
  ['武汉市科学技术局', 'DISSATISFIED'],
  ['财政部', 'DISSATISFIED'],
  ['湖北省财政厅', null],
];

/**
 * Accounts: username as given, display name, role, who acts for what (a tag, a member's or unit's name, or null), and
 * whether the office makes it (a member's) rather than an administrator. Usernames compare by code point: "-" before
 * "." before digits before "_" before letters, Chinese last; a mixed-case one is kept in lower case.
 */
const ACCOUNTS: [string, string, string, string | null, boolean][] = [
  ['hk1', '汉口银行甲', 'BANK_OFFICER', 'HANKOU', false],
  ['hka', '汉口银行乙', 'BANK_OFFICER', 'HANKOU', false],
  ['hk.1', '汉口银行丙', 'BANK_OFFICER', 'HANKOU', false],
  ['hk_3', '汉口银行丁', 'BANK_OFFICER', 'HANKOU', false],
  ['hk-2', '汉口银行戊', 'BANK_OFFICER', 'HANKOU', false],
  ['王伟', '王伟', 'ENTERPRISE_REP', 'E7', false],
  ['Wang-Wei', '王伟', 'ENTERPRISE_REP', 'E3', false],
  ['unit.kjj', '科技局联络人', 'HANDLING_UNIT', '武汉市科学技术局', false],
  ['office', '提案委员会办公室', 'CPPCC_OFFICE', null, false],
  ['m1', '王建国', 'CPPCC_MEMBER', '李海燕', true],
  ['m.li', '李海燕', 'CPPCC_MEMBER', '李海燕', true],
  ['m-zhang', '张志刚', 'CPPCC_MEMBER', '张志刚', true],
  ['m.chen', '陈晓明', 'CPPCC_MEMBER', '安文博', true],
];
const MEMBER_ACCOUNTS = ['m-zhang', 'm.chen', 'm.li', 'm1'];

/** Who co-signs P1 (a draft of 安文博), in this order. */
const COSIGNERS = ['李海燕', '张志刚', '赵丽华', '陈晓明', '胡振宇'];

/** Proposals: subject, drafter, and when it was created (ties to the microsecond, and a neighbour a fraction of a millisecond apart). */
const PROPOSALS: [string, string, string][] = [
  ['关于设立光谷科技成果转化基金的提案', '安文博', '2026-01-10 09:00:00+08'],
  ['关于优化研发费用加计扣除办理流程的提案', '李海燕', '2026-01-12 09:00:00.5+08'],
  ['关于建设东湖科技人才公寓的提案', '李海燕', '2026-01-12 09:00:00.5+08'],
  ['关于扩大知识产权质押融资风险补偿资金池的提案', '安文博', '2026-01-15 09:30:00.000123+08'],
  ['关于简化股权奖励个人所得税分期缴纳手续的提案', '安文博', '2026-01-15 09:30:00.000123+08'],
  ['关于支持高校院所科技成果处置权改革的提案', '李海燕', '2026-01-15 09:30:00.000123+08'],
  ['关于缓解光谷广场周边交通拥堵的提案', '李海燕', '2026-01-15 09:30:00+08'],
];
const P = (n: number) => PROPOSALS[n - 1]![0];

/** Policy requests: title, who files it (null: the zone), the enterprises it concerns, when it was created. */
const REQUESTS: [string, string | null, string[], string][] = [
  ['完善高层次人才股权激励个人所得税分期缴纳政策', null, [], '2026-02-01 10:00:00+08'],
  ['在光电子信息产业园开展知识产权质押融资', 'E3', ['E3'], '2026-02-03 10:00:00.250001+08'],
  ['扩大光谷科技支行信用贷款额度', 'E3', ['E3'], '2026-02-03 10:00:00.250001+08'],
  ['将东湖高新区企业纳入新三板首批扩大试点', null, ['E7', 'E3', 'E10', 'E1', 'E9'], '2026-02-03 10:00:00.250001+08'],
  ['简化高新技术企业认定材料', 'E3', ['E3'], '2026-02-03 10:00:00.25+08'],
  ['建设光谷人才公寓', null, [], '2026-02-05 08:00:00+08'],
];
const R = (n: number) => REQUESTS[n - 1]![0];

/** E7's patents (numbers unique: no ties). */
const PATENTS = ['202010000007', '201910000007', '202110000017', '201810000107'].map(patentNumber);

/** Joint projects: title, start, the enterprises in it (the first funds it). */
const PROJECTS: [string, string, string[]][] = [
  ['光纤传感联合攻关', '2024-03-01', ['E7']],
  ['硅光芯片联合攻关', '2025-01-01', ['E7']],
  ['激光雷达联合攻关', '2025-01-01', ['E7', 'E3']],
  ['光模块封装联合攻关', '2025-01-01', ['E7']],
  ['激光焊接联合攻关', '2023-06-30', ['E3']],
];
const J = (n: number) => PROJECTS[n - 1]![0];

/** E7's incentive plans: title, approved on; and the grants of the first: grantee, granted on. */
const PLANS: [string, string][] = [
  ['2024年股权出售计划（一期）', '2024-05-01'],
  ['2024年股权出售计划（二期）', '2024-05-01'],
  ['2025年股权出售计划', '2025-02-01'],
];
const GRANTS: [string, string][] = [
  ['张伟', '2024-06-01'],
  ['王芳', '2024-06-01'],
  ['李娜', '2024-05-01'],
  ['刘洋', '2024-06-01'],
];
const planIds: string[] = [];

/** E7's talent awards: recipient, awarded on. */
const AWARDS: [string, string][] = [
  ['赵磊', '2025-04-01'],
  ['孙丽', '2025-04-01'],
  ['周杰', '2024-12-31'],
];

/**
 * E7's credit ratings and dishonest debtor checks (as the zone records them, written by SQL with their creation
 * times): label, the day rated or checked, when recorded. Two recorded at the same microsecond tie; the order is the
 * latest day first, then the one recorded last.
 */
const STANDING: [string, string, string][] = [
  ['甲', '2025-03-01', '2026-01-10 09:00:00.000123+08'],
  ['乙', '2025-03-01', '2026-01-10 09:00:00.000123+08'],
  ['丙', '2025-03-01', '2026-01-10 09:00:00.000124+08'],
  ['丁', '2024-11-30', '2026-02-01 09:00:00+08'],
];
const standingOrder = (suffix: string) => () => [['丙'], ['甲', '乙'], ['丁']].map((g) => g.map((l) => `${l}${suffix}`));

// ── How each connection is asked for ──

/** One walk: who asks, with which further variables, and the order expected (groups of tied labels). */
interface Walk {
  viewer: () => Viewer;
  vars: Record<string, unknown>;
  expected: () => string[][];
}

interface ConnectionSpec {
  /** Further variables the operation declares, e.g. `, $filter: EnterpriseFilter`. */
  declare: string;
  /** Further arguments of the connection field, e.g. `, filter: $filter`. */
  args: string;
  /** Puts the connection field (aliased `c`) where it lives; root fields as they are. */
  wrap: (connection: string) => string;
  unwrap: (data: any) => any;
  node: string;
  /** How `nodes` select each node's id, when `{ id }` cannot (a union, or a type that is no Node). */
  nodeId?: string;
  label: (node: any) => string;
  walks: Record<string, Walk>;
}

/**
 * The audit events the fixture's mutations leave, oldest first: `operation role`, and the enterprise each concerns
 * when its result is the enterprise itself. (An instrument's event names no enterprise today, though it concerns
 * its holder; the walks by enterprise use E5, which holds none, so they hold whichever way that is settled.)
 */
const performed: { label: string; concerns: string | null }[] = [];
/** When the fixture was written (set by the fixture): the trail's walk reads the events up to then. */
let fixtureWritten = '';
const memberIds: Record<string, string> = {};
/** Ids of the fixture's records the nested walks start from (known once it is written). */
const ids: Record<string, string> = {};
const memberViewer = (name: string) => as(Role.CPPCC_MEMBER, memberIds[name]!);

const enterpriseOrders = (): Record<string, Walk> => {
  const walks: Record<string, Walk> = {
    'default order (name)': { viewer: () => admin, vars: {}, expected: () => ASCENDING['NAME']! },
    'search 同名': { viewer: () => admin, vars: { filter: { search: '同名' } }, expected: () => [['E4', 'E5', 'E6'], ['E10', 'E11']] },
    'nothing found': { viewer: () => admin, vars: { filter: { search: '不存在的企业' } }, expected: () => [] },
    'FOUNDED_ON DESC, NAME ASC': {
      viewer: () => admin,
      vars: { orderBy: [{ field: 'FOUNDED_ON', direction: 'DESC' }, { field: 'NAME', direction: 'ASC' }] },
      expected: () => [['E8'], ['E4', 'E6'], ['E11'], ['E1'], ['E7'], ['E10'], ['E2'], ['E3'], ['E5'], ['E9'], ['E12']],
    },
    'NAME_EN ASC, REGISTERED_CAPITAL DESC': {
      viewer: () => admin,
      vars: { orderBy: [{ field: 'NAME_EN', direction: 'ASC' }, { field: 'REGISTERED_CAPITAL', direction: 'DESC' }] },
      expected: () => [['E9'], ['E2', 'E4'], ['E6'], ['E1'], ['E3'], ['E8'], ['E5'], ['E7'], ['E10'], ['E11'], ['E12']],
    },
  };
  for (const [field, groups] of Object.entries(ASCENDING)) {
    walks[`${field} ASC`] = { viewer: () => admin, vars: { orderBy: [{ field, direction: 'ASC' }] }, expected: () => groups };
    walks[`${field} DESC`] = { viewer: () => admin, vars: { orderBy: [{ field, direction: 'DESC' }] }, expected: () => [...groups].reverse() };
  }
  return walks;
};

/** The fixture's imports (dry runs of one small file), in the order they were made. */
/** Notifications of the zone's administrators: enterprises (by name) whose credit ratings go stale, oldest first. */
const STALE = ['核对甲公司', '核对乙公司', '核对丙公司', '核对丁公司', '核对戊公司'];
/** Webhooks (tag, owner, URL), registered in this order; W2 and W3 at the same microsecond. */
const WEBHOOKS: [string, () => Viewer, string][] = [
  ['W1', () => admin, 'https://hooks.zone.example.cn/stale-facts'],
  ['W2', () => as(Role.BANK_OFFICER, bankOf('HANKOU')), 'https://api.hkb.example.cn/innozone/a'],
  ['W3', () => as(Role.BANK_OFFICER, bankOf('HANKOU')), 'https://api.hkb.example.cn/innozone/b'],
  ['W4', () => as(Role.BANK_OFFICER, bankOf('CMB')), 'https://api.cmb.example.cn/innozone'],
];
const hook = (tag: string) => WEBHOOKS.find((w) => w[0] === tag)![2];
/** The receivers' event ids (`Innozone-Event-Id`) of the STALE events, by title (known once the fixture is written). */
const staleEventIds: Record<string, string> = {};
const IMPORTS = ['核对第1批.csv', '核对第2批.csv', '核对第3批.csv', '核对第4批.csv', '核对第5批.csv'];

const auditOf = (keep: (event: (typeof performed)[number]) => boolean) => () =>
  [...performed].filter(keep).reverse().map((e) => [e.label]);

const CONNECTIONS: Record<string, ConnectionSpec> = {
  'Query.enterprises': {
    declare: ', $filter: EnterpriseFilter, $orderBy: [EnterpriseOrder!]',
    args: ', filter: $filter, orderBy: $orderBy',
    wrap: (c) => c,
    unwrap: (d) => d.c,
    node: '{ id creditCode }',
    label: (n) => tagOf(n.creditCode),
    walks: enterpriseOrders(),
  },
  'Enterprise.instruments': {
    declare: ', $holder: CreditCode!, $kinds: [InstrumentKind!]',
    args: ', kinds: $kinds',
    wrap: (c) => `enterprise(creditCode: $holder) { ${c} }`,
    unwrap: (d) => d.enterprise.c,
    node: '{ ... on Node { id } ... on CreditLoan { contractNumber } ... on CollectiveBond { code } }',
    nodeId: '{ ... on Node { id } }',
    label: (n) => n.contractNumber ?? n.code,
    walks: {
      'of E7, newest first': {
        viewer: () => admin,
        vars: { holder: code('E7') },
        expected: () => [['HK-L6'], ['HK-L5'], ['HK-L2', 'HK-L3', 'HK-L4', BOND], ['HK-L1']],
      },
      'of E7, credit loans': {
        viewer: () => admin,
        vars: { holder: code('E7'), kinds: ['CREDIT_LOAN'] },
        expected: () => [['HK-L6'], ['HK-L5'], ['HK-L2', 'HK-L3', 'HK-L4'], ['HK-L1']],
      },
      'of E3, a co-issuer of the bond': { viewer: () => admin, vars: { holder: code('E3') }, expected: () => [[BOND], ['HK-L7']] },
      'of E12, none': { viewer: () => admin, vars: { holder: code('E12') }, expected: () => [] },
    },
  },
  'Enterprise.patents': {
    declare: ', $holder: CreditCode!',
    args: '',
    wrap: (c) => `enterprise(creditCode: $holder) { ${c} }`,
    unwrap: (d) => d.enterprise.c,
    node: '{ id number }',
    label: (n) => n.number,
    walks: {
      'of E7, by number': { viewer: () => admin, vars: { holder: code('E7') }, expected: () => [...PATENTS].sort().map((n) => [n]) },
      "E7's representative: its own": { viewer: () => as(Role.ENTERPRISE_REP, code('E7')), vars: { holder: code('E7') }, expected: () => [...PATENTS].sort().map((n) => [n]) },
      'of E12, none': { viewer: () => admin, vars: { holder: code('E12') }, expected: () => [] },
    },
  },
  'Enterprise.projects': {
    declare: ', $holder: CreditCode!',
    args: '',
    wrap: (c) => `enterprise(creditCode: $holder) { ${c} }`,
    unwrap: (d) => d.enterprise.c,
    node: '{ id title }',
    label: (n) => n.title,
    walks: {
      'of E7, the latest start first': { viewer: () => admin, vars: { holder: code('E7') }, expected: () => [[J(2), J(3), J(4)], [J(1)]] },
      'of E3, a partner in one': { viewer: () => office, vars: { holder: code('E3') }, expected: () => [[J(3)], [J(5)]] },
      'of E12, none': { viewer: () => admin, vars: { holder: code('E12') }, expected: () => [] },
    },
  },
  'Enterprise.incentivePlans': {
    declare: ', $holder: CreditCode!',
    args: '',
    wrap: (c) => `enterprise(creditCode: $holder) { ${c} }`,
    unwrap: (d) => d.enterprise.c,
    node: '{ id title }',
    label: (n) => n.title,
    walks: {
      'of E7, the latest approved first': { viewer: () => admin, vars: { holder: code('E7') }, expected: () => [[PLANS[2]![0]], [PLANS[0]![0], PLANS[1]![0]]] },
      'of E12, none': { viewer: () => admin, vars: { holder: code('E12') }, expected: () => [] },
    },
  },
  'EquityIncentivePlan.grants': {
    declare: ', $plan: ID!',
    args: '',
    wrap: (c) => `node(id: $plan) { ... on EquityIncentivePlan { ${c} } }`,
    unwrap: (d) => d.node.c,
    node: '{ id granteeName }',
    label: (n) => n.granteeName,
    walks: {
      'the earliest granted first': { viewer: () => admin, vars: { get plan() { return planIds[0]; } }, expected: () => [['李娜'], ['张伟', '王芳', '刘洋']] },
      "E7's representative: its own plan's": { viewer: () => as(Role.ENTERPRISE_REP, code('E7')), vars: { get plan() { return planIds[0]; } }, expected: () => [['李娜'], ['张伟', '王芳', '刘洋']] },
      'a plan without grants': { viewer: () => admin, vars: { get plan() { return planIds[2]; } }, expected: () => [] },
    },
  },
  'Enterprise.talentAwards': {
    declare: ', $holder: CreditCode!',
    args: '',
    wrap: (c) => `enterprise(creditCode: $holder) { ${c} }`,
    unwrap: (d) => d.enterprise.c,
    node: '{ id recipientName }',
    label: (n) => n.recipientName,
    walks: {
      'of E7, the latest first': { viewer: () => admin, vars: { holder: code('E7') }, expected: () => [['赵磊', '孙丽'], ['周杰']] },
      'of E12, none': { viewer: () => admin, vars: { holder: code('E12') }, expected: () => [] },
    },
  },
  'Enterprise.creditRatings': {
    declare: ', $holder: CreditCode!',
    args: '',
    wrap: (c) => `enterprise(creditCode: $holder) { ${c} }`,
    unwrap: (d) => d.enterprise.c,
    node: '{ id agency }',
    label: (n) => n.agency,
    walks: {
      'of E7, the latest rated first, then the one recorded last': { viewer: () => admin, vars: { holder: code('E7') }, expected: standingOrder('信用评级') },
      'of E12, none': { viewer: () => admin, vars: { holder: code('E12') }, expected: () => [] },
    },
  },
  'Enterprise.dishonestDebtorChecks': {
    declare: ', $holder: CreditCode!',
    args: '',
    wrap: (c) => `enterprise(creditCode: $holder) { ${c} }`,
    unwrap: (d) => d.enterprise.c,
    node: '{ id source }',
    label: (n) => n.source,
    walks: {
      'of E7, the latest first, then the one recorded last': { viewer: () => admin, vars: { holder: code('E7') }, expected: standingOrder('执行信息公开网') },
      "E7's representative: its own": { viewer: () => as(Role.ENTERPRISE_REP, code('E7')), vars: { holder: code('E7') }, expected: standingOrder('执行信息公开网') },
    },
  },
  'Query.auditEvents': {
    declare: ', $filter: AuditEventFilter',
    args: ', filter: $filter',
    wrap: (c) => c,
    unwrap: (d) => d.c,
    node: '{ id operation actor { role } }',
    label: (n) => `${n.operation} ${n.actor.role}`,
    walks: {
      // Up to the end of the fixture: the walks as a bank (below) add their reads to the trail, in whatever order they run.
      'the whole trail': {
        viewer: () => admin,
        vars: {
          get filter() {
            return { occurredBefore: fixtureWritten };
          },
        },
        expected: auditOf(() => true),
      },
      'concerning E5': { viewer: () => admin, vars: { filter: { creditCode: code('E5') } }, expected: auditOf((e) => e.concerns === 'E5') },
      "E5's representative: its own": { viewer: () => as(Role.ENTERPRISE_REP, code('E5')), vars: {}, expected: auditOf((e) => e.concerns === 'E5') },
      'by CPPCC members': {
        viewer: () => admin,
        vars: { filter: { actorRole: 'CPPCC_MEMBER' } },
        expected: auditOf((e) => e.label.endsWith(' CPPCC_MEMBER')),
      },
      'no such operation': { viewer: () => admin, vars: { filter: { operation: 'noSuchOperation' } }, expected: () => [] },
    },
  },
  'Query.instruments': {
    declare: ', $filter: InstrumentFilter',
    args: ', filter: $filter',
    wrap: (c) => c,
    unwrap: (d) => d.c,
    node: '{ ... on Node { id } ... on CreditLoan { contractNumber } ... on CollectiveBond { code } }',
    nodeId: '{ ... on Node { id } }',
    label: (n) => n.contractNumber ?? n.code,
    walks: {
      'the zone: every instrument, newest first': {
        viewer: () => admin,
        vars: {},
        expected: () => [['HK-L6'], ['HK-L5'], ['HK-L2', 'HK-L3', 'HK-L4', BOND], ['HK-L1'], ['HK-L7']],
      },
      'the zone: lent by 汉口银行': {
        viewer: () => admin,
        vars: { filter: { lenderCreditCode: bankOf('HANKOU') } },
        expected: () => [['HK-L6'], ['HK-L5'], ['HK-L2', 'HK-L3', 'HK-L4'], ['HK-L1'], ['HK-L7']],
      },
      "汉口银行: its loans to E7, which authorized it": {
        viewer: () => as(Role.BANK_OFFICER, bankOf('HANKOU')),
        vars: {},
        expected: () => [['HK-L6'], ['HK-L5'], ['HK-L2', 'HK-L3', 'HK-L4'], ['HK-L1']],
      },
      '招商银行: none': { viewer: () => as(Role.BANK_OFFICER, bankOf('CMB')), vars: {}, expected: () => [] },
    },
  },
  'Query.authorizations': {
    declare: ', $grantor: CreditCode, $bank: CreditCode, $active: Boolean, $orderBy: DataAuthorizationOrder',
    args: ', creditCode: $grantor, bankCreditCode: $bank, active: $active, orderBy: $orderBy',
    wrap: (c) => c,
    unwrap: (d) => d.c,
    node: '{ id purpose }',
    label: (n) => n.purpose,
    walks: {
      "E7's, newest first": { viewer: () => admin, vars: { grantor: code('E7') }, expected: () => [[A(6)], [A(2), A(3), A(4)], [A(5)], [A(1)]] },
      "E7's in force": { viewer: () => admin, vars: { grantor: code('E7'), active: true }, expected: () => [[A(6)], [A(3), A(4)], [A(5)], [A(1)]] },
      "E7's representative: its own": { viewer: () => as(Role.ENTERPRISE_REP, code('E7')), vars: { grantor: code('E7'), active: false }, expected: () => [[A(2)]] },
      "E12's: none": { viewer: () => admin, vars: { grantor: code('E12') }, expected: () => [] },
      // Without a grantor, the zone's (here E7's are all there are); a representative's are still its own.
      "the zone's, newest first": { viewer: () => admin, vars: {}, expected: () => [[A(6)], [A(2), A(3), A(4)], [A(5)], [A(1)]] },
      "the zone's for 招商银行": { viewer: () => admin, vars: { bank: bankOf('CMB') }, expected: () => [[A(4)], [A(5)]] },
      'the earliest end first: all end on one day, so by id': {
        viewer: () => admin,
        vars: { orderBy: 'EARLIEST_END_FIRST' },
        expected: () => [[A(1), A(2), A(3), A(4), A(5), A(6)]],
      },
      "E12's representative, no grantor: none": { viewer: () => as(Role.ENTERPRISE_REP, code('E12')), vars: {}, expected: () => [] },
    },
  },
  'Viewer.authorizations': {
    declare: ', $active: Boolean',
    args: ', active: $active',
    wrap: (c) => `viewer { ${c} }`,
    unwrap: (d) => d.viewer.c,
    node: '{ id purpose }',
    label: (n) => n.purpose,
    walks: {
      '汉口银行: those granted to it': { viewer: () => as(Role.BANK_OFFICER, bankOf('HANKOU')), vars: {}, expected: () => [[A(6)], [A(2), A(3)], [A(1)]] },
      '招商银行: those in force': { viewer: () => as(Role.BANK_OFFICER, bankOf('CMB')), vars: { active: true }, expected: () => [[A(4)], [A(5)]] },
      "E7's representative: all it granted": { viewer: () => as(Role.ENTERPRISE_REP, code('E7')), vars: {}, expected: () => [[A(6)], [A(2), A(3), A(4)], [A(5)], [A(1)]] },
      "E12's representative: none": { viewer: () => as(Role.ENTERPRISE_REP, code('E12')), vars: {}, expected: () => [] },
    },
  },
  'Query.proposals': {
    declare: ', $filter: ProposalFilter',
    args: ', filter: $filter',
    wrap: (c) => c,
    unwrap: (d) => d.c,
    node: '{ id subject }',
    label: (n) => n.subject,
    walks: {
      'a member: all, newest first': {
        viewer: () => memberViewer('安文博'),
        vars: {},
        // P5 carried up to the province twice (two drafts, created at the same microsecond).
        expected: () => [[P(5), P(5)], [P(4), P(5), P(6)], [P(7)], [P(2), P(3)], [P(1)]],
      },
      'a member: mine': { viewer: () => memberViewer('安文博'), vars: { filter: { isMine: true } }, expected: () => [[P(4), P(5)], [P(1)]] },
      'the office: submitted ones': { viewer: () => office, vars: {}, expected: () => [[P(5)], [P(3)]] },
      'none closed': { viewer: () => memberViewer('安文博'), vars: { filter: { status: ['CLOSED'] } }, expected: () => [] },
    },
  },
  'Query.cppccMembers': {
    declare: ', $filter: CppccMemberFilter',
    args: ', filter: $filter',
    wrap: (c) => c,
    unwrap: (d) => d.c,
    node: '{ id name }',
    label: (n) => n.name,
    walks: {
      'all, in pinyin order': {
        viewer: () => office,
        vars: {},
        expected: () => [['安文博'], ['陈晓明', '陈晓明'], ['胡振宇'], ['李海燕'], ['王建国', '王建国', '王建国'], ['张志刚'], ['赵丽华']],
      },
      'the provincial committee': { viewer: () => office, vars: { filter: { level: 'PROVINCIAL' } }, expected: () => [['陈晓明'], ['胡振宇']] },
      'search 建国': { viewer: () => office, vars: { filter: { search: '建国' } }, expected: () => [['王建国', '王建国', '王建国']] },
      'search finds no one': { viewer: () => office, vars: { filter: { search: '无此人' } }, expected: () => [] },
    },
  },
  'Query.policyRequests': {
    declare: ', $filter: PolicyRequestFilter',
    args: ', filter: $filter',
    wrap: (c) => c,
    unwrap: (d) => d.c,
    node: '{ id title }',
    label: (n) => n.title,
    walks: {
      'the zone: all, newest first': { viewer: () => admin, vars: {}, expected: () => [[R(6)], [R(2), R(3), R(4)], [R(5)], [R(1)]] },
      "E3's representative: those it filed": { viewer: () => as(Role.ENTERPRISE_REP, code('E3')), vars: {}, expected: () => [[R(2), R(3)], [R(5)]] },
      'concerning E3': { viewer: () => admin, vars: { filter: { creditCode: code('E3') } }, expected: () => [[R(2), R(3), R(4)], [R(5)]] },
      'concerning E12: none': { viewer: () => admin, vars: { filter: { creditCode: code('E12') } }, expected: () => [] },
    },
  },
  'Query.imports': {
    declare: '',
    args: '',
    wrap: (c) => c,
    unwrap: (d) => d.c,
    node: '{ id fileName }',
    label: (n) => n.fileName,
    walks: { 'newest first, dry runs too': { viewer: () => admin, vars: {}, expected: () => [...IMPORTS].reverse().map((n) => [n]) } },
  },
  'Query.notifications': {
    declare: ', $unreadOnly: Boolean',
    args: ', unreadOnly: $unreadOnly',
    wrap: (c) => c,
    unwrap: (d) => d.c,
    node: '{ id title }',
    label: (n) => n.title,
    walks: {
      'newest first': {
        viewer: () => admin,
        vars: { unreadOnly: true },
        expected: () => [...STALE].reverse().map((name) => [`${name}的信用评级将于2030-01-01失效，届时资格判断将为“未知”`]),
      },
    },
  },
  'Query.webhooks': {
    declare: '',
    args: '',
    wrap: (c) => c,
    unwrap: (d) => d.c,
    node: '{ id url }',
    label: (n) => n.url,
    walks: {
      'the zone’s administrator: every one, oldest first': { viewer: () => admin, vars: {}, expected: () => [[hook('W1')], [hook('W2'), hook('W3')], [hook('W4')]] },
      '汉口银行: its own': { viewer: () => as(Role.BANK_OFFICER, bankOf('HANKOU')), vars: {}, expected: () => [[hook('W2'), hook('W3')]] },
      'an enterprise’s representative: none': { viewer: () => as(Role.ENTERPRISE_REP, code('E1')), vars: {}, expected: () => [] },
    },
  },
  'Webhook.deliveries': {
    declare: ', $status: WebhookDeliveryStatus',
    args: ', status: $status',
    // The administrator's webhook, told of the stale credit facts (no jobs run here: every delivery is PENDING).
    wrap: (c) => `webhooks(first: 100) { nodes { url ${c} } }`,
    unwrap: (d) => d.webhooks.nodes.find((n: { url: string }) => n.url === hook('W1')).c,
    node: '{ id eventId }',
    label: (n) => n.eventId,
    walks: {
      'newest event first': { viewer: () => admin, vars: {}, expected: () => [...STALE].reverse().map((t) => [staleEventIds[t]!]) },
      'PENDING: the same': { viewer: () => admin, vars: { status: 'PENDING' }, expected: () => [...STALE].reverse().map((t) => [staleEventIds[t]!]) },
      'DEAD: none': { viewer: () => admin, vars: { status: 'DEAD' }, expected: () => [] },
    },
  },
  'Query.institutions': {
    declare: ', $filter: InstitutionFilter',
    args: ', filter: $filter',
    wrap: (c) => c,
    unwrap: (d) => d.c,
    node: '{ id name }',
    label: (n) => n.name,
    // The reference data's nine, in the pinyin order of their names written out by hand (huá zhōng kē jì … zhōng guó
    // kē xué yuàn wǔ hàn), universities first.
    walks: {
      // (Not as a bank: a bank's reads are audit events, and the trail's walk counts the fixture's own, in any order.)
      'universities, then research institutes, each by pinyin': {
        viewer: () => admin,
        vars: {},
        expected: () =>
          ['华中科技大学', '华中农业大学', '华中师范大学', '武汉大学', '武汉理工大学', '中国地质大学（武汉）', '武汉光电国家研究中心', '中国科学院精密测量科学与技术创新研究院', '中国科学院武汉病毒研究所'].map((n) => [n]),
      },
      'research institutes': {
        viewer: () => admin,
        vars: { filter: { kind: 'RESEARCH_INSTITUTE' } },
        expected: () => [['武汉光电国家研究中心'], ['中国科学院精密测量科学与技术创新研究院'], ['中国科学院武汉病毒研究所']],
      },
      'named 华中': { viewer: () => office, vars: { filter: { search: '华中' } }, expected: () => [['华中科技大学'], ['华中农业大学'], ['华中师范大学']] },
      'English name with "wuhan", any case': {
        viewer: () => admin,
        vars: { filter: { search: 'wuhan' } },
        expected: () => [['武汉大学'], ['武汉理工大学'], ['中国地质大学（武汉）'], ['武汉光电国家研究中心'], ['中国科学院武汉病毒研究所']],
      },
    },
  },
  'Query.handlingUnits': {
    declare: ', $level: CppccLevel',
    args: ', level: $level',
    wrap: (c) => c,
    unwrap: (d) => d.c,
    node: '{ id name }',
    label: (n) => n.name,
    walks: {
      'by level, then name': {
        viewer: () => office,
        vars: {},
        expected: () => [['东湖新技术开发区管理委员会'], ['武汉市财政局'], ['武汉市科学技术局'], ['湖北省财政厅'], ['财政部'], ['科学技术部']],
      },
      'the national ones': { viewer: () => office, vars: { level: 'NATIONAL' }, expected: () => [['财政部'], ['科学技术部']] },
    },
  },
  'Query.handlingUnitScores': {
    declare: ', $year: Int!',
    args: ', year: $year',
    wrap: (c) => c,
    unwrap: (d) => d.c,
    // A score is no Node: its unit's id stands for its own (the walk compares ids).
    node: '{ id: unit { id } unit { name } satisfactionRate }',
    nodeId: '{ id: unit { id } }',
    label: (n) => n.unit.name,
    walks: {
      '2020, best first': {
        viewer: () => office,
        vars: { year: 2020 },
        expected: () => [['东湖新技术开发区管理委员会'], ['武汉市财政局'], ['武汉市科学技术局'], ['财政部'], ['湖北省财政厅']],
      },
      '2019: none': { viewer: () => office, vars: { year: 2019 }, expected: () => [] },
    },
  },
  'Proposal.cosigners': {
    declare: ', $proposal: ID!',
    args: '',
    wrap: (c) => `proposal(id: $proposal) { ${c} }`,
    unwrap: (d) => d.proposal.c,
    node: '{ id name }',
    label: (n) => n.name,
    walks: {
      'of P1, in the order they signed': {
        viewer: () => memberViewer('安文博'),
        get vars() {
          return { proposal: ids['P1'] };
        },
        expected: () => COSIGNERS.map((name) => [name]),
      },
      'of P2: none': { viewer: () => memberViewer('安文博'), get vars() { return { proposal: ids['P2'] }; }, expected: () => [] },
    },
  },
  'Proposal.timeline': {
    declare: ', $proposal: ID!',
    args: '',
    wrap: (c) => `proposal(id: $proposal) { ${c} }`,
    unwrap: (d) => d.proposal.c,
    node: '{ id action note }',
    label: (n) => `${n.action} ${n.note}`,
    walks: {
      'of P1: drafted, then co-signed (at one microsecond), then evidence (at another)': {
        viewer: () => memberViewer('安文博'),
        get vars() {
          return { proposal: ids['P1'] };
        },
        expected: () => [
          ['DRAFTED null'],
          COSIGNERS.map((name) => `COSIGNED ${name}`),
          ['E1', 'E3', 'E7'].map((tag) => `EVIDENCE_ATTACHED ${ENTERPRISES.find((e) => e[0] === tag)![1]}（${code(tag)}）`),
        ],
      },
    },
  },
  'Proposal.evidence': {
    declare: ', $proposal: ID!',
    args: '',
    wrap: (c) => `proposal(id: $proposal) { ${c} }`,
    unwrap: (d) => d.proposal.c,
    node: '{ id source }',
    label: (n) => tagOf(n.source.creditCode),
    walks: {
      'of P1, attached at one microsecond': {
        viewer: () => memberViewer('安文博'),
        get vars() {
          return { proposal: ids['P1'] };
        },
        expected: () => [['E1', 'E3', 'E7']],
      },
    },
  },
  'Proposal.replies': {
    declare: ', $proposal: ID!',
    args: '',
    wrap: (c) => `proposal(id: $proposal) { ${c} }`,
    unwrap: (d) => d.proposal.c,
    node: '{ id round unit { name } }',
    label: (n) => `${n.round} ${n.unit.name}`,
    walks: {
      'of P5: by round, the lead units of a split proposal of one day tied': {
        viewer: () => office,
        get vars() {
          return { proposal: ids['P5'] };
        },
        expected: () => [['1 武汉市科学技术局', '1 东湖新技术开发区管理委员会', '1 武汉市财政局'], ['2 武汉市科学技术局']],
      },
    },
  },
  'Proposal.escalations': {
    declare: ', $proposal: ID!',
    args: '',
    wrap: (c) => `proposal(id: $proposal) { ${c} }`,
    unwrap: (d) => d.proposal.c,
    node: '{ id proposers { name } }',
    label: (n) => n.proposers[0].name,
    walks: {
      'of P5, twice to the province at one microsecond': {
        viewer: () => memberViewer('安文博'),
        get vars() {
          return { proposal: ids['P5'] };
        },
        expected: () => [['陈晓明', '胡振宇']],
      },
      // The office reads no draft: the escalations are not in its list, nor in its count.
      'of P5, as the office': { viewer: () => office, get vars() { return { proposal: ids['P5'] }; }, expected: () => [] },
    },
  },
  'Query.accounts': {
    declare: ', $filter: AccountFilter',
    args: ', filter: $filter',
    wrap: (c) => c,
    unwrap: (d) => d.c,
    node: '{ id username }',
    label: (n) => n.username,
    walks: {
      'every account, by code point': {
        viewer: () => admin,
        vars: {},
        expected: () => ['hk-2', 'hk.1', 'hk1', 'hk_3', 'hka', ...MEMBER_ACCOUNTS, 'office', 'unit.kjj', 'wang-wei', '王伟'].map((u) => [u]),
      },
      'the office: its members’': { viewer: () => office, vars: {}, expected: () => MEMBER_ACCOUNTS.map((u) => [u]) },
      'bank officers named hk': { viewer: () => admin, vars: { filter: { role: 'BANK_OFFICER', search: 'HK' } }, expected: () => [['hk-2'], ['hk.1'], ['hk1'], ['hk_3'], ['hka']] },
      'named 王伟': { viewer: () => admin, vars: { filter: { search: '王伟' } }, expected: () => [['wang-wei'], ['王伟']] },
      'disabled: none': { viewer: () => admin, vars: { filter: { isDisabled: true } }, expected: () => [] },
    },
  },
  'PolicyRequest.enterprises': {
    declare: ', $request: ID!',
    args: '',
    wrap: (c) => `node(id: $request) { ... on PolicyRequest { ${c} } }`,
    unwrap: (d) => d.node.c,
    node: '{ id creditCode }',
    label: (n) => tagOf(n.creditCode),
    walks: {
      'of R4, in the order it names them': {
        viewer: () => admin,
        get vars() {
          return { request: ids['R4'] };
        },
        expected: () => [['E7'], ['E3'], ['E10'], ['E1'], ['E9']],
      },
      'of R1, a need of the zone: none': { viewer: () => admin, get vars() { return { request: ids['R1'] }; }, expected: () => [] },
    },
  },
  'PolicyRequest.proposals': {
    declare: ', $request: ID!',
    args: '',
    wrap: (c) => `node(id: $request) { ... on PolicyRequest { ${c} } }`,
    unwrap: (d) => d.node.c,
    node: '{ id subject }',
    label: (n) => n.subject,
    walks: {
      'of R4, oldest first, as a member': {
        viewer: () => memberViewer('安文博'),
        get vars() {
          return { request: ids['R4'] };
        },
        expected: () => [[P(2), P(3)], [P(4)]],
      },
      'of R4, as the zone: the submitted one': { viewer: () => admin, get vars() { return { request: ids['R4'] }; }, expected: () => [[P(3)]] },
    },
  },
};

/** `Type.field` of every field, at the root or nested, whose type is a connection. */
function connectionFields(schema: GraphQLSchema): string[] {
  const found: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (getNamedType(field.type).name.endsWith('Connection')) found.push(`${type.name}.${field.name}`);
    }
  }
  return found.sort();
}

describe('every connection, walked forward and back', () => {
  let app: TestApp;
  let schema: GraphQLSchema;

  const mutate = async (operation: string, args: string, vars: Record<string, unknown>, viewer: Viewer, payload: string, concerns: string | null) => {
    const r = await app.execute<any, any>(`mutation M${args} { ${operation}${args.replace(/\$(\w+): [^,)]+/g, '$1: $$$1')} { ${payload} errors { code message } } }`, vars, viewer);
    expect(r.errors).toBeUndefined();
    expect(r.data[operation].errors).toEqual([]);
    performed.push({ label: `${operation} ${viewer.role}`, concerns });
    return r.data[operation];
  };

  beforeAll(async () => {
    // A database of its own: the audit trail (which no reset empties) then holds exactly this file's events.
    app = await TestApp.start({ databaseUrl: await workerDatabaseUrl('connections') });
    schema = await buildInnozoneSchema();
    await resetRegistry(app.orm);
    const sql = (q: string, params: unknown[] = []) => app.orm.em.fork().execute(q, params);

    for (const [tag, name, nameEn, foundedOn, registeredCapital] of ENTERPRISES) {
      await mutate('createEnterprise', '($input: CreateEnterpriseInput!)', { input: enterpriseInput(code(tag), name, { nameEn, foundedOn, registeredCapital }) }, admin, 'enterprise { id }', tag);
    }
    // E5 changes size three times (no sort key changes: its place in every order stays as written above).
    const e5 = await app.execute<any, any>('query($c: CreditCode!) { enterprise(creditCode: $c) { id } }', { c: code('E5') }, admin);
    for (const [version, size] of [[1, 'MEDIUM'], [2, 'SMALL'], [3, 'MEDIUM']] as const) {
      const input = { id: e5.data.enterprise.id, version, size };
      await mutate('updateEnterprise', '($input: UpdateEnterpriseInput!)', { input }, admin, 'enterprise { id }', 'E5');
    }
    const lender = toGlobalId('Bank', BANKS.find((b) => b.key === 'HANKOU')!.id);
    for (const [contractNumber, holder, startsOn] of LOANS) {
      const input = { creditCode: code(holder), lenderId: lender, contractNumber, amount: '1000000.00', startsOn, interestRate: '3.8500', termMonths: 12 };
      await mutate('recordCreditLoan', '($input: RecordCreditLoanInput!)', { input }, admin, 'instrument { id }', null);
    }
    const bond = {
      kind: 'COLLECTIVE_BOND',
      issuers: [{ creditCode: code('E7'), share: '60.0000' }, { creditCode: code('E3'), share: '40.0000' }],
      amount: '200000000.00',
      startsOn: '2024-05-20',
      code: BOND,
      underwriter: '长江证券',
      couponRate: '4.1000',
      tenorMonths: 36,
    };
    await mutate('recordBondIssue', '($input: RecordBondIssueInput!)', { input: bond }, admin, 'instrument { id }', null);
    // E7's authorizations, written as rows with their creation times (ties to the microsecond), in force for a year.
    for (const [purpose, bank, createdAt, revoked] of AUTHORIZATIONS) {
      await sql(
        `insert into data_authorization (id, enterprise_id, bank_id, scopes, purpose, valid_from, valid_to, signer, granted_by, revoked_at, revoked_by, created_at, updated_at, version)
         values (gen_random_uuid(), (select id from enterprise where credit_code = ?), (select id from bank where credit_code = ?), '{PROFILE,INSTRUMENTS}', ?,
                 current_date - 30, current_date + 300, '王伟（财务总监）', 'ZONE_ADMIN', ${revoked ? 'now()' : 'null'}, ${revoked ? "'ZONE_ADMIN'" : 'null'}, ?::timestamptz, now(), 1)`,
        [code('E7'), bankOf(bank), purpose, createdAt],
      );
    }

    // E7's records that grow: patents, joint projects, incentive plans and their grants, talent awards.
    for (const number of PATENTS) {
      const input = { creditCode: code('E7'), number, title: `一种光纤器件（${number}）`, legalStatus: 'VALID', grantedOn: '2022-01-01' };
      await mutate('recordPatent', '($input: RecordPatentInput!)', { input }, admin, 'patent { number }', null);
    }
    const institutions = await app.execute<any, any>('{ institutions(first: 100) { nodes { id name } } }', {}, admin);
    const hust = institutions.data.institutions.nodes.find((i: { name: string }) => i.name === '华中科技大学').id;
    for (const [title, startsOn, members] of PROJECTS) {
      const participants = [
        ...members.map((tag, i) => ({ creditCode: code(tag), role: i === 0 ? 'FUNDER' : 'PARTNER' })),
        { institutionId: hust, role: 'LEAD_RESEARCH_INSTITUTION' },
      ];
      await mutate('recordResearchProject', '($input: RecordResearchProjectInput!)', { input: { title, status: 'ACTIVE', startsOn, participants } }, admin, 'project { title }', null);
    }
    for (const [i, [title, approvedOn]] of PLANS.entries()) {
      const grants = i === 0 ? GRANTS.map(([granteeName, grantedOn]) => ({ granteeName, position: '研发工程师', equityShare: '0.5000', serviceYears: 4, grantedOn })) : [];
      const input = { creditCode: code('E7'), title, form: 'EQUITY_SALE', approvedOn, totalEquityShare: '2.0000', grants };
      const recorded = await mutate('recordIncentivePlan', '($input: RecordIncentivePlanInput!)', { input }, admin, 'plan { id }', null);
      planIds.push(recorded.plan.id);
    }
    for (const [recipientName, awardedOn] of AWARDS) {
      const input = { creditCode: code('E7'), scheme: 'HIGH_LEVEL_TALENT_REWARD', recipientName, amount: '500000.00', awardedOn };
      await mutate('recordTalentAward', '($input: RecordTalentAwardInput!)', { input }, admin, 'award { scheme }', null);
    }
    for (const [label, on, createdAt] of STANDING) {
      await sql(
        `insert into credit_rating_record (id, enterprise_id, rating, agency, rated_on, valid_until, created_at, updated_at)
         select gen_random_uuid(), id, 'AA', ?, ?, '2027-12-31', ?::timestamptz, now() from enterprise where credit_code = ?`,
        [`${label}信用评级`, on, createdAt, code('E7')],
      );
      await sql(
        `insert into dishonest_debtor_check (id, enterprise_id, checked_on, listed, source, created_at, updated_at)
         select gen_random_uuid(), id, ?, false, ?, ?::timestamptz, now() from enterprise where credit_code = ?`,
        [on, `${label}执行信息公开网`, createdAt, code('E7')],
      );
    }

    // Members are the committee's roll, not something the API records.
    await sql(`insert into sector (id, code, name) values (gen_random_uuid(), 'SCITECH', '科学技术界')`);
    for (const [name, levels] of MEMBERS) {
      await sql(`insert into cppcc_member (id, name, sector_id, levels, term) select gen_random_uuid(), ?, id, ?::cppcc_level[], 15 from sector`, [name, `{${levels.join(',')}}`]);
    }
    const roll = await app.execute<any, any>('{ cppccMembers(first: 100) { edges { node { id name } } } }', {}, office);
    for (const { node } of roll.data.cppccMembers.edges) memberIds[node.name] = node.id;

    for (const [name, level] of UNITS) await sql(`insert into handling_unit (id, name, level, former_names) values (gen_random_uuid(), ?, ?, '{}')`, [name, level]);
    const units: Record<string, string> = {};
    const listed = await app.execute<any, any>('{ handlingUnits(first: 100) { edges { node { id name } } } }', {}, office);
    for (const { node } of listed.data.handlingUnits.edges) units[node.name] = node.id;

    // Accounts, each made by who manages its role (an administrator, the office for members), as audited events.
    for (const [username, displayName, role, actsFor, byOffice] of ACCOUNTS) {
      const organizationId =
        actsFor === null
          ? null
          : role === 'BANK_OFFICER'
            ? toGlobalId('Bank', BANKS.find((b) => b.key === actsFor)!.id)
            : role === 'ENTERPRISE_REP'
              ? (await app.execute<any, any>('query($c: CreditCode!) { enterprise(creditCode: $c) { id } }', { c: code(actsFor) }, admin)).data.enterprise.id
              : role === 'CPPCC_MEMBER'
                ? memberIds[actsFor]
                : units[actsFor];
      const input = { username, displayName, role, organizationId, password: 'connections-2026' };
      await mutate('createAccount', '($input: CreateAccountInput!)', { input }, byOffice ? office : admin, 'account { id }', null);
    }

    for (const [n, [title, filer, concerns]] of REQUESTS.entries()) {
      const input = { title, need: `${title}：区内企业的需求。`, creditCodes: concerns.map(code) };
      const filed = await mutate('filePolicyRequest', '($input: PolicyRequestInput!)', { input }, filer ? as(Role.ENTERPRISE_REP, code(filer)) : admin, 'policyRequest { id }', null);
      ids[`R${n + 1}`] = filed.policyRequest.id;
    }
    for (const [title, , , createdAt] of REQUESTS) await sql('update policy_request set created_at = ?::timestamptz where title = ?', [createdAt, title]);

    for (const [n, [subject, drafter]] of PROPOSALS.entries()) {
      // P2, P3 and P4 carry R4.
      const policyRequestIds = [2, 3, 4].includes(n + 1) ? [ids['R4']] : [];
      const input = { level: 'MUNICIPAL', subject, reasons: `${subject}。区内企业反映相关政策落地不够。`, recommendations: '一、明确牵头部门；二、简化流程。', policyRequestIds };
      const drafted = await mutate('draftProposal', '($input: DraftProposalInput!)', { input }, memberViewer(drafter), 'proposal { id }', null);
      ids[`P${n + 1}`] = drafted.proposal.id;
    }
    for (const [n, by] of [[3, '李海燕'], [5, '安文博']] as const) {
      await mutate('submitProposal', '($input: SubmitProposalInput!)', { input: { proposalId: ids[`P${n}`], version: 1 } }, memberViewer(by), 'proposal { id }', null);
    }
    // P1, a draft: co-signed by five members, then evidence of three enterprises.
    for (const name of COSIGNERS) await mutate('cosignProposal', '($input: CosignProposalInput!)', { input: { proposalId: ids['P1'] } }, memberViewer(name), 'proposal { id }', null);
    for (const tag of ['E1', 'E3', 'E7']) {
      await mutate('attachEvidence', '($input: AttachEvidenceInput!)', { input: { proposalId: ids['P1'], evidence: { creditCode: code(tag) }, isNamingEnterprises: true } }, memberViewer('安文博'), 'proposal { id }', null);
    }
    // P5: accepted, split among three lead units (分办), answered by each, one sent back, answered again, then carried up twice.
    const step = (operation: string, type: string, input: Record<string, unknown>, viewer: Viewer) =>
      mutate(operation, `($input: ${type}!)`, { input: { proposalId: ids['P5'], ...input } }, viewer, 'proposal { id }', null);
    await step('reviewProposal', 'ReviewProposalInput', { decision: { accept: {} } }, office);
    await step('assignProposal', 'AssignProposalInput', { leadUnitId: units['武汉市科学技术局'], splitWithUnitIds: [units['东湖新技术开发区管理委员会'], units['武汉市财政局']] }, office);
    const unitViewer = (name: string) => as(Role.HANDLING_UNIT, units[name]!);
    const reply = (name: string) => step('replyToProposal', 'ReplyToProposalInput', { category: 'BEING_ADDRESSED', text: '正在办理。', signedBy: '王建华', publication: 'PUBLIC' }, unitViewer(name));
    await reply('武汉市财政局');
    await reply('东湖新技术开发区管理委员会');
    await reply('武汉市科学技术局');
    const answers = await app.execute<any, any>('query A($id: ID!) { proposal(id: $id) { answers { id unit { name } } } }', { id: ids['P5'] }, office);
    for (const a of answers.data.proposal.answers) {
      const rating = a.unit.name === '武汉市科学技术局' ? 'DISSATISFIED' : 'SATISFIED';
      await mutate('rateReply', '($input: RateReplyInput!)', { input: { replyId: a.id, rating } }, memberViewer('安文博'), 'proposal { id }', null);
    }
    await reply('武汉市科学技术局');
    // The two members on the provincial committee (the other 陈晓明 sits on the municipal one only).
    const provincial = await app.execute<any, any>('{ cppccMembers(first: 100, filter: { level: PROVINCIAL }) { edges { node { id } } } }', {}, office);
    for (const { node } of provincial.data.cppccMembers.edges) await step('escalateProposal', 'EscalateProposalInput', { level: 'PROVINCIAL' }, as(Role.CPPCC_MEMBER, node.id));

    // Creation times as rows written by SQL carry them (microseconds; ties), not as the ORM writes them (milliseconds).
    for (const [subject, , createdAt] of PROPOSALS) await sql('update proposal set created_at = ?::timestamptz where subject = ? and escalated_from_id is null', [createdAt, subject]);
    await sql(`update proposal set created_at = '2026-01-20 08:00:00.000001+08' where escalated_from_id is not null`);
    await sql(`update proposal_event set occurred_at = '2026-01-10 09:00:00+08' where action = 'DRAFTED' and proposal_id = (select id from proposal where subject = ?)`, [P(1)]);
    await sql(`update proposal_event set occurred_at = '2026-01-10 10:00:00.000007+08' where action = 'COSIGNED'`);
    await sql(`update proposal_event set occurred_at = '2026-01-10 11:00:00.000007+08' where action = 'EVIDENCE_ATTACHED'`);
    await sql(`update proposal_evidence set attached_at = '2026-01-10 11:00:00.000007+08'`);
    // The replies of an earlier year, as its trail would hold them, on a proposal of no walk's.
    for (const [unit, rating] of REPLIES_2020) {
      await sql(
        `insert into proposal_reply (id, proposal_id, unit_id, round, is_lead, category, text, signed_by, publication, replied_on, rating, rated_on)
         select gen_random_uuid(), p.id, u.id, 1, true, 'RESOLVED_OR_ADOPTED', '已办理。', u.name, 'PUBLIC', '2020-06-30', ?::satisfaction, case when ? is null then null else date '2020-07-15' end
         from proposal p, handling_unit u where p.subject = ? and u.name = ?`,
        [rating, rating, P(7), unit],
      );
    }
    // Dry runs of a file, each an import of its own (and an event on the trail), a few milliseconds apart.
    const checks = Buffer.from(`\ufeff统一社会信用代码,查询日期,是否列入失信名单,查询来源\r\n${code('E1')},2025-01-02,否,中国执行信息公开网\r\n`, 'utf8').toString('base64');
    for (const fileName of IMPORTS) {
      await mutate('importRecords', '($input: ImportRecordsInput!)', { input: { kind: 'DISHONEST_DEBTOR_CHECKS', fileName, content: checks, isDryRun: true } }, admin, 'import { id }', null);
      await new Promise((resolve) => setTimeout(resolve, 3));
    }
    // Webhooks: the administrator's told of the stale credit facts below (one delivery each), two of 汉口银行's at the
    // same microsecond, one of 招商银行's.
    await mutate('setWebhookAllowList', '($input: SetWebhookAllowListInput!)', { input: { entries: ['https://*.example.cn'] } }, admin, 'allowList { entries }', null);
    for (const [tag, owner, url] of WEBHOOKS) {
      const events = owner().role === Role.ZONE_ADMIN ? ['CREDIT_FACTS_STALE'] : ['AUTHORIZATION_GRANTED'];
      await mutate('registerWebhook', '($input: RegisterWebhookInput!)', { input: { url, events, secret: `connections-${tag}-secret-0123456789abcdef` } }, owner(), 'webhook { id }', null);
    }
    for (const [tag, , url] of WEBHOOKS) {
      const at = { W1: '2026-02-01 09:00:00+08', W2: '2026-02-02 09:00:00.000001+08', W3: '2026-02-02 09:00:00.000001+08', W4: '2026-02-03 09:00:00+08' }[tag];
      await sql('update webhook set created_at = ?::timestamptz where url = ?', [at, url]);
    }
    // Events told to the zone's administrators (no enterprise named: the titles are what is walked).
    await app.orm.em.fork().transactional((tx) =>
      announceNow(tx as never, STALE.map((title, i) => ({ kind: EventKind.CREDIT_FACTS_STALE, payload: { title, facts: ['CREDIT_RATING'], date: '2030-01-01' }, dedupeKey: `connections:${i}` }))),
    );
    await relayPending(app.orm.em.fork(), new InMemoryEventPublisher());
    for (const row of (await sql(`select id, payload->>'title' as title from outbox_event where dedupe_key like 'connections:%'`)) as { id: string; title: string }[]) {
      staleEventIds[row.title] = eventId(row.id);
    }
    // The fixture is written: what the trail holds after this instant is the walks' own (a bank's reads are events).
    await new Promise((resolve) => setTimeout(resolve, 5));
    fixtureWritten = new Date().toISOString();
  }, 60_000);
  afterAll(() => app.close());

  it('has a walk for every connection field of the schema, root and nested', () => {
    expect(connectionFields(schema)).toEqual(Object.keys(CONNECTIONS).sort());
  });

  it('has an expected order for every enterprise order field', () => {
    const fields = schema.getType('EnterpriseOrderField');
    expect(isEnumType(fields)).toBe(true);
    if (!isEnumType(fields)) return;
    expect(fields.getValues().map((v) => v.name).sort()).toEqual(Object.keys(ASCENDING).sort());
  });

  /** Whether the field pages backwards too (has last and before), as the schema says. */
  const backward = (key: string) => {
    const [type, field] = key.split('.') as [string, string];
    const args = (schema.getType(type) as any).getFields()[field].args.map((a: { name: string }) => a.name);
    return args.includes('last') && args.includes('before');
  };

  const operation = (key: string) => {
    const spec = CONNECTIONS[key]!;
    const field = key.split('.')[1]!;
    const back = backward(key);
    const paging = back ? 'first: $first, after: $after, last: $last, before: $before' : 'first: $first, after: $after';
    const declared = back ? '$first: Int, $after: String, $last: Int, $before: String' : '$first: Int, $after: String';
    const connection = `c: ${field}(${paging}${spec.args}) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node ${spec.node} } nodes ${spec.nodeId ?? '{ id }'} }`;
    return `query Walk(${declared}${spec.declare}) { ${spec.wrap(connection)} }`;
  };

  type Edge = { cursor: string; node: any };
  type Page = { totalCount: number; pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null }; edges: Edge[] };

  const page = async (key: string, walk: Walk, paging: Record<string, unknown>): Promise<Page> => {
    const r = await app.execute<any, any>(operation(key), { ...walk.vars, ...paging }, walk.viewer());
    expect(r.errors).toBeUndefined();
    // `nodes` are the nodes of `edges`, in their order.
    const { nodes, ...connection } = CONNECTIONS[key]!.unwrap(r.data);
    expect(nodes).toEqual(connection.edges.map((e: Edge) => ({ id: e.node.id })));
    return connection;
  };

  /** The page a correct server gives: `edges`, at `from` in a list of `total`. */
  const expectedPage = (edges: Edge[], from: number, total: number): Page => ({
    totalCount: total,
    pageInfo: {
      hasNextPage: from + edges.length < total,
      hasPreviousPage: from > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    edges,
  });

  for (const [key, spec] of Object.entries(CONNECTIONS)) {
    for (const [name, walk] of Object.entries(spec.walks)) {
      it(`${key} (${name}): each exactly once, forward and back, pageInfo right on every page`, async () => {
        const expected = walk.expected();
        const total = expected.flat().length;

        // One big page: the order written above, group by group; every id once.
        const all = await page(key, walk, { first: 100 });
        expect(all).toEqual(expectedPage(all.edges, 0, total));
        const labels = all.edges.map((e) => spec.label(e.node));
        let at = 0;
        const groups = expected.map((g) => labels.slice(at, (at += g.length)).sort());
        expect(groups).toEqual(expected.map((g) => [...g].sort()));
        expect(labels).toHaveLength(total);
        expect(new Set(all.edges.map((e) => e.node.id)).size).toBe(total);

        for (const size of SIZES) {
          // Forward: first/after until hasNextPage is false.
          const seen: Edge[] = [];
          let after: string | null = null;
          for (;;) {
            const p: Page = await page(key, walk, { first: size, after });
            expect({ size, page: p }).toEqual({ size, page: expectedPage(all.edges.slice(seen.length, seen.length + size), seen.length, total) });
            seen.push(...p.edges);
            if (!p.pageInfo.hasNextPage || seen.length > total) break;
            after = p.pageInfo.endCursor;
          }
          expect(seen.map((e) => e.node.id)).toEqual(all.edges.map((e) => e.node.id));
          if (total > 0) {
            // After the last one: nothing, and no next page.
            const beyond = await page(key, walk, { first: size, after: seen.at(-1)!.cursor });
            expect(beyond).toEqual(expectedPage([], total, total));
          }

          if (!backward(key)) continue;
          // Backward: last/before until hasPreviousPage is false; each page in the list's order.
          const back: Edge[] = [];
          let before: string | null = null;
          for (;;) {
            const p: Page = await page(key, walk, { last: size, before });
            const end = total - back.length;
            const from = Math.max(0, end - size);
            expect({ size, page: p }).toEqual({ size, page: expectedPage(all.edges.slice(from, end), from, total) });
            back.unshift(...p.edges);
            if (!p.pageInfo.hasPreviousPage || back.length > total) break;
            before = p.pageInfo.startCursor;
          }
          expect(back.map((e) => e.node.id)).toEqual(all.edges.map((e) => e.node.id));
          if (total > 0) {
            const beyond = await page(key, walk, { last: size, before: back[0]!.cursor });
            // Before the first one: nothing, and no previous page.
            expect(beyond).toEqual(expectedPage([], 0, total));
          }
        }
      });
    }

    it(`${key}: first 101 (and last 101) is BAD_USER_INPUT; 100 is allowed`, async () => {
      const walk = Object.values(spec.walks)[0]!;
      const refused = async (paging: Record<string, unknown>) => {
        const r = await app.execute<any, any>(operation(key), { ...walk.vars, ...paging }, walk.viewer());
        return r.errors?.map((e) => [e.extensions?.['code'], e.message]);
      };
      expect(await refused({ first: 101 })).toEqual([['BAD_USER_INPUT', 'first must be at most 100; asked for 101.']]);
      expect(await refused({ first: 100 })).toBeUndefined();
      if (backward(key)) {
        expect(await refused({ last: 101 })).toEqual([['BAD_USER_INPUT', 'last must be at most 100; asked for 101.']]);
        expect(await refused({ last: 100 })).toBeUndefined();
      }
    });
  }
});
