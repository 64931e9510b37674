import './admin.css';
import { useEffect, useState, type FormEvent } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useLocation, useSearchParams } from 'wouter';
import { request } from '../../api';
import { DataTable, type Column } from '../../components/DataTable';
import { SelectField, TextField } from '../../components/Field';
import { Pager, type PageCursor } from '../../components/Pager';
import { Loaded } from '../../components/Status';
import {
  AdminEnterprisesDocument,
  AdminReferenceDocument,
  type AdminEnterprisesQuery,
  type AdminEnterprisesQueryVariables,
  type EnterpriseFilter,
  type EnterpriseOrder,
  type EnterpriseSize,
  type Industry,
} from '../../generated/graphql';
import { messages, useFormat } from '../../i18n';
import { useEnumOptions, useLabel } from '../../labels';
import { useNameOf } from './names';
import { listAddress } from './paging';

const useText = messages({
  title: ['企业名录', 'Enterprises'],
  search: ['搜索', 'Search'],
  searchHint: ['企业名称、拼音（全拼或首字母）或统一社会信用代码', 'Name, pinyin (full or initials) or credit code'],
  find: ['查询', 'Search'],
  clear: ['清空条件', 'Clear'],
  park: ['园区', 'Park'],
  industry: ['产业', 'Industry'],
  cluster: ['产业集群', 'Industry cluster'],
  size: ['企业规模', 'Size'],
  highTech: ['高新技术企业', 'High-tech'],
  university: ['校办企业', 'University enterprise'],
  order: ['排序', 'Order'],
  all: ['全部', 'All'],
  yes: ['是', 'Yes'],
  no: ['否', 'No'],
  byName: ['企业名称（拼音序）', 'Name (pinyin order)'],
  byFounded: ['成立日期（由近及远）', 'Founded (newest first)'],
  byCapital: ['注册资本（由高到低）', 'Registered capital (highest first)'],
  byCode: ['统一社会信用代码', 'Credit code'],
  name: ['企业名称', 'Name'],
  creditCode: ['统一社会信用代码', 'Credit code'],
  foundedOn: ['成立日期', 'Founded'],
  capital: ['注册资本（元）', 'Registered capital (yuan)'],
});

/** Enterprises a page holds. */
const PAGE_SIZE = 20;

const ORDERS: Record<string, EnterpriseOrder[]> = {
  name: [{ field: 'NAME', direction: 'ASC' }],
  founded: [{ field: 'FOUNDED_ON', direction: 'DESC' }],
  capital: [{ field: 'REGISTERED_CAPITAL', direction: 'DESC' }],
  code: [{ field: 'CREDIT_CODE', direction: 'ASC' }],
};

type Row = AdminEnterprisesQuery['enterprises']['nodes'][number];

/** The filter the address's search parameters describe (kept there, so 返回 from an enterprise finds the list as it was). */
function filterOf(params: URLSearchParams): EnterpriseFilter {
  const yesNo = (v: string | null) => (v === 'yes' ? true : v === 'no' ? false : null);
  return {
    search: params.get('q') || null,
    parks: params.get('park') ? [params.get('park')!] : null,
    industries: params.get('industry') ? [params.get('industry') as Industry] : null,
    clusters: params.get('cluster') ? [params.get('cluster')!] : null,
    sizes: params.get('size') ? [params.get('size') as EnterpriseSize] : null,
    isHighTech: yesNo(params.get('highTech')),
    isUniversityAffiliated: yesNo(params.get('university')),
  };
}

function cursorOf(params: URLSearchParams): PageCursor {
  const before = params.get('before');
  if (before) return { last: PAGE_SIZE, before };
  return { first: PAGE_SIZE, after: params.get('after') ?? undefined };
}

/**
 * The enterprise list (issue 15): search by name, pinyin or code, filters, order and paging both ways over
 * `enterprises(filter:, orderBy:)`; a row opens the enterprise's page. What it shows is in the address.
 */
