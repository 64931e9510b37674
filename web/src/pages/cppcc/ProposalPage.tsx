import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'wouter';
import { request } from '../../api';
import { DataTable } from '../../components/DataTable';
import { Loaded } from '../../components/Status';
import { ProposalDetailDocument } from '../../generated/graphql';
import { messages, useFormat } from '../../i18n';
import { useLabel } from '../../labels';
import { EvidencePicker } from './EvidencePicker';
import { EvidenceTable } from './EvidenceTable';
import {
  AssignPanel,
  CosignPanel,
  DecideExtensionPanel,
  ExtensionRequestPanel,
  MergePanel,
  type ProposalDetail,
  RatePanel,
  ReplyPanel,
  ReturnPanel,
  ReviewPanel,
  SubmitPanel,
  SupervisePanel,
  WithdrawPanel,
} from './ProposalActions';
import { Timeline } from './Timeline';
import { memberOf, unitOf, useCppccViewer, type CppccViewer } from './viewer';

const useText = messages({
  back: ['← 返回列表', '← Back to the list'],
  notFound: ['没有这件提案，或您无权查看。', 'There is no such proposal, or you may not see it.'],
  key: ['重点提案', 'Key proposal'],
  complex: ['复杂提案', 'Complex'],
  overdue: ['已逾期', 'Overdue'],
  proposerKind: ['提案方式', 'Proposed as'],
  proposers: ['提案人', 'Proposers'],
  cosigners: ['联名人', 'Co-signers'],
  none: ['无', 'None'],
  submittedAt: ['提交时间', 'Submitted'],
  requests: ['所涉政策诉求', 'Policy requests'],
  rejectionGround: ['不予立案理由', 'Ground of rejection'],
  reviewNote: ['审查意见', 'Office’s note'],
  leadUnit: ['主办单位', 'Lead unit'],
  coHandlers: ['会办单位', 'Co-handlers'],
  dueOn: ['答复期限', 'Reply due'],
  number: ['提案号', 'Number'],
  numbered: ['第{number}号', 'No. {number}'],
  session: ['届次', 'Session'],
  sessionOf: ['第{term}届第{session}次会议（{when}）', 'Term {term}, session {session} ({when})'],
  duringPlenary: ['大会期间', 'at the plenary'],
  betweenSessions: ['闭会期间', 'between sessions'],
  supervision: ['督办领导', 'Supervised by'],
  extension: ['延期申请', 'Extension'],
  extensionOf: ['申请延至{until}（{decision}）：{reason}', 'To {until} ({decision}): {reason}'],
  round: ['办理轮次', 'Round'],
  reasons: ['理由', 'Reasons'],
  recommendations: ['建议', 'Recommendations'],
  replies: ['答复', 'Replies'],
  unit: ['单位', 'Unit'],
  part: ['性质', 'As'],
  lead: ['主办单位答复', 'Lead unit’s reply'],
  opinion: ['会办意见', 'Co-handler’s opinion'],
  category: ['答复类别', 'Category'],
  repliedOn: ['答复日期', 'Replied'],
  text: ['内容', 'Text'],
  rating: ['委员评价', 'Rating'],
  ratedOn: ['评价日期', 'Rated'],
  mergedInto: ['已并入', 'Merged into'],
  merged: ['并入本案的提案', 'Merged into this one'],
});

/** Where "back" goes: the signed-in role's own list. */
function homeOf(viewer: CppccViewer | null | undefined): string {
  switch (viewer?.role) {
    case 'CPPCC_OFFICE':
      return '/review';
    case 'HANDLING_UNIT':
      return '/inbox';
    default:
      return '/proposals';
  }
}

/**
 * A proposal's page, the same for every CPPCC role (`/proposals/:id`): its subject, reasons and recommendations, who
 * proposes and co-signs it, its evidence, replies and timeline; and the step the reader may take now (a proposer:
 * evidence, submit, rate; a colleague: co-sign; the office: review, assign; an assigned unit: reply).
 */
