import { Role } from './roles';

/**
 * Who may see and do what: the one declarative access policy of innozone.
 *
 * - `ROOT` names, for every Query and Mutation field, the roles that may call it; type-graphql's authChecker reads
 *   it (every root field is `@Authorized()`), so a role not listed gets FORBIDDEN before any resolver runs.
 * - `TYPES` names, for every object type that carries registry data, who sees an object of it at all (`rows`),
 *   who sees it only in a restricted form (`restricted`) and, field by field, who sees the value (`fields`).
 *   `applyPolicy` (enforce-policy.ts) wraps, after the schema is built, every field where this can matter: a field
 *   the viewer may not see is masked (null, with a FORBIDDEN error at its path saying what would grant it), an
 *   object the viewer may not see is removed from lists and replaced by null elsewhere (silently: it does not exist
 *   for this viewer, as an unknown one), and an object it may see only restricted is replaced by its restricted form.
 * - Row rules: an object tied to enterprises (`owners`) is visible only when the viewer sees one of them. Zone
 *   administrators and the CPPCC roles see every enterprise; a representative its own; a bank officer those that
 *   hold an active authorisation for its bank (scopes decide the rest, see `Condition`).
 * - Types not named in `TYPES` are structural (connections, edges, payloads, errors, the viewer): they carry no
 *   data of their own, and what they contain is screened where it is resolved. `STRUCTURAL` lists them so a new
 *   type cannot slip by without a decision; a test checks every schema type is in exactly one of the two.
 *
 * The README's access table is rendered from this file (`npm run schema` writes it; a test checks it is current).
 */

/** A condition on the object, beyond seeing its row: a bank's scopes, and the CPPCC workflow's row rules. */
export enum Condition {
  /** The authorisation the bank holds from the owning enterprise includes this scope. */
  HIGH_TECH = 'HIGH_TECH',
  PATENTS = 'PATENTS',
  FINANCIALS = 'FINANCIALS',
  INSTRUMENTS = 'INSTRUMENTS',
  /** A loan this bank granted (and the INSTRUMENTS scope): seen in full. */
  OWN_LOAN = 'OWN_LOAN',
  /** A proposal past its draft (submitted, or further on). */
  SUBMITTED = 'SUBMITTED',
  /** A proposal assigned to the viewer (a handling unit) as lead or co-handler. */
  ASSIGNED_TO_UNIT = 'ASSIGNED_TO_UNIT',
  /** A policy request the viewer filed. */
  FILED_BY_VIEWER = 'FILED_BY_VIEWER',
  /** An eligibility receipt of an answer given to the viewer's own bank. */
  ISSUED_TO_VIEWER = 'ISSUED_TO_VIEWER',
  /** A data authorization granted to the viewer's own bank. */
  GRANTED_TO_VIEWER = 'GRANTED_TO_VIEWER',
  /** An account of a role whose accounts the viewer's role manages (ACCOUNT_MANAGERS): the office, a member's. */
  MANAGED_BY_VIEWER = 'MANAGED_BY_VIEWER',
  /** A co-handler's opinion, to a handling unit that leads its proposal or wrote it. */
  LEADS_OR_WROTE = 'LEADS_OR_WROTE',
  /** A notification addressed to the viewer: its role, the organization it acts for, and its account if one is named. */
  ADDRESSED_TO_VIEWER = 'ADDRESSED_TO_VIEWER',
}

/** `true`: whenever the viewer sees the object; a condition: only when it holds. Absent: never. */
export type Grant = true | Condition;
export type Grants = Partial<Record<Role, Grant>>;

/** How the enterprises an object belongs to are found (see access.ts). */
export type OwnerRule =
  | { self: true }
  /** A column of the object holding an enterprise reference or id. */
  | { ref: string }
  /** The owners of another policed object the object points at. */
  | { via: string; type: string }
  /** Every holder of an instrument. */
  | { instrumentHolders: true }
  /** Every enterprise taking part in a project. */
  | { projectParticipants: true }
  /** Not enterprises: seen exactly when the proposal it belongs to is seen. */
  | { proposal: string };

export interface TypeRule {
  /** Who sees an object of this type, given they see an enterprise it belongs to. */
  rows: Grants;
  /**
   * Who sees an object in full. A viewer who sees its row (`rows`) but not this gets it as the object type `as`
   * instead, which carries only what every viewer of the row may see (a bank sees another lender's instrument as a
   * RestrictedInstrument): a client tells "restricted" from "absent" by its type, and the full type has no field
   * masked for that reason. `ROWS` in `fields` then means: whoever sees the object in full.
   */
  restricted?: { as: string; full: Grants };
  /** Seen by anyone, even without a token (program descriptions and rules). */
  public?: true;
  /** The enterprises it belongs to; reference data (banks, parks …) has none. */
  owners?: OwnerRule;
  /**
   * A property naming the enterprise whose data the object shows, when that enterprise does not decide who sees it
   * (no `owners`): a bank's read of the object is still recorded against it. A receipt stays its bank's after the
   * authorisation ends, and reading it again is a read of that enterprise's data as it was.
   */
  readOf?: string;
  /** Every field of the type, in groups: `'a b c': grants`. `ROWS` means: whoever sees the object. */
  fields: Record<string, Grants | typeof ROWS>;
}

export const ROWS = 'ROWS' as const;

/** Role lists written the short way: 'A R B M O H'. */
const LETTERS: Record<string, Role> = {
  A: Role.ZONE_ADMIN,
  R: Role.ENTERPRISE_REP,
  B: Role.BANK_OFFICER,
  M: Role.CPPCC_MEMBER,
  O: Role.CPPCC_OFFICE,
  H: Role.HANDLING_UNIT,
};

