import { LEGACY_REMOVAL } from '../../common/legacy-args';
import { JSONObjectResolver } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { DateScalar, DateTimeScalar } from '../../common/scalars';
import { OneOf } from '../../common/one-of';
import { CreditCodeScalar, PercentScalar } from '../../common/scalars';
import { EnterpriseFilter } from '../enterprise/enterprise.inputs';
import { CppccLevel, ExtensionDecision, HandlingUnit, PolicyRequestStatus, ProposalStatus, ProposerKind, Publication, RejectionGround, ReplyCategory, Satisfaction } from './cppcc.entity';

/** Arbitrary JSON objects: the frozen evidence and what produced it. */
export const JSONObjectScalar = JSONObjectResolver;

/**
 * The bounds of a proposal's plain lists (design, not law): one issue per proposal leaves little room for more, and
 * each list is then served whole (`Proposal.proposers`, `requests`, `coHandlers`).
 */
export const BOUNDS = {
  /** The drafter and at most 19 members proposing jointly (联名). */
  proposers: 20,
  /** The policy requests one proposal carries. */
  requests: 10,
  /** The co-handling units (会办单位) besides the lead unit. */
  coHandlers: 10,
  /** The lead units of a split proposal (分办), the first included: one issue rarely has more owners. */
  leadUnits: 5,
  /** The proposals merged into one (并案): similar proposals of a session, served whole (`Proposal.merged`). */
  merged: 20,
};

// Named as before API v1 (shared/API.md lists \`filePolicyRequest(input: PolicyRequestInput!)\`): a client declares its
// variables by this name, and a type cannot be deprecated. FilePolicyRequestInput once the pre-v1 names go (2027-06-30).
@InputType('PolicyRequestInput', { description: 'A policy request to file: the need and the enterprises it concerns.' })
export class FilePolicyRequestInput {
  @Field({ description: 'The need, in a line (at most 200 characters).' })
  title!: string;

  @Field({ description: 'The need in full (at most 5,000 characters).' })
  need!: string;

  @Field(() => [CreditCodeScalar], {
    description: 'The enterprises it concerns (a representative: its own, alone). Empty for a need of the zone.',
  })
  creditCodes!: string[];
}

@InputType({ description: 'Which policy requests to list; every condition given must hold.' })
export class PolicyRequestFilter {
  @Field(() => PolicyRequestStatus, { nullable: true, description: 'In this status.' })
  status?: PolicyRequestStatus | null;

  @Field(() => CreditCodeScalar, { nullable: true, description: 'Concerning this enterprise.' })
  creditCode?: string | null;
}

/** The plenary session a proposal belongs to: its committee's term (届次) and the session's number (第几次会议). */
@InputType({ description: 'The session (届次, 次会议) a proposal is submitted to, and whether at the plenary (大会期间) or between sessions (闭会期间).' })
export class ProposalSessionInput {
  @Field(() => Int, { description: 'The committee’s term (届次), e.g. 15 for 政协武汉市第十五届委员会; 1 to 99.' })
  term!: number;

  @Field(() => Int, { description: 'The plenary session of the term (第几次会议), e.g. 5 for 第五次会议; 1 to 9.' })
  sessionNumber!: number;

  @Field({ defaultValue: false, description: 'Is it submitted during the plenary (大会期间)? False: between sessions (闭会期间), counted with the session last held.' })
  isDuringPlenary!: boolean;
}

@ObjectType({ description: 'The session (届次, 次会议) a proposal was submitted to, and whether at the plenary (大会期间) or between sessions (闭会期间).' })
export class ProposalSession {
  @Field(() => Int, { description: 'The committee’s term (届次), e.g. 15 for 政协武汉市第十五届委员会.' })
  term!: number;

  @Field(() => Int, { description: 'The plenary session of the term (第几次会议), e.g. 5 for 第五次会议.' })
  sessionNumber!: number;

  @Field({ description: 'Was it submitted during the plenary (大会期间)? False: between sessions (闭会期间), counted with the session last held.' })
  isDuringPlenary!: boolean;
}

@ObjectType({ description: 'The lead unit’s latest request for more time (延期办理) and the proposals office’s decision.' })
export class ProposalExtension {
  @Field(() => DateScalar, { description: 'The day the unit asked to reply by (Asia/Shanghai), the day included.' })
  requestedUntil!: string;

