import { Entity, Enum, Index, ManyToOne, Property, type Ref, Unique } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity, VersionedEntity } from '../../common/base.entity';
import { Node } from '../../common/node';
import { DateScalar, DateTimeScalar } from '../../common/scalars';
import { Actor } from '../viewer/actor';

/** The levels of the CPPCC: they guide each other, they don't command. */
export enum CppccLevel {
  MUNICIPAL = 'MUNICIPAL',
  PROVINCIAL = 'PROVINCIAL',
  NATIONAL = 'NATIONAL',
}
registerEnumType(CppccLevel, {
  name: 'CppccLevel',
  description: 'A level of the CPPCC: each has its own committee, and its own handling units for the proposals it accepts.',
  valuesConfig: {
    MUNICIPAL: { description: 'The municipal committee (武汉市政协); handling units are city bureaus.' },
    PROVINCIAL: { description: 'The provincial committee (湖北省政协); handling units are provincial departments.' },
    NATIONAL: { description: 'The national committee (全国政协); handling units are ministries.' },
  },
});
export const LEVEL_ORDER: readonly CppccLevel[] = [CppccLevel.MUNICIPAL, CppccLevel.PROVINCIAL, CppccLevel.NATIONAL];

export enum ProposalStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  ACCEPTED = 'ACCEPTED',
  REJECTED = 'REJECTED',
  CONVERTED = 'CONVERTED',
  ASSIGNED = 'ASSIGNED',
  REPLIED = 'REPLIED',
  CLOSED = 'CLOSED',
  WITHDRAWN = 'WITHDRAWN',
  MERGED = 'MERGED',
}
registerEnumType(ProposalStatus, {
  name: 'ProposalStatus',
  description: 'Where a proposal stands in the proposals workflow (src/modules/cppcc/proposal.workflow.ts).',
  valuesConfig: {
    DRAFT: { description: 'Being written; only its proposers edit it.' },
    SUBMITTED: { description: 'Submitted (提交); unchangeable except through the workflow.' },
    ACCEPTED: { description: 'Accepted by the proposals office (立案).' },
    REJECTED: { description: 'Not accepted (不予立案), on one of the grounds.' },
    CONVERTED: { description: 'Converted into a member letter or a social-condition report (社情民意).' },
    ASSIGNED: { description: 'With its handling units (交办), due by `dueOn`.' },
    REPLIED: { description: 'Every lead unit (主办单位, several when split: 分办) replied in this round; waiting for the proposers’ ratings.' },
    CLOSED: {
      description:
        'Concluded (办结): every reply of the round rated satisfied or basically satisfied, or rated dissatisfied again after the one re-handling round (the rating is kept).',
    },
    MERGED: {
      description:
        'Merged (并案) into another proposal (`mergedInto`), which is handled for both: its proposers receive that proposal’s replies and rate them.',
    },
    WITHDRAWN: { description: 'Withdrawn by its proposers (撤案) before it was assigned; nothing more happens to it.' },
  },
});

