import './admin.css';
import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { request } from '../../api';
import { Chart, type ChartOption } from '../../components/Chart';
import { DataTable, type Column } from '../../components/DataTable';
import { SelectField } from '../../components/Field';
import { Loaded } from '../../components/Status';
import { AdminDashboardDocument, type AdminDashboardQuery } from '../../generated/graphql';
import { messages, useFormat, useLanguage } from '../../i18n';
import { useLabel } from '../../labels';
import { useLargeMoney, useNameOf } from './names';
import { quarterName, recentQuarters, zoneToday } from './quarters';

const useText = messages({
  title: ['区域概览', 'Zone portfolio'],
  quarter: ['统计季度', 'Quarter'],
  asOf: ['数据截至 {day}', 'Figures as of {day}'],
  enterprises: ['入区企业', 'Enterprises'],
  highTech: ['高新技术企业', 'High-tech enterprises'],
  university: ['校办企业', 'University enterprises'],
  capital: ['注册资本合计', 'Registered capital'],
  share: ['占 {percent}', '{percent} of all'],
  byPark: ['按园区', 'By park'],
  byCluster: ['按产业集群', 'By industry cluster'],
  byKind: ['按融资工具类型', 'By financing instrument'],
  byYear: ['按财年', 'By fiscal year'],
  byIndustry: ['按产业', 'By industry'],
  park: ['园区', 'Park'],
  cluster: ['产业集群', 'Industry cluster'],
  noCluster: ['未归入集群', 'In no cluster'],
  industry: ['产业', 'Industry'],
  count: ['企业数', 'Enterprises'],
  percent: ['占比', 'Share'],
  kind: ['融资工具类型', 'Instrument kind'],
  instruments: ['笔数', 'Instruments'],
  amount: ['金额（元）', 'Amount (yuan)'],
  activeCount: ['存续笔数', 'Active'],
  activeAmount: ['存续金额（元）', 'Active amount (yuan)'],
  amountAxis: ['金额（亿元）', 'Amount (¥100m)'],
  fiscalYear: ['财年', 'Fiscal year'],
  reporting: ['填报企业数', 'Reporting'],
  revenue: ['营业收入（元）', 'Revenue (yuan)'],
  rdExpense: ['研发费用（元）', 'R&D expense (yuan)'],
  highTechRevenue: ['高新技术产品收入（元）', 'High-tech revenue (yuan)'],
  employees: ['从业人员', 'Employees'],
  stStaff: ['科技人员', 'S&T staff'],
  revenueSeries: ['营业收入', 'Revenue'],
  rdSeries: ['研发费用', 'R&D expense'],
  rdShare: ['研发强度（%）', 'R&D intensity (%)'],
  details: ['明细', 'Details'],
});

type Summary = AdminDashboardQuery['portfolioSummary'];

/** Quarters offered: this one to date and the five years before it. */
const QUARTERS_OFFERED = 21;

/** ECharts' palette for the console: the accent first. */
const PALETTE = ['#0b63b6', '#2bb3a3', '#f2a93b', '#7c5cc4', '#e8684a', '#5b8ff9', '#9ca3af'];

/** 亿元 of a Decimal string, to two places, for chart axes. */
const hundredMillions = (amount: string) => Math.round(Number(amount) / 1e6) / 100;

/**
 * The administrator's home (issue 15): the zone's portfolio as of a quarter's last day (to date for the quarter still
 * running) from `portfolioSummary(asOf:)`: headline figures, then charts by park, industry cluster, instrument kind and
 * fiscal year, each with its table (导出) below, and by industry.
 */
export function DashboardPage() {
  const t = useText();
  const { language } = useLanguage();
  const quarters = useMemo(() => recentQuarters(zoneToday(), QUARTERS_OFFERED), []);
  // The last quarter that has ended: what administrators report each quarter.
  const [asOf, setAsOf] = useState(quarters[1]!.asOf);
  const query = useQuery({ queryKey: ['admin', 'dashboard', asOf], queryFn: () => request(AdminDashboardDocument, { asOf }) });
  return (
    <div className="page dashboard">
      <div className="page-head">
        <h1>{t('title')}</h1>
        <div className="filters">
          <SelectField label={t('quarter')} value={asOf} onChange={(e) => setAsOf(e.target.value)} options={quarters.map((q) => ({ value: q.asOf, label: quarterName(q, language) }))} />
        </div>
      </div>
      <Loaded query={query}>{(data) => <Figures summary={data.portfolioSummary} />}</Loaded>
    </div>
  );
}

