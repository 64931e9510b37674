import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import type { Role } from '../../auth/roles';
import { toGlobalId } from '../../common/global-id';
import { Node } from '../../common/node';
import { DateScalar, DateTimeScalar } from '../../common/scalars';
import type { Check } from './criteria';

/**
 * A check as a receipt keeps it: whole (both languages and the typed figures) since API v1; before, only the
 * criterion, the outcome and the English `detail` (receipts.ts derives the rest when it is read).
 */
export type StoredCheck = Pick<Check, 'criterion' | 'outcome' | 'detail'> & Partial<Omit<Check, 'criterion' | 'outcome' | 'detail'>>;

/** The answer a receipt keeps, as it was served: every check in its order. */
export interface ReceiptAnswer {
  eligible: boolean;
  checks: StoredCheck[];
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
 * nothing by foreign key (the rule version, the enterprise and the authorization are plain ids): a receipt outlives
 * whatever it was about, and nothing done to the registry can cascade into it.
 *
 * Not a BaseEntity: it never changes, so it has no `updatedAt`; it is a Node all the same (`typename`, `nodeId`), so
 * `node(id:)` finds it.
 */
@ObjectType({
  implements: Node,
  description:
    'The receipt of an eligibility answer (资格查询回执) as a bank received it, kept unchanged: what was said, on which rules and facts. Its bank and the zone’s administrators see it.',
})
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

  /** The code of the program asked about (served as `program`, the object). */
  @Property({ type: 'text', fieldName: 'programme' })
  programCode!: string;

  /** The rule version applied (its id: versions are never edited, so it names the criteria exactly; served as `rules`). */
  @Property({ type: 'uuid' })
  ruleVersionId!: string;

  /** Its number, kept beside the id. */
  @Property({ type: 'smallint' })
  ruleVersion!: number;

  /** From when that version was in force. */
  @Property({ type: 'date' })
  rulesEffectiveFrom!: string;

  @Field(() => DateScalar, { description: 'The date the enterprise was checked as of.' })
  @Property({ type: 'date' })
  asOf!: string;

  @Field({ description: 'The credit code asked about, trimmed and upper-cased (a malformed one as well: its answer says so).' })
  @Property({ type: 'text' })
  creditCode!: string;

  /** The enterprise with that code when one was registered (also for a refusal: the zone may want to know). */
  @Property({ type: 'uuid', nullable: true })
  enterpriseId!: string | null;

  /** The authorization (scope ELIGIBILITY) the check was made under; none for a refusal. */
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