/** What happened to a proposal: each step of its timeline. */
export enum ProposalAction {
  DRAFTED = 'DRAFTED',
  EDITED = 'EDITED',
  EVIDENCE_ATTACHED = 'EVIDENCE_ATTACHED',
  COSIGNED = 'COSIGNED',
  SUBMITTED = 'SUBMITTED',
  ACCEPTED = 'ACCEPTED',
  REJECTED = 'REJECTED',
  CONVERTED_TO_LETTER = 'CONVERTED_TO_LETTER',
  CONVERTED_TO_REPORT = 'CONVERTED_TO_REPORT',
  ASSIGNED = 'ASSIGNED',
  CO_HANDLER_REPLIED = 'CO_HANDLER_REPLIED',
  CO_HANDLER_OPINION_SUBMITTED = 'CO_HANDLER_OPINION_SUBMITTED',
  MERGED = 'MERGED',
  MERGED_IN = 'MERGED_IN',
  REPLIED = 'REPLIED',
  RATED_SATISFIED = 'RATED_SATISFIED',
  RATED_BASICALLY_SATISFIED = 'RATED_BASICALLY_SATISFIED',
  RATED_DISSATISFIED = 'RATED_DISSATISFIED',
  ESCALATED = 'ESCALATED',
  WITHDRAWN = 'WITHDRAWN',
  RETURNED = 'RETURNED',
  EXTENSION_REQUESTED = 'EXTENSION_REQUESTED',
  EXTENSION_APPROVED = 'EXTENSION_APPROVED',
  EXTENSION_REFUSED = 'EXTENSION_REFUSED',
  SUPERVISED = 'SUPERVISED',
}
registerEnumType(ProposalAction, {
  name: 'ProposalAction',
  description: 'What happened in a step of a proposal’s timeline.',
  valuesConfig: {
    DRAFTED: { description: 'Drafted by a member (its note says when it was escalated from a lower level).' },
    EDITED: { description: 'A proposer changed the draft (`updateProposal`).' },
    EVIDENCE_ATTACHED: { description: 'Evidence from the registry was frozen into the draft; the note is its title.' },
    COSIGNED: { description: 'Another member co-signed the draft (联名); the note is the member’s name.' },
    SUBMITTED: { description: 'A proposer submitted it (提交).' },
    ACCEPTED: { description: 'The proposals office accepted it (立案); the note is the office’s reason, if any.' },
    REJECTED: { description: 'The proposals office did not accept it (不予立案); the note is the ground.' },
    CONVERTED_TO_LETTER: { description: 'The proposals office converted it into a member letter (委员来信).' },
    CONVERTED_TO_REPORT: { description: 'The proposals office converted it into a social-condition report (社情民意).' },
    ASSIGNED: { description: 'The proposals office assigned it (交办); the note names the lead unit and the co-handlers.' },
    CO_HANDLER_REPLIED: { description: 'A co-handling unit (会办单位) gave its opinion as a categorized reply; the note is its category (before co-handler opinions, 会办意见).' },
    CO_HANDLER_OPINION_SUBMITTED: { description: 'A co-handling unit (会办单位) sent the lead units its opinion (会办意见); the note is the unit’s name (the opinion is not shown here).' },
    MERGED: { description: 'The proposals office merged it into another proposal (并案); the note is that proposal’s subject.' },
    MERGED_IN: { description: 'The proposals office merged another proposal into it (并案); the note is that proposal’s subject.' },
    REPLIED: { description: 'A lead unit (主办单位) replied; the note is its reply category.' },
    RATED_SATISFIED: { description: 'A proposer rated a reply satisfied (满意): closed once every reply of the round is rated so.' },
    RATED_BASICALLY_SATISFIED: { description: 'A proposer rated a reply basically satisfied (基本满意): closed once every reply of the round is rated so.' },
    RATED_DISSATISFIED: {
      description: 'A proposer rated a reply dissatisfied (不满意): one re-handling round (重新办理) for its unit, or, in that round, closed as dissatisfied.',
    },
    ESCALATED: { description: 'A member carried it up to a higher level; the note is that level.' },
    WITHDRAWN: { description: 'A proposer withdrew it (撤案); the note is the reason.' },
    RETURNED: { description: 'The lead unit returned it (退办) as outside its remit, for the office to reassign; the note is the reason.' },
    EXTENSION_REQUESTED: { description: 'The lead unit asked for more time (延期办理); the note is the day asked for and the reason.' },
    EXTENSION_APPROVED: { description: 'The proposals office agreed to the extension: the reply is due by the day asked for; the note is the office’s, if any.' },
    EXTENSION_REFUSED: { description: 'The proposals office refused the extension: the due date stays; the note is the office’s, if any.' },
    SUPERVISED: { description: 'The proposals office made it a key proposal (重点提案) supervised (督办) by leaders; the note names them.' },
  },
});

/** The grounds on which a proposal is not accepted (不予立案): the national list, exactly. */
export enum RejectionGround {
  STATE_SECRETS = 'STATE_SECRETS',
  PROHIBITED_BY_STATE = 'PROHIBITED_BY_STATE',
  PARTY_INTERNAL_PERSONNEL = 'PARTY_INTERNAL_PERSONNEL',
  DEMOCRATIC_PARTY_INTERNAL = 'DEMOCRATIC_PARTY_INTERNAL',
  IN_LITIGATION = 'IN_LITIGATION',
  ACADEMIC_DISCUSSION = 'ACADEMIC_DISCUSSION',
  PERSONAL_REQUEST = 'PERSONAL_REQUEST',
  PROMOTES_SPECIFIC_PRODUCT = 'PROMOTES_SPECIFIC_PRODUCT',
  NAMED_ACCUSATION = 'NAMED_ACCUSATION',
  NO_CONCRETE_PROPOSAL = 'NO_CONCRETE_PROPOSAL',
}
registerEnumType(RejectionGround, {
  name: 'RejectionGround',
  description:
    'Why the proposals office does not accept a proposal (不予立案的理由): the national list of the proposals regulation (提案工作条例). ' +
    'Several issues in one, outside the remit and already resolved are not grounds: such a proposal is split, re-routed or merged.',
  valuesConfig: {
    STATE_SECRETS: { description: 'Touches secrets of the party or the state (涉及党和国家秘密).' },
    PROHIBITED_BY_STATE: { description: 'Violates what the state prohibits (违反国家禁止性规定, 国家明令禁止的).' },
    PARTY_INTERNAL_PERSONNEL: { description: 'A party member’s views on the party’s internal organization or personnel (党员对党内组织和人事问题的意见).' },
    DEMOCRATIC_PARTY_INTERNAL: { description: 'An internal matter of a democratic party (民主党派内部事务).' },
    IN_LITIGATION: { description: 'Concerns a case in litigation or arbitration (涉及诉讼、仲裁的案件).' },
    ACADEMIC_DISCUSSION: { description: 'An academic discussion (学术讨论) rather than a proposal.' },
    PERSONAL_REQUEST: { description: 'A personal request (个人诉求) of the proposer or relatives.' },
    PROMOTES_SPECIFIC_PRODUCT: { description: 'Promotes specific works, products or units (宣传推介具体作品、产品或单位).' },
    NAMED_ACCUSATION: { description: 'Accuses or reports named persons (指名检举控告).' },
    NO_CONCRETE_PROPOSAL: { description: 'Makes no concrete proposal (没有具体建议).' },
  },
});

