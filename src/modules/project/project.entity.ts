import { Entity, Enum, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../../common/node';
import { BaseEntity } from '../../common/base.entity';
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
  description: 'The part a participant plays in an industry–university–research (产学研) project.',
  valuesConfig: {
    FUNDER: { description: 'Funds the project and sets the problem (出资方; usually the enterprise).' },
    LEAD_RESEARCH_INSTITUTION: { description: 'Leads the research (牵头研究单位): a university or research institute, never an enterprise.' },
    PARTNER: { description: 'Takes part (参与方).' },
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
  description: 'Where a project\'s money comes from (经费来源).',
  valuesConfig: {
    ENTERPRISE: { description: 'The enterprises taking part (企业自筹).' },
    GOVERNMENT: { description: 'Government funding (财政资金).' },
    UNIVERSITY: { description: 'Universities and research institutes taking part (高校院所).' },
    TECH_TRANSFER_FUND: { description: 'The national special fund for technology transfer (国家科技成果转化专项资金).' },
    OTHER: { description: 'Any other source.' },
  },
});

export enum ProjectOutputKind {
  PATENT = 'PATENT',
  TRANSFERRED_ACHIEVEMENT = 'TRANSFERRED_ACHIEVEMENT',
  PAPER = 'PAPER',
  STANDARD = 'STANDARD',
  PRODUCT = 'PRODUCT',
}
registerEnumType(ProjectOutputKind, {
  name: 'ProjectOutputKind',
  description: 'What a project produced (项目成果).',
  valuesConfig: {
    PATENT: { description: 'A patent (专利), registered in the registry: `ProjectOutput.patent`.' },
    TRANSFERRED_ACHIEVEMENT: { description: 'A research result transferred to an enterprise (科技成果转化).' },
    PAPER: { description: 'A published paper (论文).' },
    STANDARD: { description: 'A national, industry or group standard (标准).' },
    PRODUCT: { description: 'A product or process brought to market (新产品、新工艺).' },
  },
});

export enum ProjectStatus {
  PLANNED = 'PLANNED',
  ACTIVE = 'ACTIVE',
  COMPLETED = 'COMPLETED',
  TERMINATED = 'TERMINATED',
}
registerEnumType(ProjectStatus, {
  name: 'ProjectStatus',
  description: 'Where a joint project stands.',
  valuesConfig: {
    PLANNED: { description: 'Agreed, not started (立项).' },
    ACTIVE: { description: 'Under way (在研).' },
    COMPLETED: { description: 'Finished as planned (结题).' },
    TERMINATED: { description: 'Ended before completion (终止).' },
  },
});

/** An industry–university–research (产学研) joint project. */
@ObjectType({
  implements: Node,
  description:
    'An industry–university–research (产学研) joint project: enterprises fund it and set the problem, universities and research institutes supply people and know-how.',
})
@Entity()
export class ResearchProject extends BaseEntity {
  @Field({ description: 'The project\'s title.' })
  @Property({ type: 'text' })
  title!: string;

  @Field(() => ProjectStatus, { description: 'Where it stands.' })
  @Enum({ items: () => ProjectStatus, nativeEnumName: 'project_status' })
  status!: ProjectStatus;

  @Field(() => DateScalar, { description: 'The day it starts (or started).' })
  @Property({ fieldName: 'start_date', type: 'date' })
  startsOn!: string;

  @Field(() => DateScalar, { nullable: true, description: 'The day it ends (or ended), included; null: open-ended or not yet set.' })
  @Property({ fieldName: 'end_date', type: 'date', nullable: true })
  endsOn: string | null = null;

  @Field(() => String, { nullable: true, description: 'The joint R&D platform (联合研发平台) set up for it; null: none.' })
  @Property({ type: 'text', nullable: true })
  platform: string | null = null;

  @Field({
    description:
      'Its technology transfer falls under the pilot reform of the disposal and revenue rights of research results (科技成果处置和收益权改革试点).',
  })
  @Property({ fieldName: 'disposal_rights_pilot', default: false })
  isUnderDisposalRightsPilot: boolean = false;
}

/** A participant: an enterprise or an institution, with its role. */
@ObjectType({
  implements: Node,
  description: 'A participant of a joint project: an enterprise or an institution (exactly one of the two), with its role.',
})
@Entity()
export class ProjectParticipant extends BaseEntity {
  @ManyToOne(() => ResearchProject, { ref: true, deleteRule: 'cascade', index: true })
  project!: Ref<ResearchProject>;

  @ManyToOne(() => Enterprise, { ref: true, nullable: true, index: true })
  enterprise: Ref<Enterprise> | null = null;

  @ManyToOne(() => Institution, { ref: true, nullable: true, index: true })
  institution: Ref<Institution> | null = null;

  @Field(() => ParticipantRole, { description: 'The part it plays.' })
  @Enum({ items: () => ParticipantRole, nativeEnumName: 'participant_role' })
  role!: ParticipantRole;
}

@ObjectType({ implements: Node, description: 'Money a project gets from one source (经费预算).' })
@Entity()
export class ProjectBudgetLine extends BaseEntity {
  @ManyToOne(() => ResearchProject, { ref: true, deleteRule: 'cascade', index: true })
  project!: Ref<ResearchProject>;

  @Field(() => FundingSource, { description: 'Where the money comes from.' })
  @Enum({ items: () => FundingSource, nativeEnumName: 'funding_source' })
  source!: FundingSource;

  @Field(() => DecimalScalar, { description: 'How much, yuan.' })
  @Property({ type: 'decimal', precision: 18, scale: 2 })
  amount!: string;
}

@ObjectType({ implements: Node, description: 'Something a project produced (项目成果).' })
@Entity()
export class ProjectOutput extends BaseEntity {
  @ManyToOne(() => ResearchProject, { ref: true, deleteRule: 'cascade', index: true })
  project!: Ref<ResearchProject>;

  @Field(() => ProjectOutputKind, { description: 'What kind of result.' })
  @Enum({ items: () => ProjectOutputKind, nativeEnumName: 'project_output_kind' })
  kind!: ProjectOutputKind;

  @Field({ description: 'What it is called.' })
  @Property({ type: 'text' })
  title!: string;

  @ManyToOne(() => Patent, { ref: true, nullable: true })
  patent: Ref<Patent> | null = null;
}
