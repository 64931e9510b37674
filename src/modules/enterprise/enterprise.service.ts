import type { EntityData } from '@mikro-orm/core';
import type { RequestContext } from '../../context';
import { checkCreditCode } from '../../common/credit-code';
import { compareDecimal } from '../../common/decimal';
import { actorOf, flushOutcome, type Outcome, refused } from '../../common/outcome';
import {
  CheckCharacterMismatchError,
  DuplicateError,
  NotFoundError,
  Problems,
  StaleVersionError,
  notPermitted,
} from '../../common/mutation-errors';
import {
  dateOrder,
  idOf,
  nonNegativeAmount,
  notInFuture,
  optionalText,
  positiveAmount,
  requiredText,
  wholeNumber,
} from '../../common/validate';
import { InstitutionKind } from '../institution/institution.entity';
import { Enterprise } from './enterprise.entity';
import type {
  CreateEnterpriseInput,
  RecordFiscalYearInput,
  RecordHighTechCertificateInput,
  UpdateEnterpriseInput,
} from './enterprise.inputs';
import { zoneToday } from '../../clock';
import { FiscalYearFinancials, HighTechCertificate } from './financials.entity';
import { HighTechCriteriaVersion } from './enums';
import { RegistryFacts } from './registry-facts';

/**
 * Finds the enterprise a change is for: NOT_FOUND under `field` when none is registered, NOT_PERMITTED when the
 * viewer may not change it (policy.ts: a representative writes its own enterprise only).
 */
export async function enterpriseByCode(
  ctx: RequestContext,
  problems: Problems,
  field: string,
  creditCode: string,
  facts: RegistryFacts = new RegistryFacts(ctx.em),
): Promise<Enterprise | null> {
  // Permission before lookup, so a representative learns nothing about another enterprise.
  if (!ctx.access.mayWrite(creditCode)) {
    problems.add(notPermitted(field, 'A representative changes its own enterprise’s data only.').inChinese('企业代表只能修改本企业的数据。'));
    return null;
  }
  const enterprise = await facts.enterprise(creditCode);
  if (!enterprise) {
    problems.add(
      new NotFoundError(field, `No enterprise with credit code ${creditCode} is registered.`).inChinese(`没有登记统一社会信用代码为 ${creditCode} 的企业。`),
    );
  }
  return enterprise;
}

async function resolveParkAndCluster(
  facts: RegistryFacts,
  problems: Problems,
  parkCode: string | null | undefined,
  clusterCode: string | null | undefined,
) {
  const park = parkCode ? await facts.park(parkCode) : undefined;
  if (parkCode && !park) problems.add(new NotFoundError('input.parkCode', `No park has the code ${parkCode}.`).inChinese(`没有代码为 ${parkCode} 的园区。`));
  const cluster = clusterCode ? await facts.cluster(clusterCode) : undefined;
  if (clusterCode && !cluster) {
    problems.add(new NotFoundError('input.clusterCode', `No industry cluster has the code ${clusterCode}.`).inChinese(`没有代码为 ${clusterCode} 的产业集群。`));
  }
  return { park, cluster };
}

async function resolveUniversity(facts: RegistryFacts, problems: Problems, universityId: string | null | undefined) {
  if (!universityId) return undefined;
  const id = idOf(problems, 'input.universityId', universityId, 'Institution');
  if (!id) return undefined;
  const university = await facts.institution(id);
  if (!university) problems.add(new NotFoundError('input.universityId', 'No such university.').inChinese('没有这所高校。'));
  else if (university.kind !== InstitutionKind.UNIVERSITY) {
    problems.invalid('input.universityId', `${university.name} is a research institute, not a university.`, `${university.name}是科研院所，不是高校。`);
  }
  return university ?? undefined;
}

const alreadyRegistered = (code: string) =>
  new DuplicateError('input.creditCode', `An enterprise with credit code ${code} is registered already.`).inChinese(`统一社会信用代码为 ${code} 的企业已经登记。`);

/**
 * The rules of registering an enterprise, shared by `createEnterprise` and the import of enterprises
 * (src/modules/imports): the enterprise's values to create it with, or null with the problems in `problems`.
 */