/** Whether a reply is published (提案答复公开). */
export enum Publication {
  PUBLIC = 'PUBLIC',
  ON_REQUEST = 'ON_REQUEST',
  NOT_PUBLIC = 'NOT_PUBLIC',
}
registerEnumType(Publication, {
  name: 'Publication',
  description: 'Whether a handling unit publishes its reply (提案答复公开), as it decides when it replies.',
  valuesConfig: {
    PUBLIC: { description: 'Published on the unit’s own initiative (主动公开).' },
    ON_REQUEST: { description: 'Disclosed on request (依申请公开).' },
    NOT_PUBLIC: { description: 'Not published (不予公开).' },
  },
});

/** How the proposals office decided a handling unit's request for more time. */
export enum ExtensionDecision {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  REFUSED = 'REFUSED',
}
registerEnumType(ExtensionDecision, {
  name: 'ExtensionDecision',
  description: 'How the proposals office decided a lead unit’s request for more time (延期办理).',
  valuesConfig: {
    PENDING: { description: 'Not decided yet (待审核).' },
    APPROVED: { description: 'Agreed (同意延期): the reply is due by the day asked for.' },
    REFUSED: { description: 'Refused (不同意延期): the due date stays.' },
  },
});

/** How a handling unit's reply answers the proposal (答复类别: A, B or C). */
export enum ReplyCategory {
  RESOLVED_OR_ADOPTED = 'RESOLVED_OR_ADOPTED',
  BEING_ADDRESSED = 'BEING_ADDRESSED',
  FOR_REFERENCE = 'FOR_REFERENCE',
}
registerEnumType(ReplyCategory, {
  name: 'ReplyCategory',
  description: 'How a handling unit’s reply answers the proposal: the reply category (答复类别) A, B or C.',
  valuesConfig: {
    RESOLVED_OR_ADOPTED: { description: 'Category A (A类): the problem raised is resolved, or the recommendations adopted (所提问题已经解决或采纳).' },
    BEING_ADDRESSED: { description: 'Category B (B类): being resolved, or put into a plan (正在解决或列入计划).' },
    FOR_REFERENCE: { description: 'Category C (C类): kept for reference, with the reasons it cannot be acted on now (留作参考).' },
  },
});

export enum Satisfaction {
  SATISFIED = 'SATISFIED',
  BASICALLY_SATISFIED = 'BASICALLY_SATISFIED',
  DISSATISFIED = 'DISSATISFIED',
}
registerEnumType(Satisfaction, {
  name: 'Satisfaction',
  description: 'A proposer’s rating of a reply (满意度).',
  valuesConfig: {
    SATISFIED: { description: 'Satisfied (满意): the proposal is closed.' },
    BASICALLY_SATISFIED: { description: 'Basically satisfied (基本满意): the proposal is closed.' },
    DISSATISFIED: { description: 'Dissatisfied (不满意): the unit handles it once more (重新办理), or, after that round, the proposal is closed as dissatisfied.' },
  },
});

