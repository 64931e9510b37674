import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { request } from '../../api';
import { DataTable } from '../../components/DataTable';
import { Pager } from '../../components/Pager';
import { Loaded } from '../../components/Status';
import { ProposalEvidenceDocument, type ProposalEvidenceQuery } from '../../generated/graphql';
import { messages, useFormat } from '../../i18n';
import { useLabel } from '../../labels';
import { useForwardPages } from './paging';
import { useActorName, useEvidenceSummary } from './words';

const useText = messages({
  title: ['证据', 'Evidence'],
  kind: ['类型', 'Kind'],
  content: ['内容（附上时的情况）', 'What it showed when attached'],
  attachedAt: ['附上时间', 'Attached'],
  attachedBy: ['附上人', 'By'],
});

type Evidence = NonNullable<ProposalEvidenceQuery['proposal']>['evidence']['nodes'][number];

/** A proposal's evidence, oldest first, paged: each as it was frozen (its snapshot), who attached it and when. */
export function EvidenceTable(props: { proposalId: string }) {
  const t = useText();
  const label = useLabel();
  const format = useFormat();
  const actorName = useActorName();
  const summary = useEvidenceSummary();
  const paging = useForwardPages(20, props.proposalId);
  const query = useQuery({
    queryKey: ['proposal', props.proposalId, 'evidence', paging.after ?? null],
    queryFn: () => request(ProposalEvidenceDocument, { id: props.proposalId, first: paging.first, after: paging.after }),
    placeholderData: keepPreviousData,
  });
  return (
    <Loaded query={query}>
      {(data) =>
        data.proposal && (
          <DataTable<Evidence>
            title={t('title')}
            columns={[
              { header: t('kind'), value: (e) => label('EvidenceKind', e.kind) },
              { header: t('content'), value: (e) => summary(e.kind, e.snapshot, e.source, e.title), width: 60 },
              { header: t('attachedAt'), value: (e) => format.dateTime(e.attachedAt), width: 20 },
              { header: t('attachedBy'), value: (e) => actorName(e.attachedBy), width: 16 },
            ]}
            rows={data.proposal.evidence.nodes}
            rowKey={(e) => e.id}
            footer={<Pager pageInfo={data.proposal.evidence.pageInfo} totalCount={data.proposal.evidence.totalCount} size={paging.first} onPage={paging.onPage} />}
          />
        )
      }
    </Loaded>
  );
}