export function EnterprisesPage() {
  const t = useText();
  const format = useFormat();
  const label = useLabel();
  const options = useEnumOptions();
  const nameOf = useNameOf();
  const [, navigate] = useLocation();
  const [params, setParams] = useSearchParams();
  const search = params.toString();
  useEffect(() => {
    listAddress.current = `/enterprises${search ? `?${search}` : ''}`;
  }, [search]);
  const [text, setText] = useState(params.get('q') ?? '');
  useEffect(() => setText(params.get('q') ?? ''), [params]);

  const filter = filterOf(params);
  const orderKey = params.get('order') ?? 'name';
  const cursor = cursorOf(params);
  const reference = useQuery({ queryKey: ['admin', 'reference'], queryFn: () => request(AdminReferenceDocument), staleTime: 10 * 60_000 });
  const list = useQuery({
    queryKey: ['admin', 'enterprises', filter, orderKey, cursor],
    queryFn: () => {
      const variables: AdminEnterprisesQueryVariables = { filter, orderBy: ORDERS[orderKey] ?? ORDERS['name'], ...cursor };
      return request(AdminEnterprisesDocument, variables);
    },
    placeholderData: keepPreviousData,
  });

  /** Changes one condition; the list starts again from its first page. */
  const set = (key: string, value: string) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      if (value) next.set(key, value);
      else next.delete(key);
      next.delete('after');
      next.delete('before');
      return next;
    });
  const page = (to: PageCursor) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      next.delete('after');
      next.delete('before');
      if ('after' in to && to.after) next.set('after', to.after);
      if ('before' in to && to.before) next.set('before', to.before);
      return next;
    });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    set('q', text.trim());
  };
  const yesNo = [
    { value: '', label: t('all') },
    { value: 'yes', label: t('yes') },
    { value: 'no', label: t('no') },
  ];
  const all = { value: '', label: t('all') };
  const ref = reference.data;

  const columns: Column<Row>[] = [
    {
      header: t('name'),
      value: (r) => r.name,
      render: (r) => (
        <Link href={`/enterprises/${r.creditCode}`} onClick={(e) => e.stopPropagation()}>
          {r.name}
        </Link>
      ),
      width: 36,
    },
    { header: t('creditCode'), value: (r) => r.creditCode, width: 22 },
    { header: t('park'), value: (r) => nameOf(r.park), width: 18 },
    { header: t('industry'), value: (r) => label('Industry', r.industry), width: 14 },
    { header: t('cluster'), value: (r) => (r.cluster ? nameOf(r.cluster) : null), width: 16 },
    { header: t('size'), value: (r) => label('EnterpriseSize', r.size) },
    { header: t('highTech'), value: (r) => (r.isHighTech ? t('yes') : t('no')) },
    { header: t('foundedOn'), value: (r) => r.foundedOn, width: 12 },
    { header: t('capital'), value: (r) => Number(r.registeredCapital), render: (r) => format.money(r.registeredCapital), align: 'right', width: 20 },
  ];

  return (
    <div className="page">
      <h1>{t('title')}</h1>
      <form className="filters search-bar" onSubmit={submit} role="search">
        <TextField label={t('search')} value={text} onChange={(e) => setText(e.target.value)} placeholder={t('searchHint')} className="wide" />
        <button type="submit">{t('find')}</button>
        <button type="button" className="secondary" onClick={() => setParams(new URLSearchParams())}>
          {t('clear')}
        </button>
      </form>
      <div className="filters">
        <SelectField label={t('park')} value={params.get('park') ?? ''} onChange={(e) => set('park', e.target.value)} options={[all, ...(ref?.parks ?? []).map((p) => ({ value: p.code, label: nameOf(p) }))]} />
        <SelectField label={t('industry')} value={params.get('industry') ?? ''} onChange={(e) => set('industry', e.target.value)} options={[all, ...options('Industry')]} />
        <SelectField
          label={t('cluster')}
          value={params.get('cluster') ?? ''}
          onChange={(e) => set('cluster', e.target.value)}
          options={[all, ...(ref?.industryClusters ?? []).map((c) => ({ value: c.code, label: nameOf(c) }))]}
        />
        <SelectField label={t('size')} value={params.get('size') ?? ''} onChange={(e) => set('size', e.target.value)} options={[all, ...options('EnterpriseSize')]} />
        <SelectField label={t('highTech')} value={params.get('highTech') ?? ''} onChange={(e) => set('highTech', e.target.value)} options={yesNo} />
        <SelectField label={t('university')} value={params.get('university') ?? ''} onChange={(e) => set('university', e.target.value)} options={yesNo} />
        <SelectField
          label={t('order')}
          value={orderKey}
          onChange={(e) => set('order', e.target.value === 'name' ? '' : e.target.value)}
          options={[
            { value: 'name', label: t('byName') },
            { value: 'founded', label: t('byFounded') },
            { value: 'capital', label: t('byCapital') },
            { value: 'code', label: t('byCode') },
          ]}
        />
      </div>
      <Loaded query={list}>
        {(data) => (
          <DataTable
            title={t('title')}
            columns={columns}
            rows={data.enterprises.nodes}
            rowKey={(r) => r.id}
            onRowClick={(r) => navigate(`/enterprises/${r.creditCode}`)}
            footer={<Pager pageInfo={data.enterprises.pageInfo} totalCount={data.enterprises.totalCount} size={PAGE_SIZE} onPage={page} />}
          />
        )}
      </Loaded>
    </div>
  );
}