export enum ProposerKind {
  MEMBERS = 'MEMBERS',
  SECTOR = 'SECTOR',
  PARTY = 'PARTY',
  SPECIAL_COMMITTEE = 'SPECIAL_COMMITTEE',
}
registerEnumType(ProposerKind, {
  name: 'ProposerKind',
  description: 'Who proposes: members, or a body of the committee in whose name members drafted it.',
  valuesConfig: {
    MEMBERS: { description: 'One member, or several jointly (委员提案, 联名提案).' },
    SECTOR: { description: 'A sector (界别) of the committee (界别提案).' },
    PARTY: { description: 'A party or people’s organization (党派团体提案).' },
    SPECIAL_COMMITTEE: { description: 'A special committee of the CPPCC (专门委员会提案).' },
  },
});

export enum PolicyRequestStatus {
  OPEN = 'OPEN',
  IN_PROPOSAL = 'IN_PROPOSAL',
  ANSWERED = 'ANSWERED',
}
registerEnumType(PolicyRequestStatus, {
  name: 'PolicyRequestStatus',
  description: 'How far a policy request has come.',
  valuesConfig: {
    OPEN: { description: 'Filed; no submitted proposal carries it yet.' },
    IN_PROPOSAL: { description: 'A submitted proposal carries it.' },
    ANSWERED: { description: 'A proposal carrying it was closed.' },
  },
});

/** A sector (界别) of the CPPCC. */
@ObjectType({ implements: Node, description: 'A sector (界别) of the CPPCC: members sit in one, and a sector may propose in its own name.' })
@Entity()
export class Sector extends BaseEntity {
  @Field({ description: 'Short code, e.g. SCITECH (科学技术界); what `CppccMemberFilter.sector` and `ProposalFilter.sector` take.' })
  @Property({ type: 'text', unique: true })
  code!: string;

  @Field({ description: 'The name, in Chinese (e.g. 科学技术界).' })
  @Property({ type: 'text' })
  name!: string;
}

/** A party or people's organization. */
@ObjectType({ implements: Node, description: 'A party (the CPC, a democratic party, 民主党派) or people’s organization (人民团体).' })
@Entity()
export class Party extends BaseEntity {
  @Field({ description: 'Short code, e.g. CDL (中国民主同盟); what `CppccMemberFilter.party` takes.' })
  @Property({ type: 'text', unique: true })
  code!: string;

  @Field({ description: 'The name, in Chinese (e.g. 中国民主同盟).' })
  @Property({ type: 'text' })
  name!: string;
}

/** A CPPCC member: in a sector, often a party; may sit on the municipal, provincial and national committees. */
@ObjectType({ implements: Node, description: 'A CPPCC member (政协委员): in a sector, often of a party, on one or more committees.' })
@Entity()
@Index({ properties: ['sector'] })
export class CppccMember extends BaseEntity {
  @Field({ description: 'The member’s name, in Chinese.' })
  @Property({ type: 'text' })
  name!: string;

  @ManyToOne(() => Sector, { ref: true })
  sector!: Ref<Sector>;

  @ManyToOne(() => Party, { ref: true, nullable: true })
  party: Ref<Party> | null = null;

  @Field(() => [CppccLevel], { description: 'The committees the member sits on, lowest first: at most three, one per level.' })
  @Enum({ items: () => CppccLevel, array: true, nativeEnumName: 'cppcc_level' })
  levels!: CppccLevel[];

  @Field(() => Int, {
    description:
      'The term (届) of the municipal committee the member was elected to, e.g. 15 for the 15th committee (第十五届, 2022–2027). ' +
      'A member re-elected for the next term is recorded again, for that term.',
  })
  @Property({ type: 'smallint' })
  term!: number;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'The day the member left the committee (at the end of the term, or earlier), the day excluded; null while serving.',
  })
  @Property({ type: 'date', nullable: true })
  retiredOn: string | null = null;
}

/** A government department answering proposals at its level. */
@ObjectType({ implements: Node, description: 'A handling unit (承办单位): a city bureau, a provincial department or a ministry that replies to proposals.' })
@Entity()
export class HandlingUnit extends BaseEntity {
  @Field({ description: 'The unit’s name, in Chinese (e.g. 武汉市科学技术局).' })
  @Property({ type: 'text', unique: true })
  name!: string;

  @Field(() => CppccLevel, { description: 'The level whose proposals it handles.' })
  @Enum({ items: () => CppccLevel, nativeEnumName: 'cppcc_level' })
  level!: CppccLevel;

  @Field(() => [String], {
    description:
      'The names it had before, oldest first (e.g. 武汉市地方金融工作局 before 武汉市地方金融管理局): timelines and replies written ' +
      'under an old name keep it.',
  })
  @Property({ type: 'text[]' })
  formerNames: string[] = [];
}

