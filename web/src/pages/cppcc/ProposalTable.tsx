import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'wouter';
import { request } from '../../api';
import { type Column, DataTable } from '../../components/DataTable';
import { Pager } from '../../components/Pager';
import { Loaded } from '../../components/Status';
import { ProposalListDocument, type ProposalFilter, type ProposalRowFragment } from '../../generated/graphql';
import { messages, useFormat } from '../../i18n';
import { useLabel } from '../../labels';
import { useForwardPages } from './paging';

const useText = messages({
  subject: ['案由', 'Subject'],
  level: ['层级', 'Level'],
  status: ['状态', 'Status'],
  key: ['重点提案', 'Key'],
  yes: ['是', 'Yes'],
  proposers: ['提案人', 'Proposers'],
  submittedAt: ['提交时间', 'Submitted'],
  updatedAt: ['最近更新', 'Last change'],
  dueOn: ['答复期限', 'Reply due'],
  overdue: ['逾期', 'Overdue'],
  isOverdue: ['已逾期', 'Overdue'],
  leadUnit: ['主办单位', 'Lead unit'],
  coHandlers: ['会办单位', 'Co-handlers'],
  round: ['办理轮次', 'Round'],
  unitRole: ['本单位', 'Our part'],
  lead: ['主办', 'Lead'],
  coHandler: ['会办', 'Co-handler'],
});

export type ProposalColumnName =
  | 'subject'
  | 'level'
  | 'status'
  | 'key'
  | 'proposers'
  | 'submittedAt'
  | 'updatedAt'
  | 'dueOn'
  | 'overdue'
  | 'leadUnit'
  | 'coHandlers'
  | 'round'
  | 'unitRole';

/** A proposal's page in the console (every role reads it at the same path). */
export const proposalPath = (id: string) => `/proposals/${encodeURIComponent(id)}`;

/**
 * A list of proposals (`proposals(filter:)`, newest first) as a DataTable with 导出 and paging: the member's own, the
 * office's queues, a unit's inbox. Each subject links to the proposal's page.
 */
export function ProposalTable(props: {
  title: string;
  filter: ProposalFilter;
  columns: readonly ProposalColumnName[];
  /** The unit signed in, for the `unitRole` column. */
  unitId?: string | null;
  pageSize?: number;
  caption?: ReactNode;
}) {
  const t = useText();
  const label = useLabel();
  const format = useFormat();
  const size = props.pageSize ?? 20;
  const filterKey = JSON.stringify(props.filter);
  const paging = useForwardPages(size, filterKey);
  const query = useQuery({
    queryKey: ['proposals', props.filter, paging.first, paging.after ?? null],
    queryFn: () => request(ProposalListDocument, { filter: props.filter, first: paging.first, after: paging.after }),
    placeholderData: keepPreviousData,
  });
  const all: Record<ProposalColumnName, Column<ProposalRowFragment>> = {
    subject: { header: t('subject'), value: (p) => p.subject, render: (p) => <Link href={proposalPath(p.id)}>{p.subject}</Link>, width: 48 },
    level: { header: t('level'), value: (p) => label('CppccLevel', p.level) },
    status: { header: t('status'), value: (p) => label('ProposalStatus', p.status) },
    key: { header: t('key'), value: (p) => (p.isKey ? t('yes') : '') },
    proposers: { header: t('proposers'), value: (p) => p.proposers.map((m) => m.name).join('、'), width: 20 },
    submittedAt: { header: t('submittedAt'), value: (p) => (p.submittedAt ? format.dateTime(p.submittedAt) : ''), width: 20 },
    updatedAt: { header: t('updatedAt'), value: (p) => format.dateTime(p.updatedAt), width: 20 },
    dueOn: { header: t('dueOn'), value: (p) => p.dueOn ?? '', width: 12 },
    overdue: {
      header: t('overdue'),
      value: (p) => (p.isOverdue ? t('isOverdue') : ''),
      render: (p) => (p.isOverdue ? <span className="badge bad">{t('isOverdue')}</span> : ''),
    },
    leadUnit: { header: t('leadUnit'), value: (p) => p.leadUnit?.name ?? '', width: 24 },
    coHandlers: { header: t('coHandlers'), value: (p) => p.coHandlers.map((u) => u.name).join('、'), width: 24 },
    round: { header: t('round'), value: (p) => p.round, align: 'right' },
    unitRole: { header: t('unitRole'), value: (p) => (p.leadUnit?.id === props.unitId ? t('lead') : t('coHandler')) },
  };
  return (
    <Loaded query={query}>
      {(data) => (
        <DataTable
          title={props.title}
          caption={props.caption}
          columns={props.columns.map((c) => all[c])}
          rows={data.proposals.nodes}
          rowKey={(p) => p.id}
          footer={<Pager pageInfo={data.proposals.pageInfo} totalCount={data.proposals.totalCount} size={size} onPage={paging.onPage} />}
        />
      )}
    </Loaded>
  );
}
