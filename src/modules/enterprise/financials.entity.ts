import { Check, Entity, Enum, Index, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { Node } from '../../common/node';
import { BaseEntity, VersionedEntity } from '../../common/base.entity';
import { DateScalar, DecimalScalar } from '../../common/scalars';
import { Enterprise } from './enterprise.entity';
import { HighTechCriteriaVersion } from './enums';

/** One fiscal year's figures; kept per year (eligibility reads several years), never overwritten by the next. */
@ObjectType({
  implements: Node,
  description: "An enterprise's figures for one fiscal year (年度财务和人员数据), kept per year: eligibility reads several years. Corrected with `recordFiscalYear` and the year's `version`.",
})
@Entity()
@Unique({ properties: ['enterprise', 'fiscalYear'] })
@Check({ name: 'fiscal_year_financials_innovation_score_range', expression: 'innovation_score >= 0 and innovation_score <= 100' })
export class FiscalYearFinancials extends VersionedEntity {
  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'cascade' })
  enterprise!: Ref<Enterprise>;

  @Field(() => Int, { description: 'The fiscal year (a calendar year in China).' })
  @Property({ type: 'smallint' })
  fiscalYear!: number;

  @Field(() => DecimalScalar, { description: 'Sales revenue (销售收入), yuan.' })
  @Property({ type: 'decimal', precision: 18, scale: 2 })
  revenue!: string;

  @Field(() => DecimalScalar, { description: 'R&D expense (研究开发费用), yuan.' })
  @Property({ type: 'decimal', precision: 18, scale: 2 })
  rdExpense!: string;

  @Field(() => DecimalScalar, { description: 'The part of the R&D expense spent in China (境内研发费用), yuan.' })
  @Property({ type: 'decimal', precision: 18, scale: 2 })
  rdExpenseInChina!: string;

  @Field(() => DecimalScalar, { description: 'Revenue from high-tech products and services (高新技术产品（服务）收入), yuan.' })
  @Property({ type: 'decimal', precision: 18, scale: 2 })
  highTechRevenue!: string;

  @Field(() => Int, { description: 'Employees (职工总数).' })
  @Property({ type: 'integer' })
  employees!: number;

  @Field(() => Int, { description: 'Science and technology staff (科技人员).' })
  @Property({ fieldName: 'st_staff', type: 'integer' })
  scienceAndTechnologyStaff!: number;

  @Field(() => Int, { nullable: true, description: 'R&D staff (研发人员), a part of the science and technology staff; null: not reported.' })
  @Property({ type: 'integer', nullable: true })
  rdStaff: number | null = null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Total income (收入总额): sales revenue and every other income; null: not reported. The high-tech share of high-tech certification divides by it.',
  })
  @Property({ type: 'decimal', precision: 18, scale: 2, nullable: true })
  totalIncome: string | null = null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Total assets at the end of the year (资产总额), yuan; null: not reported.' })
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
    description: 'A major safety or quality accident, or a serious environmental violation, in the year (重大安全、重大质量事故或严重环境违法行为); null: not reported.',
  })
  @Property({ fieldName: 'major_incident', type: 'boolean', nullable: true })
  hadMajorIncident: boolean | null = null;
}

/** A high-tech enterprise certificate (高新技术企业证书), valid three years. */
@ObjectType({
  implements: Node,
  description: 'A high-tech enterprise certificate (高新技术企业证书): income tax at 15% instead of 25% while it is valid (three years).',
})
@Entity()
// The zone's high-tech count: certificates valid on a day, by an index-only scan (portfolio.service.ts).
@Index({ name: 'high_tech_certificate_expires_on_index', properties: ['validUntil', 'issuedOn', 'enterprise'] })
export class HighTechCertificate extends BaseEntity {
  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'cascade', index: true })
  enterprise!: Ref<Enterprise>;

  @Field({ description: 'Certificate number, e.g. GR201942001291 (42 = Hubei).' })
  @Property({ type: 'text', unique: true })
  number!: string;

  @Field(() => DateScalar, { description: 'The day it was issued.' })
  @Property({ type: 'date' })
  issuedOn!: string;

  @Field(() => DateScalar, { description: 'Its last valid day (included): three years after issue, less a day.' })
  @Property({ fieldName: 'expires_on', type: 'date' })
  validUntil!: string;

  @Field(() => HighTechCriteriaVersion, { description: 'The rules it was granted under.' })
  @Enum({ items: () => HighTechCriteriaVersion, nativeEnumName: 'high_tech_criteria_version' })
  criteriaVersion!: HighTechCriteriaVersion;
}
