import { BeforeCreate, BeforeUpdate, Entity, Enum, Index, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { VersionedEntity } from '../../common/base.entity';
import { Node } from '../../common/node';
import { CreditCodeScalar, DateScalar, DateTimeScalar, DecimalScalar } from '../../common/scalars';
import { Actor } from '../viewer/actor';
import { Institution } from '../institution/institution.entity';
import { EconomicSector, EnterpriseSize, HighTechField, Industry } from './enums';
import { IndustryCluster, Park } from './park.entity';
import { namePinyin } from './pinyin';

@ObjectType({ description: 'Why an administrator accepted a credit code whose check character is wrong, and who did.' })
export class CreditCodeOverride {
  @Field({ description: 'Why the code was accepted, as the administrator gave it (e.g. the business license shows this code).' })
  reason!: string;

  @Field(() => Actor, { description: 'Who accepted it (an administrator).' })
  by!: Actor;

  @Field(() => DateTimeScalar, { description: 'When the code was accepted.' })
  overriddenAt!: Date;
}

/** An enterprise of the zone, keyed by its Unified Social Credit Code. */
@ObjectType({
  implements: Node,
  description:
    'An enterprise registered in the zone (园区企业), keyed by its Unified Social Credit Code (统一社会信用代码), with what the registry keeps of it: ' +
    'certificates and qualifications, yearly figures, patents, financing instruments, joint research projects, incentive plans and talent awards.',
})
@Entity()
@Index({ name: 'enterprise_name_zh_idx', expression: 'create index "enterprise_name_zh_idx" on "enterprise" ("name" collate "zh-x-icu", "id")' })
@Index({ name: 'enterprise_credit_code_prefix_idx', expression: 'create index "enterprise_credit_code_prefix_idx" on "enterprise" ("credit_code" text_pattern_ops)' })
@Index({ name: 'enterprise_search_idx', expression: `create index "enterprise_search_idx" on "enterprise" using gin (innozone_ngrams("name" || ' ' || coalesce("name_en", '')))` })
@Index({ name: 'enterprise_pinyin_idx', expression: `create index "enterprise_pinyin_idx" on "enterprise" using gin (innozone_ngrams("name_pinyin"))` })
@Index({ properties: ['foundedOn', 'id'] })
@Index({ properties: ['registeredCapital', 'id'] })
export class Enterprise extends VersionedEntity {
  @Field(() => CreditCodeScalar, { description: 'The Unified Social Credit Code (统一社会信用代码, GB 32100-2015): the key of the registry.' })
  @Unique()
  @Property({ type: 'varchar', length: 18 })
  creditCode!: string;

  @Field({ description: 'The registered Chinese name (企业名称).' })
  @Property({ type: 'text' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'The English name the enterprise uses; null: none recorded.' })
  @Property({ type: 'text', nullable: true })
  nameEn: string | null = null;

  /**
   * The Chinese name's pinyin, full and initials (`namePinyin`), kept with the name so that search matches Latin
   * letters against it through an index. Not in the schema; every write of the name rewrites it (and the seeds set it).
   */
  @Property({ type: 'text' })
  namePinyin!: string;

  @BeforeCreate()
  @BeforeUpdate()
  spellName(): void {
    this.namePinyin = namePinyin(this.name);
  }

  @Field(() => Industry, { description: 'The zone industry (产业) it belongs to.' })
  @Enum({ items: () => Industry, nativeEnumName: 'industry' })
  @Index()
  industry!: Industry;

  @Field(() => HighTechField, {
    nullable: true,
    description: 'The national high-tech field its core technology is classified under (high-tech certification reads it); null: not classified.',
  })
  @Enum({ items: () => HighTechField, nativeEnumName: 'high_tech_field', nullable: true })
  highTechField: HighTechField | null = null;

  @Field(() => EconomicSector, {
    nullable: true,
    description: 'The GB/T 4754 sector of its principal business (tax rules read it: the R&D super-deduction’s excluded sectors and manufacturing rate); null: not classified.',
  })
  @Enum({ items: () => EconomicSector, nativeEnumName: 'economic_sector', nullable: true })
  economicSector: EconomicSector | null = null;

  @ManyToOne(() => Park, { ref: true, index: true })
  park!: Ref<Park>;

  @ManyToOne(() => IndustryCluster, { ref: true, nullable: true, index: true })
  cluster: Ref<IndustryCluster> | null = null;

  @Field(() => DateScalar, { description: 'The day it was founded (成立日期), as its business license states.' })
  @Property({ type: 'date' })
  foundedOn!: string;

  @Field(() => DecimalScalar, { description: 'Registered capital (注册资本), in yuan.' })
  @Property({ type: 'decimal', precision: 18, scale: 2 })
  registeredCapital!: string;

  @Field(() => EnterpriseSize, { description: 'Its size class (企业规模), which sets the equity incentive caps of a state-owned enterprise.' })
  @Enum({ items: () => EnterpriseSize, nativeEnumName: 'enterprise_size' })
  size!: EnterpriseSize;

  @Field({ description: 'A state-owned enterprise (国有企业): the equity incentive rules of 财资〔2016〕4号 apply to its plans.' })
  @Property({ fieldName: 'state_owned', default: false })
  isStateOwned: boolean = false;

  @ManyToOne(() => Institution, { ref: true, nullable: true, index: true })
  university: Ref<Institution> | null = null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Its shares are listed on a stock exchange (上市公司; a NEEQ quotation is not a listing); null: not known.',
  })
  @Property({ fieldName: 'listed_on_exchange', type: 'boolean', nullable: true })
  isListedOnExchange: boolean | null = null;

  @Field(() => Boolean, { nullable: true, description: 'A converted research institute (转制院所企业); null: not known.' })
  @Property({ fieldName: 'converted_institute', type: 'boolean', nullable: true })
  isConvertedInstitute: boolean | null = null;

  @Field(() => Boolean, { nullable: true, description: 'A tech enterprise a converted research institute invested in (转制院所所投资的科技企业); null: not known.' })
  @Property({ fieldName: 'invested_by_converted_institute', type: 'boolean', nullable: true })
  isInvestedByConvertedInstitute: boolean | null = null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'A tech enterprise a university or research institute invested in (高等院校和科研院所投资的科技企业); an owning `university` counts as well; null: not known.',
  })
  @Property({ fieldName: 'invested_by_academia', type: 'boolean', nullable: true })
  isInvestedByAcademia: boolean | null = null;

  @Property({ type: 'text', nullable: true })
  creditCodeOverrideReason: string | null = null;

  @Property({ type: 'text', nullable: true })
  creditCodeOverriddenBy: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  creditCodeOverriddenAt: Date | null = null;

  @Field(() => CreditCodeOverride, {
    nullable: true,
    description:
      'Set when the code fails its check character and an administrator accepted it anyway; null otherwise. Masked (null with a FORBIDDEN error) for anyone but zone administrators and its own representative.',
  })
  get creditCodeOverride(): CreditCodeOverride | null {
    if (!this.creditCodeOverrideReason) return null;
    return { reason: this.creditCodeOverrideReason, by: Actor.parse(this.creditCodeOverriddenBy)!, overriddenAt: this.creditCodeOverriddenAt! };
  }
}
