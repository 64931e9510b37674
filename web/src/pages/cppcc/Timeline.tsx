import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { request } from '../../api';
import { DataTable } from '../../components/DataTable';
import { Pager } from '../../components/Pager';
import { Loaded } from '../../components/Status';
import { ProposalTimelineDocument, type TimelineEventFragment } from '../../generated/graphql';
import { messages, useFormat } from '../../i18n';
import { useLabel } from '../../labels';
import { useForwardPages } from './paging';
import { useActorName, useEventNote } from './words';

const useText = messages({
  title: ['办理过程', 'Timeline'],
  at: ['时间', 'When'],
  action: ['环节', 'Step'],
  status: ['之后状态', 'Status after'],
  actor: ['办理人', 'By'],
  note: ['说明', 'Note'],
});

/** A proposal's timeline, oldest first, paged: each step, who took it (by name), and the status it left. */
export function Timeline(props: { proposalId: string }) {
  const t = useText();
  const label = useLabel();
  const format = useFormat();
  const actorName = useActorName();
  const note = useEventNote();
  const paging = useForwardPages(50, props.proposalId);
  const query = useQuery({
    queryKey: ['proposal', props.proposalId, 'timeline', paging.after ?? null],
    queryFn: () => request(ProposalTimelineDocument, { id: props.proposalId, first: paging.first, after: paging.after }),
    placeholderData: keepPreviousData,
  });
  return (
    <Loaded query={query}>
      {(data) =>
        data.proposal && (
          <DataTable<TimelineEventFragment>
            title={t('title')}
            columns={[
              { header: t('at'), value: (e) => format.dateTime(e.occurredAt), width: 20 },
              { header: t('action'), value: (e) => label('ProposalAction', e.action), width: 16 },
              { header: t('status'), value: (e) => label('ProposalStatus', e.status) },
              { header: t('actor'), value: (e) => actorName(e.actor), width: 24 },
              { header: t('note'), value: (e) => note(e.action, e.note), width: 40 },
            ]}
            rows={data.proposal.timeline.nodes}
            rowKey={(e) => e.id}
            footer={<Pager pageInfo={data.proposal.timeline.pageInfo} totalCount={data.proposal.timeline.totalCount} size={paging.first} onPage={paging.onPage} />}
          />
        )
      }
    </Loaded>
  );
}
