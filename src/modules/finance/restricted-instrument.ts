import { createUnionType, Field, ID, ObjectType } from 'type-graphql';
import { restrictedForm } from '../../auth/enforce-policy';
import { Node, typeNamedAfterClass } from '../../common/node';
import { DateTimeScalar } from '../../common/scalars';
import { InstrumentKind, InstrumentStatus } from './enums';
import {
  CollectiveBond,
  CreditLoan,
  type FinancingInstrument,
  FundInvestment,
  IpPledgeLoan,
  MediumTermNote,
  NeeqListing,
  RegionalOtcListing,
  Reinsurance,
  RiskCompensationCover,
  ShortTermBill,
  SmeCollectiveNote,
  TechInsurancePolicy,
} from './instrument.entity';

/**
 * An instrument as a viewer who may see only its kind and status is shown it (the policy's `restricted`: a bank, of
 * an instrument of an enterprise that gave it the INSTRUMENTS scope, when it is not the lender), as GitHub shows a
 * `RestrictedContribution`. It carries nothing that viewer may not see, so none of its fields is masked, and a client
 * tells "there is an instrument you may not see in full" from "there is none" by its type.
 *
 * It does not implement `FinancingInstrument`: that interface's fields (amount, dates, holders …) are what a
 * restricted viewer may not see, and implementing it would make them nullable for every client, or masked here.
 */
@ObjectType({
  implements: Node,
  description:
    'A financing instrument the viewer may see only as its kind and status: to a bank, an instrument of an enterprise that gave it the INSTRUMENTS scope which another lender granted (or which is no loan). Its id is the instrument’s own: node(id) answers the same for this viewer, and the full type for one who may see it.',
})
export class RestrictedInstrument {
  /** The instrument's uuid (the policy finds its holders by it). */
  readonly id: string;

  @Field(() => ID, { name: 'id', description: 'The instrument’s own opaque global id (Node).' })
  readonly nodeId: string;

  @Field(() => InstrumentKind, { description: 'What kind of instrument it is.' })
  readonly kind: InstrumentKind;

  @Field(() => InstrumentStatus, { description: 'Its status today.' })
  readonly status: InstrumentStatus;

  @Field(() => DateTimeScalar, { description: 'When the instrument last changed.' })
  readonly updatedAt: Date;

  constructor(full: FinancingInstrument) {
    this.id = full.id;
    this.nodeId = full.nodeId;
    this.kind = full.kind;
    this.status = full.status;
    this.updatedAt = full.updatedAt;
  }
}

restrictedForm('RestrictedInstrument', (full) => new RestrictedInstrument(full as FinancingInstrument));

/** Every kind of instrument, in full (the object types implementing FinancingInstrument). */
export const INSTRUMENT_TYPES = [
  NeeqListing,
  RegionalOtcListing,
  CreditLoan,
  IpPledgeLoan,
  TechInsurancePolicy,
  Reinsurance,
  CollectiveBond,
  SmeCollectiveNote,
  ShortTermBill,
  MediumTermNote,
  FundInvestment,
  RiskCompensationCover,
] as const;

/**
 * What a list of instruments holds: each in full, or restricted where the viewer may see only its kind and status.
 * Select `... on FinancingInstrument { … }` for the full ones and `... on RestrictedInstrument { kind status }`.
 */
export const FinancingInstrumentOrRestricted = createUnionType({
  name: 'FinancingInstrumentOrRestricted',
  description:
    'An instrument in a list: in full (a type implementing FinancingInstrument), or a RestrictedInstrument where the viewer may see only its kind and status (a bank, of another lender’s instrument).',
  types: () => [...INSTRUMENT_TYPES, RestrictedInstrument] as const,
  resolveType: typeNamedAfterClass,
});
