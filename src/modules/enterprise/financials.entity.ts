import { Check, Entity, Enum, Index, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { Node } from '../../common/node';
import { BaseEntity, VersionedEntity } from '../../common/base.entity';
import { DateScalar, DecimalScalar } from '../../common/scalars';
import { Enterprise } from './enterprise.entity';
import { HighTechCriteriaVersion } from './enums';

/** One fiscal year's figures; kept per year (eligibility reads several years), never overwritten by the next. */
@ObjectType({ implements: Node, description: "An enterprise's figures for one fiscal year." })
@Entity()
@Unique({ properties: ['enterprise', 'fiscalYear'] })
@Check({ name: 'fiscal_year_financials_innovation_score_range', expression: 'innovation_score >= 0 and innovation_score <= 100' })
export class FiscalYearFinancials extends VersionedEntity {
  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'cascade' })
  enterprise!: Ref<Enterprise>;

  @Field(() => Int)
  @Property({ type: 'smallint' })
  fiscalYear!: number;

  @Field(() => DecimalScalar)
  @Property({ type: 'decimal', precision: 18, scale: 2 })
  revenue!: string;

  @Field(() => DecimalScalar)
  @Property({ type: 'decimal', precision: 18, scale: 2 })
  rdExpense!: string;

  @Field(() => DecimalScalar, { description: 'The part of R&D expense spent in China.' })
  @Property({ type: 'decimal', precision: 18, scale: 2 })
  rdExpenseInChina!: string;

  @Field(() => DecimalScalar)
  @Property({ type: 'decimal', precision: 18, scale: 2 })
  highTechRevenue!: string;

  @Field(() => Int)
  @Property({ type: 'integer' })
  employees!: number;

  @Field(() => Int, { description: 'Science and technology staff.' })
  @Property({ type: 'integer' })
  stStaff!: number;

  @Field(() => Int, { nullable: true, description: 'R&D staff (研发人员), a part of the S&T staff; null: not reported.' })
  @Property({ type: 'integer', nullable: true })
  rdStaff: number | null = null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Total income (收入总额): sales revenue and every other income; null: not reported. The high-tech share of high-tech certification divides by it.',
  })
  @Property({ type: 'decimal', precision: 18, scale: 2, nullable: true })
  totalIncome: string | null = null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Total assets at the end of the year; null when not reported.' })
  @Property({ type: 'decimal', precision: 18, scale: 2, nullable: true })
  totalAssets: string | null = null;

  @Field(() => Int, {
    nullable: true,
    description: 'The innovation-capability score (企业创新能力评价, 0–100) assessed for high-tech certification on this year’s figures; null: none.',
  })
  @Property({ type: 'smallint', nullable: true })
  innovationScore: number | null = null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'A major safety or quality accident, or a serious environmental violation, in the year; null: not reported.',
  })
  @Property({ type: 'boolean', nullable: true })
  majorIncident: boolean | null = null;
}

/** A high-tech enterprise certificate (高新技术企业证书), valid three years. */
@ObjectType({ implements: Node, description: 'A high-tech enterprise certificate (高新技术企业证书).' })
@Entity()
// The zone's high-tech count: certificates valid on a day, by an index-only scan (portfolio.service.ts).
@Index({ name: 'high_tech_certificate_expires_on_index', properties: ['expiresOn', 'issuedOn', 'enterprise'] })
export class HighTechCertificate extends BaseEntity {
  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'cascade', index: true })
  enterprise!: Ref<Enterprise>;

  @Field({ description: 'Certificate number, e.g. GR201942001291 (42 = Hubei).' })
  @Property({ type: 'text', unique: true })
  number!: string;

  @Field(() => DateScalar)
  @Property({ type: 'date' })
  issuedOn!: string;

  @Field(() => DateScalar)
  @Property({ type: 'date' })
  expiresOn!: string;

  @Field(() => HighTechCriteriaVersion)
  @Enum({ items: () => HighTechCriteriaVersion, nativeEnumName: 'high_tech_criteria_version' })
  criteriaVersion!: HighTechCriteriaVersion;
}