export async function enterpriseToCreate(
  ctx: RequestContext,
  input: CreateEnterpriseInput,
  problems: Problems,
  facts: RegistryFacts,
): Promise<EntityData<Enterprise> | null> {
  const today = zoneToday();
  const check = checkCreditCode(input.creditCode);
  const overrideReason = optionalText(problems, 'input.checkCharacterOverride.reason', input.checkCharacterOverride?.reason, 500);
  if (!check.ok && check.reason === 'FORMAT') problems.invalid('input.creditCode', check.message, check.chinese);
  if (!check.ok && check.reason === 'CHECK_CHARACTER') {
    if (!input.checkCharacterOverride) {
      problems.add(
        new CheckCharacterMismatchError(
          'input.creditCode',
          `${check.message} Give checkCharacterOverride with a reason if this code was legally issued so.`,
          check.expected,
        ).inChinese(`${check.chinese}如该代码确系依法如此核发，请填写校验码例外理由。`),
      );
    } else if (!overrideReason) {
      problems.invalid('input.checkCharacterOverride.reason', 'An override needs a reason.', '接受校验码不符的代码须说明理由。');
    }
  }
  const name = requiredText(problems, 'input.name', input.name);
  const nameEn = optionalText(problems, 'input.nameEn', input.nameEn);
  positiveAmount(problems, 'input.registeredCapital', input.registeredCapital);
  notInFuture(problems, 'input.foundedOn', input.foundedOn, today);
  const { park, cluster } = await resolveParkAndCluster(facts, problems, input.parkCode, input.clusterCode);
  const university = await resolveUniversity(facts, problems, input.universityId);
  const code = input.creditCode.trim().toUpperCase();
  if (await facts.enterprise(code)) problems.add(alreadyRegistered(code));
  if (problems.any) return null;
  return {
    creditCode: code,
    name: name!,
    nameEn,
    industry: input.industry,
    highTechField: input.highTechField ?? null,
    economicSector: input.economicSector ?? null,
    park: park!,
    cluster: cluster ?? null,
    foundedOn: input.foundedOn,
    registeredCapital: input.registeredCapital,
    size: input.size,
    isStateOwned: input.isStateOwned ?? false,
    university: university ?? null,
    isListedOnExchange: input.isListedOnExchange ?? null,
    isConvertedInstitute: input.isConvertedInstitute ?? null,
    isInvestedByConvertedInstitute: input.isInvestedByConvertedInstitute ?? null,
    isInvestedByAcademia: input.isInvestedByAcademia ?? null,
    ...(check.ok ? {} : { creditCodeOverrideReason: overrideReason, creditCodeOverriddenBy: actorOf(ctx), creditCodeOverriddenAt: new Date() }),
  } as EntityData<Enterprise>;
}

/** Registers an enterprise. */
export async function createEnterprise(ctx: RequestContext, input: CreateEnterpriseInput): Promise<Outcome<Enterprise>> {
  const problems = new Problems();
  const data = await enterpriseToCreate(ctx, input, problems, new RegistryFacts(ctx.em));
  if (!data) return refused(problems.list);
  const enterprise = ctx.em.create(Enterprise, data as never);
  return flushOutcome(ctx, enterprise, { duplicate: () => alreadyRegistered(enterprise.creditCode) });
}

/** Changes an enterprise; refused when `input.version` is not the current one. */
export async function updateEnterprise(ctx: RequestContext, input: UpdateEnterpriseInput): Promise<Outcome<Enterprise>> {
  const problems = new Problems();
  const version = input.version;
  const id = idOf(problems, 'input.id', input.id, 'Enterprise');
  const enterprise = id ? await ctx.em.findOne(Enterprise, id) : null;
  if (enterprise && !ctx.access.mayWrite(enterprise.creditCode)) {
    return refused([notPermitted('input.id', 'A representative changes its own enterprise’s data only.')]);
  }
  if (id && !enterprise) problems.add(new NotFoundError('input.id', 'No such enterprise.'));
  if (!enterprise) return refused(problems.list);
  if (enterprise.version !== version) return refused([new StaleVersionError(`Enterprise ${enterprise.creditCode}`, version, enterprise.version)]);

  const changes: Partial<Enterprise> = {};
  if (input.name !== undefined && input.name !== null) changes.name = requiredText(problems, 'input.name', input.name);
  if (input.nameEn !== undefined) changes.nameEn = optionalText(problems, 'input.nameEn', input.nameEn);
  if (input.industry) changes.industry = input.industry;
  if (input.highTechField !== undefined) changes.highTechField = input.highTechField;
  if (input.economicSector !== undefined) changes.economicSector = input.economicSector;
  if (input.foundedOn) {
    notInFuture(problems, 'input.foundedOn', input.foundedOn, zoneToday());
    changes.foundedOn = input.foundedOn;
  }
  if (input.registeredCapital) {
    positiveAmount(problems, 'input.registeredCapital', input.registeredCapital);
    changes.registeredCapital = input.registeredCapital;
  }
  if (input.size) changes.size = input.size;
  if (input.isStateOwned != null) changes.isStateOwned = input.isStateOwned;
  // Unknown is a value of its own here: null says the registry no longer knows.
  for (const fact of ['isListedOnExchange', 'isConvertedInstitute', 'isInvestedByConvertedInstitute', 'isInvestedByAcademia'] as const) {
    if (input[fact] !== undefined) changes[fact] = input[fact];
  }
  const facts = new RegistryFacts(ctx.em);
  const { park, cluster } = await resolveParkAndCluster(facts, problems, input.parkCode, input.clusterCode || null);
  const university = await resolveUniversity(facts, problems, input.universityId || null);
  if (problems.any) return refused(problems.list);

  ctx.em.assign(enterprise, changes as never);
  if (park) enterprise.park = park as never;
  if (input.clusterCode === '') enterprise.cluster = null;
  else if (cluster) enterprise.cluster = cluster as never;
  if (input.universityId === '') enterprise.university = null;
  else if (university) enterprise.university = university as never;
  return flushOutcome(ctx, enterprise, {
    stale: async () => {
      const current = await ctx.em.findOneOrFail(Enterprise, enterprise.id);
      return new StaleVersionError(`Enterprise ${enterprise.creditCode}`, version, current.version);
    },
  });
}

