import { Entity, Enum, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../../common/node';
import { BaseEntity, VersionedEntity } from '../../common/base.entity';
import { PatentType } from '../../common/patent-number';
import { DateScalar, DecimalScalar } from '../../common/scalars';
import { Enterprise } from '../enterprise/enterprise.entity';

registerEnumType(PatentType, { name: 'PatentType' });

export enum PatentLegalStatus {
  PENDING = 'PENDING',
  VALID = 'VALID',
  LAPSED = 'LAPSED',
  INVALIDATED = 'INVALIDATED',
  EXPIRED = 'EXPIRED',
}
registerEnumType(PatentLegalStatus, {
  name: 'PatentLegalStatus',
  valuesConfig: {
    PENDING: { description: 'Applied for, not granted.' },
    VALID: { description: 'Granted and in force.' },
    LAPSED: { description: 'Lapsed for unpaid fees.' },
    INVALIDATED: { description: 'Declared invalid.' },
    EXPIRED: { description: 'Term ended.' },
  },
});

/** A patent held by an enterprise. */
@ObjectType({ implements: Node, description: 'A patent (专利) held by an enterprise.' })
@Entity()
export class Patent extends VersionedEntity {
  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'cascade', index: true })
  owner!: Ref<Enterprise>;

  @Field({ description: 'ZL + 12 digits + . + check digit, e.g. ZL201410012345.6.' })
  @Property({ type: 'text', unique: true })
  number!: string;

  @Field(() => PatentType, { description: 'From the 5th digit of the number.' })
  @Enum({ items: () => PatentType, nativeEnumName: 'patent_type' })
  type!: PatentType;

  @Field()
  @Property({ type: 'text' })
  title!: string;

  @Field(() => PatentLegalStatus)
  @Enum({ items: () => PatentLegalStatus, nativeEnumName: 'patent_legal_status' })
  legalStatus!: PatentLegalStatus;

  @Field(() => DateScalar, { nullable: true })
  @Property({ type: 'date', nullable: true })
  grantedOn: string | null = null;
}

/** A valuation of a patent, as a pledge needs it. */
@ObjectType({ implements: Node, description: 'An appraisal of a patent (专利评估).' })
@Entity()
export class PatentAppraisal extends BaseEntity {
  @ManyToOne(() => Patent, { ref: true, deleteRule: 'cascade', index: true })
  patent!: Ref<Patent>;

  @Field({ description: 'The appraisal firm.' })
  @Property({ type: 'text' })
  appraiser!: string;

  @Field(() => DecimalScalar)
  @Property({ type: 'decimal', precision: 18, scale: 2 })
  value!: string;

  @Field(() => DateScalar)
  @Property({ type: 'date' })
  appraisedOn!: string;
}
