import { useActorDescription } from './lists/actors';
import './admin.css';
import type { ReactNode } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'wouter';
import { request } from '../../api';
import { DataTable, type Column } from '../../components/DataTable';
import { Pager } from '../../components/Pager';
import { Loaded } from '../../components/Status';
import {
  AdminEnterpriseAuditDocument,
  AdminEnterpriseDocument,
  AdminEnterpriseInstrumentsDocument,
  AdminEnterprisePlansDocument,
  AdminEnterpriseProjectsDocument,
  type AdminEnterpriseAuditQuery,
  type AdminEnterpriseInstrumentsQuery,
  type AdminEnterprisePlansQuery,
  type AdminEnterpriseProjectsQuery,
  type AdminEnterpriseQuery,
} from '../../generated/graphql';
import { messages, useFormat } from '../../i18n';
import { useLabel } from '../../labels';
import { useNameOf } from './names';
import { listAddress, useForwardPages } from './paging';

const useText = messages({
  back: ['← 返回企业名录', '← Back to the enterprises'],
  notFound: ['没有统一社会信用代码为 {code} 的企业。', 'No enterprise has the credit code {code}.'],
  profile: ['基本信息', 'Profile'],
  creditCode: ['统一社会信用代码', 'Credit code'],
  park: ['园区', 'Park'],
  industry: ['产业', 'Industry'],
  cluster: ['产业集群', 'Industry cluster'],
  size: ['企业规模', 'Size'],
  foundedOn: ['成立日期', 'Founded'],
  capital: ['注册资本', 'Registered capital'],
  stateOwned: ['国有企业', 'State-owned'],
  listed: ['上市公司', 'Listed on an exchange'],
  university: ['所属高校', 'Owning university'],
  highTech: ['高新技术企业', 'High-tech enterprise'],
  universityBadge: ['校办企业', 'University enterprise'],
  yes: ['是', 'Yes'],
  no: ['否', 'No'],
  unknown: ['不详', 'Not known'],
  none: ['无', 'None'],
  financials: ['财务数据（按财年）', 'Financials by fiscal year'],
  fiscalYear: ['财年', 'Fiscal year'],
  revenue: ['营业收入（元）', 'Revenue (yuan)'],
  rdExpense: ['研发费用（元）', 'R&D expense (yuan)'],
  rdInChina: ['境内研发费用（元）', 'R&D in China (yuan)'],
  highTechRevenue: ['高新技术产品收入（元）', 'High-tech revenue (yuan)'],
  totalIncome: ['收入总额（元）', 'Total income (yuan)'],
  totalAssets: ['资产总额（元）', 'Total assets (yuan)'],
  employees: ['从业人员', 'Employees'],
  stStaff: ['科技人员', 'S&T staff'],
  rdStaff: ['研发人员', 'R&D staff'],
  instruments: ['融资工具', 'Financing instruments'],
  kind: ['类型', 'Kind'],
  counterparty: ['交易对手', 'Counterparty'],
  amount: ['金额（元）', 'Amount (yuan)'],
  status: ['状态', 'Status'],
  startsOn: ['起始日期', 'Starts'],
  endsOn: ['到期日期', 'Ends'],
  projects: ['产学研项目', 'Joint research projects'],
  projectTitle: ['项目名称', 'Project'],
  participants: ['参与单位', 'Participants'],
  budget: ['总预算（元）', 'Total budget (yuan)'],
  plans: ['股权激励计划', 'Equity incentive plans'],
  planTitle: ['计划名称', 'Plan'],
  form: ['激励方式', 'Form'],
  approvedOn: ['批准日期', 'Approved'],
  equityShare: ['激励股权比例', 'Equity share'],
  qualifications: ['资质与证书', 'Qualifications and certificates'],
  certificate: ['资质', 'Qualification'],
  highTechCertificate: ['高新技术企业证书', 'High-tech enterprise certificate'],
  number: ['证书编号', 'Number'],
  issuer: ['发证机关', 'Issuer'],
  validFrom: ['有效期起', 'Valid from'],
  validUntil: ['有效期至', 'Valid until'],
  hightechIssuer: ['高新技术企业认定管理机构', 'High-tech certification authority'],
  audit: ['审计记录', 'Audit trail'],
  occurredAt: ['时间', 'When'],
  actor: ['操作人', 'Who'],
  operation: ['操作', 'Operation'],
  purpose: ['用途', 'Purpose'],
  outcome: ['结果', 'Outcome'],
  withRole: ['{name}（{role}）', '{name} ({role})'],
  listSeparator: ['、', '; '],
});