function Figures({ summary }: { summary: Summary }) {
  const t = useText();
  const format = useFormat();
  const largeMoney = useLargeMoney();
  const share = (n: number) => (summary.enterpriseCount ? `${((100 * n) / summary.enterpriseCount).toFixed(1)}%` : '—');
  return (
    <>
      <p className="muted as-of">{t('asOf', { day: summary.asOf })}</p>
      <div className="stats">
        <Stat name={t('enterprises')} value={format.number(summary.enterpriseCount)} />
        <Stat name={t('highTech')} value={format.number(summary.highTechCount)} note={t('share', { percent: share(summary.highTechCount) })} />
        <Stat name={t('university')} value={format.number(summary.universityAffiliatedCount)} note={t('share', { percent: share(summary.universityAffiliatedCount) })} />
        <Stat name={t('capital')} value={largeMoney(summary.registeredCapital)} />
      </div>
      <Sections summary={summary} share={share} />
    </>
  );
}

function Stat(props: { name: string; value: string; note?: string }) {
  return (
    <div className="stat">
      <div className="name">{props.name}</div>
      <div className="value">{props.value}</div>
      {props.note && <div className="muted small">{props.note}</div>}
    </div>
  );
}

/** A row of counts; `other` marks the rest (enterprises in no cluster), drawn in grey. */
type Counted = { key: string; name: string; count: number; other?: boolean };

function Sections({ summary, share }: { summary: Summary; share: (n: number) => string }) {
  const t = useText();
  const format = useFormat();
  const label = useLabel();
  const nameOf = useNameOf();

  const parks: Counted[] = summary.byPark.map((p) => ({ key: p.park.code, name: nameOf(p.park), count: p.count }));
  const inClusters = summary.byCluster.reduce((n, c) => n + c.count, 0);
  const clusters: Counted[] = [
    ...summary.byCluster.map((c) => ({ key: c.cluster.code, name: nameOf(c.cluster), count: c.count })),
    ...(summary.enterpriseCount > inClusters ? [{ key: '', name: t('noCluster'), count: summary.enterpriseCount - inClusters, other: true }] : []),
  ];
  const industries: Counted[] = summary.byIndustry.map((i) => ({ key: i.industry, name: label('Industry', i.industry), count: i.count }));
  const kinds = summary.byInstrumentKind;
  const years = [...(summary.byFiscalYear ?? [])].reverse(); // oldest first, as a time axis reads

  const countColumns = (first: string): Column<Counted>[] => [
    { header: first, value: (r) => r.name, width: 28 },
    { header: t('count'), value: (r) => r.count, render: (r) => format.number(r.count), align: 'right' },
    { header: t('percent'), value: (r) => share(r.count), align: 'right' },
  ];
  const kindColumns: Column<Summary['byInstrumentKind'][number]>[] = [
    { header: t('kind'), value: (k) => label('InstrumentKind', k.kind), width: 22 },
    { header: t('instruments'), value: (k) => k.count, render: (k) => format.number(k.count), align: 'right' },
    { header: t('amount'), value: (k) => num(k.totalAmount), render: (k) => format.money(k.totalAmount), align: 'right', width: 22 },
    { header: t('activeCount'), value: (k) => k.activeCount, render: (k) => format.number(k.activeCount), align: 'right' },
    { header: t('activeAmount'), value: (k) => num(k.activeAmount), render: (k) => format.money(k.activeAmount), align: 'right', width: 22 },
  ];
  type Year = NonNullable<Summary['byFiscalYear']>[number];
  const yearColumns: Column<Year>[] = [
    { header: t('fiscalYear'), value: (y) => y.fiscalYear },
    { header: t('reporting'), value: (y) => y.reporting, render: (y) => format.number(y.reporting), align: 'right' },
    { header: t('revenue'), value: (y) => num(y.revenue), render: (y) => format.money(y.revenue), align: 'right', width: 24 },
    { header: t('rdExpense'), value: (y) => num(y.rdExpense), render: (y) => format.money(y.rdExpense), align: 'right', width: 22 },
    { header: t('highTechRevenue'), value: (y) => num(y.highTechRevenue), render: (y) => format.money(y.highTechRevenue), align: 'right', width: 24 },
    { header: t('employees'), value: (y) => y.employees, render: (y) => format.number(y.employees), align: 'right' },
    { header: t('stStaff'), value: (y) => y.scienceAndTechnologyStaff, render: (y) => format.number(y.scienceAndTechnologyStaff), align: 'right' },
  ];

  return (
    <>
      <div className="chart-grid">
        <ChartCard title={t('byPark')} option={barsOption(parks, t('count'))} />
        <ChartCard title={t('byCluster')} option={barsOption(clusters, t('count'))} />
        <ChartCard title={t('byKind')} option={kindOption(kinds, (k) => label('InstrumentKind', k), t('instruments'), t('amountAxis'))} />
        <ChartCard
          title={t('byYear')}
          option={yearOption(years, { revenue: t('revenueSeries'), rd: t('rdSeries'), axis: t('amountAxis'), share: t('rdShare') })}
        />
      </div>
      <h2 className="section-title">{t('details')}</h2>
      <div className="table-grid">
        <DataTable title={t('byPark')} columns={countColumns(t('park'))} rows={parks} rowKey={(r) => r.key} />
        <DataTable title={t('byCluster')} columns={countColumns(t('cluster'))} rows={clusters} rowKey={(r) => r.key || '-'} />
        <DataTable title={t('byIndustry')} columns={countColumns(t('industry'))} rows={industries} rowKey={(r) => r.key} />
        <DataTable title={t('byKind')} columns={kindColumns} rows={kinds} rowKey={(k) => k.kind} />
      </div>
      <DataTable title={t('byYear')} columns={yearColumns} rows={[...years].reverse()} rowKey={(y) => String(y.fiscalYear)} />
    </>
  );
}