/** A need of one or more enterprises or of the zone, filed to be carried up as a proposal. */
@ObjectType({ implements: Node, description: 'A policy request (政策诉求): a need of enterprises or of the zone, to be carried up as a proposal.' })
@Entity()
export class PolicyRequest extends BaseEntity {
  @Field({ description: 'The need, in a line.' })
  @Property({ type: 'text' })
  title!: string;

  @Field({ description: 'The need in full.' })
  @Property({ type: 'text' })
  need!: string;

  /** The enterprises it concerns. */
  @Property({ type: 'text[]' })
  enterpriseIds!: string[];

  @Field(() => PolicyRequestStatus, { description: 'How far it has come: open, carried by a submitted proposal, or answered.' })
  @Enum({ items: () => PolicyRequestStatus, nativeEnumName: 'policy_request_status' })
  status: PolicyRequestStatus = PolicyRequestStatus.OPEN;

  /** Who filed it, as stored (`ROLE:organization`): see `filedByActor`. */
  @Property({ type: 'text' })
  filedBy!: string;

  @Field(() => Actor, { name: 'filedBy', description: 'Who filed it: an enterprise representative or an administrator.' })
  get filedByActor(): Actor | null {
    return Actor.parse(this.filedBy);
  }
}

/** A CPPCC proposal: one issue, in three parts, moving through the proposals workflow. */
@ObjectType({ implements: Node, description: 'A CPPCC proposal (提案): one issue, with its subject (案由), reasons (理由) and recommendations (建议).' })
@Entity()
@Index({ properties: ['status', 'level'] })
@Unique({ name: 'proposal_number_unique', properties: ['level', 'sessionTerm', 'sessionNumber', 'number'] })
export class Proposal extends VersionedEntity {
  @Field(() => CppccLevel, { description: 'The committee it is proposed to.' })
  @Enum({ items: () => CppccLevel, nativeEnumName: 'cppcc_level' })
  level!: CppccLevel;

  @Field(() => ProposalStatus, { description: 'Where it stands in the workflow.' })
  @Enum({ items: () => ProposalStatus, nativeEnumName: 'proposal_status' })
  status: ProposalStatus = ProposalStatus.DRAFT;

  @Field({ description: 'The subject (案由): one issue, in a line (at most 100 characters).' })
  @Property({ type: 'text' })
  subject!: string;

  @Field({ description: 'The situation and the reasons (理由).' })
  @Property({ type: 'text' })
  reasons!: string;

  @Field({ description: 'The recommendations (建议).' })
  @Property({ type: 'text' })
  recommendations!: string;

  @Field(() => ProposerKind, { description: 'Who proposes: members, or a sector, party or special committee in whose name they drafted it.' })
  @Enum({ items: () => ProposerKind, nativeEnumName: 'proposer_kind' })
  proposerKind: ProposerKind = ProposerKind.MEMBERS;

  /** The members proposing it (for a sector, party or committee: the members who drafted it for that body). */
  @Property({ type: 'text[]' })
  proposerIds!: string[];

  @Property({ type: 'text[]' })
  cosignerIds: string[] = [];

  @ManyToOne(() => Sector, { ref: true, nullable: true })
  sector: Ref<Sector> | null = null;

  @ManyToOne(() => Party, { ref: true, nullable: true })
  party: Ref<Party> | null = null;

  @Field(() => String, { nullable: true, description: 'The special committee (专门委员会) proposing it; null unless `proposerKind` is SPECIAL_COMMITTEE.' })
  @Property({ type: 'text', nullable: true })
  committee: string | null = null;

  @Property({ type: 'text[]' })
  requestIds: string[] = [];

  @Field(() => Int, {
    nullable: true,
    description: 'The proposal number (提案号), given when the office accepts it (立案): 1, 2, 3 … within its level and session; null before (and for a proposal never accepted).',
  })
  @Property({ type: 'integer', nullable: true })
  number: number | null = null;

  /** The session's term (届次), its plenary session (第几次会议), and whether it was submitted at the plenary: see `session`. */
  @Property({ type: 'smallint', nullable: true })
  sessionTerm: number | null = null;

  @Property({ type: 'smallint', nullable: true })
  sessionNumber: number | null = null;

  @Property({ type: 'boolean', nullable: true })
  isDuringPlenary: boolean | null = null;

  @Field({ description: 'Is it a key proposal (重点提案), supervised (督办) by leaders? Set by `superviseProposal` (see `supervision`).' })
  @Property()
  isKey: boolean = false;