/** Rows a page of each paged list holds. */
const PAGE_SIZE = 10;

type Profile = NonNullable<AdminEnterpriseQuery['enterprise']>;

/** An enterprise's page (issue 15): profile, financials, instruments, projects, plans, qualifications, audit trail. */
export function EnterprisePage() {
  const { creditCode } = useParams<{ creditCode: string }>();
  // A page of its own per enterprise: another enterprise's lists start again from their first page.
  return <EnterpriseDetail key={creditCode} creditCode={creditCode} />;
}

function EnterpriseDetail({ creditCode }: { creditCode: string }) {
  const t = useText();
  const query = useQuery({ queryKey: ['admin', 'enterprise', creditCode], queryFn: () => request(AdminEnterpriseDocument, { creditCode }) });
  return (
    <div className="page">
      <p>
        <Link href={listAddress.current}>{t('back')}</Link>
      </p>
      <Loaded query={query}>
        {(data) =>
          data.enterprise ? (
            <>
              <ProfileCard enterprise={data.enterprise} />
              <Financials enterprise={data.enterprise} />
              <Instruments creditCode={creditCode} />
              <Projects creditCode={creditCode} />
              <Plans creditCode={creditCode} />
              <Qualifications enterprise={data.enterprise} />
              <Audit creditCode={creditCode} />
            </>
          ) : (
            <p className="empty-state">{t('notFound', { code: creditCode })}</p>
          )
        }
      </Loaded>
    </div>
  );
}