/** A Decimal string as a number, for the export's cells (Excel sums them). */
const num = (amount: string | null | undefined) => (amount == null ? null : Number(amount));

function ChartCard(props: { title: string; option: ChartOption }) {
  return (
    <section className="card chart-card" aria-label={props.title}>
      <h2>{props.title}</h2>
      <Chart option={props.option} label={props.title} height={236} />
    </section>
  );
}

// Drawn without animation: the figures are the point, and a screenshot or a test sees the chart as it ends.
const BASE = { animation: false, color: PALETTE, textStyle: { fontFamily: 'inherit' } };

/** Horizontal bars of counts, the largest on top. */
function barsOption(rows: Counted[], name: string): ChartOption {
  const top = [...rows].reverse();
  return {
    ...BASE,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 40, top: 4, bottom: 4, containLabel: true },
    xAxis: { type: 'value', splitLine: { lineStyle: { color: '#eef2f7' } } },
    yAxis: { type: 'category', data: top.map((r) => r.name), axisTick: { show: false } },
    series: [{ name, type: 'bar', data: top.map((r) => (r.other ? { value: r.count, itemStyle: { color: '#cbd5e1' } } : r.count)), barMaxWidth: 16, label: { show: true, position: 'right' }, itemStyle: { borderRadius: [0, 3, 3, 0] } }],
  };
}

/** Instruments of each kind (bars) and their amounts in 亿元 (bars on a second axis). */
function kindOption(kinds: Summary['byInstrumentKind'], kindName: (kind: string) => string, countName: string, amountName: string): ChartOption {
  return {
    ...BASE,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, data: [countName, amountName] },
    grid: { left: 8, right: 8, top: 40, bottom: 0, containLabel: true },
    xAxis: { type: 'category', data: kinds.map((k) => kindName(k.kind)), axisLabel: { interval: 0, rotate: 35, fontSize: 11 }, axisTick: { show: false } },
    yAxis: [
      { type: 'value', name: countName, splitLine: { lineStyle: { color: '#eef2f7' } } },
      { type: 'value', name: amountName, splitLine: { show: false } },
    ],
    series: [
      { name: countName, type: 'bar', data: kinds.map((k) => k.count), barMaxWidth: 14 },
      { name: amountName, type: 'bar', yAxisIndex: 1, data: kinds.map((k) => hundredMillions(k.totalAmount ?? '0')), barMaxWidth: 14 },
    ],
  };
}

/** Revenue and R&D expense in 亿元 by fiscal year (bars), and R&D intensity (a line on its own axis). */
function yearOption(years: NonNullable<Summary['byFiscalYear']>, names: { revenue: string; rd: string; axis: string; share: string }): ChartOption {
  return {
    ...BASE,
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: [names.revenue, names.rd, names.share] },
    grid: { left: 8, right: 8, top: 40, bottom: 0, containLabel: true },
    xAxis: { type: 'category', data: years.map((y) => String(y.fiscalYear)), axisTick: { show: false } },
    yAxis: [
      { type: 'value', name: names.axis, splitLine: { lineStyle: { color: '#eef2f7' } } },
      { type: 'value', name: names.share, splitLine: { show: false }, axisLabel: { formatter: '{value}%' } },
    ],
    series: [
      { name: names.revenue, type: 'bar', data: years.map((y) => hundredMillions(y.revenue)), barMaxWidth: 18 },
      { name: names.rd, type: 'bar', data: years.map((y) => hundredMillions(y.rdExpense)), barMaxWidth: 18 },
      {
        name: names.share,
        type: 'line',
        yAxisIndex: 1,
        smooth: true,
        data: years.map((y) => (Number(y.revenue) ? Math.round((10000 * Number(y.rdExpense)) / Number(y.revenue)) / 100 : null)),
      },
    ],
  };
}