  @Field({
    description: 'Did its drafter call it complex (复杂提案)? It no longer decides the due date: the lead unit asks for an extension (`requestExtension`).',
    deprecationReason: 'The due date is 3 months from assignment, extended only by `decideExtension`: see `extension`. Removed after 2027-06-30.',
  })
  @Property()
  isComplex: boolean = false;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was submitted; null for a draft.' })
  @Property({ type: 'datetime', nullable: true })
  submittedAt: Date | null = null;

  @Field(() => RejectionGround, {
    nullable: true,
    description: 'Why it was not accepted (不予立案); null unless REJECTED, and for a proposal rejected before the national list on a ground no longer on it (its `reviewNote` names that ground).',
  })
  @Enum({ items: () => RejectionGround, nativeEnumName: 'rejection_ground', nullable: true })
  rejectionGround: RejectionGround | null = null;

  @Field(() => String, { nullable: true, description: 'The office’s reason, or the text of the member letter or social-condition report it became; null when the office gave none.' })
  @Property({ type: 'text', nullable: true })
  reviewNote: string | null = null;

  /** The first (or only) lead unit; every lead unit of a split proposal is in `leadUnitIds`. */
  @ManyToOne(() => HandlingUnit, { ref: true, nullable: true })
  leadUnit: Ref<HandlingUnit> | null = null;

  /** Every lead unit (主办单位), `leadUnit` first: several when the proposal is split (分办), each replying on its own. */
  @Property({ type: 'text[]' })
  leadUnitIds: string[] = [];

  @Property({ type: 'text[]' })
  coHandlerIds: string[] = [];

  @Field(() => DateScalar, { nullable: true, description: 'The day the current round began (Asia/Shanghai): assignment (交办), or the start of re-handling; null until assigned.' })
  @Property({ type: 'date', nullable: true })
  roundStartedOn: string | null = null;

  /** The proposal this one was merged into (并案); null unless MERGED. */
  @ManyToOne(() => Proposal, { ref: true, nullable: true })
  mergedInto: Ref<Proposal> | null = null;

  @Field(() => DateScalar, { nullable: true, description: 'The reply is due by this day (Asia/Shanghai), the day included; null until assigned.' })
  @Property({ type: 'date', nullable: true })
  dueOn: string | null = null;

  @Field(() => DateScalar, { nullable: true, description: 'The day it was assigned (交办, Asia/Shanghai), from which the return window and the extension bound count; null unless with its units (or past them).' })
  @Property({ type: 'date', nullable: true })
  assignedOn: string | null = null;

  /** The lead unit's latest request for more time and the office's decision: see `extension`. */
  @Property({ type: 'date', nullable: true })
  extensionUntil: string | null = null;

  @Property({ type: 'text', nullable: true })
  extensionReason: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  extensionRequestedAt: Date | null = null;

  @Enum({ items: () => ExtensionDecision, nativeEnumName: 'extension_decision', nullable: true })
  extensionDecision: ExtensionDecision | null = null;

  @Property({ type: 'datetime', nullable: true })
  extensionDecidedAt: Date | null = null;

  @Property({ type: 'text', nullable: true })
  extensionNote: string | null = null;

  /** The leaders supervising it as a key proposal (督办), the office's note, and when: see `supervision`. */
  @Property({ type: 'text[]', nullable: true })
  supervisionLeaders: string[] | null = null;

  @Property({ type: 'text', nullable: true })
  supervisionNote: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  supervisedAt: Date | null = null;

  @Field(() => Int, { description: 'Handling round: 1, then 2 for the one re-handling round (重新办理) after a dissatisfied rating.' })
  @Property({ type: 'smallint' })
  round: number = 1;

  @ManyToOne(() => Proposal, { ref: true, nullable: true })
  escalatedFrom: Ref<Proposal> | null = null;

  /** Whose drafting started it (the member who drafted or escalated it). */
  @Property({ type: 'uuid' })
  drafterId!: string;
}

/** One step of a proposal's workflow. */
@ObjectType({ implements: Node, description: 'A step of a proposal’s workflow: when, what happened, to which status, by whom.' })
@Entity()
@Index({ properties: ['proposal', 'occurredAt'] })
export class ProposalEvent extends BaseEntity {
  @ManyToOne(() => Proposal, { ref: true, deleteRule: 'cascade' })
  proposal!: Ref<Proposal>;

  @Field(() => DateTimeScalar, { description: 'When it happened.' })
  @Property({ type: 'datetime' })
  occurredAt: Date = new Date();

  @Field(() => ProposalAction, { description: 'What happened.' })
  @Enum({ items: () => ProposalAction, nativeEnumName: 'proposal_action' })
  action!: ProposalAction;

  @Field(() => ProposalStatus, { description: 'The status after it.' })
  @Enum({ items: () => ProposalStatus, nativeEnumName: 'proposal_status' })
  status!: ProposalStatus;

