/**
 * Opaque global ids for `Node` (API v1). An id is a stable tag of its kind of record, an underscore and the record's
 * uuid as 22 base64url characters, e.g. `ENT_3q2-7wAAQACAAAAAAAAAAQ`: short, URL-safe, and independent of GraphQL type
 * names, so renaming a type never breaks an id a client stored. The tag is fixed forever once an id has been
 * issued: a new kind of record gets a new tag here, a renamed type keeps its tag under its new name, and a test
 * (test/global-ids.test.ts) fails when a `Node` type has no tag or two share one. Clients must not parse ids.
 *
 * Ids issued before API v1 (base64url of "TypeName:uuid") are still read, for the type names of that time
 * (`LEGACY_TYPE_NAMES`), because they sit in stored audit events, stored actors and tokens; they are never issued.
 */
export const NODE_TAGS = {
  Account: 'ACC',
  Bank: 'BNK',
  BankBranch: 'BBR',
  CoHandlerOpinion: 'CHO',
  CollectiveBond: 'CBD',
  CppccMember: 'CPM',
  CreditLoan: 'CRL',
  CreditRatingRecord: 'CRR',
  DataAuthorization: 'DAU',
  DishonestDebtorCheck: 'DDC',
  EligibilityReceipt: 'ELR',
  Enterprise: 'ENT',
  EquityGrant: 'EQG',
  EquityIncentivePlan: 'EIP',
  FiscalYearFinancials: 'FYF',
  Fund: 'FND',
  FundInvestment: 'FIV',
  HandlingUnit: 'HUN',
  HighTechCertificate: 'HTC',
  Import: 'IMP',
  IndustryCluster: 'ICL',
  Institution: 'INS',
  InstrumentHolder: 'IHD',
  Insurer: 'ISR',
  IpPledge: 'IPP',
  IpPledgeLoan: 'IPL',
  MediumTermNote: 'MTN',
  NeeqListing: 'NQL',
  Park: 'PRK',
  Party: 'PTY',
  Patent: 'PAT',
  PatentAppraisal: 'PAP',
  PilotProgram: 'PGM',
  PolicyRequest: 'PRQ',
  ProgramRuleVersion: 'PRV',
  ProjectBudgetLine: 'PBL',
  ProjectOutput: 'POU',
  ProjectParticipant: 'PPA',
  Proposal: 'PRO',
  ProposalEvent: 'PEV',
  ProposalEvidence: 'PED',
  ProposalReply: 'PRP',
  Qualification: 'QLF',
  RegionalOtcListing: 'ROL',
  ReplyRating: 'RRT',
  Reinsurance: 'RIN',
  ResearchProject: 'RPJ',
  RiskCompensationClaim: 'RCC',
  RiskCompensationCover: 'RCV',
  RiskCompensationPool: 'RCP',
  Sector: 'SEC',
  ShortTermBill: 'STB',
  SmeCollectiveNote: 'SCN',
  TalentAward: 'TAW',
  TaxCreditGrade: 'TCG',
  TaxPilotUsage: 'TPU',
  TechInsurancePolicy: 'TIP',
} as const satisfies Record<string, string>;

/**
 * Type names of ids issued before API v1 that name a type since renamed: old name → current name. A rename adds its
 * old name here (and keeps the tag in NODE_TAGS under the new name).
 */
export const LEGACY_TYPE_NAMES: Record<string, string> = {
  PilotProgramme: 'PilotProgram',
  ProgrammeRuleVersion: 'ProgramRuleVersion',
};

const TYPE_OF_TAG = new Map<string, string>(Object.entries(NODE_TAGS).map(([type, tag]) => [tag, type]));

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const V1 = /^([A-Z]{3})_([A-Za-z0-9_-]{22})$/;

/** The global id of record `id` (a uuid) of GraphQL type `type`. */
export function toGlobalId(type: string, id: string): string {
  const tag = (NODE_TAGS as Record<string, string>)[type];
  if (tag === undefined) throw new Error(`No global-id tag for type ${type}: add one to NODE_TAGS.`);
  return `${tag}_${Buffer.from(id.replace(/-/g, ''), 'hex').toString('base64url')}`;
}

function uuidOf(bytes: Buffer): string {
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The type and uuid of a global id, or null when it is not one of ours. */
export function fromGlobalId(globalId: string): { type: string; id: string } | null {
  const v1 = V1.exec(globalId);
  if (v1) {
    const type = TYPE_OF_TAG.get(v1[1]!);
    const bytes = Buffer.from(v1[2]!, 'base64url');
    // 22 characters carry 132 bits: the last two must be zero, or the id was not written by toGlobalId.
    if (type === undefined || bytes.length !== 16 || bytes.toString('base64url') !== v1[2]) return null;
    return { type, id: uuidOf(bytes) };
  }
  return fromLegacyId(globalId);
}

/** An id issued before API v1: base64url of "TypeName:uuid". */
function fromLegacyId(globalId: string): { type: string; id: string } | null {
  if (!/^[A-Za-z0-9_-]+$/.test(globalId)) return null;
  const decoded = Buffer.from(globalId, 'base64url').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) return null;
  const name = decoded.slice(0, colon);
  const id = decoded.slice(colon + 1);
  const type = LEGACY_TYPE_NAMES[name] ?? name;
  return type in NODE_TAGS && UUID.test(id) ? { type, id } : null;
}