export function ProposalPage() {
  const params = useParams<{ id: string }>();
  const id = decodeURIComponent(params.id);
  const t = useText();
  const viewer = useCppccViewer();
  const query = useQuery({ queryKey: ['proposal', id], queryFn: () => request(ProposalDetailDocument, { id }) });
  // What the last step taken here did, for this proposal only.
  const [done, setDone] = useState<{ id: string; text: string } | null>(null);
  const notice = done?.id === id ? done.text : null;
  const setNotice = (text: string) => setDone({ id, text });
  return (
    <div className="page">
      <p>
        <Link href={homeOf(viewer.data)}>{t('back')}</Link>
      </p>
      <Loaded query={query}>
        {(data) =>
          data.proposal ? (
            <ProposalView proposal={data.proposal} viewer={viewer.data ?? null} notice={notice} onDone={setNotice} />
          ) : notice ? (
            // A step that takes the proposal out of the reader's sight (a unit returning it) says what it did.
            <p role="status" className="ok">
              {notice}
            </p>
          ) : (
            <p>{t('notFound')}</p>
          )
        }
      </Loaded>
    </div>
  );
}

function ProposalView(props: { proposal: ProposalDetail; viewer: CppccViewer | null; notice: string | null; onDone: (text: string) => void }) {
  const { proposal: p } = props;
  const t = useText();
  const label = useLabel();
  const format = useFormat();
  const member = memberOf(props.viewer);
  const unit = unitOf(props.viewer);
  const proposes = !!member && p.proposers.some((m) => m.id === member.id);
  const assignedToMe = !!unit && (p.leadUnit?.id === unit.id || p.coHandlers.some((u) => u.id === unit.id));
  // Any lead unit of a split proposal may ask for more time or return it (the whole proposal goes back to the office).
  const leadsIt = !!unit && p.leadUnits.some((u) => u.id === unit.id);
  const role = props.viewer?.role;
  const names = (list: { name: string }[]) => (list.length ? list.map((x) => x.name).join('、') : t('none'));
  return (
    <>
      <h1>{p.subject}</h1>
      <p>
        <span className="badge">{label('ProposalStatus', p.status)}</span> <span className="badge">{label('CppccLevel', p.level)}</span>{' '}
        {p.isKey && <span className="badge warn">{t('key')}</span>} {p.isComplex && <span className="badge">{t('complex')}</span>}{' '}
        {p.isOverdue && <span className="badge bad">{t('overdue')}</span>}
      </p>
      <dl className="facts" aria-label={p.subject}>
        <dt>{t('proposerKind')}</dt>
        <dd>{label('ProposerKind', p.proposerKind)}</dd>
        <dt>{t('proposers')}</dt>
        <dd>{names(p.proposers)}</dd>
        <dt>{t('cosigners')}</dt>
        <dd>{names(p.cosigners.nodes)}</dd>
        <dt>{t('submittedAt')}</dt>
        <dd>{format.dateTime(p.submittedAt)}</dd>
        {p.session && (
          <>
            <dt>{t('session')}</dt>
            <dd>
              {t('sessionOf', { term: String(p.session.term), session: String(p.session.sessionNumber), when: t(p.session.isDuringPlenary ? 'duringPlenary' : 'betweenSessions') })}
            </dd>
          </>
        )}
        {p.number !== null && (
          <>
            <dt>{t('number')}</dt>
            <dd>{t('numbered', { number: String(p.number).padStart(4, '0') })}</dd>
          </>
        )}
        {p.supervision && (
          <>
            <dt>{t('supervision')}</dt>
            <dd>{[p.supervision.leaders.join('、') || t('none'), p.supervision.note].filter(Boolean).join('；')}</dd>
          </>
        )}
        {p.extension && (
          <>
            <dt>{t('extension')}</dt>
            <dd>{t('extensionOf', { until: format.date(p.extension.requestedUntil), decision: label('ExtensionDecision', p.extension.decision), reason: p.extension.reason })}</dd>
          </>
        )}
        {p.mergedInto && (
          <>
            <dt>{t('mergedInto')}</dt>
            <dd>
              <Link href={`/proposals/${encodeURIComponent(p.mergedInto.id)}`}>{p.mergedInto.subject}</Link>
            </dd>
          </>
        )}
        {p.merged.length > 0 && (
          <>
            <dt>{t('merged')}</dt>
            <dd>
              {p.merged.map((m, i) => (
                <span key={m.id}>
                  {i > 0 && '；'}
                  <Link href={`/proposals/${encodeURIComponent(m.id)}`}>{m.subject}</Link>
                </span>
              ))}
            </dd>
          </>
        )}
        {p.requests.length > 0 && (
          <>
            <dt>{t('requests')}</dt>
            <dd>{p.requests.map((r) => r.title).join('；')}</dd>
          </>
        )}
        {p.rejectionGround && (
          <>
            <dt>{t('rejectionGround')}</dt>
            <dd>{label('RejectionGround', p.rejectionGround)}</dd>
          </>
        )}
        {p.reviewNote && (
          <>
            <dt>{t('reviewNote')}</dt>
            <dd style={{ whiteSpace: 'pre-wrap' }}>{p.reviewNote}</dd>
          </>
        )}
        {p.leadUnit && (
          <>
            <dt>{t('leadUnit')}</dt>
            <dd>{p.leadUnit.name}</dd>
            <dt>{t('coHandlers')}</dt>
            <dd>{names(p.coHandlers)}</dd>
            <dt>{t('dueOn')}</dt>
            <dd>{format.date(p.dueOn)}</dd>
            <dt>{t('round')}</dt>
            <dd>{p.round}</dd>
          </>
        )}
      </dl>
      <section className="card">
        <h2>{t('reasons')}</h2>
        <p style={{ whiteSpace: 'pre-wrap' }}>{p.reasons}</p>
        <h2>{t('recommendations')}</h2>
        <p style={{ whiteSpace: 'pre-wrap' }}>{p.recommendations}</p>
      </section>
      {props.notice && (
        <p role="status" className="ok">
          {props.notice}
        </p>
      )}
      {role === 'CPPCC_MEMBER' && p.status === 'DRAFT' && proposes && (
        <>
          <EvidencePicker proposalId={p.id} />
          <SubmitPanel proposal={p} onDone={props.onDone} />
        </>
      )}
      {role === 'CPPCC_MEMBER' && p.status === 'DRAFT' && member && !proposes && <CosignPanel proposal={p} memberId={member.id} onDone={props.onDone} />}
      {role === 'CPPCC_MEMBER' && p.status === 'REPLIED' && proposes && p.answer && p.answer.rating == null && (
        <RatePanel proposal={p} replyId={p.answer.id} onDone={props.onDone} />
      )}
      {role === 'CPPCC_OFFICE' && p.status === 'SUBMITTED' && <ReviewPanel proposal={p} onDone={props.onDone} />}
      {role === 'CPPCC_OFFICE' && p.status === 'ACCEPTED' && <AssignPanel proposal={p} onDone={props.onDone} />}
      {role === 'HANDLING_UNIT' && p.status === 'ASSIGNED' && assignedToMe && unit && <ReplyPanel proposal={p} unitId={unit.id} onDone={props.onDone} />}
      {role === 'HANDLING_UNIT' && p.status === 'ASSIGNED' && leadsIt && (
        <>
          <ExtensionRequestPanel proposal={p} onDone={props.onDone} />
          <ReturnPanel proposal={p} onDone={props.onDone} />
        </>
      )}
      {role === 'CPPCC_OFFICE' && p.status === 'ASSIGNED' && p.extension?.decision === 'PENDING' && <DecideExtensionPanel proposal={p} onDone={props.onDone} />}
      {role === 'CPPCC_OFFICE' && ['ACCEPTED', 'ASSIGNED', 'REPLIED'].includes(p.status) && !p.supervision?.leaders.length && <SupervisePanel proposal={p} onDone={props.onDone} />}
      {role === 'CPPCC_OFFICE' && p.status === 'ACCEPTED' && !p.mergedInto && <MergePanel proposal={p} onDone={props.onDone} />}
      {role === 'CPPCC_MEMBER' && ['DRAFT', 'SUBMITTED', 'ACCEPTED'].includes(p.status) && proposes && <WithdrawPanel proposal={p} onDone={props.onDone} />}
      <EvidenceTable proposalId={p.id} />
      {(p.replies.totalCount > 0 || p.leadUnit) && (
        <DataTable
          title={t('replies')}
          columns={[
            { header: t('round'), value: (r) => r.round, align: 'right' },
            { header: t('unit'), value: (r) => r.unit.name, width: 24 },
            { header: t('part'), value: (r) => (r.isLead ? t('lead') : t('opinion')), width: 14 },
            { header: t('category'), value: (r) => label('ReplyCategory', r.category), width: 22 },
            { header: t('repliedOn'), value: (r) => r.repliedOn, width: 12 },
            { header: t('text'), value: (r) => r.text, render: (r) => <div style={{ whiteSpace: 'pre-wrap', minWidth: '20rem' }}>{r.text}</div>, width: 60 },
            { header: t('rating'), value: (r) => (r.rating ? label('Satisfaction', r.rating) : '') },
            { header: t('ratedOn'), value: (r) => r.ratedOn ?? '', width: 12 },
          ]}
          rows={p.replies.nodes}
          rowKey={(r) => r.id}
        />
      )}
      <Timeline proposalId={p.id} />
    </>
  );
}