/**
 * The rules of one fiscal year's figures, shared by `recordFiscalYear` and the import of fiscal-year figures
 * (src/modules/imports): the year recorded already (to correct, with its version) or null for a new one, and the
 * figures to write; or null with the problems in `problems`.
 */
export async function fiscalYearToRecord(
  ctx: RequestContext,
  input: RecordFiscalYearInput,
  problems: Problems,
  facts: RegistryFacts,
): Promise<{ enterprise: Enterprise; existing: FiscalYearFinancials | null; figures: EntityData<FiscalYearFinancials> } | null> {
  const enterprise = await enterpriseByCode(ctx, problems, 'input.creditCode', input.creditCode, facts);
  const thisYear = Number(zoneToday().slice(0, 4));
  wholeNumber(problems, 'input.fiscalYear', input.fiscalYear, 1949, thisYear);
  positiveAmount(problems, 'input.revenue', input.revenue);
  nonNegativeAmount(problems, 'input.rdExpense', input.rdExpense);
  nonNegativeAmount(problems, 'input.rdExpenseInChina', input.rdExpenseInChina);
  nonNegativeAmount(problems, 'input.highTechRevenue', input.highTechRevenue);
  positiveAmount(problems, 'input.totalAssets', input.totalAssets);
  wholeNumber(problems, 'input.employees', input.employees, 1, 10_000_000);
  wholeNumber(problems, 'input.scienceAndTechnologyStaff', input.scienceAndTechnologyStaff, 0, 10_000_000);
  if (input.innovationScore != null) wholeNumber(problems, 'input.innovationScore', input.innovationScore, 0, 100);
  if (input.rdStaff != null) {
    wholeNumber(problems, 'input.rdStaff', input.rdStaff, 0, 10_000_000);
    if (input.rdStaff > input.scienceAndTechnologyStaff) {
      problems.invalid(
        'input.rdStaff',
        'rdStaff cannot be more than scienceAndTechnologyStaff: R&D staff are science and technology staff.',
        '研发人员不能多于科技人员：研发人员是科技人员的一部分。',
      );
    }
  }
  if (input.totalIncome != null) {
    positiveAmount(problems, 'input.totalIncome', input.totalIncome);
    if (compareDecimal(input.totalIncome, input.revenue) < 0) {
      problems.invalid('input.totalIncome', 'totalIncome cannot be less than revenue: it includes it.', '收入总额不能少于销售收入：收入总额包括销售收入。');
    }
  }
  if (compareDecimal(input.rdExpenseInChina, input.rdExpense) > 0) {
    problems.invalid('input.rdExpenseInChina', 'rdExpenseInChina cannot be more than rdExpense.', '境内研发费用不能多于研发费用。');
  }
  if (compareDecimal(input.highTechRevenue, input.revenue) > 0) {
    problems.invalid('input.highTechRevenue', 'highTechRevenue cannot be more than revenue.', '高新技术产品（服务）收入不能多于销售收入。');
  }
  if (input.scienceAndTechnologyStaff > input.employees) {
    problems.invalid('input.scienceAndTechnologyStaff', 'scienceAndTechnologyStaff cannot be more than employees.', '科技人员不能多于职工总数。');
  }
  if (!enterprise || problems.any) return null;

  const existing = await facts.fiscalYear(enterprise, input.fiscalYear);
  const what = `Fiscal year ${input.fiscalYear} of ${enterprise.creditCode}`;
  if (existing && input.version == null) {
    problems.add(
      new DuplicateError('input.fiscalYear', `${what} is recorded already (version ${existing.version}); send version to correct it.`).inChinese(
        `${enterprise.creditCode} 的 ${input.fiscalYear} 年度数据已经录入（第 ${existing.version} 版）。`,
      ),
    );
    return null;
  }
  if (existing && input.version !== existing.version) {
    problems.add(new StaleVersionError(what, input.version!, existing.version));
    return null;
  }
  if (!existing && input.version != null) {
    problems.add(new NotFoundError('input.version', `${what} is not recorded yet: omit version.`));
    return null;
  }
  // The figures of a year are given whole: one left out of a correction is no longer known (null), not kept.
  const { creditCode: _code, version: _version, ...given } = input;
  const figures = {
    ...given,
    rdStaff: input.rdStaff ?? null,
    totalIncome: input.totalIncome ?? null,
    totalAssets: input.totalAssets ?? null,
    innovationScore: input.innovationScore ?? null,
    hadMajorIncident: input.hadMajorIncident ?? null,
  } as EntityData<FiscalYearFinancials>;
  return { enterprise, existing, figures };
}

