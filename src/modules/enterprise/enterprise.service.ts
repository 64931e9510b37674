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
import { Institution, InstitutionKind } from '../institution/institution.entity';
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
import { IndustryCluster, Park } from './park.entity';

/**
 * Finds the enterprise a change is for: NOT_FOUND under `field` when none is registered, NOT_PERMITTED when the
 * viewer may not change it (policy.ts: a representative writes its own enterprise only).
 */
export async function enterpriseByCode(
  ctx: RequestContext,
  problems: Problems,
  field: string,
  creditCode: string,
): Promise<Enterprise | null> {
  // Permission before lookup, so a representative learns nothing about another enterprise.
  if (!ctx.access.mayWrite(creditCode)) {
    problems.add(notPermitted(field, 'A representative changes its own enterprise’s data only.'));
    return null;
  }
  const enterprise = await ctx.em.findOne(Enterprise, { creditCode });
  if (!enterprise) problems.add(new NotFoundError(field, `No enterprise with credit code ${creditCode} is registered.`));
  return enterprise;
}

async function resolveParkAndCluster(
  ctx: RequestContext,
  problems: Problems,
  parkCode: string | null | undefined,
  clusterCode: string | null | undefined,
) {
  const park = parkCode ? await ctx.em.findOne(Park, { code: parkCode }) : undefined;
  if (parkCode && !park) problems.add(new NotFoundError('input.parkCode', `No park has the code ${parkCode}.`));
  const cluster = clusterCode ? await ctx.em.findOne(IndustryCluster, { code: clusterCode }) : undefined;
  if (clusterCode && !cluster) {
    problems.add(new NotFoundError('input.clusterCode', `No industry cluster has the code ${clusterCode}.`));
  }
  return { park, cluster };
}

async function resolveUniversity(ctx: RequestContext, problems: Problems, universityId: string | null | undefined) {
  if (!universityId) return undefined;
  const id = idOf(problems, 'input.universityId', universityId, 'Institution');
  if (!id) return undefined;
  const university = await ctx.em.findOne(Institution, id);
  if (!university) problems.add(new NotFoundError('input.universityId', 'No such university.'));
  else if (university.kind !== InstitutionKind.UNIVERSITY) {
    problems.invalid('input.universityId', `${university.name} is a research institute, not a university.`);
  }
  return university ?? undefined;
}

/** Registers an enterprise. */
export async function createEnterprise(ctx: RequestContext, input: CreateEnterpriseInput): Promise<Outcome<Enterprise>> {
  const problems = new Problems();
  const today = zoneToday();
  const check = checkCreditCode(input.creditCode);
  const overrideReason = optionalText(problems, 'input.checkCharacterOverride.reason', input.checkCharacterOverride?.reason, 500);
  if (!check.ok && check.reason === 'FORMAT') problems.invalid('input.creditCode', check.message);
  if (!check.ok && check.reason === 'CHECK_CHARACTER') {
    if (!input.checkCharacterOverride) {
      problems.add(
        new CheckCharacterMismatchError(
          'input.creditCode',
          `${check.message} Give checkCharacterOverride with a reason if this code was legally issued so.`,
          check.expected,
        ),
      );
    } else if (!overrideReason) {
      problems.invalid('input.checkCharacterOverride.reason', 'An override needs a reason.');
    }
  }
  const name = requiredText(problems, 'input.name', input.name);
  const nameEn = optionalText(problems, 'input.nameEn', input.nameEn);
  positiveAmount(problems, 'input.registeredCapital', input.registeredCapital);
  notInFuture(problems, 'input.foundedOn', input.foundedOn, today);
  const { park, cluster } = await resolveParkAndCluster(ctx, problems, input.parkCode, input.clusterCode);
  const university = await resolveUniversity(ctx, problems, input.universityId);
  const code = input.creditCode.trim().toUpperCase();
  if (await ctx.em.count(Enterprise, { creditCode: code })) {
    problems.add(new DuplicateError('input.creditCode', `An enterprise with credit code ${code} is registered already.`));
  }
  if (problems.any) return refused(problems.list);

  const enterprise = ctx.em.create(Enterprise, {
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
  } as never);
  if (!check.ok) {
    enterprise.creditCodeOverrideReason = overrideReason;
    enterprise.creditCodeOverriddenBy = actorOf(ctx);
    enterprise.creditCodeOverriddenAt = new Date();
  }
  return flushOutcome(ctx, enterprise, {
    duplicate: () => new DuplicateError('input.creditCode', `An enterprise with credit code ${code} is registered already.`),
  });
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
  const { park, cluster } = await resolveParkAndCluster(ctx, problems, input.parkCode, input.clusterCode || null);
  const university = await resolveUniversity(ctx, problems, input.universityId || null);
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

/** Records one fiscal year's figures; correcting a recorded year needs its current version. */
export async function recordFiscalYear(ctx: RequestContext, input: RecordFiscalYearInput): Promise<Outcome<FiscalYearFinancials>> {
  const problems = new Problems();
  const enterprise = await enterpriseByCode(ctx, problems, 'input.creditCode', input.creditCode);
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
      problems.invalid('input.rdStaff', 'rdStaff cannot be more than scienceAndTechnologyStaff: R&D staff are science and technology staff.');
    }
  }
  if (input.totalIncome != null) {
    positiveAmount(problems, 'input.totalIncome', input.totalIncome);
    if (compareDecimal(input.totalIncome, input.revenue) < 0) problems.invalid('input.totalIncome', 'totalIncome cannot be less than revenue: it includes it.');
  }
  if (compareDecimal(input.rdExpenseInChina, input.rdExpense) > 0) {
    problems.invalid('input.rdExpenseInChina', 'rdExpenseInChina cannot be more than rdExpense.');
  }
  if (compareDecimal(input.highTechRevenue, input.revenue) > 0) {
    problems.invalid('input.highTechRevenue', 'highTechRevenue cannot be more than revenue.');
  }
  if (input.scienceAndTechnologyStaff > input.employees) {
    problems.invalid('input.scienceAndTechnologyStaff', 'scienceAndTechnologyStaff cannot be more than employees.');
  }
  if (!enterprise || problems.any) return refused(problems.list);

  const existing = await ctx.em.findOne(FiscalYearFinancials, { enterprise, fiscalYear: input.fiscalYear });
  const what = `Fiscal year ${input.fiscalYear} of ${enterprise.creditCode}`;
  if (existing && input.version == null) {
    return refused([
      new DuplicateError('input.fiscalYear', `${what} is recorded already (version ${existing.version}); send version to correct it.`),
    ]);
  }
  if (existing && input.version !== existing.version) return refused([new StaleVersionError(what, input.version!, existing.version)]);
  if (!existing && input.version != null) return refused([new NotFoundError('input.version', `${what} is not recorded yet: omit version.`)]);

  // The figures of a year are given whole: one left out of a correction is no longer known (null), not kept.
  const { creditCode: _code, version: _version, ...given } = input;
  const figures = {
    ...given,
    rdStaff: input.rdStaff ?? null,
    totalIncome: input.totalIncome ?? null,
    totalAssets: input.totalAssets ?? null,
    innovationScore: input.innovationScore ?? null,
    hadMajorIncident: input.hadMajorIncident ?? null,
  };
  const record = existing ?? ctx.em.create(FiscalYearFinancials, { enterprise, ...figures } as never);
  if (existing) ctx.em.assign(existing, figures);
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
