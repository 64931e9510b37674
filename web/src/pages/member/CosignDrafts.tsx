import { messages } from '../../i18n';
import { ProposalTable } from '../cppcc/ProposalTable';

const useText = messages({
  title: ['联名提案', 'Co-sign a proposal'],
  hint: ['同事正在起草、尚未提交的提案。打开一件，赞同即可联名，随提案一同提交。', 'Colleagues’ drafts, not yet submitted. Open one and co-sign it to join it.'],
  list: ['同事的提案草稿', 'Colleagues’ drafts'],
});

/** Colleagues' drafts a member may co-sign (联名): neither proposed nor co-signed by it yet. */
export function CosignDrafts() {
  const t = useText();
  return (
    <div className="page">
      <h1>{t('title')}</h1>
      <p className="muted">{t('hint')}</p>
      <ProposalTable title={t('list')} filter={{ isMine: false, status: ['DRAFT'] }} columns={['subject', 'level', 'proposers', 'updatedAt']} />
    </div>
  );
}
