import { useState } from 'react';
import { Link } from 'wouter';
import { SelectField } from '../../components/Field';
import type { ProposalStatus } from '../../generated/graphql';
import { messages } from '../../i18n';
import { useEnumOptions } from '../../labels';
import { ProposalTable } from '../cppcc/ProposalTable';

const useText = messages({
  title: ['我的提案', 'My proposals'],
  hint: ['您提出或联名的提案，含草稿。点击案由查看办理过程、答复并评价。', 'Proposals you propose or co-sign, drafts included. Open one to follow its handling, read replies and rate them.'],
  status: ['状态', 'Status'],
  all: ['全部', 'All'],
  list: ['我的提案', 'My proposals'],
  draft: ['起草提案', 'Draft a proposal'],
});

/** A member's home: its proposals (proposed or co-signed, drafts included) with their status and due dates. */
export function MyProposals() {
  const t = useText();
  const options = useEnumOptions();
  const [status, setStatus] = useState('');
  return (
    <div className="page">
      <h1>{t('title')}</h1>
      <p className="muted">{t('hint')}</p>
      <div className="filters">
        <SelectField label={t('status')} value={status} onChange={(e) => setStatus(e.target.value)} options={[{ value: '', label: t('all') }, ...options('ProposalStatus')]} />
        <Link href="/proposals/new">{t('draft')}</Link>
      </div>
      <ProposalTable
        title={t('list')}
        filter={{ isMine: true, ...(status ? { status: [status as ProposalStatus] } : {}) }}
        columns={['subject', 'level', 'status', 'key', 'proposers', 'submittedAt', 'leadUnit', 'dueOn', 'overdue']}
      />
    </div>
  );
}