  @Field({ description: 'The unit’s reasons.' })
  reason!: string;

  @Field(() => DateTimeScalar, { description: 'When the unit asked.' })
  requestedAt!: Date;

  @Field(() => ExtensionDecision, { description: 'The office’s decision: pending, approved (the due date moved to `requestedUntil`) or refused.' })
  decision!: ExtensionDecision;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the office decided; null while pending.' })
  decidedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'The office’s note on its decision; null when it gave none.' })
  note!: string | null;
}

@ObjectType({ description: 'The supervision (督办) of a key proposal (重点提案): the leaders named to supervise its handling.' })
export class ProposalSupervision {
  @Field(() => [String], { description: 'The CPPCC and government leaders supervising it, by name and office (e.g. 市政协副主席 王某某); empty when it was made key at acceptance, before supervision existed.' })
  leaders!: string[];

  @Field(() => String, { nullable: true, description: 'The office’s note (e.g. which meeting chose it: 主席会议 or 提案委员会); null when it gave none.' })
  note!: string | null;

  @Field(() => DateTimeScalar, { description: 'When it was made a key proposal.' })
  designatedAt!: Date;
}

@InputType({ description: 'A proposal to draft, at a level the drafter sits on.' })
export class DraftProposalInput {
  @Field(() => CppccLevel, { description: 'The committee it is proposed to; the drafter (and each co-proposer) sits on it.' })
  level!: CppccLevel;

  @Field({ description: 'The subject (案由): one issue, in a line (at most 100 characters).' })
  subject!: string;

  @Field({ description: 'The situation and the reasons (理由), at most 5,000 characters.' })
  reasons!: string;

  @Field({ description: 'The recommendations (建议), at most 5,000 characters.' })
  recommendations!: string;

  @Field(() => [ID], { defaultValue: [], description: `The policy requests it carries (at most ${BOUNDS.requests}).` })
  policyRequestIds!: string[];

  @Field(() => ProposerKind, { defaultValue: ProposerKind.MEMBERS, description: 'Who proposes; SECTOR and PARTY: the drafter’s own.' })
  proposerKind!: ProposerKind;

  @Field(() => [ID], {
    defaultValue: [],
    description: `Members proposing jointly with the drafter (联名提案), by id: at most ${BOUNDS.proposers - 1}.`,
  })
  coProposerIds!: string[];

  @Field(() => String, { nullable: true, description: 'For SPECIAL_COMMITTEE only: the committee (专门委员会).' })
  committee?: string | null;

  @Field(() => ProposalSessionInput, {
    nullable: true,
    description: 'The session it is for; when omitted, the current session of its level (CPPCC_SESSIONS), between sessions, set when it is submitted.',
  })
  session?: ProposalSessionInput | null;

  @Field({
    defaultValue: false,
    description: 'Did the drafter call it complex (复杂提案)? Accepted and kept, but no longer changes the due date.',
    deprecationReason: 'The lead unit asks for more time with `requestExtension` and the office decides. Removed after 2027-06-30.',
  })
  isComplex!: boolean;
}

@InputType({ description: 'Changes to a draft, by one of its proposers; a field not given stays as it is.' })
export class UpdateProposalInput {
  @Field(() => ID, { description: 'The draft.' })
  proposalId!: string;

  @Field(() => Int, { description: 'The `version` the changes were made on; refused with StaleVersionError when it is not the current one.' })
  version!: number;

  @Field(() => CppccLevel, { nullable: true, description: 'Another committee, which the proposer sits on.' })
  level?: CppccLevel | null;

  @Field(() => String, { nullable: true, description: 'The subject (案由), at most 100 characters.' })
  subject?: string | null;

  @Field(() => String, { nullable: true, description: 'The situation and the reasons (理由), at most 5,000 characters.' })
  reasons?: string | null;

  @Field(() => String, { nullable: true, description: 'The recommendations (建议), at most 5,000 characters.' })
  recommendations?: string | null;

  @Field(() => [ID], { nullable: true, description: `The policy requests it carries, replacing the list (at most ${BOUNDS.requests}).` })
  policyRequestIds?: string[] | null;

  @Field(() => ProposalSessionInput, { nullable: true, description: 'Another session it is for.' })
  session?: ProposalSessionInput | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Did the drafter call it complex (复杂提案)? Kept, but no longer changes the due date.',
    deprecationReason: 'The lead unit asks for more time with `requestExtension` and the office decides. Removed after 2027-06-30.',
  })
  isComplex?: boolean | null;
}

