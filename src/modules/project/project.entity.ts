import { Entity, Enum, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../../common/node';
import { BaseEntity, VersionedEntity } from '../../common/base.entity';
import { DateScalar, DecimalScalar } from '../../common/scalars';
import { Enterprise } from '../enterprise/enterprise.entity';
import { Institution } from '../institution/institution.entity';
import { Patent } from '../ip/patent.entity';

export enum ParticipantRole {
  FUNDER = 'FUNDER',
  LEAD_RESEARCH_INSTITUTION = 'LEAD_RESEARCH_INSTITUTION',
  PARTNER = 'PARTNER',
}
registerEnumType(ParticipantRole, {
  name: 'ParticipantRole',
  valuesConfig: {
    FUNDER: { description: 'Funds the project and sets the problem (usually the enterprise).' },
    LEAD_RESEARCH_INSTITUTION: { description: 'Leads the research (a university or institute).' },
    PARTNER: { description: 'Takes part.' },
  },
});

export enum FundingSource {
  ENTERPRISE = 'ENTERPRISE',
  GOVERNMENT = 'GOVERNMENT',
  UNIVERSITY = 'UNIVERSITY',
  TECH_TRANSFER_FUND = 'TECH_TRANSFER_FUND',
  OTHER = 'OTHER',
}
registerEnumType(FundingSource, {
  name: 'FundingSource',
  valuesConfig: { TECH_TRANSFER_FUND: { description: 'The national tech-transfer special fund.' } },
});

export enum ProjectOutputKind {
  PATENT = 'PATENT',
  TRANSFERRED_ACHIEVEMENT = 'TRANSFERRED_ACHIEVEMENT',
  PAPER = 'PAPER',
  STANDARD = 'STANDARD',
  PRODUCT = 'PRODUCT',
}
registerEnumType(ProjectOutputKind, { name: 'ProjectOutputKind' });

export enum ProjectStatus {
  PLANNED = 'PLANNED',
  ACTIVE = 'ACTIVE',
  COMPLETED = 'COMPLETED',
  TERMINATED = 'TERMINATED',
}
registerEnumType(ProjectStatus, { name: 'ProjectStatus' });

/** An industry–university–research (产学研) joint project. */
@ObjectType({ implements: Node, description: 'An industry–university–research (产学研) joint project.' })
@Entity()
export class ResearchProject extends VersionedEntity {
  @Field()
  @Property({ type: 'text' })
  title!: string;

  @Field(() => ProjectStatus)
  @Enum({ items: () => ProjectStatus, nativeEnumName: 'project_status' })
  status!: ProjectStatus;

  @Field(() => DateScalar)
  @Property({ type: 'date' })
  startDate!: string;

  @Field(() => DateScalar, { nullable: true })
  @Property({ type: 'date', nullable: true })
  endDate: string | null = null;

  @Field(() => String, { nullable: true, description: 'The joint R&D platform, if one was set up.' })
  @Property({ type: 'text', nullable: true })
  platform: string | null = null;

  @Field({ description: 'A tech transfer under the disposal and revenue rights pilot (处置权收益权改革).' })
  @Property({ default: false })
  disposalRightsPilot: boolean = false;
}

/** A participant: an enterprise or an institution, with its role. */
@ObjectType({ implements: Node, description: 'A participant of a joint project: an enterprise or an institution.' })
@Entity()
export class ProjectParticipant extends BaseEntity {
  @ManyToOne(() => ResearchProject, { ref: true, deleteRule: 'cascade', index: true })
  project!: Ref<ResearchProject>;

  @ManyToOne(() => Enterprise, { ref: true, nullable: true, index: true })
  enterprise: Ref<Enterprise> | null = null;

  @ManyToOne(() => Institution, { ref: true, nullable: true, index: true })
  institution: Ref<Institution> | null = null;

  @Field(() => ParticipantRole)
  @Enum({ items: () => ParticipantRole, nativeEnumName: 'participant_role' })
  role!: ParticipantRole;
}

@ObjectType({ implements: Node, description: 'Money a project gets from one source.' })
@Entity()
export class ProjectBudgetLine extends BaseEntity {
  @ManyToOne(() => ResearchProject, { ref: true, deleteRule: 'cascade', index: true })
  project!: Ref<ResearchProject>;

  @Field(() => FundingSource)
  @Enum({ items: () => FundingSource, nativeEnumName: 'funding_source' })
  source!: FundingSource;

  @Field(() => DecimalScalar)
  @Property({ type: 'decimal', precision: 18, scale: 2 })
  amount!: string;
}

@ObjectType({ implements: Node, description: 'Something a project produced.' })
@Entity()
export class ProjectOutput extends BaseEntity {
  @ManyToOne(() => ResearchProject, { ref: true, deleteRule: 'cascade', index: true })
  project!: Ref<ResearchProject>;

  @Field(() => ProjectOutputKind)
  @Enum({ items: () => ProjectOutputKind, nativeEnumName: 'project_output_kind' })
  kind!: ProjectOutputKind;

  @Field()
  @Property({ type: 'text' })
  title!: string;

  @ManyToOne(() => Patent, { ref: true, nullable: true })
  patent: Ref<Patent> | null = null;
}
