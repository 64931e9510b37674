import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { request } from '../../api';
import { SelectField, TextArea, TextField } from '../../components/Field';
import { useErrorText } from '../../components/Status';
import {
  AssignProposalDocument,
  CosignProposalDocument,
  DecideExtensionDocument,
  MergeProposalsDocument,
  MergeTargetsDocument,
  RequestExtensionDocument,
  ReturnProposalDocument,
  SuperviseProposalDocument,
  WithdrawProposalDocument,
  RateReplyDocument,
  ReplyToProposalDocument,
  SubmitCoHandlerOpinionDocument,
  ReviewProposalDocument,
  SubmitProposalDocument,
  UnitsOfLevelDocument,
  type MutationErrorFieldsFragment,
  type ProposalDetailQuery,
  type ProposalPayloadFieldsFragment,
  type Publication,
  type RejectionGround,
  type ReplyCategory,
  type ReviewDecisionInput,
  type Satisfaction,
} from '../../generated/graphql';
import { messages, type Pair } from '../../i18n';
import { useEnumOptions } from '../../labels';
import { FormErrors, useFieldErrors } from './errors';

export type ProposalDetail = NonNullable<ProposalDetailQuery['proposal']>;

const useText = messages({
  submitTitle: ['提交提案', 'Submit the proposal'],
  submitHint: ['提交后提案进入提案委员会办公室审查，不能再修改或附上证据。', 'Once submitted, the proposals office reviews it: it can no longer be edited or given evidence.'],
  submit: ['提交提案', 'Submit'],
  submitted: ['提案已提交，等待审查。', 'Submitted: it awaits review.'],
  cosignTitle: ['联名', 'Co-sign'],
  cosignHint: ['联名即表示您赞同该提案，并作为联名人随提案提交。', 'Co-signing joins you to the proposal as a co-signer.'],
  cosign: ['联名该提案', 'Co-sign it'],
  cosigned: ['您已联名该提案。', 'You co-sign this proposal.'],
  rateTitle: ['评价答复', 'Rate the reply'],
  rateHint: ['满意或基本满意即办结；不满意将退回承办单位再次办理。', 'Satisfied or basically satisfied closes it; dissatisfied sends it back to its units.'],
  rating: ['满意度', 'Rating'],
  rate: ['提交评价', 'Rate'],
  rated: ['评价已提交。', 'Rating recorded.'],
  reviewTitle: ['审查', 'Review'],
  decision: ['审查决定', 'Decision'],
  isKey: ['列为重点提案', 'A key proposal'],
  reason: ['审查意见（可选）', 'Reason (optional)'],
  ground: ['不予立案理由', 'Ground'],
  report: ['社情民意信息内容', 'The report'],
  review: ['提交审查决定', 'Record the decision'],
  reviewed: ['审查决定已记录。', 'Decision recorded.'],
  assignTitle: ['交办', 'Assign'],
  assignHint: ['答复期限由系统计算：交办之日起3个月；主办单位可申请延期，经同意最长至交办之日起6个月。', 'The reply falls due 3 months after assignment; the lead unit may ask for more time, up to 6 months if the office agrees (the server sets it).'],
  leadUnit: ['主办单位', 'Lead unit'],
  coHandlers: ['会办单位（可多选）', 'Co-handling units'],
  choose: ['请选择', 'Choose one'],
  assign: ['交办', 'Assign'],
  assigned: ['已交办。', 'Assigned.'],
  replyTitle: ['答复提案', 'Reply'],
  opinionTitle: ['会办意见', 'Co-handler’s opinion'],
  replyHint: ['主办单位的答复即对提案的答复；会办单位的意见供主办单位参考。每轮每个单位答复一次。', 'The lead unit’s reply answers the proposal; a co-handler’s opinion informs it. One reply per unit a round.'],
  category: ['答复类别', 'Category'],
  text: ['答复内容', 'Reply'],
  signedBy: ['签发人', 'Signed by'],
  publication: ['公开属性', 'Publication'],
  reply: ['提交答复', 'Send the reply'],
  replied: ['答复已提交。', 'Reply sent.'],
  repliedAlready: ['本单位本轮已答复（{date}）。', 'Your unit replied this round ({date}).'],
  withdrawTitle: ['撤回提案', 'Withdraw the proposal'],
  withdrawHint: ['交办前，提案人可以撤回提案（撤案），并说明原因；撤回后不再办理。', 'Before it is assigned, its proposers may withdraw it, saying why; it is then not handled.'],
  withdrawReason: ['撤回原因', 'Why'],
  withdraw: ['撤回提案', 'Withdraw'],
  withdrawn: ['提案已撤回。', 'Withdrawn.'],
  returnTitle: ['退回提案', 'Return the proposal'],
  returnHint: ['不属于本单位职责的提案，应在交办后规定期限内（默认10日）说明理由退回提案委员会办公室，由其重新交办。', 'A proposal outside your remit goes back to the proposals office within the set window after assignment (10 days by default), with reasons, to be reassigned.'],
  returnReason: ['退回理由', 'Reasons'],
  return: ['退回提案', 'Return'],
  returned: ['提案已退回提案委员会办公室。', 'Returned to the proposals office.'],
  extensionTitle: ['申请延期', 'Ask for more time'],
  extensionHint: ['情况复杂、需要更多时间的，主办单位可申请延期，最长至交办之日起6个月，经提案委员会办公室同意。', 'Where it needs more time, the lead unit may ask for it, up to 6 months from assignment; the proposals office decides.'],
  until: ['延至', 'Until'],
  extensionReason: ['延期理由', 'Reasons'],
  requestExtension: ['提交延期申请', 'Ask'],
  extensionRequested: ['延期申请已提交，等待提案委员会办公室审核。', 'Asked: the proposals office decides.'],
  extensionPending: ['延期申请待提案委员会办公室审核。', 'The request awaits the proposals office.'],
  decideTitle: ['审核延期申请', 'Decide the extension'],
  decideHint: ['承办单位申请延至{until}：{reason}', 'The unit asks for {until}: {reason}'],
  extensionDecision: ['审核决定', 'Decision'],
  note: ['说明（可选）', 'Note (optional)'],
  decide: ['提交审核决定', 'Record the decision'],
  decided: ['延期审核决定已记录。', 'Decision recorded.'],
  superviseTitle: ['重点督办', 'Supervise'],
  superviseHint: ['列为重点提案，由政协和政府领导督办；每行填写一位督办领导。', 'Makes it a key proposal supervised by CPPCC and government leaders; one leader a line.'],
  leaders: ['督办领导（每行一位）', 'Supervising leaders (one a line)'],
  supervise: ['列为重点督办', 'Supervise'],
  supervised: ['已列为重点督办提案。', 'Supervised as a key proposal.'],
  mergeTitle: ['并案', 'Merge'],
  mergeHint: ['内容相近的提案可并入另一件已立案或已交办的同级提案办理；并案后各提案人都收到答复并分别评价。', 'A similar proposal may be merged into another accepted or assigned one of its level; every proposer then receives the reply and rates it.'],
  mergeInto: ['并入', 'Merge into'],
  merge: ['并案', 'Merge'],
  mergedDone: ['已并案。', 'Merged.'],
  noTargets: ['没有可并入的同级提案。', 'No proposal of its level to merge into.'],
});

