import { Entity, Enum, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity, VersionedEntity } from '../../common/base.entity';
import { Node } from '../../common/node';
import { DateScalar, DateTimeScalar } from '../../common/scalars';
import { Actor } from '../viewer/actor';

/** The levels of the CPPCC: they guide each other, they don't command. */
export enum CppccLevel {
  CITY = 'CITY',
  PROVINCE = 'PROVINCE',
  NATION = 'NATION',
}
registerEnumType(CppccLevel, {
  name: 'CppccLevel',
  valuesConfig: {
    CITY: { description: 'The city committee (武汉市政协); handling units are city bureaus.' },
    PROVINCE: { description: 'The provincial committee (湖北省政协); handling units are provincial departments.' },
    NATION: { description: 'The national committee (全国政协); handling units are ministries.' },
  },
});
export const LEVEL_ORDER: readonly CppccLevel[] = [CppccLevel.CITY, CppccLevel.PROVINCE, CppccLevel.NATION];

export enum ProposalStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  ACCEPTED = 'ACCEPTED',
  REJECTED = 'REJECTED',
  CONVERTED = 'CONVERTED',
  ASSIGNED = 'ASSIGNED',
  REPLIED = 'REPLIED',
  CLOSED = 'CLOSED',
}
registerEnumType(ProposalStatus, {
  name: 'ProposalStatus',
  valuesConfig: {
    DRAFT: { description: 'Being written; only its proposers edit it.' },
    SUBMITTED: { description: 'Submitted; unchangeable except through the workflow.' },
    ACCEPTED: { description: 'Accepted by the proposals office (立案).' },
    REJECTED: { description: 'Not accepted (不予立案), on one of the grounds.' },
    CONVERTED: { description: 'Converted into a member letter or a social-condition report (社情民意).' },
    ASSIGNED: { description: 'With its handling units, due by `dueDate`.' },
    REPLIED: { description: 'The lead unit replied; waiting for the proposer’s rating.' },
    CLOSED: { description: 'Rated satisfied or basically satisfied.' },
  },
});

export enum ReviewDecision {
  ACCEPT = 'ACCEPT',
  REJECT = 'REJECT',
  CONVERT_TO_LETTER = 'CONVERT_TO_LETTER',
  CONVERT_TO_REPORT = 'CONVERT_TO_REPORT',
}
registerEnumType(ReviewDecision, { name: 'ReviewDecision' });

/** The grounds on which a proposal is not accepted (不予立案). */
export enum RejectionGround {
  STATE_SECRETS = 'STATE_SECRETS',
  PENDING_LITIGATION = 'PENDING_LITIGATION',
  PERSONAL_REQUEST = 'PERSONAL_REQUEST',
  VAGUE_CONTENT = 'VAGUE_CONTENT',
  SEVERAL_ISSUES = 'SEVERAL_ISSUES',
  OUTSIDE_REMIT = 'OUTSIDE_REMIT',
  ALREADY_RESOLVED = 'ALREADY_RESOLVED',
  ACADEMIC_DISCUSSION = 'ACADEMIC_DISCUSSION',
  PARTY_INTERNAL = 'PARTY_INTERNAL',
  OTHER_CHANNEL = 'OTHER_CHANNEL',
}
registerEnumType(RejectionGround, {
  name: 'RejectionGround',
  valuesConfig: {
    STATE_SECRETS: { description: 'Touches state secrets.' },
    PENDING_LITIGATION: { description: 'Concerns a case before a court, procuratorate or arbitration.' },
    PERSONAL_REQUEST: { description: 'A personal matter or request of the proposer or relatives.' },
    VAGUE_CONTENT: { description: 'No clear subject, reasons or feasible recommendations.' },
    SEVERAL_ISSUES: { description: 'More than one issue in one proposal.' },
    OUTSIDE_REMIT: { description: 'Outside the remit of this level’s handling units.' },
    ALREADY_RESOLVED: { description: 'Already resolved or being resolved.' },
    ACADEMIC_DISCUSSION: { description: 'An academic discussion rather than a proposal.' },
    PARTY_INTERNAL: { description: 'An internal matter of a party or organisation.' },
    OTHER_CHANNEL: { description: 'Belongs to another channel (petition, complaint, lawsuit).' },
  },
});

export enum ReplyResult {
  A = 'A',
  B = 'B',
  C = 'C',
}
registerEnumType(ReplyResult, {
  name: 'ReplyResult',
  valuesConfig: {
    A: { description: 'Resolved or adopted.' },
    B: { description: 'Being resolved, or planned.' },
    C: { description: 'Kept for reference, with the reasons.' },
  },
});

export enum Satisfaction {
  SATISFIED = 'SATISFIED',
  BASICALLY_SATISFIED = 'BASICALLY_SATISFIED',
  DISSATISFIED = 'DISSATISFIED',
}
registerEnumType(Satisfaction, { name: 'Satisfaction' });

