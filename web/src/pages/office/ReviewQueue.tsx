import { useState } from 'react';
import { SelectField } from '../../components/Field';
import type { CppccLevel } from '../../generated/graphql';
import { messages } from '../../i18n';
import { useEnumOptions } from '../../labels';
import { ProposalTable } from '../cppcc/ProposalTable';

const useText = messages({
  title: ['提案审查', 'Review'],
  hint: ['新提交的提案待审查：立案（可列为重点提案）、不予立案或转为来信、社情民意信息；已立案的提案待交办承办单位。', 'Submitted proposals await review: accept (perhaps as key), reject on a ground, or convert; accepted ones await assignment to handling units.'],
  level: ['层级', 'Level'],
  all: ['全部', 'All'],
  submitted: ['待审查提案', 'Awaiting review'],
  accepted: ['已立案待交办', 'Accepted, to assign'],
});

/** The office's home: the review queue (submitted proposals) and the accepted ones awaiting assignment. */
export function ReviewQueue() {
  const t = useText();
  const options = useEnumOptions();
  const [level, setLevel] = useState('');
  const byLevel = level ? { level: level as CppccLevel } : {};
  return (
    <div className="page">
      <h1>{t('title')}</h1>
      <p className="muted">{t('hint')}</p>
      <div className="filters">
        <SelectField label={t('level')} value={level} onChange={(e) => setLevel(e.target.value)} options={[{ value: '', label: t('all') }, ...options('CppccLevel')]} />
      </div>
      <ProposalTable title={t('submitted')} filter={{ status: ['SUBMITTED'], ...byLevel }} columns={['subject', 'level', 'proposers', 'submittedAt']} />
      <ProposalTable title={t('accepted')} filter={{ status: ['ACCEPTED'], ...byLevel }} columns={['subject', 'level', 'key', 'proposers', 'submittedAt']} />
    </div>
  );
}