const DUPLICATE_COSIGN: Pair = ['您已联名该提案。', 'You co-sign it already.'];
const DUPLICATE_REPLY: Pair = ['本单位本轮已答复，不能重复答复。', 'Your unit has replied this round already.'];

/**
 * One workflow step of a proposal's page: runs the mutation, keeps its refusal (typed errors) for the form to show by
 * field, and on success re-reads what it changed. A refused step re-reads nothing: the form stays with its message,
 * which asks the reader to reload where the proposal changed meanwhile.
 */
function useStep<V>(proposalId: string, run: (variables: V) => Promise<ProposalPayloadFieldsFragment>, onDone: (text: string) => void, doneText: string) {
  const client = useQueryClient();
  const [errors, setErrors] = useState<MutationErrorFieldsFragment[]>([]);
  const mutation = useMutation({
    mutationFn: run,
    onMutate: () => setErrors([]),
    onSuccess: async (payload) => {
      setErrors(payload.errors);
      if (payload.errors.length > 0) return;
      // Said once the page shows the proposal as it is now (its status, timeline and lists re-read).
      await Promise.all(
        [['proposal', proposalId], ['proposals'], ['policyRequests'], ['scores']].map((queryKey) => client.invalidateQueries({ queryKey })),
      );
      onDone(doneText);
    },
  });
  return { mutation, errors };
}

