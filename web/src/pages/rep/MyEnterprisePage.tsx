import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { request } from '../../api';
import { DataTable, type Column } from '../../components/DataTable';
import { Pager } from '../../components/Pager';
import { Loaded } from '../../components/Status';
import {
  RepEnterpriseDocument,
  type RepEnterpriseQuery,
  RepInstrumentsDocument,
  type RepInstrumentsQuery,
  RepProjectsDocument,
  type RepProjectsQuery,
} from '../../generated/graphql';
import { messages, useFormat, useLanguage } from '../../i18n';
import { useLabel } from '../../labels';
import { useViewer } from '../../session';
import { useForwardPages } from '../bank/paging';

const PAGE_SIZE = 10;

const useText = messages({
  title: ['本企业信息', 'My enterprise'],
  none: ['未找到本企业的登记信息。', 'Your enterprise is not on record.'],
  profile: ['基本信息', 'Profile'],
  creditCode: ['统一社会信用代码', 'Credit code'],
  nameEn: ['英文名称', 'English name'],
  industry: ['产业领域', 'Industry'],
  park: ['所在园区', 'Park'],
  cluster: ['产业集群', 'Cluster'],
  size: ['企业规模', 'Size'],
  foundedOn: ['成立日期', 'Founded on'],
  registeredCapital: ['注册资本（元）', 'Registered capital (yuan)'],
  highTech: ['高新技术企业', 'High-tech enterprise'],
  highTechField: ['高新技术领域', 'High-tech field'],
  economicSector: ['国民经济行业', 'Economic sector'],
  stateOwned: ['国有企业', 'State-owned'],
  university: ['高校（院所）背景', 'University affiliation'],
  yes: ['是', 'Yes'],
  no: ['否', 'No'],
  certificates: ['高新技术企业证书', 'High-tech certificates'],
  number: ['证书编号', 'Number'],
  issuedOn: ['发证日期', 'Issued on'],
  validFrom: ['生效日', 'Valid from'],
  validUntil: ['有效期至', 'Valid until'],
  criteriaVersion: ['认定办法', 'Rules'],
  qualifications: ['资质', 'Qualifications'],
  kind: ['类别', 'Kind'],
  issuer: ['发证机关', 'Issuer'],
  financials: ['年度财务数据', 'Yearly figures'],
  fiscalYear: ['会计年度', 'Fiscal year'],
  revenue: ['销售收入（元）', 'Revenue (yuan)'],
  rdExpense: ['研发费用（元）', 'R&D expense (yuan)'],
  rdExpenseInChina: ['境内研发费用（元）', 'R&D in China (yuan)'],
  highTechRevenue: ['高新技术收入（元）', 'High-tech revenue (yuan)'],
  totalIncome: ['收入总额（元）', 'Total income (yuan)'],
  totalAssets: ['资产总额（元）', 'Total assets (yuan)'],
  employees: ['职工总数', 'Employees'],
  stStaff: ['科技人员', 'S&T staff'],
  rdStaff: ['研发人员', 'R&D staff'],
  innovationScore: ['创新能力评价得分', 'Innovation score'],
  instruments: ['融资记录', 'Financing instruments'],
  instrumentKind: ['类型', 'Kind'],
  status: ['状态', 'Status'],
  amount: ['金额（元）', 'Amount (yuan)'],
  startsOn: ['起始日', 'Starts on'],
  endsOn: ['到期日', 'Ends on'],
  counterparty: ['贷款银行', 'Lender'],
  contract: ['合同编号', 'Contract'],
  projects: ['产学研项目', 'Research projects'],
  projectTitle: ['项目名称', 'Title'],
  budget: ['总预算（元）', 'Total budget (yuan)'],
  platform: ['联合研发平台', 'Joint platform'],
  participants: ['参与单位', 'Participants'],
});

type Enterprise = NonNullable<RepEnterpriseQuery['enterprise']>;
type Instrument = NonNullable<RepInstrumentsQuery['enterprise']>['instruments'] extends infer C
  ? C extends { nodes: (infer N)[] }
    ? N
    : never
  : never;
type Project = NonNullable<RepProjectsQuery['enterprise']>['projects'] extends infer C ? (C extends { nodes: (infer N)[] } ? N : never) : never;

