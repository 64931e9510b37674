import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { request } from '../../api';
import { DataTable } from '../../components/DataTable';
import { SelectField, TextField } from '../../components/Field';
import { Pager } from '../../components/Pager';
import { Loaded, useErrorText } from '../../components/Status';
import {
  AttachEvidenceDocument,
  EvidenceEnterprisesDocument,
  EvidenceInstrumentsDocument,
  EvidencePortfolioDocument,
  ParkChoicesDocument,
  type EnterpriseFilter,
  type EvidenceEnterprisesQuery,
  type EvidenceInput,
  type Industry,
  type InstrumentKind,
  type InstrumentStatus,
  type MutationErrorFieldsFragment,
} from '../../generated/graphql';
import { messages, useFormat, useLanguage } from '../../i18n';
import { useEnumOptions, useLabel } from '../../labels';
import { FormErrors, useFieldErrors } from './errors';
import { useForwardPages } from './paging';

const useText = messages({
  title: ['附上证据', 'Attach evidence'],
  hint: ['证据从企业名录中冻结：提案将一直显示附上时的情况。', 'Evidence is frozen from the registry: the proposal keeps saying what was true when it was attached.'],
  mode: ['证据类型', 'Kind of evidence'],
  modeEnterprise: ['企业或其融资记录', 'An enterprise or one of its instruments'],
  modePortfolio: ['企业群统计（按条件筛选）', 'Figures of the enterprises a filter selects'],
  search: ['搜索企业（名称或统一社会信用代码）', 'Find an enterprise (name or credit code)'],
  find: ['搜索', 'Search'],
  results: ['搜索结果', 'Enterprises found'],
  name: ['企业名称', 'Enterprise'],
  creditCode: ['统一社会信用代码', 'Credit code'],
  industry: ['行业', 'Industry'],
  park: ['园区', 'Park'],
  highTech: ['高新技术企业', 'High-tech'],
  yes: ['是', 'Yes'],
  no: ['否', 'No'],
  any: ['不限', 'Any'],
  attachEnterprise: ['附上该企业', 'Attach this enterprise'],
  pickInstrument: ['选择其融资记录', 'Pick one of its instruments'],
  instruments: ['{name}的融资记录', 'Instruments of {name}'],
  kind: ['类型', 'Kind'],
  status: ['状态', 'Status'],
  amount: ['金额（元）', 'Amount (yuan)'],
  startsOn: ['起始日', 'From'],
  endsOn: ['到期日', 'Until'],
  attachInstrument: ['附上', 'Attach'],
  instrumentKind: ['持有融资类型', 'Holds an instrument of kind'],
  university: ['校办企业', 'University-owned'],
  selected: ['符合条件的企业：{count}家，其中高新技术企业{highTech}家。', 'Enterprises selected: {count}, of them high-tech: {highTech}.'],
  attachPortfolio: ['附上企业群统计', 'Attach these figures'],
  attached: ['已附上证据。', 'Evidence attached.'],
  restricted: ['（无权查看）', '(not visible)'],
  naming: ['列明企业名称和统一社会信用代码（默认只附汇总数字）', 'Name the enterprises and their credit codes (by default, only aggregate figures)'],
});

/** Three-way select options: any, true, false. */
function tri(value: string): boolean | undefined {
  return value === '' ? undefined : value === 'true';
}

/**
 * The evidence picker of a draft: an enterprise found by name or code (or one of its instruments), or the figures of
 * the enterprises a portfolio filter selects (counted before they are frozen). Each choice is one `attachEvidence`.
 */
