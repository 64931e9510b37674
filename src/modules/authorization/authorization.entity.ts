import { Entity, Enum, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { VersionedEntity } from '../../common/base.entity';
import { Node } from '../../common/node';
import { DateScalar, DateTimeScalar } from '../../common/scalars';
import { Enterprise } from '../enterprise/enterprise.entity';
import { Bank } from '../finance/counterparty.entity';

/** What an enterprise lets a bank see. */
export enum AuthorizationScope {
  PROFILE = 'PROFILE',
  HIGH_TECH = 'HIGH_TECH',
  PATENTS = 'PATENTS',
  FINANCIALS = 'FINANCIALS',
  INSTRUMENTS = 'INSTRUMENTS',
  ELIGIBILITY = 'ELIGIBILITY',
}
registerEnumType(AuthorizationScope, {
  name: 'AuthorizationScope',
  valuesConfig: {
    PROFILE: { description: 'Identity and zone membership.' },
    HIGH_TECH: { description: 'High-tech status and certificates, and the qualifications held (科技型中小企业, 专精特新 …).' },
    PATENTS: { description: 'Patents and their pledges.' },
    FINANCIALS: { description: 'Yearly figures, in bands.' },
    INSTRUMENTS: { description: "The bank's own loans in full, other instruments as kind and status." },
    ELIGIBILITY: { description: 'Pilot eligibility checks with reasons.' },
  },
});

/**
 * An enterprise's authorisation for a bank to see its data: granted by its representative, or recorded by an
 * administrator from a signed paper authorisation. Active from `validFrom` through `validTo` until revoked.
 */
@ObjectType({ implements: Node, description: "An enterprise's authorisation for a bank to see its data." })
@Entity()
@Index({ properties: ['bank', 'enterprise'] })
// The GiST index of the exclusion constraint "at most one authorisation in force per enterprise, bank and purpose"
// (migration 20261130130000), declared so that MikroORM's schema diff knows it.
@Index({
  name: 'data_authorization_one_in_force',
  expression:
    'alter table "data_authorization" add constraint "data_authorization_one_in_force" exclude using gist ' +
    `("enterprise_id" with =, "bank_id" with =, "purpose" with =, daterange("valid_from", "valid_to", '[]') with &&) ` +
    'where ("revoked_at" is null)',
})
export class DataAuthorization extends VersionedEntity {
  @ManyToOne(() => Enterprise, { ref: true, index: true })
  enterprise!: Ref<Enterprise>;

  @ManyToOne(() => Bank, { ref: true })
  bank!: Ref<Bank>;

  @Field(() => [AuthorizationScope])
  @Enum({ items: () => AuthorizationScope, array: true, nativeEnumName: 'authorization_scope' })
  scopes!: AuthorizationScope[];

  @Field({ description: 'What the bank may use the data for.' })
  @Property({ type: 'text' })
  purpose!: string;

  @Field(() => DateScalar)
  @Property({ type: 'date' })
  validFrom!: string;

  @Field(() => DateScalar)
  @Property({ type: 'date' })
  validTo!: string;

  @Field({ description: "Who signed for the enterprise (name and post). Seen by the enterprise and administrators." })
  @Property({ type: 'text' })
  signer!: string;

  @Field(() => String, { nullable: true, description: 'Reference of the signed paper, when an administrator recorded it.' })
  @Property({ type: 'text', nullable: true })
  paperReference: string | null = null;

  @Field({ description: 'The role (and organisation) that recorded the grant.' })
  @Property({ type: 'text' })
  grantedBy!: string;

  @Field(() => DateTimeScalar, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  revokedAt: Date | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  revokedBy: string | null = null;

  /** Active on `date` (YYYY-MM-DD): within its dates and not revoked. */
  activeOn(date: string): boolean {
    return !this.revokedAt && this.validFrom <= date && date <= this.validTo;
  }
}
