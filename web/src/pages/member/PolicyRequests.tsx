import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'wouter';
import { request } from '../../api';
import { DataTable } from '../../components/DataTable';
import { SelectField } from '../../components/Field';
import { Pager } from '../../components/Pager';
import { Loaded } from '../../components/Status';
import { PolicyRequestListDocument, type PolicyRequestListQuery, type PolicyRequestStatus } from '../../generated/graphql';
import { messages, useFormat } from '../../i18n';
import { useEnumOptions, useLabel } from '../../labels';
import { useForwardPages } from '../cppcc/paging';
import { useActorName } from '../cppcc/words';

const useText = messages({
  title: ['政策诉求', 'Policy requests'],
  hint: ['企业和园区提出的政策诉求。选择一项，据此起草提案并附上名录中的证据。', 'Needs enterprises and the zone filed. Draft a proposal from one and back it with evidence from the registry.'],
  status: ['状态', 'Status'],
  all: ['全部', 'All'],
  list: ['政策诉求', 'Policy requests'],
  requestTitle: ['诉求', 'Request'],
  need: ['具体需求', 'The need'],
  enterprises: ['所涉企业', 'Enterprises'],
  more: ['等{count}家', ' and {count} in all'],
  zone: ['（全区）', '(the zone)'],
  filedBy: ['提出方', 'Filed by'],
  proposals: ['已形成提案', 'Proposals'],
  updatedAt: ['最近更新', 'Last change'],
  draft: ['据此起草提案', 'Draft a proposal from it'],
});

type Row = PolicyRequestListQuery['policyRequests']['nodes'][number];

/** Policy requests enterprises and the zone filed, newest first, each to be turned into a proposal. */
export function PolicyRequests() {
  const t = useText();
  const label = useLabel();
  const options = useEnumOptions();
  const format = useFormat();
  const actorName = useActorName();
  const [status, setStatus] = useState('');
  const paging = useForwardPages(20, status);
  const filter = status ? { status: status as PolicyRequestStatus } : {};
  const query = useQuery({
    queryKey: ['policyRequests', filter, paging.after ?? null],
    queryFn: () => request(PolicyRequestListDocument, { filter, first: paging.first, after: paging.after }),
    placeholderData: keepPreviousData,
  });
  const enterprises = (r: Row) => {
    if (r.enterprises.totalCount === 0) return t('zone');
    const names = r.enterprises.nodes.map((e) => e.name).join('、');
    return r.enterprises.totalCount > r.enterprises.nodes.length ? `${names}${t('more', { count: r.enterprises.totalCount })}` : names;
  };
  return (
    <div className="page">
      <h1>{t('title')}</h1>
      <p className="muted">{t('hint')}</p>
      <div className="filters">
        <SelectField label={t('status')} value={status} onChange={(e) => setStatus(e.target.value)} options={[{ value: '', label: t('all') }, ...options('PolicyRequestStatus')]} />
      </div>
      <Loaded query={query}>
        {(data) => (
          <DataTable<Row>
            title={t('list')}
            columns={[
              {
                header: t('requestTitle'),
                value: (r) => r.title,
                render: (r) => (
                  <span>
                    {r.title}{' '}
                    <Link href={`/proposals/new?requests=${encodeURIComponent(r.id)}`} aria-label={`${t('draft')}：${r.title}`}>
                      {t('draft')}
                    </Link>
                  </span>
                ),
                width: 40,
              },
              { header: t('need'), value: (r) => r.need, render: (r) => <div style={{ whiteSpace: 'normal', minWidth: '18rem' }}>{r.need}</div>, width: 60 },
              { header: t('enterprises'), value: enterprises, width: 30 },
              { header: t('filedBy'), value: (r) => actorName(r.filedBy), width: 20 },
              { header: t('status'), value: (r) => label('PolicyRequestStatus', r.status) },
              { header: t('proposals'), value: (r) => r.proposals.totalCount, align: 'right' },
              { header: t('updatedAt'), value: (r) => format.dateTime(r.updatedAt), width: 20 },
            ]}
            rows={data.policyRequests.nodes}
            rowKey={(r) => r.id}
            footer={<Pager pageInfo={data.policyRequests.pageInfo} totalCount={data.policyRequests.totalCount} size={paging.first} onPage={paging.onPage} />}
          />
        )}
      </Loaded>
    </div>
  );
}