  /** Who did it, as stored (`ROLE` or `ROLE:organization`): see `actedBy`. */
  @Property({ type: 'text' })
  actor!: string;

  @Field(() => Actor, { name: 'actor', description: 'Who took the step: a member, the CPPCC proposals office or a handling unit.' })
  get actedBy(): Actor | null {
    return Actor.parse(this.actor);
  }

  @Field(() => String, { nullable: true, description: 'What the step concerned, in a line (the action’s description says what); null when nothing more is to be said.' })
  @Property({ type: 'text', nullable: true })
  note: string | null = null;
}

/** A unit's reply in one round, and the proposer's rating of it. */
@ObjectType({ implements: Node, description: 'A handling unit’s reply (答复) in one round, with the proposer’s rating of it.' })
@Entity()
@Index({ properties: ['proposal', 'round'] })
export class ProposalReply extends BaseEntity {
  @ManyToOne(() => Proposal, { ref: true, deleteRule: 'cascade' })
  proposal!: Ref<Proposal>;

  @ManyToOne(() => HandlingUnit, { ref: true })
  unit!: Ref<HandlingUnit>;

  @Field(() => Int, { description: 'The handling round it answers (1, or 2 when re-handled after a dissatisfied rating).' })
  @Property({ type: 'smallint' })
  round!: number;

  @Field({
    description:
      'Is it a lead unit’s (主办单位) reply, which answers the proposal? Always true since co-handlers send opinions (`Proposal.coHandlerOpinions`); their earlier replies were moved there.',
  })
  @Property()
  isLead!: boolean;

  @Field(() => ReplyCategory, { description: 'How it answers the proposal (答复类别 A, B or C).' })
  @Enum({ items: () => ReplyCategory, nativeEnumName: 'reply_category' })
  category!: ReplyCategory;

  @Field({ description: 'The reply’s text.' })
  @Property({ type: 'text' })
  text!: string;

  @Field({ description: 'Who signed the reply for the unit (签发人), by name (replies given before it was asked: the unit’s name).' })
  @Property({ type: 'text' })
  signedBy!: string;

  @Field(() => Publication, { description: 'Whether the unit publishes the reply (主动公开, 依申请公开 or 不予公开).' })
  @Enum({ items: () => Publication, nativeEnumName: 'publication' })
  publication!: Publication;

  @Field(() => DateScalar, { description: 'The day it was given (Asia/Shanghai).' })
  @Property({ type: 'date' })
  repliedOn!: string;

  @Field(() => Satisfaction, {
    nullable: true,
    description: 'The rating (满意度) by the proposers of the proposal it answers, which decides the proposal’s course; null until rated. Every rating, merged proposals’ included: `ratings`.',
  })
  @Enum({ items: () => Satisfaction, nativeEnumName: 'satisfaction', nullable: true })
  rating: Satisfaction | null = null;

  @Field(() => DateScalar, { nullable: true, description: 'The day `rating` was given (Asia/Shanghai); null until rated.' })
  @Property({ type: 'date', nullable: true })
  ratedOn: string | null = null;

  @Field(() => Boolean, { nullable: true, description: 'Was it given by the due date of its round (按时答复)? Null for replies given before this was recorded.' })
  @Property({ type: 'boolean', nullable: true })
  isOnTime: boolean | null = null;
}

/** A proposer's rating of a reply: of the proposal it answers, or of a proposal merged into it (并案). */
@ObjectType({ implements: Node, description: 'A rating of a reply (满意度测评) by the proposers of one proposal: the one it answers, or one merged into it (并案).' })
@Entity()
@Index({ properties: ['reply'] })
@Unique({ properties: ['reply', 'proposal'] })
export class ReplyRating extends BaseEntity {
  @ManyToOne(() => ProposalReply, { ref: true, deleteRule: 'cascade' })
  reply!: Ref<ProposalReply>;

  /** The proposal whose proposers rated: the one the reply answers, or one merged into it. */
  @ManyToOne(() => Proposal, { ref: true, deleteRule: 'cascade' })
  proposal!: Ref<Proposal>;

  @Field(() => Satisfaction, { description: 'The overall rating (满意度), which decides the course of the proposal the reply answers.' })
  @Enum({ items: () => Satisfaction, nativeEnumName: 'satisfaction' })
  rating!: Satisfaction;

  @Field(() => Satisfaction, { description: 'The rating of the unit’s handling attitude (办理态度): contacts, visits, communication.' })
  @Enum({ items: () => Satisfaction, nativeEnumName: 'satisfaction' })
  attitude!: Satisfaction;