function Panel(props: { title: string; hint?: string; children: ReactNode }) {
  return (
    <section className="card" aria-label={props.title}>
      <h2>{props.title}</h2>
      {props.hint && <p className="muted small">{props.hint}</p>}
      {props.children}
    </section>
  );
}

/** A labelled checkbox (the label after the box). */
export function CheckField(props: { label: string; checked: boolean; onChange: (checked: boolean) => void }) {
  const id = useId();
  return (
    <div className="field" style={{ flexDirection: 'row', alignItems: 'center', gap: '0.4rem' }}>
      <input id={id} type="checkbox" checked={props.checked} onChange={(e) => props.onChange(e.target.checked)} />
      <label htmlFor={id} style={{ fontWeight: 'normal' }}>
        {props.label}
      </label>
    </div>
  );
}

/** A proposer submits its draft (提交), with the version it read. */
export function SubmitPanel(props: { proposal: ProposalDetail; onDone: (text: string) => void }) {
  const t = useText();
  const errorText = useErrorText();
  const { mutation, errors } = useStep(
    props.proposal.id,
    async (version: number) => (await request(SubmitProposalDocument, { input: { proposalId: props.proposal.id, version } })).submitProposal,
    props.onDone,
    t('submitted'),
  );
  const shown = useFieldErrors(errors, []);
  return (
    <Panel title={t('submitTitle')} hint={t('submitHint')}>
      <FormErrors messages={[...shown.rest, ...(mutation.error ? [errorText(mutation.error)] : [])]} />
      <button type="button" disabled={mutation.isPending} onClick={() => mutation.mutate(props.proposal.version)}>
        {t('submit')}
      </button>
    </Panel>
  );
}

/** Another member co-signs a draft (联名). */
export function CosignPanel(props: { proposal: ProposalDetail; memberId: string; onDone: (text: string) => void }) {
  const t = useText();
  const errorText = useErrorText();
  const { mutation, errors } = useStep(
    props.proposal.id,
    async () => (await request(CosignProposalDocument, { input: { proposalId: props.proposal.id } })).cosignProposal,
    props.onDone,
    t('cosigned'),
  );
  const shown = useFieldErrors(errors, [], { DUPLICATE: DUPLICATE_COSIGN });
  if (props.proposal.cosigners.nodes.some((m) => m.id === props.memberId)) {
    return (
      <Panel title={t('cosignTitle')}>
        <p>{t('cosigned')}</p>
      </Panel>
    );
  }
  return (
    <Panel title={t('cosignTitle')} hint={t('cosignHint')}>
      <FormErrors messages={[...shown.rest, ...(mutation.error ? [errorText(mutation.error)] : [])]} />
      <button type="button" disabled={mutation.isPending} onClick={() => mutation.mutate(undefined)}>
        {t('cosign')}
      </button>
    </Panel>
  );
}

/** A proposer rates the reply that answers the proposal now (`Proposal.answer`). */
export function RatePanel(props: { proposal: ProposalDetail; replyId: string; onDone: (text: string) => void }) {
  const t = useText();
  const options = useEnumOptions();
  const errorText = useErrorText();
  const [rating, setRating] = useState<Satisfaction>('SATISFIED');
  const { mutation, errors } = useStep(
    props.proposal.id,
    async (r: Satisfaction) => (await request(RateReplyDocument, { input: { replyId: props.replyId, rating: r } })).rateReply,
    props.onDone,
    t('rated'),
  );
  const shown = useFieldErrors(errors, ['input.rating']);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate(rating);
  };
  return (
    <Panel title={t('rateTitle')} hint={t('rateHint')}>
      <form onSubmit={submit}>
        <SelectField label={t('rating')} value={rating} onChange={(e) => setRating(e.target.value as Satisfaction)} options={options('Satisfaction')} error={shown.at('input.rating')} />
        <FormErrors messages={[...shown.rest, ...(mutation.error ? [errorText(mutation.error)] : [])]} />
        <button type="submit" disabled={mutation.isPending}>
          {t('rate')}
        </button>
      </form>
    </Panel>
  );
}

type Decision = 'ACCEPT' | 'REJECT' | 'CONVERT_TO_LETTER' | 'CONVERT_TO_REPORT';

