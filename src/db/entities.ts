import { Account, AccountSession, SignInFailure } from '../modules/account/account.entity';
import { AuditEvent } from '../modules/audit/audit.entity';
import { DataAuthorization } from '../modules/authorization/authorization.entity';
import {
  CppccMember,
  HandlingUnit,
  Party,
  PolicyRequest,
  Proposal,
  ProposalEvent,
  ProposalEvidence,
  ProposalReply,
  ReplyRating,
  CoHandlerOpinion,
  Sector,
} from '../modules/cppcc/cppcc.entity';
import { CreditRatingRecord, DishonestDebtorCheck, TaxCreditGrade } from '../modules/credit/credit.entity';
import { PilotProgram, ProgramRuleVersion } from '../modules/eligibility/program.entity';
import { EligibilityReceipt } from '../modules/eligibility/receipt.entity';
import { Enterprise } from '../modules/enterprise/enterprise.entity';
import { FiscalYearFinancials, HighTechCertificate } from '../modules/enterprise/financials.entity';
import { IndustryCluster, Park } from '../modules/enterprise/park.entity';
import { Bank, BankBranch, Fund, Insurer, RiskCompensationPool } from '../modules/finance/counterparty.entity';
import {
  FinancingInstrument,
  INSTRUMENT_CLASSES,
  InstrumentHolder,
  IpPledge,
  RiskCompensationClaim,
} from '../modules/finance/instrument.entity';
import { EquityGrant, EquityIncentivePlan, TalentAward } from '../modules/incentive/incentive.entity';
import { Import } from '../modules/imports/import.entity';
import { Institution } from '../modules/institution/institution.entity';
import { Patent, PatentAppraisal } from '../modules/ip/patent.entity';
import { Qualification } from '../modules/qualification/qualification.entity';
import { ProjectBudgetLine, ProjectOutput, ProjectParticipant, ResearchProject } from '../modules/project/project.entity';
import { TaxPilotUsage } from '../modules/tax/tax.entity';
import { OutboxEvent } from '../events/outbox';
import { Notification } from '../events/notification.entity';
import { Webhook, WebhookDelivery, WebhookSettings } from '../events/webhook.entity';

/**
 * Every MikroORM entity, listed rather than discovered by folder scan so that the same list works from TypeScript
 * (jest) and from the compiled `dist/`. A module adds its entities here.
 */
export const entities: Function[] = [
  Account,
  AccountSession,
  SignInFailure,
  Institution,
  Park,
  IndustryCluster,
  Enterprise,
  FiscalYearFinancials,
  HighTechCertificate,
  Qualification,
  Patent,
  PatentAppraisal,
  Bank,
  BankBranch,
  Insurer,
  Fund,
  RiskCompensationPool,
  FinancingInstrument,
  ...Object.values(INSTRUMENT_CLASSES),
  InstrumentHolder,
  IpPledge,
  RiskCompensationClaim,
  ResearchProject,
  ProjectParticipant,
  ProjectBudgetLine,
  ProjectOutput,
  EquityIncentivePlan,
  EquityGrant,
  TalentAward,
  TaxPilotUsage,
  AuditEvent,
  DataAuthorization,
  CreditRatingRecord,
  TaxCreditGrade,
  DishonestDebtorCheck,
  PilotProgram,
  ProgramRuleVersion,
  EligibilityReceipt,
  Sector,
  Party,
  CppccMember,
  HandlingUnit,
  PolicyRequest,
  Proposal,
  ProposalEvent,
  ProposalReply,
  ReplyRating,
  CoHandlerOpinion,
  ProposalEvidence,
  Import,
  OutboxEvent,
  Notification,
  Webhook,
  WebhookDelivery,
  WebhookSettings,
];
