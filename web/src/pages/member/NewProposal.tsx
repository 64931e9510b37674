import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useLocation, useSearch } from 'wouter';
import { request } from '../../api';
import { SelectField, TextArea, TextField } from '../../components/Field';
import { Loading, useErrorText } from '../../components/Status';
import { DraftProposalDocument, PolicyRequestTitlesDocument, type CppccLevel, type MutationErrorFieldsFragment } from '../../generated/graphql';
import { messages } from '../../i18n';
import { useLabel } from '../../labels';
import { FormErrors, useFieldErrors } from '../cppcc/errors';
import { CheckField } from '../cppcc/ProposalActions';
import { proposalPath } from '../cppcc/ProposalTable';
import { memberOf, useCppccViewer } from '../cppcc/viewer';

const useText = messages({
  title: ['起草提案', 'Draft a proposal'],
  hint: [
    '一事一案：案由写明一件事，理由写清情况和原因，建议写具体可行的办法。保存草稿后可附上名录中的证据、请同事联名，再提交。',
    'One issue per proposal: the subject names it, the reasons give the situation, the recommendations say what to do. Once saved, attach evidence from the registry, ask colleagues to co-sign, then submit.',
  ],
  level: ['提交至', 'Committee'],
  subject: ['案由', 'Subject'],
  reasons: ['理由', 'Reasons'],
  recommendations: ['建议', 'Recommendations'],
  isComplex: ['复杂提案（答复期限6个月）', 'Complex (six months to reply)'],
  requests: ['所涉政策诉求', 'Policy requests it carries'],
  remove: ['移除', 'Remove'],
  save: ['保存草稿', 'Save the draft'],
  saving: ['正在保存…', 'Saving…'],
  noMember: ['只有政协委员可以起草提案。', 'Only CPPCC members draft proposals.'],
  committee: ['{level}政协', 'The {level} committee'],
  unknownRequest: ['（找不到该诉求）', '(no such request)'],
});

/**
 * Drafting a proposal (issue 15): the committee, 案由, 理由, 建议, and the policy requests it carries (from
 * `?requests=` when opened from the requests page). Saved as a draft, it opens on its own page, where evidence is
 * attached and it is submitted.
 */
export function NewProposal() {
  const t = useText();
  const label = useLabel();
  const errorText = useErrorText();
  const client = useQueryClient();
  const [, navigate] = useLocation();
  const search = useSearch();
  const viewer = useCppccViewer();
  const member = memberOf(viewer.data);
  const [level, setLevel] = useState<CppccLevel | ''>('');
  const [subject, setSubject] = useState('');
  const [reasons, setReasons] = useState('');
  const [recommendations, setRecommendations] = useState('');
  const [isComplex, setIsComplex] = useState(false);
  const [requestIds, setRequestIds] = useState<string[]>(() => (new URLSearchParams(search).get('requests') ?? '').split(',').filter(Boolean));
  const [errors, setErrors] = useState<MutationErrorFieldsFragment[]>([]);
  const titles = useQuery({
    queryKey: ['policyRequestTitles', requestIds],
    queryFn: () => request(PolicyRequestTitlesDocument, { ids: requestIds }),
    enabled: requestIds.length > 0,
  });
  const draft = useMutation({
    mutationFn: () =>
      request(DraftProposalDocument, {
        input: { level: (level || member!.levels[0])!, subject, reasons, recommendations, isComplex, policyRequestIds: requestIds },
      }),
    onMutate: () => setErrors([]),
    onSuccess: async (data) => {
      const { proposal, errors: refused } = data.draftProposal;
      setErrors(refused);
      if (!proposal) return;
      await client.invalidateQueries({ queryKey: ['proposals'] });
      navigate(proposalPath(proposal.id));
    },
  });
  const shown = useFieldErrors(errors, ['input.level', 'input.subject', 'input.reasons', 'input.recommendations', 'input.policyRequestIds']);
  if (viewer.isPending) return <Loading />;
  if (!member) return <p className="page">{t('noMember')}</p>;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    draft.mutate();
  };
  const titleOf = (id: string) => {
    const node = titles.data?.nodes.find((n) => n?.__typename === 'PolicyRequest' && n.id === id);
    return node && 'title' in node ? node.title : titles.isPending ? '…' : t('unknownRequest');
  };
  return (
    <div className="page narrow">
      <h1>{t('title')}</h1>
      <p className="muted">{t('hint')}</p>
      <form className="card" onSubmit={submit}>
        <SelectField
          label={t('level')}
          value={level || member.levels[0]!}
          onChange={(e) => setLevel(e.target.value as CppccLevel)}
          options={member.levels.map((l) => ({ value: l, label: t('committee', { level: label('CppccLevel', l) }) }))}
          error={shown.at('input.level')}
        />
        <TextField label={t('subject')} value={subject} onChange={(e) => setSubject(e.target.value)} error={shown.at('input.subject')} />
        <TextArea label={t('reasons')} value={reasons} onChange={(e) => setReasons(e.target.value)} error={shown.at('input.reasons')} rows={8} />
        <TextArea label={t('recommendations')} value={recommendations} onChange={(e) => setRecommendations(e.target.value)} error={shown.at('input.recommendations')} rows={6} />
        <CheckField label={t('isComplex')} checked={isComplex} onChange={setIsComplex} />
        {requestIds.length > 0 && (
          <div className="field">
            <span style={{ fontWeight: 600 }}>{t('requests')}</span>
            <ul>
              {requestIds.map((id) => (
                <li key={id}>
                  {titleOf(id)}{' '}
                  <button type="button" className="link" onClick={() => setRequestIds((was) => was.filter((x) => x !== id))}>
                    {t('remove')}
                  </button>
                </li>
              ))}
            </ul>
            {shown.at('input.policyRequestIds') && <small className="error">{shown.at('input.policyRequestIds')}</small>}
          </div>
        )}
        <FormErrors messages={[...shown.rest, ...(draft.error ? [errorText(draft.error)] : [])]} />
        <button type="submit" disabled={draft.isPending}>
          {draft.isPending ? t('saving') : t('save')}
        </button>
      </form>
    </div>
  );
}