/** `roles('A R M O', { BANK_OFFICER: Condition.PATENTS })`: the listed roles always, plus the conditional ones. */
export function roles(letters: string, conditional: Grants = {}): Grants {
  const grants: Grants = {};
  for (const l of letters.split(/\s+/).filter(Boolean)) {
    const role = LETTERS[l];
    if (!role) throw new Error(`Unknown role letter ${l}`);
    grants[role] = true;
  }
  return { ...grants, ...conditional };
}

const EVERYONE = roles('A R B M O H');

/**
 * Who may register webhooks: the organizations events are addressed to (src/events/recipients.ts) that run systems of
 * their own: banks, enterprises, handling units (government departments), the CPPCC office and the zone. Not CPPCC
 * members: each is a person, told in the app (notifications), with no systems of a member's to call.
 */
const WEBHOOK_OWNERS = roles('A R B O H');

/** Roles that may call each root field. Writes by a representative are further limited to its own enterprise. */
export const ROOT: { Query: Record<string, Grants | 'PUBLIC'>; Mutation: Record<string, Grants>; Subscription: Record<string, Grants> } = {
  Query: {
    viewer: 'PUBLIC',
    programs: 'PUBLIC',
    programmes: 'PUBLIC',
    // A bank: enterprises whose authorisation has the ELIGIBILITY scope; a representative: its own (the service).
    eligibility: roles('A R B'),
    // Anyone may ask; the receipt's row rule answers null to all but its bank and the zone, as for an unknown id.
    eligibilityReceipt: EVERYONE,
    node: EVERYONE,
    nodes: EVERYONE,
    enterprise: EVERYONE,
    enterprises: EVERYONE,
    portfolioSummary: roles('A B M O'),
    partnerBanks: EVERYONE,
    banks: EVERYONE,
    insurers: EVERYONE,
    funds: EVERYONE,
    riskCompensationPools: EVERYONE,
    parks: EVERYONE,
    industryClusters: EVERYONE,
    institutions: EVERYONE,
    auditEvents: roles('A R'),
    authorizations: roles('A R'),
    // The loan book: a bank its own loans (to enterprises that let it see their instruments), the zone every instrument.
    instruments: roles('A B'),
    // CPPCC material: never a bank's. Which proposals each role sees is the Proposal row rule below.
    proposals: roles('A M O H'),
    proposal: roles('A M O H'),
    cppccMembers: roles('A M O H'),
    handlingUnits: roles('A R M O H'),
    policyRequests: roles('A R M O'),
    handlingUnitScores: roles('A M O H'),
    sectors: roles('A R M O H'),
    parties: roles('A R M O H'),
    // The democratic evaluation report: the office's, which runs the evaluation, and the zone's administrators.
    unitEvaluation: roles('A O'),
    // Accounts: administrators every one, the office its members' (the Account row rule below); nobody else.
    accounts: roles('A O'),
    // Imports of spreadsheets, and how each went: the zone's administrators, who import.
    import: roles('A'),
    imports: roles('A'),
    // Notifications (issue 17): every role its own, addressed to its role and organization (the Notification row rule).
    notifications: EVERYONE,
    // Webhooks (issue 17 item 5): the organizations told of events, for their own systems (WEBHOOK_OWNERS): each its
    // own (the Webhook row rule), the zone's administrators every one; and the allow-list they must point into.
    webhooks: WEBHOOK_OWNERS,
    webhookAllowList: WEBHOOK_OWNERS,
  },
  Mutation: {
    createEnterprise: roles('A'),
    // A representative keeps its own enterprise's data current (the services refuse any other: NOT_PERMITTED).
    updateEnterprise: roles('A R'),
    recordFiscalYear: roles('A R'),
    recordHighTechCertificate: roles('A R'),
    recordQualification: roles('A R'),
    recordPatent: roles('A R'),
    recordPatentAppraisal: roles('A R'),
    // Corrections: a representative keeps its own patents current and corrects or voids its own appraisals.
    updatePatent: roles('A R'),
    correctPatentAppraisal: roles('A R'),
    voidPatentAppraisal: roles('A R'),
    recordIncentivePlan: roles('A R'),
    recordTalentAward: roles('A R'),
    recordTaxPilotUsage: roles('A R'),
    recordResearchProject: roles('A R'),
    grantAuthorization: roles('A R'),
    revokeAuthorization: roles('A R'),
    // Instruments and reference data: the zone's administrators.
    recordCreditLoan: roles('A'),
    recordIpPledgeLoan: roles('A'),
    cancelPledge: roles('A'),
    recordTechInsurance: roles('A'),
    recordReinsurance: roles('A'),
    recordBondIssue: roles('A'),
    recordNeeqListing: roles('A'),
    advanceNeeqStage: roles('A'),
    recordRegionalOtcListing: roles('A'),
    recordFundInvestment: roles('A'),
    recordRiskCompensationCover: roles('A'),
    recordRiskCompensationClaim: roles('A'),
    updateInstrumentStatus: roles('A'),
    // Corrections and voids of instruments recorded wrongly: the zone's administrators, as the recording.
    correctCreditLoan: roles('A'),
    correctIpPledgeLoan: roles('A'),
    correctTechInsurance: roles('A'),
    correctReinsurance: roles('A'),
    correctBondIssue: roles('A'),
    correctNeeqListing: roles('A'),
    correctRegionalOtcListing: roles('A'),
    correctFundInvestment: roles('A'),
    correctRiskCompensationCover: roles('A'),
    voidInstrument: roles('A'),
    recordBank: roles('A'),
    recordBankBranch: roles('A'),
    recordInsurer: roles('A'),
    recordFund: roles('A'),
    recordRiskCompensationPool: roles('A'),
    recordPark: roles('A'),
    recordIndustryCluster: roles('A'),
    recordInstitution: roles('A'),
    recordProgramRuleVersion: roles('A'),
    recordCreditRating: roles('A'),
    recordTaxCreditGrade: roles('A'),
    recordDishonestDebtorCheck: roles('A'),
    correctCreditRating: roles('A'),
    voidCreditRating: roles('A'),
    correctDishonestDebtorCheck: roles('A'),
    voidDishonestDebtorCheck: roles('A'),
    // Excel and CSV in (issue 15 item 3): every kind it imports is recorded by administrators alone (enterprises,
    // credit standing, paper authorizations), so importing is theirs too; POST /imports/:kind asks this same row.
    importRecords: roles('A'),
    filePolicyRequest: roles('A R'),
    // The proposal workflow: every CPPCC role passes the gate; the state machine (proposal.workflow.ts) answers a
    // transition by the wrong role, or from the wrong state, with NOT_PERMITTED or TRANSITION_NOT_ALLOWED as data.
    draftProposal: roles('M O H'),
    updateProposal: roles('M O H'),
    attachEvidence: roles('M O H'),
    cosignProposal: roles('M O H'),
    submitProposal: roles('M O H'),
    reviewProposal: roles('M O H'),
    assignProposal: roles('M O H'),
    replyToProposal: roles('M O H'),
    rateReply: roles('M O H'),
    escalateProposal: roles('M O H'),
    // The CPPCC registers (issue 16): the proposals office keeps its committee and the units answering it.
    recordSector: roles('O'),
    recordParty: roles('O'),
    recordCppccMember: roles('O'),
    retireCppccMember: roles('O'),
    recordHandlingUnit: roles('O'),
    renameHandlingUnit: roles('O'),
    withdrawProposal: roles('M O H'),
    returnProposal: roles('M O H'),
    requestExtension: roles('M O H'),
    decideExtension: roles('M O H'),
    superviseProposal: roles('M O H'),
    mergeProposals: roles('M O H'),
    submitCoHandlerOpinion: roles('M O H'),
    // Accounts of the roles each manages (ACCOUNT_MANAGERS): the services refuse any other role's with NOT_PERMITTED.
    createAccount: roles('A O'),
    disableAccount: roles('A O'),
    enableAccount: roles('A O'),
    resetAccountPassword: roles('A O'),
    // Marking one's own notifications read: another's id is NOT_FOUND, as an unknown one.
    markNotificationsRead: EVERYONE,
    // Webhooks: an organization registers and changes its own; the zone's administrators may disable, enable, delete and
    // redeliver any (another's is NOT_PERMITTED to change otherwise) and alone set the allow-list.
    registerWebhook: WEBHOOK_OWNERS,
    updateWebhook: WEBHOOK_OWNERS,
    disableWebhook: WEBHOOK_OWNERS,
    enableWebhook: WEBHOOK_OWNERS,
    deleteWebhook: WEBHOOK_OWNERS,
    redeliverWebhookDelivery: WEBHOOK_OWNERS,
    setWebhookAllowList: roles('A'),
  },
  // Subscriptions over graphql-ws (src/subscriptions): the CPPCC roles and the zone the proposals they read (the
  // Proposal row rule applied to each event), and everyone the count of its own unread notifications.
  Subscription: {
    proposalEvents: roles('A M O H'),
    unreadNotificationCount: EVERYONE,
  },
};