/** The office reviews a submitted proposal: accept (key or not), reject on a ground, or convert it (`@oneOf` decision). */
export function ReviewPanel(props: { proposal: ProposalDetail; onDone: (text: string) => void }) {
  const t = useText();
  const options = useEnumOptions();
  const errorText = useErrorText();
  const [decision, setDecision] = useState<Decision>('ACCEPT');
  const [isKey, setIsKey] = useState(false);
  const [reason, setReason] = useState('');
  const [ground, setGround] = useState<RejectionGround>('NO_CONCRETE_PROPOSAL');
  const [report, setReport] = useState('');
  const { mutation, errors } = useStep(
    props.proposal.id,
    async (d: ReviewDecisionInput) => (await request(ReviewProposalDocument, { input: { proposalId: props.proposal.id, version: props.proposal.version, decision: d } })).reviewProposal,
    props.onDone,
    t('reviewed'),
  );
  const shown = useFieldErrors(errors, ['input.decision.accept.reason', 'input.decision.reject', 'input.decision.convertToLetter.reason', 'input.decision.convertToReport.report', 'input.decision']);
  const optional = reason.trim() || null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input: ReviewDecisionInput =
      decision === 'ACCEPT'
        ? { accept: { isKey, reason: optional } }
        : decision === 'REJECT'
          ? { reject: { ground, reason: optional } }
          : decision === 'CONVERT_TO_LETTER'
            ? { convertToLetter: { reason: optional } }
            : { convertToReport: { report } };
    mutation.mutate(input);
  };
  return (
    <Panel title={t('reviewTitle')}>
      <form onSubmit={submit}>
        <SelectField label={t('decision')} value={decision} onChange={(e) => setDecision(e.target.value as Decision)} options={options('ReviewDecision')} error={shown.at('input.decision')} />
        {decision === 'ACCEPT' && <CheckField label={t('isKey')} checked={isKey} onChange={setIsKey} />}
        {decision === 'REJECT' && (
          <SelectField label={t('ground')} value={ground} onChange={(e) => setGround(e.target.value as RejectionGround)} options={options('RejectionGround')} error={shown.at('input.decision.reject')} />
        )}
        {decision === 'CONVERT_TO_REPORT' ? (
          <TextArea label={t('report')} value={report} onChange={(e) => setReport(e.target.value)} error={shown.at('input.decision.convertToReport.report')} />
        ) : (
          <TextArea label={t('reason')} value={reason} onChange={(e) => setReason(e.target.value)} error={shown.at('input.decision.accept.reason') ?? shown.at('input.decision.convertToLetter.reason')} />
        )}
        <FormErrors messages={[...shown.rest, ...(mutation.error ? [errorText(mutation.error)] : [])]} />
        <button type="submit" disabled={mutation.isPending}>
          {t('review')}
        </button>
      </form>
    </Panel>
  );
}

/** The office assigns an accepted proposal to a lead unit and co-handlers of its level; the server sets the due date. */
export function AssignPanel(props: { proposal: ProposalDetail; onDone: (text: string) => void }) {
  const t = useText();
  const errorText = useErrorText();
  const units = useQuery({ queryKey: ['units', props.proposal.level], queryFn: () => request(UnitsOfLevelDocument, { level: props.proposal.level }), staleTime: 60_000 });
  const [lead, setLead] = useState('');
  const [co, setCo] = useState<string[]>([]);
  const { mutation, errors } = useStep(
    props.proposal.id,
    async (v: { lead: string; co: string[] }) =>
      (await request(AssignProposalDocument, { input: { proposalId: props.proposal.id, leadUnitId: v.lead, coHandlerIds: v.co } })).assignProposal,
    props.onDone,
    t('assigned'),
  );
  const shown = useFieldErrors(errors, ['input.leadUnitId', 'input.coHandlerIds']);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate({ lead, co: co.filter((u) => u !== lead) });
  };
  const all = units.data?.handlingUnits.nodes ?? [];
  return (
    <Panel title={t('assignTitle')} hint={t('assignHint')}>
      <form onSubmit={submit}>
        <SelectField
          label={t('leadUnit')}
          value={lead}
          onChange={(e) => setLead(e.target.value)}
          options={[{ value: '', label: t('choose') }, ...all.map((u) => ({ value: u.id, label: u.name }))]}
          error={shown.at('input.leadUnitId')}
          required
        />
        <fieldset className="field" style={{ border: 'none', padding: 0 }}>
          <legend style={{ fontWeight: 600 }}>{t('coHandlers')}</legend>
          {all
            .filter((u) => u.id !== lead)
            .map((u) => (
              <CheckField key={u.id} label={u.name} checked={co.includes(u.id)} onChange={(on) => setCo((was) => (on ? [...was, u.id] : was.filter((x) => x !== u.id)))} />
            ))}
          {shown.at('input.coHandlerIds') && <small className="error">{shown.at('input.coHandlerIds')}</small>}
        </fieldset>
        <FormErrors messages={[...shown.rest, ...(mutation.error ? [errorText(mutation.error)] : [])]} />
        <button type="submit" disabled={mutation.isPending || lead === ''}>
          {t('assign')}
        </button>
      </form>
    </Panel>
  );
}