export function EvidencePicker(props: { proposalId: string }) {
  const t = useText();
  const client = useQueryClient();
  const errorText = useErrorText();
  const [mode, setMode] = useState<'enterprise' | 'portfolio'>('enterprise');
  const [errors, setErrors] = useState<MutationErrorFieldsFragment[]>([]);
  const [done, setDone] = useState(false);
  // Evidence is aggregated unless the drafter deliberately names the enterprises (issue 16).
  const [isNamingEnterprises, setNaming] = useState(false);
  const shown = useFieldErrors(errors, ['input.evidence.creditCode', 'input.evidence.instrumentId', 'input.evidence.portfolioFilter', 'input.isNamingEnterprises']);
  const attach = useMutation({
    mutationFn: (evidence: EvidenceInput) => request(AttachEvidenceDocument, { input: { proposalId: props.proposalId, evidence, isNamingEnterprises } }),
    onMutate: () => {
      setErrors([]);
      setDone(false);
    },
    onSuccess: async (data) => {
      setErrors(data.attachEvidence.errors);
      if (data.attachEvidence.errors.length > 0) return;
      // The draft's version, evidence and timeline all changed: said once they are re-read.
      await client.invalidateQueries({ queryKey: ['proposal', props.proposalId] });
      setDone(true);
    },
  });
  const messagesShown = [
    ...shown.rest,
    ...[shown.at('input.evidence.creditCode'), shown.at('input.evidence.instrumentId'), shown.at('input.evidence.portfolioFilter'), shown.at('input.isNamingEnterprises')].filter(
      (m): m is string => !!m,
    ),
    ...(attach.error ? [errorText(attach.error)] : []),
  ];
  return (
    <section className="card" aria-label={t('title')}>
      <h2>{t('title')}</h2>
      <p className="muted small">{t('hint')}</p>
      <div className="filters">
        <SelectField
          label={t('mode')}
          value={mode}
          onChange={(e) => setMode(e.target.value as 'enterprise' | 'portfolio')}
          options={[
            { value: 'enterprise', label: t('modeEnterprise') },
            { value: 'portfolio', label: t('modePortfolio') },
          ]}
        />
        <label>
          <input type="checkbox" checked={isNamingEnterprises} onChange={(e) => setNaming(e.target.checked)} /> {t('naming')}
        </label>
      </div>
      {mode === 'enterprise' ? <EnterprisePicker busy={attach.isPending} onAttach={(e) => attach.mutate(e)} /> : <PortfolioPicker busy={attach.isPending} onAttach={(e) => attach.mutate(e)} />}
      <FormErrors messages={messagesShown} />
      {done && (
        <p role="status" className="ok">
          {t('attached')}
        </p>
      )}
    </section>
  );
}

type FoundEnterprise = EvidenceEnterprisesQuery['enterprises']['nodes'][number];