/**
 * Who manages (creates, disables, enables, resets the password of) the accounts of each role through GraphQL. Issue 15:
 * administrators those of bank officers, representatives and handling units, the CPPCC office those of members.
 * Administrators also those of the office (DOMAIN.md: the zone runs the platform; the office is a CPPCC body with no
 * organization of its own in the registry, and managing its own accounts would let it make more of itself).
 * Administrators' accounts: nobody through GraphQL, only `npm run user` on the server. One administrator's session
 * taken over must not make lasting administrators, nor reset or disable the others (who would then be locked out).
 */
export const ACCOUNT_MANAGERS: Record<Role, Grants> = {
  BANK_OFFICER: roles('A'),
  ENTERPRISE_REP: roles('A'),
  HANDLING_UNIT: roles('A'),
  CPPCC_OFFICE: roles('A'),
  CPPCC_MEMBER: roles('O'),
  ZONE_ADMIN: {},
};

/** May a viewer of role `manager` manage accounts of role `role`? */
export function managesAccountsOf(manager: Role | null, role: Role): boolean {
  return manager !== null && ACCOUNT_MANAGERS[role]?.[manager] === true;
}

/** The roles whose accounts `manager` manages, in the order of the Role enum. */
export function managedRoles(manager: Role | null): Role[] {
  return (Object.values(Role) as Role[]).filter((role) => managesAccountsOf(manager, role));
}

const {
  HIGH_TECH,
  PATENTS,
  FINANCIALS,
  INSTRUMENTS,
  OWN_LOAN,
  SUBMITTED,
  ASSIGNED_TO_UNIT,
  FILED_BY_VIEWER,
  ISSUED_TO_VIEWER,
  GRANTED_TO_VIEWER,
  MANAGED_BY_VIEWER,
  LEADS_OR_WROTE,
  ADDRESSED_TO_VIEWER,
} = Condition;

/**
 * Who reads a proposal: CPPCC members all of them, drafts included (a member co-signs a draft it has read; only its
 * proposers edit it); the office and the zone once submitted; a handling unit what is assigned to it. Never a bank
 * or a representative.
 */