/** An assigned unit replies once a round: the lead unit's reply answers the proposal, a co-handler's is its opinion. */
export function ReplyPanel(props: { proposal: ProposalDetail; unitId: string; onDone: (text: string) => void }) {
  const t = useText();
  const options = useEnumOptions();
  const errorText = useErrorText();
  const [category, setCategory] = useState<ReplyCategory>('RESOLVED_OR_ADOPTED');
  const [text, setText] = useState('');
  const [signedBy, setSignedBy] = useState('');
  const [publication, setPublication] = useState<Publication>('PUBLIC');
  // A lead unit (one of several when split) replies with a category, a signer and a publication decision; a co-handler
  // sends an opinion (会办意见), with none of them.
  const isLead = props.proposal.leadUnits.some((u) => u.id === props.unitId);
  const { mutation, errors } = useStep(
    props.proposal.id,
    async (v: { category: ReplyCategory; text: string; signedBy: string; publication: Publication }) =>
      isLead
        ? (await request(ReplyToProposalDocument, { input: { proposalId: props.proposal.id, ...v } })).replyToProposal
        : (await request(SubmitCoHandlerOpinionDocument, { input: { proposalId: props.proposal.id, text: v.text } })).submitCoHandlerOpinion,
    props.onDone,
    t('replied'),
  );
  const shown = useFieldErrors(errors, ['input.category', 'input.text', 'input.signedBy', 'input.publication'], { DUPLICATE: DUPLICATE_REPLY });
  const mine = props.proposal.replies.nodes.find((r) => r.unit.id === props.unitId && r.round === props.proposal.round);
  const title = isLead ? t('replyTitle') : t('opinionTitle');
  if (mine) {
    return (
      <Panel title={title}>
        <p>{t('repliedAlready', { date: mine.repliedOn })}</p>
      </Panel>
    );
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate({ category, text, signedBy, publication });
  };
  return (
    <Panel title={title} hint={t('replyHint')}>
      <form onSubmit={submit}>
        {isLead && (
          <SelectField label={t('category')} value={category} onChange={(e) => setCategory(e.target.value as ReplyCategory)} options={options('ReplyCategory')} error={shown.at('input.category')} />
        )}
        <TextArea label={t('text')} value={text} onChange={(e) => setText(e.target.value)} error={shown.at('input.text')} rows={8} />
        {isLead && (
          <>
            <TextField label={t('signedBy')} value={signedBy} onChange={(e) => setSignedBy(e.target.value)} error={shown.at('input.signedBy')} />
            <SelectField label={t('publication')} value={publication} onChange={(e) => setPublication(e.target.value as Publication)} options={options('Publication')} error={shown.at('input.publication')} />
          </>
        )}
        <FormErrors messages={[...shown.rest, ...(mutation.error ? [errorText(mutation.error)] : [])]} />
        <button type="submit" disabled={mutation.isPending}>
          {t('reply')}
        </button>
      </form>
    </Panel>
  );
}

type TextKey = Parameters<ReturnType<typeof useText>>[0];

/**
 * A step whose only input is its reasons (撤案 by a proposer, 退办 by a lead unit): `run` sends them, `words` names the
 * panel's title, hint, field, button and what it says when done.
 */