/** 本企业信息: the representative's own enterprise as the registry keeps it, everything its role may read. */
export function MyEnterprisePage() {
  const t = useText();
  const viewer = useViewer().data;
  const creditCode = viewer?.organization?.__typename === 'Enterprise' ? viewer.organization.creditCode : null;
  const query = useQuery({
    queryKey: ['rep', 'enterprise', creditCode],
    queryFn: () => request(RepEnterpriseDocument, { creditCode: creditCode! }),
    enabled: creditCode != null,
  });
  if (!creditCode) return <p className="page">{t('none')}</p>;
  return (
    <div className="page">
      <Loaded query={query}>
        {(data) =>
          data.enterprise ? (
            <>
              <h1>{data.enterprise.name}</h1>
              <Profile enterprise={data.enterprise} />
              <Honours enterprise={data.enterprise} />
              <Financials enterprise={data.enterprise} />
              <Instruments creditCode={creditCode} />
              <Projects creditCode={creditCode} />
            </>
          ) : (
            <p>{t('none')}</p>
          )
        }
      </Loaded>
    </div>
  );
}

function Profile({ enterprise: e }: { enterprise: Enterprise }) {
  const t = useText();
  const label = useLabel();
  const format = useFormat();
  const { language } = useLanguage();
  const yesNo = (b: boolean) => (b ? t('yes') : t('no'));
  const facts: [string, string][] = [
    [t('creditCode'), e.creditCode],
    [t('nameEn'), e.nameEn ?? '—'],
    [t('industry'), label('Industry', e.industry)],
    [t('park'), language === 'zh' ? e.park.name : (e.park.nameEn ?? e.park.name)],
    [t('cluster'), e.cluster?.name ?? '—'],
    [t('size'), label('EnterpriseSize', e.size)],
    [t('foundedOn'), format.date(e.foundedOn)],
    [t('registeredCapital'), format.money(e.registeredCapital)],
    [t('highTech'), yesNo(e.isHighTech)],
    [t('highTechField'), label('HighTechField', e.highTechField)],
    [t('economicSector'), label('EconomicSector', e.economicSector)],
    [t('stateOwned'), yesNo(e.isStateOwned)],
    [t('university'), e.university?.name ?? yesNo(e.isUniversityAffiliated)],
  ];
  return (
    <section className="card" aria-label={t('profile')}>
      <h2>{t('profile')}</h2>
      <dl className="facts">
        {facts.map(([name, value]) => (
          <div key={name} style={{ display: 'contents' }}>
            <dt>{name}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function Honours({ enterprise: e }: { enterprise: Enterprise }) {
  const t = useText();
  const label = useLabel();
  const format = useFormat();
  type Certificate = NonNullable<Enterprise['highTechCertificates']>[number];
  type Qualification = NonNullable<Enterprise['qualifications']>[number];
  const certificateColumns: Column<Certificate>[] = [
    { header: t('number'), value: (c) => c.number, width: 20 },
    { header: t('issuedOn'), value: (c) => format.date(c.issuedOn) },
    { header: t('validUntil'), value: (c) => format.date(c.validUntil) },
    { header: t('criteriaVersion'), value: (c) => label('HighTechCriteriaVersion', c.criteriaVersion) },
  ];
  const qualificationColumns: Column<Qualification>[] = [
    { header: t('kind'), value: (q) => label('QualificationKind', q.kind), width: 24 },
    { header: t('number'), value: (q) => q.number, width: 24 },
    { header: t('issuer'), value: (q) => q.issuer, width: 30 },
    { header: t('validFrom'), value: (q) => format.date(q.validFrom) },
    { header: t('validUntil'), value: (q) => format.date(q.validUntil) },
  ];
  return (
    <div className="grid">
      <DataTable title={t('certificates')} columns={certificateColumns} rows={e.highTechCertificates ?? []} rowKey={(c) => c.id} />
      <DataTable title={t('qualifications')} columns={qualificationColumns} rows={e.qualifications ?? []} rowKey={(q) => q.id} />
    </div>
  );
}

function Financials({ enterprise: e }: { enterprise: Enterprise }) {
  const t = useText();
  const format = useFormat();
  type Year = NonNullable<Enterprise['financials']>[number];
  const money = (pick: (y: Year) => string | null) => (y: Year) => {
    const amount = pick(y);
    return amount == null ? null : Number(amount);
  };
  const moneyColumn = (header: string, pick: (y: Year) => string | null): Column<Year> => ({
    header,
    value: money(pick),
    render: (y) => format.money(pick(y)),
    align: 'right',
    width: 18,
  });
  const columns: Column<Year>[] = [
    { header: t('fiscalYear'), value: (y) => y.fiscalYear },
    moneyColumn(t('revenue'), (y) => y.revenue),
    moneyColumn(t('rdExpense'), (y) => y.rdExpense),
    moneyColumn(t('rdExpenseInChina'), (y) => y.rdExpenseInChina),
    moneyColumn(t('highTechRevenue'), (y) => y.highTechRevenue),
    moneyColumn(t('totalIncome'), (y) => y.totalIncome),
    moneyColumn(t('totalAssets'), (y) => y.totalAssets),
    { header: t('employees'), value: (y) => y.employees, align: 'right' },
    { header: t('stStaff'), value: (y) => y.scienceAndTechnologyStaff, align: 'right' },
    { header: t('rdStaff'), value: (y) => y.rdStaff, align: 'right' },
    { header: t('innovationScore'), value: (y) => y.innovationScore, align: 'right' },
  ];
  return <DataTable title={t('financials')} columns={columns} rows={e.financials ?? []} rowKey={(y) => y.id} />;
}

function Instruments({ creditCode }: { creditCode: string }) {
  const t = useText();
  const label = useLabel();
  const format = useFormat();
  const pages = useForwardPages(PAGE_SIZE);
  const query = useQuery({
    queryKey: ['rep', 'instruments', creditCode, pages.after],
    queryFn: () => request(RepInstrumentsDocument, { creditCode, first: pages.first, after: pages.after }),
    placeholderData: keepPreviousData,
  });
  const lender = (i: Instrument) => ('lender' in i ? (i.lender?.name ?? null) : null);
  const contract = (i: Instrument) => ('contractNumber' in i ? (i.contractNumber ?? null) : null);
  const columns: Column<Instrument>[] = [
    { header: t('instrumentKind'), value: (i) => ('kind' in i ? label('InstrumentKind', i.kind) : null), width: 20 },
    { header: t('status'), value: (i) => ('status' in i ? label('InstrumentStatus', i.status) : null) },
    {
      header: t('amount'),
      value: (i) => ('amount' in i && i.amount != null ? Number(i.amount) : null),
      render: (i) => ('amount' in i ? format.money(i.amount) : '—'),
      align: 'right',
      width: 18,
    },
    { header: t('startsOn'), value: (i) => ('startsOn' in i ? format.date(i.startsOn) : null) },
    { header: t('endsOn'), value: (i) => ('endsOn' in i ? format.date(i.endsOn) : null) },
    { header: t('counterparty'), value: lender, width: 20 },
    { header: t('contract'), value: contract, width: 20 },
  ];
  return (
    <Loaded query={query}>
      {(data) => {
        const list = data.enterprise?.instruments;
        return (
          <DataTable
            title={t('instruments')}
            columns={columns}
            rows={list?.nodes ?? []}
            rowKey={(i) => ('id' in i ? i.id : JSON.stringify(i))}
            footer={list && <Pager pageInfo={list.pageInfo} totalCount={list.totalCount} size={PAGE_SIZE} onPage={pages.onPage} />}
          />
        );
      }}
    </Loaded>
  );
}

function Projects({ creditCode }: { creditCode: string }) {
  const t = useText();
  const label = useLabel();
  const format = useFormat();
  const pages = useForwardPages(PAGE_SIZE);
  const query = useQuery({
    queryKey: ['rep', 'projects', creditCode, pages.after],
    queryFn: () => request(RepProjectsDocument, { creditCode, first: pages.first, after: pages.after }),
    placeholderData: keepPreviousData,
  });
  const participants = (p: Project) =>
    p.participants.map((x) => `${x.enterprise?.name ?? x.institution?.name ?? '—'}（${label('ParticipantRole', x.role)}）`).join('、');
  const columns: Column<Project>[] = [
    { header: t('projectTitle'), value: (p) => p.title, width: 36 },
    { header: t('status'), value: (p) => label('ProjectStatus', p.status) },
    { header: t('startsOn'), value: (p) => format.date(p.startsOn) },
    { header: t('endsOn'), value: (p) => format.date(p.endsOn) },
    { header: t('budget'), value: (p) => Number(p.totalBudget), render: (p) => format.money(p.totalBudget), align: 'right', width: 18 },
    { header: t('platform'), value: (p) => p.platform, width: 24 },
    { header: t('participants'), value: participants, width: 60 },
  ];
  return (
    <Loaded query={query}>
      {(data) => {
        const list = data.enterprise?.projects;
        return (
          <DataTable
            title={t('projects')}
            columns={columns}
            rows={list?.nodes ?? []}
            rowKey={(p) => p.id}
            footer={list && <Pager pageInfo={list.pageInfo} totalCount={list.totalCount} size={PAGE_SIZE} onPage={pages.onPage} />}
          />
        );
      }}
    </Loaded>
  );
}