function ProfileCard({ enterprise: e }: { enterprise: Profile }) {
  const t = useText();
  const label = useLabel();
  const format = useFormat();
  const nameOf = useNameOf();
  const known = (v: boolean | null) => (v == null ? t('unknown') : v ? t('yes') : t('no'));
  const facts: [string, ReactNode][] = [
    [t('creditCode'), e.creditCode],
    [t('park'), nameOf(e.park)],
    [t('industry'), label('Industry', e.industry)],
    [t('cluster'), e.cluster ? nameOf(e.cluster) : t('none')],
    [t('size'), label('EnterpriseSize', e.size)],
    [t('foundedOn'), format.date(e.foundedOn)],
    [t('capital'), `${format.money(e.registeredCapital)} 元`],
    [t('stateOwned'), known(e.isStateOwned)],
    [t('listed'), known(e.isListedOnExchange)],
    [t('university'), e.university ? nameOf(e.university) : t('none')],
  ];
  return (
    <section className="card profile" aria-label={t('profile')}>
      <h1>
        {e.name}
        {e.isHighTech && <span className="badge ok">{t('highTech')}</span>}
        {e.university && <span className="badge">{t('universityBadge')}</span>}
      </h1>
      {e.nameEn && <p className="muted">{e.nameEn}</p>}
      <dl className="facts columns">
        {facts.map(([name, value]) => (
          <div key={name}>
            <dt>{name}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** A Decimal string as a number for the export (Excel sums it); null stays empty. */
const num = (amount: string | null | undefined) => (amount == null ? null : Number(amount));

function Financials({ enterprise }: { enterprise: Profile }) {
  const t = useText();
  const format = useFormat();
  type Year = NonNullable<Profile['financials']>[number];
  const money = (header: string, pick: (y: Year) => string | null): Column<Year> => ({
    header,
    value: (y) => num(pick(y)),
    render: (y) => format.money(pick(y)),
    align: 'right',
    width: 20,
  });
  const count = (header: string, pick: (y: Year) => number | null): Column<Year> => ({
    header,
    value: (y) => pick(y),
    render: (y) => format.number(pick(y)),
    align: 'right',
  });
  const columns: Column<Year>[] = [
    { header: t('fiscalYear'), value: (y) => y.fiscalYear },
    money(t('revenue'), (y) => y.revenue),
    money(t('rdExpense'), (y) => y.rdExpense),
    money(t('rdInChina'), (y) => y.rdExpenseInChina),
    money(t('highTechRevenue'), (y) => y.highTechRevenue),
    money(t('totalIncome'), (y) => y.totalIncome),
    money(t('totalAssets'), (y) => y.totalAssets),
    count(t('employees'), (y) => y.employees),
    count(t('stStaff'), (y) => y.scienceAndTechnologyStaff),
    count(t('rdStaff'), (y) => y.rdStaff),
  ];
  return <DataTable title={t('financials')} columns={columns} rows={enterprise.financials ?? []} rowKey={(y) => String(y.fiscalYear)} />;
}

type Instrument = NonNullable<NonNullable<AdminEnterpriseInstrumentsQuery['enterprise']>['instruments']>['nodes'][number];

/** Who is on the other side of an instrument: the lender, insurer, fund, pool, underwriter, sponsor broker or center. */
function counterparty(i: Instrument): string | null {
  switch (i.__typename) {
    case 'CreditLoan':
    case 'IpPledgeLoan':
      return i.lender?.name ?? null;
    case 'TechInsurancePolicy':
      return i.insurer?.name ?? null;
    case 'Reinsurance':
      return i.reinsurer?.name ?? null;
    case 'FundInvestment':
      return i.fund?.name ?? null;
    case 'RiskCompensationCover':
      return i.pool?.name ?? null;
    case 'CollectiveBond':
    case 'SmeCollectiveNote':
    case 'ShortTermBill':
    case 'MediumTermNote':
      return i.underwriter;
    case 'NeeqListing':
      return i.sponsorBroker;
    case 'RegionalOtcListing':
      return i.center;
    default:
      return null;
  }
}

function Instruments({ creditCode }: { creditCode: string }) {
  const t = useText();
  const label = useLabel();
  const format = useFormat();
  const pages = useForwardPages(PAGE_SIZE);
  const query = useQuery({
    queryKey: ['admin', 'enterprise', creditCode, 'instruments', pages.variables],
    queryFn: () => request(AdminEnterpriseInstrumentsDocument, { creditCode, ...pages.variables }),
    placeholderData: keepPreviousData,
  });
  // An administrator sees every instrument in full; the restricted form is a bank's.
  type Full = Exclude<Instrument, { __typename: 'RestrictedInstrument' }>;
  const columns: Column<Full>[] = [
    { header: t('kind'), value: (i) => label('InstrumentKind', i.kind), width: 18 },
    { header: t('counterparty'), value: (i) => counterparty(i), width: 28 },
    { header: t('amount'), value: (i) => num(i.amount), render: (i) => format.money(i.amount), align: 'right', width: 20 },
    { header: t('status'), value: (i) => label('InstrumentStatus', i.status) },
    { header: t('startsOn'), value: (i) => i.startsOn, width: 12 },
    { header: t('endsOn'), value: (i) => i.endsOn, width: 12 },
  ];
  return (
    <Loaded query={query}>
      {(data) => {
        // Null only for a viewer the field is masked to (never an administrator).
        const connection = data.enterprise?.instruments;
        if (!connection) return null;
        const rows = connection.nodes.filter((i): i is Full => i.__typename !== 'RestrictedInstrument');
        return (
          <DataTable title={t('instruments')} columns={columns} rows={rows} rowKey={(i) => i.id} footer={<Pager totalCount={connection.totalCount} {...pages.pager(connection.pageInfo)} />} />
        );
      }}
    </Loaded>
  );
}

type Project = NonNullable<NonNullable<AdminEnterpriseProjectsQuery['enterprise']>['projects']>['nodes'][number];

function Projects({ creditCode }: { creditCode: string }) {
  const t = useText();
  const label = useLabel();
  const format = useFormat();
  const pages = useForwardPages(PAGE_SIZE);
  const query = useQuery({
    queryKey: ['admin', 'enterprise', creditCode, 'projects', pages.variables],
    queryFn: () => request(AdminEnterpriseProjectsDocument, { creditCode, ...pages.variables }),
    placeholderData: keepPreviousData,
  });
  const participants = (p: Project) =>
    p.participants.map((x) => t('withRole', { name: x.enterprise?.name ?? x.institution?.name ?? '—', role: label('ParticipantRole', x.role) })).join(t('listSeparator'));
  const columns: Column<Project>[] = [
    { header: t('projectTitle'), value: (p) => p.title, width: 36 },
    { header: t('participants'), value: participants, render: (p) => <span className="wrap">{participants(p)}</span>, width: 60 },
    { header: t('status'), value: (p) => label('ProjectStatus', p.status) },
    { header: t('startsOn'), value: (p) => p.startsOn, width: 12 },
    { header: t('endsOn'), value: (p) => p.endsOn, width: 12 },
    { header: t('budget'), value: (p) => num(p.totalBudget), render: (p) => format.money(p.totalBudget), align: 'right', width: 18 },
  ];
  return (
    <Loaded query={query}>
      {(data) => {
        // Null only for a viewer the field is masked to (never an administrator).
        const connection = data.enterprise?.projects;
        if (!connection) return null;
        return (
          <DataTable title={t('projects')} columns={columns} rows={connection.nodes} rowKey={(p) => p.id} footer={<Pager totalCount={connection.totalCount} {...pages.pager(connection.pageInfo)} />} />
        );
      }}
    </Loaded>
  );
}

type Plan = NonNullable<NonNullable<AdminEnterprisePlansQuery['enterprise']>['incentivePlans']>['nodes'][number];

function Plans({ creditCode }: { creditCode: string }) {
  const t = useText();
  const label = useLabel();
  const pages = useForwardPages(PAGE_SIZE);
  const query = useQuery({
    queryKey: ['admin', 'enterprise', creditCode, 'plans', pages.variables],
    queryFn: () => request(AdminEnterprisePlansDocument, { creditCode, ...pages.variables }),
    placeholderData: keepPreviousData,
  });
  const columns: Column<Plan>[] = [
    { header: t('planTitle'), value: (p) => p.title, width: 36 },
    { header: t('form'), value: (p) => label('IncentiveForm', p.form), width: 14 },
    { header: t('status'), value: (p) => label('PlanStatus', p.status) },
    { header: t('approvedOn'), value: (p) => p.approvedOn, width: 12 },
    { header: t('endsOn'), value: (p) => p.endsOn, width: 12 },
    { header: t('equityShare'), value: (p) => (p.totalEquityShare == null ? null : `${Number(p.totalEquityShare).toFixed(2)}%`), align: 'right' },
  ];
  return (
    <Loaded query={query}>
      {(data) => {
        const connection = data.enterprise?.incentivePlans;
        if (!connection) return null;
        return <DataTable title={t('plans')} columns={columns} rows={connection.nodes} rowKey={(p) => p.id} footer={<Pager totalCount={connection.totalCount} {...pages.pager(connection.pageInfo)} />} />;
      }}
    </Loaded>
  );
}

type Held = { key: string; name: string; number: string; issuer: string; validFrom: string; validUntil: string };

function Qualifications({ enterprise }: { enterprise: Profile }) {
  const t = useText();
  const label = useLabel();
  // The high-tech certificates first (the zone's own measure), then the other qualifications, each newest first.
  const rows: Held[] = [
    ...[...(enterprise.highTechCertificates ?? [])]
      .sort((a, b) => b.issuedOn.localeCompare(a.issuedOn))
      .map((c) => ({ key: c.id, name: t('highTechCertificate'), number: c.number, issuer: t('hightechIssuer'), validFrom: c.issuedOn, validUntil: c.validUntil })),
    ...[...(enterprise.qualifications ?? [])]
      .sort((a, b) => b.validFrom.localeCompare(a.validFrom))
      .map((q) => ({ key: q.id, name: label('QualificationKind', q.kind), number: q.number, issuer: q.issuer, validFrom: q.validFrom, validUntil: q.validUntil })),
  ];
  const columns: Column<Held>[] = [
    { header: t('certificate'), value: (q) => q.name, width: 20 },
    { header: t('number'), value: (q) => q.number, width: 22 },
    { header: t('issuer'), value: (q) => q.issuer, width: 28 },
    { header: t('validFrom'), value: (q) => q.validFrom, width: 12 },
    { header: t('validUntil'), value: (q) => q.validUntil, width: 12 },
  ];
  return <DataTable title={t('qualifications')} columns={columns} rows={rows} rowKey={(q) => q.key} />;
}

type Event = AdminEnterpriseAuditQuery['auditEvents']['nodes'][number];

function Audit({ creditCode }: { creditCode: string }) {
  const t = useText();
  const label = useLabel();
  const format = useFormat();
  const pages = useForwardPages(PAGE_SIZE);
  const query = useQuery({
    queryKey: ['admin', 'enterprise', creditCode, 'audit', pages.variables],
    queryFn: () => request(AdminEnterpriseAuditDocument, { creditCode, ...pages.variables }),
    placeholderData: keepPreviousData,
  });
  const describeActor = useActorDescription();
  const columns: Column<Event>[] = [
    { header: t('occurredAt'), value: (e) => format.dateTime(e.occurredAt), width: 20 },
    { header: t('actor'), value: (e) => (e.actor ? t('withRole', { name: e.actor.name, role: label('Role', e.actor.role) }) : describeActor(null)), width: 28 },
    { header: t('operation'), value: (e) => e.operation, width: 28 },
    { header: t('purpose'), value: (e) => e.purpose, width: 20 },
    { header: t('outcome'), value: (e) => label('AuditOutcome', e.outcome) },
  ];
  return (
    <Loaded query={query}>
      {(data) => (
        <DataTable title={t('audit')} columns={columns} rows={data.auditEvents.nodes} rowKey={(e) => e.id} footer={<Pager totalCount={data.auditEvents.totalCount} {...pages.pager(data.auditEvents.pageInfo)} />} />
      )}
    </Loaded>
  );
}