/** Records one fiscal year's figures; correcting a recorded year needs its current version. */
export async function recordFiscalYear(ctx: RequestContext, input: RecordFiscalYearInput): Promise<Outcome<FiscalYearFinancials>> {
  const problems = new Problems();
  const year = await fiscalYearToRecord(ctx, input, problems, new RegistryFacts(ctx.em));
  if (!year) return refused(problems.list);
  const { enterprise, existing, figures } = year;
  const what = `Fiscal year ${input.fiscalYear} of ${enterprise.creditCode}`;
  const record = existing ?? ctx.em.create(FiscalYearFinancials, { enterprise, ...figures } as never);
  if (existing) ctx.em.assign(existing, figures as never);
  return flushOutcome(ctx, record, {
    duplicate: () => new DuplicateError('input.fiscalYear', `${what} was recorded meanwhile.`),
    stale: async () => new StaleVersionError(what, input.version ?? 0, (await ctx.em.findOneOrFail(FiscalYearFinancials, record.id)).version),
  });
}

/**
 * GR + year + province + serial; GF for a certificate renewed on re-examination (复审) under the 2008 rules
 * (国科发火〔2008〕172号), which the 2016 rules abolished (a renewal is a new application, numbered GR).
 */
const CERTIFICATE_NUMBER = /^G[RF](19|20)\d{2}\d{2}\d{6}$/;

/** Adds three years to a date, less a day: a certificate issued 2023-11-20 is valid through 2026-11-19. */
export function threeYearsFrom(issuedOn: string): string {
  const d = new Date(`${issuedOn}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + 3);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** Records a high-tech enterprise certificate. */
export async function recordHighTechCertificate(
  ctx: RequestContext,
  input: RecordHighTechCertificateInput,
): Promise<Outcome<HighTechCertificate>> {
  const problems = new Problems();
  const enterprise = await enterpriseByCode(ctx, problems, 'input.creditCode', input.creditCode);
  const number = input.number.trim().toUpperCase();
  if (!CERTIFICATE_NUMBER.test(number)) {
    problems.invalid('input.number', `${JSON.stringify(input.number)} is not a certificate number like GR201942001291 (or GF… for a renewal under the 2008 rules).`);
  } else if (number.startsWith('GF') && input.criteriaVersion !== HighTechCriteriaVersion.RULES_2008) {
    problems.invalid('input.number', `Certificate ${number} is a renewal under the 2008 rules (GF…): its criteriaVersion is RULES_2008.`);
  } else if (number.slice(2, 6) !== input.issuedOn.slice(0, 4)) {
    problems.invalid('input.number', `Certificate ${number} names the year ${number.slice(2, 6)}, but issuedOn is in ${input.issuedOn.slice(0, 4)}.`);
  }
  const validUntil = input.validUntil ?? threeYearsFrom(input.issuedOn);
  dateOrder(problems, 'input.validUntil', input.issuedOn, validUntil);
  if (validUntil > threeYearsFrom(input.issuedOn)) {
    problems.invalid('input.validUntil', 'A high-tech certificate is valid for at most three years.');
  }
  notInFuture(problems, 'input.issuedOn', input.issuedOn, zoneToday());
  if (await ctx.em.count(HighTechCertificate, { number })) {
    problems.add(new DuplicateError('input.number', `Certificate ${number} is recorded already.`));
  }
  if (!enterprise || problems.any) return refused(problems.list);
  const certificate = ctx.em.create(HighTechCertificate, {
    enterprise,
    number,
    issuedOn: input.issuedOn,
    validUntil,
    criteriaVersion: input.criteriaVersion,
  } as never);
  return flushOutcome(ctx, certificate, {
    duplicate: () => new DuplicateError('input.number', `Certificate ${number} is recorded already.`),
  });
}