const PROPOSAL_READERS: Grants = {
  ZONE_ADMIN: SUBMITTED,
  CPPCC_MEMBER: true,
  CPPCC_OFFICE: SUBMITTED,
  HANDLING_UNIT: ASSIGNED_TO_UNIT,
};

/**
 * Every instrument: in full for the zone, the enterprise, CPPCC and the lending bank; for any other bank the
 * enterprise gave the INSTRUMENTS scope, as a RestrictedInstrument (kind and status).
 */
function instrument(details: string, terms: string): TypeRule {
  return {
    rows: roles('A R M O', { BANK_OFFICER: INSTRUMENTS }),
    restricted: { as: 'RestrictedInstrument', full: roles('A R M O', { BANK_OFFICER: OWN_LOAN }) },
    owners: { instrumentHolders: true },
    fields: {
      // Seen in full: the others see a RestrictedInstrument (`restricted`). A voided instrument reaches administrators
      // only (by id: Access.seesVoided); to them, its void is plain.
      [`id kind status updatedAt version voidedAt voidReason amount startsOn endsOn defaultedOn enterprise holders ${details}`]: ROWS,
      // Contract numbers, rates, registrations: never CPPCC material; a bank sees only its own.
      ...(terms ? { [terms]: roles('A R', { BANK_OFFICER: OWN_LOAN }) } : {}),
    },
  };
}

const LOAN_DETAILS = 'lender subBranch termMonths';
const LOAN_TERMS = 'contractNumber interestRate ratingUsed';
const BOND_DETAILS = 'code underwriter guarantor rating tenorMonths';
const REFERENCE = { rows: EVERYONE, fields: {} };
const PUBLIC = { rows: EVERYONE, public: true as const };