export enum ProposerKind {
  MEMBERS = 'MEMBERS',
  SECTOR = 'SECTOR',
  PARTY = 'PARTY',
  SPECIAL_COMMITTEE = 'SPECIAL_COMMITTEE',
}
registerEnumType(ProposerKind, {
  name: 'ProposerKind',
  valuesConfig: {
    MEMBERS: { description: 'One member, or several jointly.' },
    SECTOR: { description: 'A sector (界别) of the committee.' },
    PARTY: { description: 'A party or people’s organisation.' },
    SPECIAL_COMMITTEE: { description: 'A special committee of the CPPCC.' },
  },
});

export enum PolicyRequestStatus {
  OPEN = 'OPEN',
  IN_PROPOSAL = 'IN_PROPOSAL',
  ANSWERED = 'ANSWERED',
}
registerEnumType(PolicyRequestStatus, {
  name: 'PolicyRequestStatus',
  valuesConfig: {
    OPEN: { description: 'Filed; no submitted proposal carries it yet.' },
    IN_PROPOSAL: { description: 'A submitted proposal carries it.' },
    ANSWERED: { description: 'A proposal carrying it was closed.' },
  },
});

/** A sector (界别) of the CPPCC. */
@ObjectType({ implements: Node, description: 'A sector (界别) of the CPPCC.' })
@Entity()
export class Sector extends BaseEntity {
  @Field()
  @Property({ type: 'text', unique: true })
  code!: string;

  @Field()
  @Property({ type: 'text' })
  name!: string;
}

/** A party or people's organisation. */
@ObjectType({ implements: Node, description: 'A party (the CPC, a democratic party) or people’s organisation.' })
@Entity()
export class Party extends BaseEntity {
  @Field()
  @Property({ type: 'text', unique: true })
  code!: string;

  @Field()
  @Property({ type: 'text' })
  name!: string;
}

/** A CPPCC member: in a sector, often a party; may sit on the city, provincial and national committees. */
@ObjectType({ implements: Node, description: 'A CPPCC member.' })
@Entity()
@Index({ properties: ['sector'] })
export class CppccMember extends BaseEntity {
  @Field()
  @Property({ type: 'text' })
  name!: string;

  @ManyToOne(() => Sector, { ref: true })
  sector!: Ref<Sector>;

  @ManyToOne(() => Party, { ref: true, nullable: true })
  party: Ref<Party> | null = null;

  @Field(() => [CppccLevel], { description: 'The committees the member sits on.' })
  @Enum({ items: () => CppccLevel, array: true, nativeEnumName: 'cppcc_level' })
  levels!: CppccLevel[];
}

/** A government department answering proposals at its level. */
@ObjectType({ implements: Node, description: 'A handling unit: a city bureau, a provincial department or a ministry.' })
@Entity()
export class HandlingUnit extends BaseEntity {
  @Field()
  @Property({ type: 'text', unique: true })
  name!: string;

  @Field(() => CppccLevel)
  @Enum({ items: () => CppccLevel, nativeEnumName: 'cppcc_level' })
  level!: CppccLevel;
}

/** A need of one or more enterprises or of the zone, filed to be carried up as a proposal. */
@ObjectType({ implements: Node, description: 'A policy request: a need of enterprises or of the zone.' })
@Entity()
export class PolicyRequest extends VersionedEntity {
  @Field({ description: 'The need, in a line.' })
  @Property({ type: 'text' })
  title!: string;

  @Field({ description: 'The need in full.' })
  @Property({ type: 'text' })
  need!: string;

  /** The enterprises it concerns. */
  @Property({ type: 'text[]' })
  enterpriseIds!: string[];

  @Field(() => PolicyRequestStatus)
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
@ObjectType({ implements: Node, description: 'A CPPCC proposal (提案): one issue, with its subject, reasons and recommendations.' })
@Entity()
@Index({ properties: ['status', 'level'] })
export class Proposal extends VersionedEntity {
  @Field(() => CppccLevel)
  @Enum({ items: () => CppccLevel, nativeEnumName: 'cppcc_level' })
  level!: CppccLevel;

  @Field(() => ProposalStatus)
  @Enum({ items: () => ProposalStatus, nativeEnumName: 'proposal_status' })
  status: ProposalStatus = ProposalStatus.DRAFT;

  @Field({ description: '案由: the subject, one issue.' })
  @Property({ type: 'text' })
  subject!: string;

  @Field({ description: '理由: the situation and the reasons.' })
  @Property({ type: 'text' })
  reasons!: string;

  @Field({ description: '建议: the recommendations.' })
  @Property({ type: 'text' })
  recommendations!: string;

  @Field(() => ProposerKind)
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

