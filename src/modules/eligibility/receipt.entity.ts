import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { Role } from '../../auth/roles';
import { toGlobalId } from '../../common/global-id';
import { Node } from '../../common/node';
import { CreditCodeScalar, DateScalar, DateTimeScalar } from '../../common/scalars';
import type { Check } from './criteria';

/** The answer a receipt keeps, as it was served: every check in its order. */
export interface ReceiptAnswer {
  eligible: boolean;
  checks: Check[];
  /** The rate the answer named (absent when it named none, and in receipts recorded before rates were answered). */
  benefit?: { percent: string; basis: string; detail: string };
}

/**
 * What one eligibility answer to a bank said, kept as it was served (issue 13, item 4): the rule version, the date
 * asked about, every check with its detail, and the facts the criteria read. Whatever is corrected in the registry
 * afterwards (a fiscal year re-recorded, a new rule version, a dishonest-debtor check), a disputed decision is
 * settled by what the bank saw.
 *
 * Written once, by one multi-row INSERT per eligibility call (receipts.ts), never through the unit of work, and
 * immutable in PostgreSQL itself: a trigger refuses UPDATE, DELETE and TRUNCATE, as for the audit trail. It points at
 * nothing by foreign key (the rule version, the enterprise and the authorisation are plain ids): a receipt outlives
 * whatever it was about, and nothing done to the registry can cascade into it.
 *
 * Not a BaseEntity: it never changes, so it has no `updatedAt`; it is a Node all the same (`typename`, `nodeId`), so
 * `node(id:)` finds it.
 */
@ObjectType({ implements: Node, description: 'An eligibility answer as a bank received it, kept unchanged: what was said, on which rules and facts.' })
@Entity({ tableName: 'eligibility_receipt' })
@Index({ properties: ['viewerOrg', 'createdAt'] })
export class EligibilityReceipt {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Field(() => DateTimeScalar, { name: 'issuedAt', description: 'When the answer was given.' })
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt!: Date;

  /** Who asked, as the token said. */
  @Property({ type: 'text' })
  viewerRole!: Role;

  @Property({ type: 'text', nullable: true })
  viewerOrg!: string | null;

  @Field({ description: 'The programme code asked about.' })
  @Property({ type: 'text' })
  programme!: string;

  /** The rule version applied (its id: versions are never edited, so it names the criteria exactly). */
  @Property({ type: 'uuid' })
  ruleVersionId!: string;

  @Field(() => Int, { description: 'The rule version applied.' })
  @Property({ type: 'smallint' })
  ruleVersion!: number;

  @Field(() => DateScalar, { description: 'From when that version was in force.' })
  @Property({ type: 'date' })
  rulesEffectiveFrom!: string;

  @Field(() => DateScalar, { description: 'The date the enterprise was checked as of.' })
  @Property({ type: 'date' })
  asOf!: string;

  @Field(() => CreditCodeScalar, { description: 'The credit code asked about, as given.' })
  @Property({ type: 'text' })
  creditCode!: string;

  /** The enterprise with that code when one was registered (also for a refusal: the zone may want to know). */
  @Property({ type: 'uuid', nullable: true })
  enterpriseId!: string | null;

  /** The authorisation (scope ELIGIBILITY) the check was made under; none for a refusal. */
  @Property({ type: 'uuid', nullable: true })
  authorizationId!: string | null;

  @Property({ type: 'jsonb' })
  answer!: ReceiptAnswer;

  @Property({ type: 'jsonb' })
  facts!: Record<string, unknown>;

  /** The GraphQL type; global ids carry it. */
  get typename(): string {
    return 'EligibilityReceipt';
  }

  @Field(() => ID, { name: 'id', description: 'Opaque global id: the `receiptId` the answer carried.' })
  get nodeId(): string {
    return toGlobalId(this.typename, this.id);
  }

  /**
   * The enterprise whose data the receipt shows, which a bank's read of it is recorded against: none for a refusal,
   * which shows nothing of the enterprise (policy.ts `readOf`).
   */
  get disclosedEnterpriseId(): string | null {
    return this.authorizationId ? this.enterpriseId : null;
  }
}