/** Object types carrying data, with their row and field rules. */
export const TYPES: Record<string, TypeRule> = {
  Enterprise: {
    rows: EVERYONE,
    owners: { self: true },
    fields: {
      // Identity and zone membership: public registration facts, and what a bank sees under any authorisation.
      'id creditCode name nameEn industry highTechField economicSector park cluster foundedOn size registeredCapital isStateOwned university isUniversityAffiliated isListedOnExchange isConvertedInstitute isInvestedByConvertedInstitute isInvestedByAcademia isHighTech highTech updatedAt version':
        ROWS,
      // The bank's own authorization from it (null for every other viewer: the resolver answers for the viewer).
      viewerAuthorization: ROWS,
      // Honours an enterprise is recognised by: published by their issuers, seen as the high-tech certificates are.
      'highTechCertificates qualifications': roles('A R M O H', { BANK_OFFICER: HIGH_TECH }),
      patents: roles('A R M O', { BANK_OFFICER: PATENTS }),
      financialBands: roles('A R M O', { BANK_OFFICER: FINANCIALS }),
      instruments: roles('A R M O', { BANK_OFFICER: INSTRUMENTS }),
      'projects incentivePlans talentAwards taxPilotUsage': roles('A R M O'),
      // Exact figures, credit standing, and who overrode a check character: the zone and the enterprise itself.
      'financials creditCodeOverride creditRatings taxCreditGrades dishonestDebtorChecks': roles('A R'),
    },
  },
  CreditCodeOverride: { rows: roles('A R'), fields: { 'reason by overriddenAt': ROWS } },
  FiscalYearFinancials: {
    rows: roles('A R'),
    owners: { ref: 'enterprise' },
    fields: {
      'id fiscalYear revenue rdExpense rdExpenseInChina highTechRevenue totalIncome totalAssets employees scienceAndTechnologyStaff rdStaff innovationScore hadMajorIncident updatedAt version':
        ROWS,
    },
  },
  FiscalYearBands: {
    rows: roles('A R M O', { BANK_OFFICER: FINANCIALS }),
    owners: { ref: 'enterpriseId' },
    fields: { 'fiscalYear revenue rdIntensity employees isScienceAndTechnologyStaffShareAtLeast10Percent isHighTechRevenueShareAtLeast60Percent': ROWS },
  },
  HighTechCertificate: {
    rows: roles('A R M O H', { BANK_OFFICER: HIGH_TECH }),
    owners: { ref: 'enterprise' },
    fields: { 'id number issuedOn validUntil criteriaVersion updatedAt': ROWS },
  },
  Qualification: {
    rows: roles('A R M O H', { BANK_OFFICER: HIGH_TECH }),
    owners: { ref: 'enterprise' },
    fields: { 'id kind number validFrom validUntil issuer updatedAt': ROWS },
  },
  Patent: {
    rows: roles('A R M O', { BANK_OFFICER: PATENTS }),
    owners: { ref: 'owner' },
    fields: { 'id number title type legalStatus grantedOn owner isPledged appraisals updatedAt version': ROWS },
  },
  PatentAppraisal: {
    rows: roles('A R M O', { BANK_OFFICER: PATENTS }),
    owners: { via: 'patent', type: 'Patent' },
    fields: { 'id appraisedOn appraiser value updatedAt version voidedAt voidReason': ROWS },
  },
  IpPledge: {
    rows: roles('A R M O', { BANK_OFFICER: PATENTS }),
    owners: { via: 'patent', type: 'Patent' },
    fields: { 'id patent appraisal registeredOn cancelledOn updatedAt': ROWS },
  },
  CreditLoan: instrument(LOAN_DETAILS, LOAN_TERMS),
  IpPledgeLoan: instrument(
    `${LOAN_DETAILS} pledges pledgedValue`,
    `${LOAN_TERMS} pledgeRegistrationNumber guarantor guaranteeShare riskCompensationShare loanToValue`,
  ),
  TechInsurancePolicy: instrument('insurer insuranceKind subsidyApproved subsidyClaimed', 'policyNumber premium'),
  Reinsurance: instrument('reinsurer underlyingPolicy', 'treatyNumber cededShare'),
  CollectiveBond: instrument(BOND_DETAILS, 'couponRate'),
  SmeCollectiveNote: instrument(BOND_DETAILS, 'couponRate'),
  ShortTermBill: instrument(BOND_DETAILS, 'couponRate'),
  MediumTermNote: instrument(BOND_DETAILS, 'couponRate'),
  NeeqListing: instrument('stage stageHistory isFirstBatch sponsorBroker stockCode tier', ''),
  RegionalOtcListing: instrument('board center', 'custodyCode'),
  FundInvestment: instrument('fund stake', ''),
  RiskCompensationCover: instrument('pool coveredLoan claims', 'coverageRatio'),
  // What a bank sees of an instrument of an enterprise that gave it the INSTRUMENTS scope, when it is not the lender:
  // only ever shown in place of a full one (`restricted` above), so no other role meets it.
  RestrictedInstrument: {
    rows: { BANK_OFFICER: INSTRUMENTS },
    owners: { instrumentHolders: true },
    fields: { 'id kind status updatedAt': ROWS },
  },
  NeeqStageEntry: { rows: roles('A R M O'), fields: { 'stage reachedOn': ROWS } },
  InstrumentHolder: {
    rows: roles('A R M O', { BANK_OFFICER: INSTRUMENTS }),
    owners: { ref: 'enterprise' },
    // A holder's amount is its part of the instrument's amount, which a bank sees of its own loans only: fetched by
    // id, a holder row must not tell it another lender's amount.
    fields: { 'id enterprise share isLead updatedAt': ROWS, amount: roles('A R M O', { BANK_OFFICER: OWN_LOAN }) },
  },
  RiskCompensationClaim: {
    rows: roles('A R M O'),
    owners: { via: 'cover', type: 'RiskCompensationCover' },
    fields: { 'id claimedOn amount paidAmount status updatedAt': ROWS },
  },
  ResearchProject: {
    rows: roles('A R M O'),
    owners: { projectParticipants: true },
    fields: {
      'id title platform status startsOn endsOn isUnderDisposalRightsPilot totalBudget participants outputs budget updatedAt':
        ROWS,
    },
  },
  ProjectParticipant: {
    rows: roles('A R M O'),
    owners: { via: 'project', type: 'ResearchProject' },
    fields: { 'id role enterprise institution updatedAt': ROWS },
  },
  ProjectOutput: {
    rows: roles('A R M O'),
    owners: { via: 'project', type: 'ResearchProject' },
    fields: { 'id kind title patent updatedAt': ROWS },
  },
  ProjectBudgetLine: {
    rows: roles('A R M O'),
    owners: { via: 'project', type: 'ResearchProject' },
    fields: { 'id source amount updatedAt': ROWS },
  },
  EquityIncentivePlan: {
    rows: roles('A R M O'),
    owners: { ref: 'enterprise' },
    fields: {
      'id title form status approvedOn isPilotKeyUnit totalEquityShare profitShare endsOn projectBasis netAssetIncrease staffInPost enterprise updatedAt': ROWS,
      // Grants name people: personal data.
      grants: roles('A R'),
    },
  },
  EquityGrant: {
    rows: roles('A R'),
    owners: { via: 'plan', type: 'EquityIncentivePlan' },
    fields: {
      'id granteeName position equityShare purchasedShare awardValue isKeyTechnicalStaff grantedOn serviceYears yearsInPost firstExerciseOn lastExerciseOn dividendAmount annualPay updatedAt':
        ROWS,
    },
  },
  TalentAward: {
    rows: roles('A R M O'),
    owners: { ref: 'enterprise' },
    fields: { 'id scheme amount awardedOn batch year updatedAt': ROWS, recipientName: roles('A R') },
  },
  TaxPilotUsage: {
    rows: roles('A R M O'),
    owners: { ref: 'enterprise' },
    fields: { 'id pilot fiscalYear reliefAmount updatedAt': ROWS },
  },
  // A bank reads the authorizations granted to it, of the enterprises it sees (those holding one in force for it):
  // its scopes, purposes and validity, without the signer's name (personal data).
  DataAuthorization: {
    rows: { ...roles('A R'), BANK_OFFICER: GRANTED_TO_VIEWER },
    owners: { ref: 'enterprise' },
    fields: {
      'id enterprise bank scopes purpose validFrom validUntil paperReference grantedBy grantedAt isActive revokedAt revokedBy updatedAt':
        ROWS,
      signer: roles('A R'),
    },
  },
  AuditEvent: {
    rows: roles('A R'),
    owners: { ref: 'enterpriseId' },
    fields: {
      'id occurredAt actor operation enterprise purpose authorization outcome hash change': ROWS,
      // Who signed in: the zone's business (a representative reading its enterprise's trail sees roles and organizations).
      actorUsername: roles('A'),
      // What an import was (its file and rows): the zone's business, which imports.
      import: roles('A'),
    },
  },
  // What a correction or void changed: facts about enterprises (ratings, checks, patents, appraisals), no personal data.
  RecordChange: { rows: roles('A R'), fields: { 'recordId reason before after': ROWS } },
  // Aggregates: a bank's count only its authorising enterprises (instruments only under the INSTRUMENTS scope), and
  // never sum other lenders' amounts or figures; summed figures of fewer than 5 enterprises are the zone's only
  // (portfolio.service.ts MIN_GROUP), so a filter naming one enterprise does not reveal its figures.
  PortfolioSummary: {
    rows: roles('A B M O'),
    fields: {
      'asOf enterpriseCount highTechCount universityAffiliatedCount registeredCapital byIndustry byPark byCluster byInstrumentKind': ROWS,
      byFiscalYear: roles('A M O'),
    },
  },
  IndustryCount: { rows: roles('A B M O'), fields: { 'industry count': ROWS } },
  ParkCount: { rows: roles('A B M O'), fields: { 'park count': ROWS } },
  ClusterCount: { rows: roles('A B M O'), fields: { 'cluster count': ROWS } },
  InstrumentKindSummary: {
    rows: roles('A B M O'),
    fields: { 'kind count activeCount': ROWS, 'totalAmount activeAmount': roles('A M O') },
  },
  FiscalYearTotals: {
    rows: roles('A M O'),
    fields: { 'fiscalYear reporting revenue rdExpense highTechRevenue employees scienceAndTechnologyStaff': ROWS },
  },
  CreditRatingRecord: {
    rows: roles('A R'),
    owners: { ref: 'enterprise' },
    fields: { 'id rating agency ratedOn validUntil updatedAt version voidedAt voidReason': ROWS },
  },
  TaxCreditGrade: {
    rows: roles('A R'),
    owners: { ref: 'enterprise' },
    fields: { 'id year grade evaluatedOn updatedAt': ROWS },
  },
  DishonestDebtorCheck: {
    rows: roles('A R'),
    owners: { ref: 'enterprise' },
    fields: { 'id checkedOn wasListed source updatedAt version voidedAt voidReason': ROWS },
  },
  // Eligibility answers: who may ask whom is the service's row rule (a bank: ELIGIBILITY scope; a representative: its own).
  EligibilityResult: {
    rows: roles('A R B'),
    fields: { 'creditCode enterprise program programme ruleVersion rules asOf isEligible eligible checks benefit receiptId': ROWS },
  },
  // What a bank was answered, kept unchanged: its own bank's and the zone's, whether or not the authorisation is still
  // in force (a dispute comes after); a bank's read of one is recorded against the enterprise it shows. The facts
  // behind the answer are the zone's, who settles a dispute: every figure, rating and check the criteria read, beyond
  // what the answer's details named and the banded financials a bank sees.
  EligibilityReceipt: {
    rows: { ZONE_ADMIN: true, BANK_OFFICER: ISSUED_TO_VIEWER },
    readOf: 'disclosedEnterpriseId',
    fields: { 'id issuedAt program rules asOf creditCode isEligible checks benefit bankCreditCode': ROWS, facts: roles('A') },
  },
  CriterionResult: { rows: roles('A R B'), fields: { 'criterion outcome detail observed required missing': ROWS } },
  // A check's typed figures: what its words say, to whoever is given the check.
  CriterionFigure: { rows: roles('A R B'), fields: { 'name fiscalYear firstFiscalYear subject amount percent count date text isTrue': ROWS } },
  CriterionThreshold: {
    rows: roles('A R B'),
    fields: { 'name alternative fiscalYear firstFiscalYear minimumAmount maximumAmount minimumPercent minimumCount maximumCount minimumDate maximumDate anyOf noneOf isTrue': ROWS },
  },
  MissingFact: { rows: roles('A R B'), fields: { 'name fiscalYear isLaterYearAccepted minimumDate': ROWS } },
  AppliedBenefit: { rows: roles('A R B'), fields: { 'percent basis detail': ROWS } },
  // Programs and their rules: public, so anyone can see what is checked.
  PilotProgram: { ...PUBLIC, fields: { 'id code name nameEn description uptake rules rulesOn updatedAt': ROWS } },
  ProgramRuleVersion: { ...PUBLIC, fields: { 'id version effectiveFrom criteria benefits note recordedBy recordedAt retroactiveReason corrects updatedAt': ROWS } },
  Criterion: {
    ...PUBLIC,
    fields: {
      'kind description minimumYears industries isStateOwned years isEachYearRequired rdBands fields minimum maximum minimumPercent count months minimumRating grades maximumAgeDays kinds minimumEmployees maximumEmployees minimumScore sectors techEnterpriseTypes':
        ROWS,
    },
  },
  RdBand: { ...PUBLIC, fields: { 'revenueUpTo minimumPercent': ROWS } },
  BenefitRate: { ...PUBLIC, fields: { 'percent sectors qualifications basis': ROWS } },
  // CPPCC: banks see none of it.
  Sector: { rows: roles('A R M O H'), fields: { 'id code name updatedAt': ROWS } },
  Party: { rows: roles('A R M O H'), fields: { 'id code name updatedAt': ROWS } },
  CppccMember: { rows: roles('A M O H'), fields: { 'id name sector party levels term retiredOn isActive updatedAt': ROWS } },
  HandlingUnit: { rows: roles('A R M O H'), fields: { 'id name level formerNames updatedAt': ROWS } },
  PolicyRequest: {
    rows: { ...roles('A M O'), ENTERPRISE_REP: FILED_BY_VIEWER },
    fields: { 'id title need enterprises status filedBy proposals updatedAt': ROWS },
  },
  Proposal: {
    rows: PROPOSAL_READERS,
    fields: {
      'id version status level subject reasons recommendations proposerKind proposers cosigners sector party committee requests isKey key isComplex submittedAt rejectionGround reviewNote leadUnit leadUnits coHandlers dueOn dueDate roundStartedOn isOverdue round escalatedFrom escalations evidence timeline replies answer answers mergedInto merged number session assignedOn extension supervision updatedAt':
        ROWS,
      // Co-handlers' opinions go to the lead units and the office, never to the proposers (members).
      coHandlerOpinions: { ZONE_ADMIN: SUBMITTED, CPPCC_OFFICE: SUBMITTED, HANDLING_UNIT: ASSIGNED_TO_UNIT },
    },
  },
  ProposalEvent: { rows: PROPOSAL_READERS, owners: { proposal: 'proposal' }, fields: { 'id occurredAt action status actor note updatedAt': ROWS } },
  ProposalReply: {
    rows: PROPOSAL_READERS,
    owners: { proposal: 'proposal' },
    fields: { 'id unit round isLead category text signedBy publication repliedOn rating ratedOn isOnTime ratings updatedAt': ROWS },
  },
  ReplyRating: { rows: PROPOSAL_READERS, owners: { proposal: 'proposal' }, fields: { 'id proposal rating attitude result ratedOn ratedBy updatedAt': ROWS } },
  // Not the members': a co-handler's opinion is for the lead units (a co-handling unit sees its own) and the office.
  CoHandlerOpinion: {
    rows: { ZONE_ADMIN: SUBMITTED, CPPCC_OFFICE: SUBMITTED, HANDLING_UNIT: LEADS_OR_WROTE },
    owners: { proposal: 'proposal' },
    fields: { 'id unit round text submittedOn isLate updatedAt': ROWS },
  },
  // A proposal's session, extension and supervision: whoever reads the proposal (the unit, its members, the office).
  ProposalSession: { rows: roles('A M O H'), fields: { 'term sessionNumber isDuringPlenary': ROWS } },
  ProposalExtension: { rows: roles('A M O H'), fields: { 'requestedUntil reason requestedAt decision decidedAt note': ROWS } },
  ProposalSupervision: { rows: roles('A M O H'), fields: { 'leaders note designatedAt': ROWS } },
  ProposalEvidence: {
    rows: PROPOSAL_READERS,
    owners: { proposal: 'proposal' },
    fields: { 'id kind title isNamingEnterprises source snapshot attachedAt attachedBy updatedAt': ROWS },
  },
  UnitEvaluation: {
    rows: roles('A O'),
    fields: {
      'unit year proposalsHandled replies categoryA categoryB categoryC onTime ratings attitudeSatisfied attitudeBasicallySatisfied attitudeDissatisfied resultSatisfied resultBasicallySatisfied resultDissatisfied score':
        ROWS,
    },
  },
  HandlingUnitScore: {
    rows: roles('A M O H'),
    fields: { 'unit year replies rated satisfied basicallySatisfied dissatisfied satisfactionRate': ROWS },
  },
  // Accounts: every one to the zone; to the office those it manages (members'). Never the password or its hash.
  Account: {
    rows: { ZONE_ADMIN: true, CPPCC_OFFICE: MANAGED_BY_VIEWER },
    fields: {
      'id username displayName role organization isDisabled disabledAt disabledReason createdAt createdBy lastSignedInAt isLocked lockExpiresAt passwordChangedAt isPasswordChangeRequired updatedAt':
        ROWS,
    },
  },
  // Imports of spreadsheets: the zone's administrators, who import (issue 15 item 3).
  Import: {
    rows: roles('A'),
    fields: { 'id kind fileName fileSha256 fileSize isDryRun status rowCount processedRows problems startedAt finishedAt actor updatedAt': ROWS },
  },
  ImportProblem: { rows: roles('A'), fields: { 'row column code message': ROWS } },
  // Notifications (issue 17): every role its own, those addressed to it, and nobody another's. What it links to is
  // the subject's own row rule's (src/events/notification.service.ts applies it in SQL).
  Notification: {
    rows: {
      ZONE_ADMIN: ADDRESSED_TO_VIEWER,
      ENTERPRISE_REP: ADDRESSED_TO_VIEWER,
      BANK_OFFICER: ADDRESSED_TO_VIEWER,
      CPPCC_MEMBER: ADDRESSED_TO_VIEWER,
      CPPCC_OFFICE: ADDRESSED_TO_VIEWER,
      HANDLING_UNIT: ADDRESSED_TO_VIEWER,
    },
    fields: { 'id kind title occurredAt readAt isRead subjectId recipient': ROWS },
  },
  // Webhooks (issue 17 item 5): an organization its own (addressed to it as its events are), the zone every one. What
  // a delivery or an attempt says is seen through its webhook.
  Webhook: {
    rows: {
      ZONE_ADMIN: true,
      ENTERPRISE_REP: ADDRESSED_TO_VIEWER,
      BANK_OFFICER: ADDRESSED_TO_VIEWER,
      CPPCC_OFFICE: ADDRESSED_TO_VIEWER,
      HANDLING_UNIT: ADDRESSED_TO_VIEWER,
    },
    fields: { 'id url events recipient isEnabled disabledAt createdAt createdBy updatedAt deliveries': ROWS },
  },
  WebhookDelivery: {
    rows: WEBHOOK_OWNERS,
    fields: { 'id eventId kind status attemptCount attempts lastStatusCode lastError createdAt deliveredAt deadAt': ROWS },
  },
  WebhookDeliveryAttempt: { rows: WEBHOOK_OWNERS, fields: { 'number at statusCode error': ROWS } },
  WebhookAllowList: { rows: WEBHOOK_OWNERS, fields: { 'entries updatedAt updatedBy': ROWS } },
  // Reference data: public.
  Bank: { ...REFERENCE, fields: { 'id creditCode name nameEn isPartner isPlanned subBranches updatedAt': ROWS } },
  BankBranch: { ...REFERENCE, fields: { 'id bank name isTechSubBranch updatedAt': ROWS } },
  Insurer: { ...REFERENCE, fields: { 'id name nameEn isReinsurer updatedAt': ROWS } },
  Fund: { ...REFERENCE, fields: { 'id name manager type updatedAt': ROWS } },
  RiskCompensationPool: { ...REFERENCE, fields: { 'id name manager coverageRatio capPerLoan contributors updatedAt': ROWS } },
  Park: { ...REFERENCE, fields: { 'id code name nameEn updatedAt': ROWS } },
  IndustryCluster: { ...REFERENCE, fields: { 'id code name nameEn updatedAt': ROWS } },
  Institution: { ...REFERENCE, fields: { 'id kind name nameEn updatedAt': ROWS } },
};