  @Field(() => String, { nullable: true, description: 'The special committee proposing it.' })
  @Property({ type: 'text', nullable: true })
  committee: string | null = null;

  @Property({ type: 'text[]' })
  requestIds: string[] = [];

  @Field({ description: 'A key proposal (重点提案), supervised by CPPCC leaders.' })
  @Property()
  key: boolean = false;

  @Field({ description: 'Complex: six months to reply instead of three.' })
  @Property()
  complex: boolean = false;

  @Field(() => DateTimeScalar, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  submittedAt: Date | null = null;

  @Field(() => RejectionGround, { nullable: true })
  @Enum({ items: () => RejectionGround, nativeEnumName: 'rejection_ground', nullable: true })
  rejectionGround: RejectionGround | null = null;

  @Field(() => String, { nullable: true, description: 'The office’s reason, or the converted letter or report text.' })
  @Property({ type: 'text', nullable: true })
  reviewNote: string | null = null;

  @ManyToOne(() => HandlingUnit, { ref: true, nullable: true })
  leadUnit: Ref<HandlingUnit> | null = null;

  @Property({ type: 'text[]' })
  coHandlerIds: string[] = [];

  @Field(() => DateScalar, { nullable: true, description: 'The reply is due by this day.' })
  @Property({ type: 'date', nullable: true })
  dueDate: string | null = null;

  @Field(() => Int, { description: 'Handling round: 1, and one more after each dissatisfied rating.' })
  @Property({ type: 'smallint' })
  round: number = 1;

  @ManyToOne(() => Proposal, { ref: true, nullable: true })
  escalatedFrom: Ref<Proposal> | null = null;

  /** Whose drafting started it (the member who drafted or escalated it). */
  @Property({ type: 'uuid' })
  drafterId!: string;
}

/** One step of a proposal's workflow. */
@ObjectType({ implements: Node, description: 'A step of a proposal’s workflow: when, to which status, by whom.' })
@Entity()
@Index({ properties: ['proposal', 'at'] })
export class ProposalEvent extends BaseEntity {
  @ManyToOne(() => Proposal, { ref: true, deleteRule: 'cascade' })
  proposal!: Ref<Proposal>;

  @Field(() => DateTimeScalar)
  @Property({ type: 'datetime' })
  at: Date = new Date();

  @Field({ description: 'What happened, e.g. SUBMITTED, COSIGNED, REPLIED.' })
  @Property({ type: 'text' })
  action!: string;

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

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  note: string | null = null;
}

/** A unit's reply in one round, and the proposer's rating of it. */
@ObjectType({ implements: Node, description: 'A handling unit’s reply in one round, with the proposer’s rating.' })
@Entity()
@Index({ properties: ['proposal', 'round'] })
export class ProposalReply extends BaseEntity {
  @ManyToOne(() => Proposal, { ref: true, deleteRule: 'cascade' })
  proposal!: Ref<Proposal>;

  @ManyToOne(() => HandlingUnit, { ref: true })
  unit!: Ref<HandlingUnit>;

  @Field(() => Int)
  @Property({ type: 'smallint' })
  round!: number;

  @Field({ description: 'The lead unit’s reply (the co-handlers give their opinions).' })
  @Property()
  lead!: boolean;

  @Field(() => ReplyResult)
  @Enum({ items: () => ReplyResult, nativeEnumName: 'reply_result' })
  result!: ReplyResult;

  @Field()
  @Property({ type: 'text' })
  text!: string;

  @Field(() => DateScalar)
  @Property({ type: 'date' })
  repliedOn!: string;

  @Field(() => Satisfaction, { nullable: true })
  @Enum({ items: () => Satisfaction, nativeEnumName: 'satisfaction', nullable: true })
  rating: Satisfaction | null = null;

  @Field(() => DateScalar, { nullable: true })
  @Property({ type: 'date', nullable: true })
  ratedOn: string | null = null;
}

export enum EvidenceKind {
  ENTERPRISE = 'ENTERPRISE',
  INSTRUMENT = 'INSTRUMENT',
  PORTFOLIO = 'PORTFOLIO',
}
registerEnumType(EvidenceKind, { name: 'EvidenceKind' });

/** Evidence frozen when attached: what the registry said then, and how it was asked. */
@ObjectType({ implements: Node, description: 'Evidence from the registry, frozen when it was attached.' })
@Entity()
@Index({ properties: ['proposal'] })
export class ProposalEvidence extends BaseEntity {
  @ManyToOne(() => Proposal, { ref: true, deleteRule: 'cascade' })
  proposal!: Ref<Proposal>;

  @Field(() => EvidenceKind)
  @Enum({ items: () => EvidenceKind, nativeEnumName: 'evidence_kind' })
  kind!: EvidenceKind;

  @Field({ description: 'What it shows, in a line.' })
  @Property({ type: 'text' })
  title!: string;

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