@OneOf()
@InputType({ description: 'What the registry is asked, to freeze as evidence: exactly one of an enterprise, an instrument, or a portfolio filter.' })
export class EvidenceInput {
  @Field(() => CreditCodeScalar, { nullable: true, description: 'An enterprise, by credit code: its profile, bands and instruments.' })
  creditCode?: string | null;

  @Field(() => ID, { nullable: true, description: 'A financing instrument, by id: its kind, status, amount, dates and holders.' })
  instrumentId?: string | null;

  @Field(() => EnterpriseFilter, { nullable: true, description: 'The aggregate figures of the enterprises this filter selects.' })
  portfolioFilter?: EnterpriseFilter | null;
}

@InputType({ description: 'Evidence to freeze into a draft.' })
export class AttachEvidenceInput {
  @Field(() => ID, { description: 'The draft.' })
  proposalId!: string;

  @Field(() => EvidenceInput, { description: 'What to freeze.' })
  evidence!: EvidenceInput;

  @Field({
    defaultValue: false,
    description:
      'Does the evidence name the enterprises (their names and credit codes)? False, the default: only aggregate figures over ' +
      'them (counts, sums, bands), as fits a proposal that may be published and must not promote specific units (宣传特定单位). ' +
      'True: the drafter deliberately names them; a portfolio then lists its enterprises, at most 50.',
  })
  isNamingEnterprises!: boolean;
}

@InputType({ description: 'A draft to co-sign (联名), as the viewer (a member who does not propose it).' })
export class CosignProposalInput {
  @Field(() => ID, { description: 'The draft.' })
  proposalId!: string;
}

@InputType({ description: 'A draft to submit (提交).' })
export class SubmitProposalInput {
  @Field(() => ID, { description: 'The draft.' })
  proposalId!: string;

  @Field(() => Int, { description: 'The `version` the proposer read; refused with StaleVersionError when it is not the current one.' })
  version!: number;
}

@InputType({ description: 'Accepting the proposal (立案): it is given its number (提案号).' })
export class AcceptProposalInput {
  @Field({
    defaultValue: false,
    description: 'Is it a key proposal (重点提案)? True still makes it one, with a supervision naming no leaders yet.',
    deprecationReason: 'Key proposals are chosen after acceptance: `superviseProposal`, naming the supervising leaders. Removed after 2027-06-30.',
  })
  isKey!: boolean;

  @Field(() => String, { nullable: true, description: 'The office’s reason, if it gives one.' })
  reason?: string | null;
}

@InputType({ description: 'Not accepting the proposal (不予立案), on one of the grounds.' })
export class RejectProposalInput {
  @Field(() => RejectionGround, { description: 'The ground.' })
  ground!: RejectionGround;

  @Field(() => String, { nullable: true, description: 'The office’s reason, beyond the ground, if it gives one.' })
  reason?: string | null;
}

@InputType({ description: 'Converting the proposal into a member letter (委员来信), passed on to the departments concerned.' })
export class ConvertToLetterInput {
  @Field(() => String, { nullable: true, description: 'The office’s reason, if it gives one.' })
  reason?: string | null;
}

@InputType({ description: 'Converting the proposal into a social-condition report (社情民意信息).' })
export class ConvertToReportInput {
  @Field({ description: 'The report’s text, at most 1,500 characters.' })
  report!: string;
}

@OneOf()
@InputType({ description: 'What the proposals office decides about a submitted proposal: exactly one of the four, each with its own details.' })
export class ReviewDecisionInput {
  @Field(() => AcceptProposalInput, { nullable: true, description: 'Accept it (立案): ACCEPTED, to be assigned.' })
  accept?: AcceptProposalInput | null;

  @Field(() => RejectProposalInput, { nullable: true, description: 'Do not accept it (不予立案): REJECTED.' })
  reject?: RejectProposalInput | null;

  @Field(() => ConvertToLetterInput, { nullable: true, description: 'Convert it into a member letter: CONVERTED.' })
  convertToLetter?: ConvertToLetterInput | null;

  @Field(() => ConvertToReportInput, { nullable: true, description: 'Convert it into a social-condition report (社情民意): CONVERTED.' })
  convertToReport?: ConvertToReportInput | null;
}

