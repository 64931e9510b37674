import { messages } from '../../i18n';
import { ProposalTable } from '../cppcc/ProposalTable';

/** How far ahead the due-soon list looks (issue 15: due within 14 days). */
export const DUE_SOON_DAYS = 14;

const useText = messages({
  title: ['逾期与临期', 'Overdue and due soon'],
  hint: ['承办单位答复期限已过的提案需督办；{days}天内到期的提案宜提前提醒。', 'Proposals past their due date need chasing; those due within {days} days are worth a reminder.'],
  overdue: ['已逾期提案', 'Overdue'],
  dueSoon: ['{days}天内到期提案', 'Due within {days} days'],
});

/** The office's chase lists: proposals past their due date, and those due within two weeks. */
export function DueLists() {
  const t = useText();
  const columns = ['subject', 'level', 'key', 'leadUnit', 'coHandlers', 'round', 'dueOn'] as const;
  return (
    <div className="page">
      <h1>{t('title')}</h1>
      <p className="muted">{t('hint', { days: DUE_SOON_DAYS })}</p>
      <ProposalTable title={t('overdue')} filter={{ isOverdue: true }} columns={columns} />
      <ProposalTable title={t('dueSoon', { days: DUE_SOON_DAYS })} filter={{ dueWithinDays: DUE_SOON_DAYS }} columns={columns} />
    </div>
  );
}