  @Field(() => Satisfaction, { description: 'The rating of the handling result (办理结果).' })
  @Enum({ items: () => Satisfaction, nativeEnumName: 'satisfaction' })
  result!: Satisfaction;

  @Field(() => DateScalar, { description: 'The day it was given (Asia/Shanghai).' })
  @Property({ type: 'date' })
  ratedOn!: string;

  /** Who rated, as stored: see `ratedByActor`. */
  @Property({ type: 'text' })
  ratedBy!: string;

  @Field(() => Actor, { name: 'ratedBy', description: 'The proposer who rated.' })
  get ratedByActor(): Actor | null {
    return Actor.parse(this.ratedBy);
  }
}

/** A co-handling unit's opinion to the lead units (会办意见): no category, never sent to the proposers. */
@ObjectType({
  implements: Node,
  description: 'A co-handling unit’s opinion (会办意见) to the lead units: no reply category, not sent to the proposers; the lead units and the proposals office read it.',
})
@Entity()
@Index({ properties: ['proposal', 'round'] })
export class CoHandlerOpinion extends BaseEntity {
  @ManyToOne(() => Proposal, { ref: true, deleteRule: 'cascade' })
  proposal!: Ref<Proposal>;

  @ManyToOne(() => HandlingUnit, { ref: true })
  unit!: Ref<HandlingUnit>;

  @Field(() => Int, { description: 'The handling round it was given in.' })
  @Property({ type: 'smallint' })
  round!: number;

  @Field({ description: 'The opinion’s text.' })
  @Property({ type: 'text' })
  text!: string;

  @Field(() => DateScalar, { description: 'The day it was sent (Asia/Shanghai).' })
  @Property({ type: 'date' })
  submittedOn!: string;

  @Field({ description: 'Was it sent after its window (`CO_HANDLER_OPINION_DAYS` from the start of the round)? Late opinions are accepted and marked.' })
  @Property()
  isLate!: boolean;
}

export enum EvidenceKind {
  ENTERPRISE = 'ENTERPRISE',
  INSTRUMENT = 'INSTRUMENT',
  PORTFOLIO = 'PORTFOLIO',
}
registerEnumType(EvidenceKind, {
  name: 'EvidenceKind',
  description: 'What a piece of evidence shows.',
  valuesConfig: {
    ENTERPRISE: { description: 'One enterprise: its profile, high-tech status, latest financial bands and instruments.' },
    INSTRUMENT: { description: 'One financing instrument: kind, status, amount, dates and holders.' },
    PORTFOLIO: { description: 'The aggregate figures of the enterprises a portfolio filter selects.' },
  },
});

/** Evidence frozen when attached: what the registry said then, and how it was asked. */
@ObjectType({ implements: Node, description: 'Evidence from the registry, frozen when it was attached (so the proposal still says what was true then).' })
@Entity()
@Index({ properties: ['proposal'] })
export class ProposalEvidence extends BaseEntity {
  @ManyToOne(() => Proposal, { ref: true, deleteRule: 'cascade' })
  proposal!: Ref<Proposal>;

  @Field(() => EvidenceKind, { description: 'What it shows.' })
  @Enum({ items: () => EvidenceKind, nativeEnumName: 'evidence_kind' })
  kind!: EvidenceKind;

  @Field({ description: 'What it shows, in a line, in Chinese (e.g. 12家企业的统计); it names an enterprise only when `isNamingEnterprises`.' })
  @Property({ type: 'text' })
  title!: string;

  @Field({
    description:
      'Does it name enterprises (their names and credit codes)? False (the default when attaching): only aggregate figures ' +
      'over the enterprises concerned (counts, sums, bands), as fits a proposal that may be published and must not promote ' +
      'specific units; true: the drafter chose to name them.',
  })
  @Property()
  isNamingEnterprises: boolean = false;

  /** What was asked: the credit code, the instrument id, or the portfolio filter. */
  @Property({ type: 'jsonb' })
  source!: Record<string, unknown>;

  /** What the registry answered then. */
  @Property({ type: 'jsonb' })
  snapshot!: Record<string, unknown>;

  @Field(() => DateTimeScalar, { description: 'When it was frozen.' })
  @Property({ type: 'datetime' })
  attachedAt: Date = new Date();

  /** Who attached it, as stored: see `attachedByActor`. */
  @Property({ type: 'text' })
  attachedBy!: string;

  @Field(() => Actor, { name: 'attachedBy', description: 'Who attached it.' })
  get attachedByActor(): Actor | null {
    return Actor.parse(this.attachedBy);
  }
}
