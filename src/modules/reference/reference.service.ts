import type { EntityClass } from '@mikro-orm/core';
import type { RequestContext } from '../../context';
import { checkCreditCode } from '../../common/credit-code';
import { DuplicateError, NotFoundError, Problems } from '../../common/mutation-errors';
import { flushOutcome, type Outcome, refused } from '../../common/outcome';
import { optionalText, percent, positiveAmount, requiredText } from '../../common/validate';
import { IndustryCluster, Park } from '../enterprise/park.entity';
import { Bank, BankBranch, Fund, Insurer, RiskCompensationPool } from '../finance/counterparty.entity';
import { Institution } from '../institution/institution.entity';
import type {
  CodedNameInput,
  RecordBankBranchInput,
  RecordBankInput,
  RecordFundInput,
  RecordIndustryClusterInput,
  RecordInstitutionInput,
  RecordInsurerInput,
  RecordParkInput,
  RecordRiskCompensationPoolInput,
} from './reference.inputs';

/** Refuses a second record with the same unique value, before and (as a race) at the flush. */
async function createUnique<T extends object>(
  ctx: RequestContext,
  problems: Problems,
  entity: EntityClass<T>,
  key: { field: string; property: string; value: string; label: string },
  data: Record<string, unknown>,
): Promise<Outcome<T>> {
  const duplicate = () => new DuplicateError(key.field, `${key.label} ${key.value} is recorded already.`);
  if (key.value && (await ctx.em.count(entity, { [key.property]: key.value } as never))) problems.add(duplicate());
  if (problems.any) return refused(problems.list);
  return flushOutcome(ctx, ctx.em.create(entity, data as never), { duplicate });
}

const CODE = /^[A-Z][A-Z0-9_]{1,39}$/;

function codedName(problems: Problems, input: CodedNameInput) {
  if (!CODE.test(input.code)) problems.invalid('input.code', 'A code is 2–40 capital letters, digits or underscores, starting with a letter.');
  return { code: input.code, name: requiredText(problems, 'input.name', input.name), nameEn: optionalText(problems, 'input.nameEn', input.nameEn) };
}

export function recordPark(ctx: RequestContext, input: RecordParkInput) {
  const problems = new Problems();
  const data = codedName(problems, input);
  return createUnique(ctx, problems, Park, { field: 'input.code', property: 'code', value: input.code, label: 'Park' }, data);
}

export function recordIndustryCluster(ctx: RequestContext, input: RecordIndustryClusterInput) {
  const problems = new Problems();
  const data = codedName(problems, input);
  return createUnique(ctx, problems, IndustryCluster, { field: 'input.code', property: 'code', value: input.code, label: 'Cluster' }, data);
}

export function recordInstitution(ctx: RequestContext, input: RecordInstitutionInput) {
  const problems = new Problems();
  const name = requiredText(problems, 'input.name', input.name) ?? '';
  const data = { name, nameEn: optionalText(problems, 'input.nameEn', input.nameEn), kind: input.kind };
  return createUnique(ctx, problems, Institution, { field: 'input.name', property: 'name', value: name, label: 'Institution' }, data);
}

/** Records a bank; its credit code must pass its check character (a bank is not an early-registered SME). */
export function recordBank(ctx: RequestContext, input: RecordBankInput) {
  const problems = new Problems();
  const check = checkCreditCode(input.creditCode);
  if (!check.ok) problems.invalid('input.creditCode', check.message);
  const data = {
    creditCode: input.creditCode,
    name: requiredText(problems, 'input.name', input.name),
    nameEn: optionalText(problems, 'input.nameEn', input.nameEn),
    isPartner: input.isPartner,
    isPlanned: input.isPlanned,
  };
  if (input.isPartner && input.isPlanned) problems.invalid('input.isPartner', 'A planned bank cannot take part in the pilots yet.');
  return createUnique(ctx, problems, Bank, { field: 'input.creditCode', property: 'creditCode', value: input.creditCode, label: 'Bank' }, data);
}

export async function recordBankBranch(ctx: RequestContext, input: RecordBankBranchInput): Promise<Outcome<BankBranch>> {
  const problems = new Problems();
  const bank = await ctx.em.findOne(Bank, { creditCode: input.bankCreditCode });
  if (!bank) problems.add(new NotFoundError('input.bankCreditCode', `No bank with credit code ${input.bankCreditCode}.`));
  const name = requiredText(problems, 'input.name', input.name) ?? '';
  return createUnique(ctx, problems, BankBranch, { field: 'input.name', property: 'name', value: name, label: 'Sub-branch' }, {
    bank,
    name,
    isTechSubBranch: input.isTechSubBranch,
  });
}

export function recordInsurer(ctx: RequestContext, input: RecordInsurerInput) {
  const problems = new Problems();
  const name = requiredText(problems, 'input.name', input.name) ?? '';
  const data = { name, nameEn: optionalText(problems, 'input.nameEn', input.nameEn), isReinsurer: input.isReinsurer };
  return createUnique(ctx, problems, Insurer, { field: 'input.name', property: 'name', value: name, label: 'Insurer' }, data);
}

export function recordFund(ctx: RequestContext, input: RecordFundInput) {
  const problems = new Problems();
  const name = requiredText(problems, 'input.name', input.name) ?? '';
  const data = { name, manager: requiredText(problems, 'input.manager', input.manager), type: input.type };
  return createUnique(ctx, problems, Fund, { field: 'input.name', property: 'name', value: name, label: 'Fund' }, data);
}

export function recordRiskCompensationPool(ctx: RequestContext, input: RecordRiskCompensationPoolInput) {
  const problems = new Problems();
  const name = requiredText(problems, 'input.name', input.name) ?? '';
  percent(problems, 'input.coverageRatio', input.coverageRatio);
  positiveAmount(problems, 'input.capPerLoan', input.capPerLoan);
  const contributors = input.contributors.map((c, i) => requiredText(problems, `input.contributors.${i}`, c) ?? '');
  if (contributors.length === 0) problems.invalid('input.contributors', 'A pool has at least one contributor.');
  const data = {
    name,
    manager: requiredText(problems, 'input.manager', input.manager),
    contributors,
    coverageRatio: input.coverageRatio,
    capPerLoan: input.capPerLoan,
  };
  return createUnique(ctx, problems, RiskCompensationPool, { field: 'input.name', property: 'name', value: name, label: 'Pool' }, data);
}
