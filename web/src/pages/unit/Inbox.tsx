import { useState } from 'react';
import { SelectField } from '../../components/Field';
import type { ProposalStatus } from '../../generated/graphql';
import { messages } from '../../i18n';
import { useLabel } from '../../labels';
import { ProposalTable } from '../cppcc/ProposalTable';
import { unitOf, useCppccViewer } from '../cppcc/viewer';

const useText = messages({
  title: ['交办提案', 'Assigned proposals'],
  hint: ['交办给本单位的提案：主办的须在期限内答复，会办的向主办单位提出意见。打开一件即可答复。', 'Proposals assigned to your unit: reply to those you lead by their due date, give the lead unit your opinion on the others. Open one to reply.'],
  status: ['状态', 'Status'],
  all: ['全部', 'All'],
  list: ['交办给本单位的提案', 'Assigned to your unit'],
});

/** The statuses a unit's inbox is filtered by: to answer, answered, closed. */
const STATUSES: ProposalStatus[] = ['ASSIGNED', 'REPLIED', 'CLOSED'];

/** A handling unit's home: the proposals assigned to it (lead or co-handler), with their due dates. */
export function Inbox() {
  const t = useText();
  const label = useLabel();
  const viewer = useCppccViewer();
  const [status, setStatus] = useState<string>('ASSIGNED');
  return (
    <div className="page">
      <h1>{t('title')}</h1>
      <p className="muted">{t('hint')}</p>
      <div className="filters">
        <SelectField
          label={t('status')}
          value={status}
          onChange={(e) => setStatus(e.target.value)}
          options={[...STATUSES.map((s) => ({ value: s, label: label('ProposalStatus', s) })), { value: '', label: t('all') }]}
        />
      </div>
      <ProposalTable
        title={t('list')}
        filter={status ? { status: [status as ProposalStatus] } : {}}
        unitId={unitOf(viewer.data)?.id ?? null}
        columns={['subject', 'level', 'unitRole', 'key', 'round', 'dueOn', 'overdue', 'status']}
      />
    </div>
  );
}