/**
 * Who reads a voided record (an instrument voided as recorded wrongly, with its reason): by id only, since every list,
 * sum and eligibility check leaves it out for everyone. To anyone else it does not exist (node(id) answers null).
 */
export const VOIDED_READERS: Grants = roles('A');

/** Input fields only some roles may use (checked by the services that read them). */
export const INPUT_FIELDS: Record<string, Grants> = {
  // Who is eligible but not using a program: the zone's outreach, not a bank's or CPPCC's business.
  'EnterpriseFilter.outreach': roles('A'),
};

/** May `role` give this input field? */
export function mayUseInput(field: string, role: Role | null): boolean {
  return role !== null && INPUT_FIELDS[field]?.[role] === true;
}

/** Types with no data of their own: what they hold is screened where it is resolved. */
export const STRUCTURAL: readonly RegExp[] = [
  /^Query$/,
  /^Mutation$/,
  /^Subscription$/,
  // An event of a proposal (src/subscriptions/live.ts): sent only to a viewer who sees its proposal then, judged by the
  // Proposal row rule per event; its proposal is screened where it is resolved.
  /^LiveProposalEvent$/,
  /Connection$/,
  /Edge$/,
  /^PageInfo$/,
  /Payload$/,
  /Error$/,
  /^Viewer$/,
  // The viewer's own account (username and name), for its own session only.
  /^ViewerAccount$/,
  // Who did something: its organization is screened as the record it is (a Bank, an Enterprise …), its name with it.
  /^Actor$/,
];