@InputType({ description: 'The proposals office’s review (审查) of a submitted proposal.' })
export class ReviewProposalInput {
  @Field(() => ID, { description: 'The submitted proposal.' })
  proposalId!: string;

  @Field(() => Int, {
    nullable: true,
    description: 'The `version` the office read; when given and not the current one, refused with StaleVersionError.',
  })
  version?: number | null;

  @Field(() => ReviewDecisionInput, { description: 'The decision.' })
  decision!: ReviewDecisionInput;
}

@InputType({ description: 'An accepted proposal to assign (交办) to handling units of its level.' })
export class AssignProposalInput {
  @Field(() => ID, { description: 'The accepted proposal.' })
  proposalId!: string;

  @Field(() => ID, { description: 'The lead unit (主办单位), whose reply answers the proposal.' })
  leadUnitId!: string;

  @Field(() => [ID], {
    defaultValue: [],
    description: `The co-handling units (会办单位), which give the lead units their opinions: at most ${BOUNDS.coHandlers}, none twice.`,
  })
  coHandlerIds!: string[];

  @Field(() => [ID], {
    defaultValue: [],
    description:
      `Split handling (分办): further lead units, each owning a part of the proposal beside \`leadUnitId\`, each replying on its own and each rated on its own; at most ${BOUNDS.leadUnits - 1}, none twice. ` +
      'Empty: one lead unit.',
  })
  splitWithUnitIds?: string[];
}

@InputType({ description: 'A co-handling unit’s opinion (会办意见) to the lead units, as the viewer (that unit).' })
export class SubmitCoHandlerOpinionInput {
  @Field(() => ID, { description: 'The assigned proposal.' })
  proposalId!: string;

  @Field({ description: 'The opinion’s text, at most 5,000 characters.' })
  text!: string;
}

@InputType({ description: 'Accepted proposals to merge (并案) into another, handled for them all.' })
export class MergeProposalsInput {
  @Field(() => ID, { description: 'The proposal handled for them all: accepted, or already assigned.' })
  intoId!: string;

  @Field(() => [ID], { description: `The proposals merged into it: accepted, not yet assigned, of its level; 1 to ${BOUNDS.merged} in all with those merged earlier.` })
  ids!: string[];
}

@InputType({ description: 'A handling unit’s reply (答复) to a proposal assigned to it, as the viewer (that unit).' })
export class ReplyToProposalInput {
  @Field(() => ID, { description: 'The assigned proposal.' })
  proposalId!: string;

  @Field(() => ReplyCategory, { description: 'How the reply answers it (答复类别 A, B or C).' })
  category!: ReplyCategory;

  @Field({ description: 'The reply’s text, at most 5,000 characters.' })
  text!: string;

  @Field({ description: 'Who signs the reply for the unit (签发人), by name: at most 100 characters.' })
  signedBy!: string;

  @Field(() => Publication, { description: 'Whether the unit publishes the reply (主动公开, 依申请公开 or 不予公开).' })
  publication!: Publication;
}

@InputType({ description: 'A proposal its proposer withdraws (撤案), before it is assigned.' })
export class WithdrawProposalInput {
  @Field(() => ID, { description: 'The proposal: a draft, submitted or accepted.' })
  proposalId!: string;

  @Field({ description: 'Why it is withdrawn, at most 500 characters.' })
  reason!: string;
}

@InputType({ description: 'A proposal the lead unit returns (退办) as outside its remit, for the office to reassign.' })
export class ReturnProposalInput {
  @Field(() => ID, { description: 'The assigned proposal.' })
  proposalId!: string;

  @Field({ description: 'Why the unit is not the one to handle it (and which would be), at most 500 characters.' })
  reason!: string;
}

@InputType({ description: 'The lead unit’s request for more time (延期办理).' })
export class RequestExtensionInput {
  @Field(() => ID, { description: 'The assigned proposal.' })
  proposalId!: string;

  @Field(() => DateScalar, { description: 'The day to reply by: after the current `dueOn`, and at most 6 months from assignment.' })
  until!: string;

  @Field({ description: 'Why more time is needed, at most 500 characters.' })
  reason!: string;
}

@InputType({ description: 'The proposals office’s decision on a pending request for more time.' })
export class DecideExtensionInput {
  @Field(() => ID, { description: 'The assigned proposal with a pending extension request.' })
  proposalId!: string;