function ReasonPanel(props: {
  proposal: ProposalDetail;
  onDone: (text: string) => void;
  run: (reason: string) => Promise<ProposalPayloadFieldsFragment>;
  words: { title: TextKey; hint: TextKey; field: TextKey; button: TextKey; done: TextKey };
}) {
  const t = useText();
  const errorText = useErrorText();
  const [reason, setReason] = useState('');
  const { mutation, errors } = useStep(props.proposal.id, props.run, props.onDone, t(props.words.done));
  const shown = useFieldErrors(errors, ['input.reason']);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate(reason);
  };
  return (
    <Panel title={t(props.words.title)} hint={t(props.words.hint)}>
      <form onSubmit={submit}>
        <TextArea label={t(props.words.field)} value={reason} onChange={(e) => setReason(e.target.value)} error={shown.at('input.reason')} />
        <FormErrors messages={[...shown.rest, ...(mutation.error ? [errorText(mutation.error)] : [])]} />
        <button type="submit" disabled={mutation.isPending}>
          {t(props.words.button)}
        </button>
      </form>
    </Panel>
  );
}

/** A proposer withdraws a proposal not yet assigned (撤案), with its reasons. */
export function WithdrawPanel(props: { proposal: ProposalDetail; onDone: (text: string) => void }) {
  return (
    <ReasonPanel
      {...props}
      run={async (reason) => (await request(WithdrawProposalDocument, { input: { proposalId: props.proposal.id, reason } })).withdrawProposal}
      words={{ title: 'withdrawTitle', hint: 'withdrawHint', field: 'withdrawReason', button: 'withdraw', done: 'withdrawn' }}
    />
  );
}

/** A lead unit returns a proposal outside its remit (退办) to the office, with its reasons. */
export function ReturnPanel(props: { proposal: ProposalDetail; onDone: (text: string) => void }) {
  return (
    <ReasonPanel
      {...props}
      run={async (reason) => (await request(ReturnProposalDocument, { input: { proposalId: props.proposal.id, reason } })).returnProposal}
      words={{ title: 'returnTitle', hint: 'returnHint', field: 'returnReason', button: 'return', done: 'returned' }}
    />
  );
}

/** A lead unit asks for more time (延期): until a day and why; the office decides. One request at a time. */
export function ExtensionRequestPanel(props: { proposal: ProposalDetail; onDone: (text: string) => void }) {
  const t = useText();
  const errorText = useErrorText();
  const [until, setUntil] = useState('');
  const [reason, setReason] = useState('');
  const { mutation, errors } = useStep(
    props.proposal.id,
    async (v: { until: string; reason: string }) => (await request(RequestExtensionDocument, { input: { proposalId: props.proposal.id, ...v } })).requestExtension,
    props.onDone,
    t('extensionRequested'),
  );
  const shown = useFieldErrors(errors, ['input.until', 'input.reason']);
  if (props.proposal.extension?.decision === 'PENDING') {
    return (
      <Panel title={t('extensionTitle')}>
        <p>{t('extensionPending')}</p>
      </Panel>
    );
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate({ until, reason });
  };
  return (
    <Panel title={t('extensionTitle')} hint={t('extensionHint')}>
      <form onSubmit={submit}>
        <TextField label={t('until')} type="date" value={until} onChange={(e) => setUntil(e.target.value)} error={shown.at('input.until')} required />
        <TextArea label={t('extensionReason')} value={reason} onChange={(e) => setReason(e.target.value)} error={shown.at('input.reason')} />
        <FormErrors messages={[...shown.rest, ...(mutation.error ? [errorText(mutation.error)] : [])]} />
        <button type="submit" disabled={mutation.isPending || until === ''}>
          {t('requestExtension')}
        </button>
      </form>
    </Panel>
  );
}

