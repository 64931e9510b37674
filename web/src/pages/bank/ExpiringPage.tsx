import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { request } from '../../api';
import { DataTable, type Column } from '../../components/DataTable';
import { SelectField } from '../../components/Field';
import { Pager } from '../../components/Pager';
import { Loaded } from '../../components/Status';
import { BankEndingAuthorizationsDocument, type BankEndingAuthorizationsQuery } from '../../generated/graphql';
import { messages, useFormat } from '../../i18n';
import { useLabel } from '../../labels';
import { addDays, daysBetween, zoneToday } from './days';
import { useForwardPages } from './paging';

const PAGE_SIZE = 20;
/** The horizons offered, in days; 30 by default (issue 15). */
const HORIZONS = [7, 30, 60, 90];

const useText = messages({
  title: ['即将到期的授权', 'Authorizations about to end'],
  intro: [
    '本行现有授权中将于所选期限内到期的，以便提前联系企业续签。到期日当天仍然有效。',
    'The authorizations this bank holds that end within the chosen horizon, so clients can be asked to renew in time. An authorization is still in force on its last day.',
  ],
  horizon: ['到期范围', 'Ending within'],
  days: ['{days} 天内', '{days} days'],
  list: ['{days} 天内到期（{date} 前）', 'Ending within {days} days (by {date})'],
  enterprise: ['企业名称', 'Enterprise'],
  creditCode: ['统一社会信用代码', 'Credit code'],
  purpose: ['授权用途', 'Purpose'],
  scopes: ['授权范围', 'Scopes'],
  validFrom: ['生效日', 'Valid from'],
  validUntil: ['到期日', 'Valid until'],
  left: ['剩余天数', 'Days left'],
});

type Ending = BankEndingAuthorizationsQuery['viewer'] extends infer V
  ? V extends { authorizations: { nodes: (infer N)[] } }
    ? N
    : never
  : never;

/** 即将到期的授权: the bank's authorizations in force today that end within a horizon (30 days unless chosen). */
export function ExpiringPage() {
  const t = useText();
  const label = useLabel();
  const format = useFormat();
  const [horizon, setHorizon] = useState(30);
  const pages = useForwardPages(PAGE_SIZE);
  const today = useMemo(() => zoneToday(), []);
  const endingBy = addDays(today, horizon);
  const query = useQuery({
    queryKey: ['bank', 'ending', endingBy, pages.after],
    queryFn: () => request(BankEndingAuthorizationsDocument, { endingBy, first: pages.first, after: pages.after }),
    placeholderData: keepPreviousData,
  });

  const scopes = (a: Ending) => a.scopes.map((s) => label('AuthorizationScope', s)).join('、');
  const columns: Column<Ending>[] = [
    { header: t('enterprise'), value: (a) => a.enterprise.name, width: 36 },
    { header: t('creditCode'), value: (a) => a.enterprise.creditCode, width: 22 },
    { header: t('purpose'), value: (a) => a.purpose, width: 24 },
    { header: t('validFrom'), value: (a) => format.date(a.validFrom) },
    { header: t('validUntil'), value: (a) => format.date(a.validUntil) },
    { header: t('left'), value: (a) => daysBetween(today, a.validUntil), align: 'right' },
    {
      header: t('scopes'),
      value: scopes,
      render: (a) => <div style={{ whiteSpace: 'normal', minWidth: '12rem' }}>{scopes(a)}</div>,
      width: 40,
    },
  ];

  return (
    <div className="page">
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      <div className="filters">
        <SelectField
          label={t('horizon')}
          value={String(horizon)}
          onChange={(e) => {
            setHorizon(Number(e.target.value));
            pages.reset();
          }}
          options={HORIZONS.map((d) => ({ value: String(d), label: t('days', { days: d }) }))}
        />
      </div>
      <Loaded query={query}>
        {(data) => {
          const list = data.viewer?.authorizations;
          return (
            <DataTable
              title={t('list', { days: horizon, date: endingBy })}
              columns={columns}
              rows={list?.nodes ?? []}
              rowKey={(a) => a.id}
              footer={list && <Pager pageInfo={list.pageInfo} totalCount={list.totalCount} size={PAGE_SIZE} onPage={pages.onPage} />}
            />
          );
        }}
      </Loaded>
    </div>
  );
}
