import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { Link } from 'wouter';
import { request } from '../../../api';
import { DataTable, type Column } from '../../../components/DataTable';
import { SelectField, TextField } from '../../../components/Field';
import { Pager } from '../../../components/Pager';
import { Loaded } from '../../../components/Status';
import {
  AdminOutreachCountDocument,
  AdminOutreachListDocument,
  AdminOutreachProgramsDocument,
  type AdminOutreachListQuery,
  type AdminOutreachListQueryVariables,
  type AdminOutreachProgramsQuery,
  type EnterpriseFilter,
  type Industry,
} from '../../../generated/graphql';
import { messages, useFormat, useLanguage } from '../../../i18n';
import { useEnumOptions, useLabel } from '../../../labels';
import { PAGE_SIZE, useCursor } from './paging';
import { zoneToday } from './zoneDates';

const useText = messages({
  title: ['政策推介名单', 'Outreach lists'],
  intro: [
    '符合试点政策条件、但尚未享受该政策的企业（按所选日期现行规则评估），供管委会主动上门推介。',
    'Enterprises that qualify for a pilot program under the rules in force on the date, but do not use it yet: whom the zone should approach.',
  ],
  programs: ['各试点政策的推介名单', 'Outreach by program'],
  program: ['试点政策', 'Program'],
  uptake: ['视为已享受政策的情形', 'Counted as using it'],
  rules: ['现行规则', 'Rules in force'],
  version: ['第 {version} 版（{from} 起）', 'Version {version} (from {from})'],
  noRules: ['该日无现行规则', 'None in force that day'],
  count: ['推介企业数', 'Enterprises to approach'],
  counting: ['计算中…', 'Counting…'],
  asOf: ['评估日期', 'As of'],
  search: ['名称或代码', 'Name or code'],
  industry: ['行业', 'Industry'],
  park: ['园区', 'Park'],
  all: ['全部', 'All'],
  listOf: ['推介名单：{program}', 'Outreach: {program}'],
  creditCode: ['统一社会信用代码', 'Credit code'],
  name: ['企业名称', 'Enterprise'],
  size: ['规模', 'Size'],
  highTech: ['高新技术企业', 'High-tech'],
  foundedOn: ['成立日期', 'Founded'],
  yes: ['是', 'Yes'],
  no: ['否', 'No'],
  choose: ['请选择试点政策。', 'Choose a program.'],
});

type Program = AdminOutreachProgramsQuery['programs'][number];
type Park = AdminOutreachProgramsQuery['parks'][number];
type Row = AdminOutreachListQuery['enterprises']['nodes'][number];

/** 政策推介名单: per pilot program, the enterprises eligible on a date that do not use it yet (`EnterpriseFilter.outreach`). */
export function OutreachPage() {
  const t = useText();
  const [asOf, setAsOf] = useState(zoneToday);
  const programs = useQuery({
    queryKey: ['admin-outreach', 'programs', asOf],
    queryFn: () => request(AdminOutreachProgramsDocument, { asOf }),
    placeholderData: keepPreviousData,
  });
  return (
    <div className="page">
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      <div className="filters">
        <TextField label={t('asOf')} type="date" value={asOf} onChange={(e) => e.target.value && setAsOf(e.target.value)} required />
      </div>
      <Loaded query={programs}>{(data) => <Outreach programs={data.programs} parks={data.parks} asOf={asOf} />}</Loaded>
    </div>
  );
}

