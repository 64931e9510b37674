import { Entity, Enum, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../common/base.entity';
import { Node } from '../../common/node';
import { DateScalar, DateTimeScalar } from '../../common/scalars';
import { Enterprise } from '../enterprise/enterprise.entity';
import { Bank } from '../finance/counterparty.entity';
import { Actor } from '../viewer/actor';

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
  description:
    'A part of its data an enterprise lets a bank see (数据授权范围). Identity and zone membership come with any authorization; ' +
    'the scopes of all the authorizations of one enterprise in force for a bank add up.',
  valuesConfig: {
    PROFILE: { description: 'Identity and zone membership: names, park, industry, size, high-tech status.' },
    HIGH_TECH: {
      description:
        'High-tech enterprise certificates (高新技术企业证书) and the qualifications held (科技型中小企业, 专精特新 …).',
    },
    PATENTS: { description: 'Patents, their appraisals and their pledges (专利质押).' },
    FINANCIALS: { description: 'Yearly figures in bands (revenue band, R&D intensity band, headcount band), never the figures.' },
    INSTRUMENTS: {
      description:
        "Financing instruments: the bank's own loans in full, every other instrument as its kind and status only.",
    },
    ELIGIBILITY: { description: 'Pilot program eligibility checks (试点资格审核), with their reasons.' },
  },
});

/**
 * An enterprise's authorization for a bank to see its data: granted by its representative, or recorded by an
 * administrator from a signed paper authorization. In force from `validFrom` through `validUntil` (both days included,
 * in Asia/Shanghai) until revoked. The column keeps its first name, `valid_to`.
 */
@ObjectType({
  implements: Node,
  description:
    "An enterprise's authorization for a bank to see its data (数据授权书): scopes, purpose and validity. Seen by the enterprise, " +
    'by administrators, and by the bank it was granted to while the enterprise holds an authorization for that bank in force.',
})
@Entity()
@Index({ properties: ['bank', 'enterprise'] })
// The GiST index of the exclusion constraint "at most one authorization in force per enterprise, bank and purpose"
// (migration 20261130130000), declared so that MikroORM's schema diff knows it.
@Index({
  name: 'data_authorization_one_in_force',
  expression:
    'alter table "data_authorization" add constraint "data_authorization_one_in_force" exclude using gist ' +
    `("enterprise_id" with =, "bank_id" with =, "purpose" with =, daterange("valid_from", "valid_to", '[]') with &&) ` +
    'where ("revoked_at" is null)',
})
export class DataAuthorization extends BaseEntity {
  /** Optimistic lock: two revocations at once, the second is told the first won. No mutation takes it: not in the schema. */
  @Property({ version: true })
  version!: number;

  @ManyToOne(() => Enterprise, { ref: true, index: true })
  enterprise!: Ref<Enterprise>;

  @ManyToOne(() => Bank, { ref: true })
  bank!: Ref<Bank>;

  @Field(() => [AuthorizationScope], { description: 'What the bank may see, beyond identity and zone membership.' })
  @Enum({ items: () => AuthorizationScope, array: true, nativeEnumName: 'authorization_scope' })
  scopes!: AuthorizationScope[];

  @Field({ description: 'What the bank may use the data for (用途), e.g. 知识产权质押贷款试点资格审核. Recorded with every read it makes.' })
  @Property({ type: 'text' })
  purpose!: string;

  @Field(() => DateScalar, { description: 'The first day it is in force (Asia/Shanghai).' })
  @Property({ type: 'date' })
  validFrom!: string;

  @Field(() => DateScalar, { description: 'The last day it is in force, included (Asia/Shanghai); at most three years after validFrom.' })
  @Property({ type: 'date', fieldName: 'valid_to' })
  validUntil!: string;

  @Field(() => String, {
    nullable: true,
    description:
      "Who signed for the enterprise (签字人: name and post): personal data. Masked (null with a FORBIDDEN error) unless the viewer is the enterprise's representative or an administrator.",
  })
  @Property({ type: 'text' })
  signer!: string;

  @Field(() => String, { nullable: true, description: 'Reference of the signed paper (纸质授权书编号), when an administrator recorded it; null when granted online.' })
  @Property({ type: 'text', nullable: true })
  paperReference: string | null = null;

  /** Who recorded the grant, as stored (`ROLE` or `ROLE:organization`): see `grantedByActor`. */
  @Property({ type: 'text' })
  grantedBy!: string;

  @Field(() => Actor, {
    name: 'grantedBy',
    description: "Who recorded the grant: the enterprise's representative, or an administrator recording signed paper.",
  })
  get grantedByActor(): Actor | null {
    return Actor.parse(this.grantedBy);
  }

  @Field(() => DateTimeScalar, { name: 'grantedAt', description: 'When the grant was recorded.' })
  get grantedAt(): Date {
    return this.createdAt;
  }

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was revoked; null while it is not. It stopped counting at once.' })
  @Property({ type: 'datetime', nullable: true })
  revokedAt: Date | null = null;

  /** Who revoked it, as stored: see `revokedByActor`. */
  @Property({ type: 'text', nullable: true })
  revokedBy: string | null = null;

  @Field(() => Actor, { name: 'revokedBy', nullable: true, description: 'Who revoked it; null while it is not revoked.' })
  get revokedByActor(): Actor | null {
    return Actor.parse(this.revokedBy);
  }

  /** In force on `date` (YYYY-MM-DD): within its dates and not revoked. */
  activeOn(date: string): boolean {
    return !this.revokedAt && this.validFrom <= date && date <= this.validUntil;
  }
}

/** In force on the date the caller binds twice, over `a` (a data_authorization row): `activeOn` in SQL. */
export const inForceSql = (a: string): string => `${a}.revoked_at is null and ${a}.valid_from <= ?::date and ${a}.valid_to >= ?::date`;