function EnterprisePicker(props: { busy: boolean; onAttach: (evidence: EvidenceInput) => void }) {
  const t = useText();
  const label = useLabel();
  const { language } = useLanguage();
  const [typed, setTyped] = useState('');
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<FoundEnterprise | null>(null);
  const paging = useForwardPages(10, search);
  const found = useQuery({
    queryKey: ['evidenceEnterprises', search, paging.after ?? null],
    queryFn: () => request(EvidenceEnterprisesDocument, { search, first: paging.first, after: paging.after }),
    enabled: search !== '',
    placeholderData: keepPreviousData,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChosen(null);
    setSearch(typed.trim());
  };
  const name = (e: FoundEnterprise) => (language === 'en' && e.nameEn ? e.nameEn : e.name);
  return (
    <>
      <form className="filters" onSubmit={submit}>
        <TextField label={t('search')} value={typed} onChange={(e) => setTyped(e.target.value)} />
        <button type="submit">{t('find')}</button>
      </form>
      {search !== '' && (
        <Loaded query={found}>
          {(data) => (
            <DataTable<FoundEnterprise>
              title={t('results')}
              columns={[
                {
                  header: t('name'),
                  value: name,
                  render: (e) => (
                    <span>
                      {name(e)}{' '}
                      <button type="button" className="link" disabled={props.busy} onClick={() => props.onAttach({ creditCode: e.creditCode })} aria-label={`${t('attachEnterprise')}：${e.name}`}>
                        {t('attachEnterprise')}
                      </button>
                      <button type="button" className="link" onClick={() => setChosen(e)} aria-label={`${t('pickInstrument')}：${e.name}`}>
                        {t('pickInstrument')}
                      </button>
                    </span>
                  ),
                  width: 40,
                },
                { header: t('creditCode'), value: (e) => e.creditCode, width: 22 },
                { header: t('industry'), value: (e) => label('Industry', e.industry) },
                { header: t('park'), value: (e) => (language === 'en' && e.park.nameEn ? e.park.nameEn : e.park.name), width: 20 },
                { header: t('highTech'), value: (e) => (e.isHighTech ? t('yes') : t('no')) },
              ]}
              rows={data.enterprises.nodes}
              rowKey={(e) => e.id}
              footer={<Pager pageInfo={data.enterprises.pageInfo} totalCount={data.enterprises.totalCount} size={paging.first} onPage={paging.onPage} />}
            />
          )}
        </Loaded>
      )}
      {chosen && <InstrumentPicker enterprise={chosen} busy={props.busy} onAttach={props.onAttach} />}
    </>
  );
}

function InstrumentPicker(props: { enterprise: FoundEnterprise; busy: boolean; onAttach: (evidence: EvidenceInput) => void }) {
  const t = useText();
  const label = useLabel();
  const format = useFormat();
  const paging = useForwardPages(20, props.enterprise.creditCode);
  const query = useQuery({
    queryKey: ['evidenceInstruments', props.enterprise.creditCode, paging.after ?? null],
    queryFn: () => request(EvidenceInstrumentsDocument, { creditCode: props.enterprise.creditCode, first: paging.first, after: paging.after }),
    placeholderData: keepPreviousData,
  });
  type Row = { id: string; kind: InstrumentKind; status: InstrumentStatus; amount: string | null; startsOn: string | null; endsOn: string | null };
  return (
    <Loaded query={query}>
      {(data) => {
        const connection = data.enterprise?.instruments;
        if (!connection) return <p className="muted">{t('restricted')}</p>;
        const rows: Row[] = connection.nodes.flatMap((n) => ('kind' in n ? [n as Row] : []));
        return (
          <DataTable<Row>
            title={t('instruments', { name: props.enterprise.name })}
            columns={[
              {
                header: t('kind'),
                value: (i) => label('InstrumentKind', i.kind),
                render: (i) => (
                  <span>
                    {label('InstrumentKind', i.kind)}{' '}
                    <button type="button" className="link" disabled={props.busy} onClick={() => props.onAttach({ instrumentId: i.id })} aria-label={`${t('attachInstrument')}：${label('InstrumentKind', i.kind)} ${i.startsOn ?? ''}`}>
                      {t('attachInstrument')}
                    </button>
                  </span>
                ),
                width: 24,
              },
              { header: t('status'), value: (i) => label('InstrumentStatus', i.status) },
              { header: t('amount'), value: (i) => (i.amount == null ? '' : Number(i.amount)), render: (i) => format.money(i.amount), align: 'right', width: 18 },
              { header: t('startsOn'), value: (i) => i.startsOn ?? '' },
              { header: t('endsOn'), value: (i) => i.endsOn ?? '' },
            ]}
            rows={rows}
            rowKey={(i) => i.id}
            footer={<Pager pageInfo={connection.pageInfo} totalCount={connection.totalCount} size={paging.first} onPage={paging.onPage} />}
          />
        );
      }}
    </Loaded>
  );
}

function PortfolioPicker(props: { busy: boolean; onAttach: (evidence: EvidenceInput) => void }) {
  const t = useText();
  const options = useEnumOptions();
  const { language } = useLanguage();
  const [industry, setIndustry] = useState('');
  const [park, setPark] = useState('');
  const [highTech, setHighTech] = useState('');
  const [kind, setKind] = useState('');
  const [university, setUniversity] = useState('');
  const filter: EnterpriseFilter = {
    ...(industry ? { industries: [industry as Industry] } : {}),
    ...(park ? { parks: [park] } : {}),
    ...(tri(highTech) !== undefined ? { isHighTech: tri(highTech) } : {}),
    ...(kind ? { instrumentKinds: [kind as InstrumentKind] } : {}),
    ...(tri(university) !== undefined ? { isUniversityAffiliated: tri(university) } : {}),
  };
  const parks = useQuery({ queryKey: ['parks'], queryFn: () => request(ParkChoicesDocument), staleTime: Infinity });
  const summary = useQuery({
    queryKey: ['evidencePortfolio', filter],
    queryFn: () => request(EvidencePortfolioDocument, { filter }),
    placeholderData: keepPreviousData,
  });
  const any = { value: '', label: t('any') };
  const yesNo = [any, { value: 'true', label: t('yes') }, { value: 'false', label: t('no') }];
  return (
    <>
      <div className="filters">
        <SelectField label={t('industry')} value={industry} onChange={(e) => setIndustry(e.target.value)} options={[any, ...options('Industry')]} />
        <SelectField
          label={t('park')}
          value={park}
          onChange={(e) => setPark(e.target.value)}
          options={[any, ...(parks.data?.parks ?? []).map((p) => ({ value: p.code, label: language === 'en' && p.nameEn ? p.nameEn : p.name }))]}
        />
        <SelectField label={t('highTech')} value={highTech} onChange={(e) => setHighTech(e.target.value)} options={yesNo} />
        <SelectField label={t('instrumentKind')} value={kind} onChange={(e) => setKind(e.target.value)} options={[any, ...options('InstrumentKind')]} />
        <SelectField label={t('university')} value={university} onChange={(e) => setUniversity(e.target.value)} options={yesNo} />
      </div>
      <Loaded query={summary}>
        {(data) => (
          <p role="status" aria-live="polite">
            {t('selected', { count: data.portfolioSummary.enterpriseCount, highTech: data.portfolioSummary.highTechCount })}
          </p>
        )}
      </Loaded>
      <button type="button" disabled={props.busy} onClick={() => props.onAttach({ portfolioFilter: filter })}>
        {t('attachPortfolio')}
      </button>
    </>
  );
}