function Outreach(props: { programs: Program[]; parks: Park[]; asOf: string }) {
  const t = useText();
  const label = useLabel();
  const format = useFormat();
  const { language } = useLanguage();
  const [program, setProgram] = useState(props.programs[0]?.code ?? '');
  const nameOf = (p: { name: string; nameEn: string | null }) => (language === 'en' ? (p.nameEn ?? p.name) : p.name);

  // How many each program's list holds: one small count per program (a handful), answered by the same SQL as the list.
  const counts = useQueries({
    queries: props.programs.map((p) => ({
      queryKey: ['admin-outreach', 'count', p.code, props.asOf],
      queryFn: () => request(AdminOutreachCountDocument, { program: p.code, asOf: props.asOf }),
    })),
  });
  const countOf = (i: number) => counts[i]?.data?.enterprises.totalCount;
  const summary: (Program & { index: number })[] = props.programs.map((p, index) => ({ ...p, index }));
  const columns: Column<Program & { index: number }>[] = [
    { header: t('program'), value: (p) => nameOf(p), render: (p) => (p.code === program ? <strong>{nameOf(p)}</strong> : nameOf(p)), width: 28 },
    { header: t('uptake'), value: (p) => label('ProgramUptake', p.uptake), width: 36 },
    { header: t('rules'), value: (p) => (p.rulesOn ? t('version', { version: p.rulesOn.version, from: p.rulesOn.effectiveFrom }) : t('noRules')), width: 24 },
    {
      header: t('count'),
      value: (p) => countOf(p.index) ?? null,
      render: (p) => (countOf(p.index) === undefined ? <span className="muted">{t('counting')}</span> : format.number(countOf(p.index))),
      align: 'right',
    },
  ];

  const chosen = props.programs.find((p) => p.code === program);
  return (
    <>
      <DataTable title={t('programs')} columns={columns} rows={summary} rowKey={(p) => p.code} onRowClick={(p) => setProgram(p.code)} />
      {chosen ? (
        <OutreachList
          program={chosen}
          parks={props.parks}
          asOf={props.asOf}
          programField={
            <SelectField
              label={t('program')}
              value={program}
              onChange={(e) => setProgram(e.target.value)}
              options={props.programs.map((p) => ({ value: p.code, label: nameOf(p) }))}
            />
          }
        />
      ) : (
        <p className="muted">{t('choose')}</p>
      )}
    </>
  );
}

function OutreachList(props: { program: Program; parks: Park[]; asOf: string; programField: ReactNode }) {
  const t = useText();
  const label = useLabel();
  const options = useEnumOptions();
  const format = useFormat();
  const { language } = useLanguage();
  const [search, setSearch] = useState('');
  const [industry, setIndustry] = useState('');
  const [park, setPark] = useState('');
  const nameOf = (p: { name: string; nameEn: string | null }) => (language === 'en' ? (p.nameEn ?? p.name) : p.name);

  const filter: EnterpriseFilter = {
    outreach: { program: props.program.code, asOf: props.asOf },
    ...(search.trim() ? { search: search.trim() } : {}),
    ...(industry ? { industries: [industry as Industry] } : {}),
    ...(park ? { parks: [park] } : {}),
  };
  const [cursor, setCursor] = useCursor(JSON.stringify(filter));
  const list = useQuery({
    queryKey: ['admin-outreach', 'list', filter, cursor],
    queryFn: () => request(AdminOutreachListDocument, { filter, ...cursor } as AdminOutreachListQueryVariables),
    placeholderData: keepPreviousData,
  });

  const columns: Column<Row>[] = [
    { header: t('creditCode'), value: (e) => e.creditCode, width: 22 },
    { header: t('name'), value: (e) => nameOf(e), render: (e) => <Link href={`/enterprises/${e.creditCode}`}>{nameOf(e)}</Link>, width: 32 },
    { header: t('industry'), value: (e) => label('Industry', e.industry), width: 16 },
    { header: t('park'), value: (e) => nameOf(e.park), width: 20 },
    { header: t('size'), value: (e) => label('EnterpriseSize', e.size) },
    { header: t('highTech'), value: (e) => (e.isHighTech ? t('yes') : t('no')) },
    { header: t('foundedOn'), value: (e) => format.date(e.foundedOn), width: 12 },
  ];
  return (
    <>
      <div className="filters">
        {props.programField}
        <TextField label={t('search')} value={search} onChange={(e) => setSearch(e.target.value)} maxLength={100} />
        <SelectField label={t('industry')} value={industry} onChange={(e) => setIndustry(e.target.value)} options={[{ value: '', label: t('all') }, ...options('Industry')]} />
        <SelectField
          label={t('park')}
          value={park}
          onChange={(e) => setPark(e.target.value)}
          options={[{ value: '', label: t('all') }, ...props.parks.map((p) => ({ value: p.code, label: nameOf(p) }))]}
        />
      </div>
      <Loaded query={list}>
        {(data) => (
          <DataTable
            title={t('listOf', { program: nameOf(props.program) })}
            columns={columns}
            rows={data.enterprises.nodes}
            rowKey={(e) => e.id}
            footer={<Pager pageInfo={data.enterprises.pageInfo} totalCount={data.enterprises.totalCount} size={PAGE_SIZE} onPage={setCursor} />}
          />
        )}
      </Loaded>
    </>
  );
}