/** The office decides a pending extension request: approved (the proposal falls due on the day asked) or refused. */
export function DecideExtensionPanel(props: { proposal: ProposalDetail; onDone: (text: string) => void }) {
  const t = useText();
  const options = useEnumOptions();
  const errorText = useErrorText();
  const [decision, setDecision] = useState<'APPROVED' | 'REFUSED'>('APPROVED');
  const [note, setNote] = useState('');
  const { mutation, errors } = useStep(
    props.proposal.id,
    async (v: { isApproved: boolean; note: string | null }) => (await request(DecideExtensionDocument, { input: { proposalId: props.proposal.id, ...v } })).decideExtension,
    props.onDone,
    t('decided'),
  );
  const shown = useFieldErrors(errors, ['input.isApproved', 'input.note']);
  const extension = props.proposal.extension!;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate({ isApproved: decision === 'APPROVED', note: note.trim() || null });
  };
  return (
    <Panel title={t('decideTitle')} hint={t('decideHint', { until: extension.requestedUntil, reason: extension.reason })}>
      <form onSubmit={submit}>
        <SelectField
          label={t('extensionDecision')}
          value={decision}
          onChange={(e) => setDecision(e.target.value as 'APPROVED' | 'REFUSED')}
          options={options('ExtensionDecision').filter((o) => o.value !== 'PENDING')}
          error={shown.at('input.isApproved')}
        />
        <TextArea label={t('note')} value={note} onChange={(e) => setNote(e.target.value)} error={shown.at('input.note')} />
        <FormErrors messages={[...shown.rest, ...(mutation.error ? [errorText(mutation.error)] : [])]} />
        <button type="submit" disabled={mutation.isPending}>
          {t('decide')}
        </button>
      </form>
    </Panel>
  );
}

/** The office makes a proposal a key proposal supervised by named leaders (重点督办). */
export function SupervisePanel(props: { proposal: ProposalDetail; onDone: (text: string) => void }) {
  const t = useText();
  const errorText = useErrorText();
  const [leaders, setLeaders] = useState('');
  const [note, setNote] = useState('');
  const { mutation, errors } = useStep(
    props.proposal.id,
    async (v: { leaders: string[]; note: string | null }) => (await request(SuperviseProposalDocument, { input: { proposalId: props.proposal.id, ...v } })).superviseProposal,
    props.onDone,
    t('supervised'),
  );
  const shown = useFieldErrors(errors, ['input.leaders', 'input.note']);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const names = leaders.split('\n').map((l) => l.trim()).filter(Boolean);
    mutation.mutate({ leaders: names, note: note.trim() || null });
  };
  return (
    <Panel title={t('superviseTitle')} hint={t('superviseHint')}>
      <form onSubmit={submit}>
        <TextArea label={t('leaders')} value={leaders} onChange={(e) => setLeaders(e.target.value)} error={shown.at('input.leaders')} rows={3} />
        <TextArea label={t('note')} value={note} onChange={(e) => setNote(e.target.value)} error={shown.at('input.note')} />
        <FormErrors messages={[...shown.rest, ...(mutation.error ? [errorText(mutation.error)] : [])]} />
        <button type="submit" disabled={mutation.isPending}>
          {t('supervise')}
        </button>
      </form>
    </Panel>
  );
}

/** The office merges an accepted proposal into another accepted or assigned one of its level (并案). */
export function MergePanel(props: { proposal: ProposalDetail; onDone: (text: string) => void }) {
  const t = useText();
  const errorText = useErrorText();
  const targets = useQuery({ queryKey: ['proposals', 'mergeTargets', props.proposal.level], queryFn: () => request(MergeTargetsDocument, { level: props.proposal.level }) });
  const [into, setInto] = useState('');
  const { mutation, errors } = useStep(
    props.proposal.id,
    async (intoId: string) => (await request(MergeProposalsDocument, { input: { intoId, ids: [props.proposal.id] } })).mergeProposals,
    props.onDone,
    t('mergedDone'),
  );
  const shown = useFieldErrors(errors, ['input.intoId', 'input.ids.0']);
  const others = (targets.data?.proposals.nodes ?? []).filter((p) => p.id !== props.proposal.id);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate(into);
  };
  return (
    <Panel title={t('mergeTitle')} hint={t('mergeHint')}>
      {targets.isSuccess && others.length === 0 ? (
        <p>{t('noTargets')}</p>
      ) : (
        <form onSubmit={submit}>
          <SelectField
            label={t('mergeInto')}
            value={into}
            onChange={(e) => setInto(e.target.value)}
            options={[{ value: '', label: t('choose') }, ...others.map((p) => ({ value: p.id, label: p.number === null ? p.subject : `${String(p.number).padStart(4, '0')} ${p.subject}` }))]}
            error={shown.at('input.intoId') ?? shown.at('input.ids.0')}
            required
          />
          <FormErrors messages={[...shown.rest, ...(mutation.error ? [errorText(mutation.error)] : [])]} />
          <button type="submit" disabled={mutation.isPending || into === ''}>
            {t('merge')}
          </button>
        </form>
      )}
    </Panel>
  );
}