  @Field({ description: 'Is the extension approved? True: the reply is due by the day asked for; false: the due date stays.' })
  isApproved!: boolean;

  @Field(() => String, { nullable: true, description: 'The office’s note on its decision, at most 500 characters.' })
  note?: string | null;
}

@InputType({ description: 'A proposal the office makes a key proposal (重点提案), supervised (督办) by the leaders it names.' })
export class SuperviseProposalInput {
  @Field(() => ID, { description: 'The proposal: accepted, assigned or replied to.' })
  proposalId!: string;

  @Field(() => [String], { description: 'The supervising CPPCC and government leaders, by name and office: 1 to 10, none twice.' })
  leaders!: string[];

  @Field(() => String, { nullable: true, description: 'The office’s note (e.g. which meeting chose it), at most 500 characters.' })
  note?: string | null;
}

@InputType({ description: 'A proposer’s rating of a reply (满意度测评): overall, and its attitude and result separately (民主评议).' })
export class RateReplyInput {
  @Field(() => ID, { description: 'The reply: a lead unit’s reply of the proposal’s current round (`Proposal.answers`).' })
  replyId!: string;

  @Field(() => Satisfaction, { description: 'The overall rating (满意度): it decides whether the proposal closes or is handled once more.' })
  rating!: Satisfaction;

  @Field(() => Satisfaction, { nullable: true, description: 'The rating of the unit’s handling attitude (办理态度); `rating` when omitted.' })
  attitude?: Satisfaction | null;

  @Field(() => Satisfaction, { nullable: true, description: 'The rating of the handling result (办理结果); `rating` when omitted.' })
  result?: Satisfaction | null;
}

@InputType({ description: 'A proposal to carry up to a higher level, as the viewer (a member who sits on that committee).' })
export class EscalateProposalInput {
  @Field(() => ID, { description: 'The proposal, replied to, closed, rejected or converted at its level.' })
  proposalId!: string;

  @Field(() => CppccLevel, { description: 'A higher level than the proposal’s.' })
  level!: CppccLevel;

  @Field({ defaultValue: false, description: 'Is it adopted by the member’s party (党派提案), which then proposes it?' })
  isAdoptedByParty!: boolean;
}

/** How far ahead `ProposalFilter.dueWithinDays` looks at most: a year. */
export const MAX_DUE_WITHIN_DAYS = 366;

@InputType({ description: 'Which session’s proposals; every condition given must hold.' })
export class ProposalSessionFilter {
  @Field(() => Int, { nullable: true, description: 'Of this term (届次).' })
  term?: number | null;

  @Field(() => Int, { nullable: true, description: 'Of this plenary session of the term (第几次会议).' })
  sessionNumber?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'Submitted during the plenary (true) or between sessions (false).' })
  isDuringPlenary?: boolean | null;
}

@InputType({ description: 'Which proposals to list; every condition given must hold.' })
export class ProposalFilter {
  @Field(() => Int, { nullable: true, description: 'With this proposal number (提案号); with `level` and `session`, one proposal.' })
  number?: number | null;

  @Field(() => ProposalSessionFilter, { nullable: true, description: 'Of this session.' })
  session?: ProposalSessionFilter | null;

  @Field(() => [ProposalStatus], { nullable: true, description: 'In one of these statuses.' })
  status?: ProposalStatus[] | null;

  @Field(() => CppccLevel, { nullable: true, description: 'At this level.' })
  level?: CppccLevel | null;

  @Field(() => String, { nullable: true, description: 'Proposed by this sector (its code), or by a member of it.' })
  sector?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Key proposals (重点提案) only (true), or the others (false).' })
  isKey?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'With its units and past its due date (true), or not (false).' })
  isOverdue?: boolean | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'With its units, not overdue, and due within this many days from today (Asia/Shanghai): 0 is due today, 14 due in the ' +
      `next two weeks; 0 to ${MAX_DUE_WITHIN_DAYS}. The office’s due-soon list (临期提案).`,
  })
  dueWithinDays?: number | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Proposed or co-signed by the viewer (true), or neither (false: a colleague’s, to co-sign); a CPPCC member only.',
  })
  isMine?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Before API v1: `isKey`.', deprecationReason: `Use isKey. Removed after ${LEGACY_REMOVAL}.` })
  key?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Before API v1: `isOverdue`.', deprecationReason: `Use isOverdue. Removed after ${LEGACY_REMOVAL}.` })
  overdue?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Before API v1: `isMine`.', deprecationReason: `Use isMine. Removed after ${LEGACY_REMOVAL}.` })
  mine?: boolean | null;
}

