import { Entity, Enum, Index, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { VersionedEntity } from '../../common/base.entity';
import { Node } from '../../common/node';
import { CreditCodeScalar, DateScalar, DateTimeScalar, DecimalScalar } from '../../common/scalars';
import { Actor } from '../viewer/actor';
import { Institution } from '../institution/institution.entity';
import { EconomicSector, EnterpriseSize, HighTechField, Industry } from './enums';
import { IndustryCluster, Park } from './park.entity';

@ObjectType({ description: 'Why an administrator accepted a credit code whose check character is wrong.' })
export class CreditCodeOverride {
  @Field()
  reason!: string;

  @Field(() => Actor, { description: 'Who accepted it (an administrator).' })
  by!: Actor;

  @Field(() => DateTimeScalar)
  at!: Date;
}

/** An enterprise of the zone, keyed by its Unified Social Credit Code. */
@ObjectType({ implements: Node, description: 'An enterprise registered in the zone.' })
@Entity()
@Index({ name: 'enterprise_name_zh_idx', expression: 'create index "enterprise_name_zh_idx" on "enterprise" ("name" collate "zh-x-icu", "id")' })
@Index({ name: 'enterprise_credit_code_prefix_idx', expression: 'create index "enterprise_credit_code_prefix_idx" on "enterprise" ("credit_code" text_pattern_ops)' })
@Index({ name: 'enterprise_search_idx', expression: `create index "enterprise_search_idx" on "enterprise" using gin (innozone_ngrams("name" || ' ' || coalesce("name_en", '')))` })
@Index({ properties: ['foundedOn', 'id'] })
@Index({ properties: ['registeredCapital', 'id'] })
export class Enterprise extends VersionedEntity {
  @Field(() => CreditCodeScalar)
  @Unique()
  @Property({ type: 'varchar', length: 18 })
  creditCode!: string;

  @Field({ description: 'Registered Chinese name.' })
  @Property({ type: 'text' })
  name!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  nameEn: string | null = null;

  @Field(() => Industry)
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

  @Field(() => DateScalar)
  @Property({ type: 'date' })
  foundedOn!: string;

  @Field(() => DecimalScalar, { description: 'Registered capital in yuan.' })
  @Property({ type: 'decimal', precision: 18, scale: 2 })
  registeredCapital!: string;

  @Field(() => EnterpriseSize)
  @Enum({ items: () => EnterpriseSize, nativeEnumName: 'enterprise_size' })
  size!: EnterpriseSize;

  @Field({ description: 'State-owned (the 2016 equity incentive caps apply).' })
  @Property({ default: false })
  stateOwned: boolean = false;

  @ManyToOne(() => Institution, { ref: true, nullable: true, index: true })
  university: Ref<Institution> | null = null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Its shares are listed on a stock exchange (a NEEQ quotation is not a listing); null: not known.',
  })
  @Property({ type: 'boolean', nullable: true })
  listedOnExchange: boolean | null = null;

  @Field(() => Boolean, { nullable: true, description: 'A converted research institute (转制院所企业); null: not known.' })
  @Property({ type: 'boolean', nullable: true })
  convertedInstitute: boolean | null = null;

  @Field(() => Boolean, { nullable: true, description: 'A tech enterprise a converted research institute invested in (转制院所所投资的科技企业); null: not known.' })
  @Property({ type: 'boolean', nullable: true })
  investedByConvertedInstitute: boolean | null = null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'A tech enterprise a university or research institute invested in (高等院校和科研院所投资的科技企业); an owning `university` counts as well; null: not known.',
  })
  @Property({ type: 'boolean', nullable: true })
  investedByAcademia: boolean | null = null;

  @Property({ type: 'text', nullable: true })
  creditCodeOverrideReason: string | null = null;

  @Property({ type: 'text', nullable: true })
  creditCodeOverriddenBy: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  creditCodeOverriddenAt: Date | null = null;

  @Field(() => CreditCodeOverride, {
    nullable: true,
    description: 'Set when the code fails its check character and an administrator accepted it anyway.',
  })
  get creditCodeOverride(): CreditCodeOverride | null {
    if (!this.creditCodeOverrideReason) return null;
    return { reason: this.creditCodeOverrideReason, by: Actor.parse(this.creditCodeOverriddenBy)!, at: this.creditCodeOverriddenAt! };
  }
}