/** Who is shown an object of this type as this type: in full when it has a restricted form, else whoever sees it. */
export const shownAsType = (rule: TypeRule): Grants => rule.restricted?.full ?? rule.rows;

/** Field → grants, expanded from the groups, per type (built once). */
export const FIELD_GRANTS: ReadonlyMap<string, ReadonlyMap<string, Grants>> = new Map(
  Object.entries(TYPES).map(([type, rule]) => {
    const fields = new Map<string, Grants>();
    for (const [group, grants] of Object.entries(rule.fields)) {
      for (const field of group.split(/\s+/).filter(Boolean)) {
        if (fields.has(field)) throw new Error(`policy: ${type}.${field} is listed twice`);
        fields.set(field, grants === ROWS ? shownAsType(rule) : grants);
      }
    }
    return [type, fields];
  }),
);

/**
 * Is `type.field` masked for some viewer who is shown the object (granted to fewer, or under other conditions, than
 * the object itself)? Such a field is nullable, says so in its description, and answers such a viewer with null and
 * a FORBIDDEN error.
 */
export function isMaskable(type: string, field: string): boolean {
  const rule = TYPES[type];
  if (!rule || rule.public) return false;
  const grants = FIELD_GRANTS.get(type)?.get(field);
  if (!grants) return true; // no decision: closed to everyone
  const shown = shownAsType(rule);
  return (Object.keys(shown) as Role[]).some((r) => grants[r] === undefined || (grants[r] !== true && grants[r] !== shown[r]));
}

