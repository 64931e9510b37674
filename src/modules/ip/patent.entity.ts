import { Check, Entity, Enum, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../../common/node';
import { VersionedEntity, VoidableEntity } from '../../common/base.entity';
import { PatentType } from '../../common/patent-number';
import { DateScalar, DecimalScalar } from '../../common/scalars';
import { Enterprise } from '../enterprise/enterprise.entity';

registerEnumType(PatentType, {
  name: 'PatentType',
  description: 'The kind of a Chinese patent (专利类型), told by the 5th digit of its number.',
  valuesConfig: {
    INVENTION: { description: 'Invention patent (发明专利): examined in substance, 20 years from filing; digit 1 (or 8 for a PCT entry).' },
    UTILITY_MODEL: { description: 'Utility model patent (实用新型专利): not examined in substance, 10 years; digit 2 (or 9 for a PCT entry).' },
    DESIGN: { description: 'Design patent (外观设计专利): the look of a product, 15 years (10 before June 2021); digit 3.' },
  },
});

export enum PatentLegalStatus {
  PENDING = 'PENDING',
  VALID = 'VALID',
  LAPSED = 'LAPSED',
  INVALIDATED = 'INVALIDATED',
  EXPIRED = 'EXPIRED',
}
registerEnumType(PatentLegalStatus, {
  name: 'PatentLegalStatus',
  description: 'Where a patent stands in law (法律状态), as the patent office’s register shows it.',
  valuesConfig: {
    PENDING: { description: 'Applied for, not granted (审中).' },
    VALID: { description: 'Granted and in force (有效).' },
    LAPSED: { description: 'Lapsed for unpaid annual fees (未缴年费终止).' },
    INVALIDATED: { description: 'Declared invalid (宣告无效).' },
    EXPIRED: { description: 'Its term ended (期限届满).' },
  },
});

/** A patent held by an enterprise; its title, legal status and grant date are kept current with `updatePatent`. */
@ObjectType({
  implements: Node,
  description:
    'A Chinese patent (专利) held by an enterprise: an invention, utility model or design. Its title, legal status and grant date are brought up to date with `updatePatent`.',
})
@Entity()
export class Patent extends VersionedEntity {
  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'cascade', index: true })
  owner!: Ref<Enterprise>;

  @Field({ description: 'The patent number (专利号): ZL + 12 digits + . + check digit, e.g. ZL201410012345.6.' })
  @Property({ type: 'text', unique: true })
  number!: string;

  @Field(() => PatentType, { description: 'Its kind, from the 5th digit of the number.' })
  @Enum({ items: () => PatentType, nativeEnumName: 'patent_type' })
  type!: PatentType;

  @Field({ description: 'Its title as granted or applied for (专利名称).' })
  @Property({ type: 'text' })
  title!: string;

  @Field(() => PatentLegalStatus, { description: 'Where it stands in law, as last recorded.' })
  @Enum({ items: () => PatentLegalStatus, nativeEnumName: 'patent_legal_status' })
  legalStatus!: PatentLegalStatus;

  @Field(() => DateScalar, { nullable: true, description: 'The day it was granted (授权公告日); null while pending.' })
  @Property({ type: 'date', nullable: true })
  grantedOn: string | null = null;
}

/** A valuation of a patent, as a pledge needs it. */
@ObjectType({
  implements: Node,
  description:
    'An appraisal of a patent (专利评估) by an appraisal firm: what an IP pledge relies on and what the UNPLEDGED_INVENTION_PATENT criterion reads, unless voided. Corrected with `correctPatentAppraisal`, voided with `voidPatentAppraisal`.',
})
@Entity()
@Check({ name: 'patent_appraisal_void_reason', expression: '(voided_at is null) = (void_reason is null)' })
export class PatentAppraisal extends VoidableEntity {
  @ManyToOne(() => Patent, { ref: true, deleteRule: 'cascade', index: true })
  patent!: Ref<Patent>;

  @Field({ description: 'The appraisal firm (评估机构).' })
  @Property({ type: 'text' })
  appraiser!: string;

  @Field(() => DecimalScalar, { description: 'The value appraised, in yuan.' })
  @Property({ type: 'decimal', precision: 18, scale: 2 })
  value!: string;

  @Field(() => DateScalar, { description: 'The day of the appraisal (评估基准日).' })
  @Property({ type: 'date' })
  appraisedOn!: string;
}