@InputType({ description: 'Which members to list; every condition given must hold.' })
export class CppccMemberFilter {
  @Field(() => String, { nullable: true, description: 'In the sector with this code.' })
  sector?: string | null;

  @Field(() => String, { nullable: true, description: 'Of the party with this code.' })
  party?: string | null;

  @Field(() => CppccLevel, { nullable: true, description: 'Sitting on this committee.' })
  level?: CppccLevel | null;

  @Field(() => String, { nullable: true, description: 'Part of the name.' })
  search?: string | null;
}

@ObjectType({ description: 'A handling unit’s lead replies given in a year and how their proposers rated them (democratic evaluation, 民主评议).' })
export class HandlingUnitScore {
  @Field(() => HandlingUnit, { description: 'The unit.' })
  unit!: HandlingUnit;

  @Field(() => Int, { description: 'The year (by the day each reply was given, Asia/Shanghai).' })
  year!: number;

  @Field(() => Int, { description: 'Lead replies given in the year.' })
  replies!: number;

  @Field(() => Int, { description: 'Of them, rated by the proposer.' })
  rated!: number;

  @Field(() => Int, { description: 'Of them, rated satisfied (满意).' })
  satisfied!: number;

  @Field(() => Int, { description: 'Of them, rated basically satisfied (基本满意).' })
  basicallySatisfied!: number;

  @Field(() => Int, { description: 'Of them, rated dissatisfied (不满意).' })
  dissatisfied!: number;

  @Field(() => PercentScalar, {
    nullable: true,
    description: 'Satisfied or basically satisfied, of those rated (满意率), truncated to four places; null when none was rated.',
  })
  satisfactionRate!: string | null;
}

@ObjectType({ description: 'A handling unit’s year in the democratic evaluation (民主评议): what it handled as a lead unit and how the proposers rated it.' })
export class UnitEvaluation {
  @Field(() => HandlingUnit, { description: 'The unit.' })
  unit!: HandlingUnit;

  @Field(() => Int, { description: 'The year (by the day each reply was given, Asia/Shanghai).' })
  year!: number;

  @Field(() => Int, { description: 'Proposals it replied to as a lead unit in the year (承办提案数), each once.' })
  proposalsHandled!: number;

  @Field(() => Int, { description: 'Its replies in the year, every round.' })
  replies!: number;

  @Field(() => Int, { description: 'Of them, category A (A类: resolved or adopted).' })
  categoryA!: number;

  @Field(() => Int, { description: 'Of them, category B (B类: being resolved or planned).' })
  categoryB!: number;

  @Field(() => Int, { description: 'Of them, category C (C类: kept for reference).' })
  categoryC!: number;

  @Field(() => Int, { description: 'Of them, given by the due date of their round (按时答复).' })
  onTime!: number;

  @Field(() => Int, { description: 'Ratings of its replies (each proposal’s proposers rate once a reply, merged proposals’ included).' })
  ratings!: number;

  @Field(() => Int, { description: 'Of them, attitude rated satisfied (办理态度满意).' })
  attitudeSatisfied!: number;

  @Field(() => Int, { description: 'Of them, attitude rated basically satisfied (办理态度基本满意).' })
  attitudeBasicallySatisfied!: number;

  @Field(() => Int, { description: 'Of them, attitude rated dissatisfied (办理态度不满意).' })
  attitudeDissatisfied!: number;

  @Field(() => Int, { description: 'Of them, result rated satisfied (办理结果满意).' })
  resultSatisfied!: number;

  @Field(() => Int, { description: 'Of them, result rated basically satisfied (办理结果基本满意).' })
  resultBasicallySatisfied!: number;

  @Field(() => Int, { description: 'Of them, result rated dissatisfied (办理结果不满意).' })
  resultDissatisfied!: number;

  @Field(() => String, {
    nullable: true,
    description:
      'The score out of 100 (评议得分, design): each rating scores satisfied 100, basically satisfied 80, dissatisfied 0; the score is 40% the mean for attitude and 60% the mean for result, to two decimal places (half up); null when none was rated.',
  })
  score!: string | null;
}