/** The scope conditions: a bank's authorization from the enterprise must include the scope of the same name. */
const SCOPES: ReadonlySet<Condition> = new Set([Condition.HIGH_TECH, Condition.PATENTS, Condition.FINANCIALS, Condition.INSTRUMENTS]);

/**
 * What a masked field's FORBIDDEN error carries in `extensions`, beside `code` (README "Who sees what"):
 * - `reason`: `ROLE` (the viewer's role never sees it), `SCOPE` (a bank whose authorizations from the enterprise lack
 *   `requiredScope`) or `CONDITION` (the role sees it under `condition`, which does not hold: `OWN_LOAN`, another
 *   lender's loan);
 * - `allowedRoles`: every role that may see it (some under a scope or condition);
 * - `requiredScope`: the AuthorizationScope that would grant it (reason SCOPE);
 * - `condition`: the condition that would grant it (reason CONDITION).
 */
export interface MaskedExtensions {
  reason: 'ROLE' | 'SCOPE' | 'CONDITION';
  allowedRoles: Role[];
  requiredScope?: string;
  condition?: string;
}

/** Why `type.field` is masked for a viewer of `role` (whose grant, if any, did not hold). */
export function maskedExtensions(type: string, field: string, role: Role | null): MaskedExtensions {
  const grants = FIELD_GRANTS.get(type)?.get(field) ?? {};
  const allowedRoles = (Object.values(Role) as Role[]).filter((r) => grants[r] !== undefined);
  const grant = role ? grants[role] : undefined;
  if (grant === undefined || grant === true) return { reason: 'ROLE', allowedRoles };
  if (SCOPES.has(grant)) return { reason: 'SCOPE', allowedRoles, requiredScope: grant };
  return { reason: 'CONDITION', allowedRoles, condition: grant };
}

/** The grant of `role` on a field (undefined: denied). */
export function fieldGrant(type: string, field: string, role: Role): Grant | undefined {
  return FIELD_GRANTS.get(type)?.get(field)?.[role];
}

/** May `role` call this root field at all? */
export function mayCall(parent: 'Query' | 'Mutation' | 'Subscription', field: string, role: Role | null): boolean {
  const grants = (ROOT[parent] as Record<string, Grants | 'PUBLIC'>)[field];
  if (grants === 'PUBLIC') return true;
  return role !== null && grants?.[role] === true;
}
