import type { EntityData } from '@mikro-orm/core';
import type { RequestContext } from '../../context';
import { Role } from '../../auth/roles';
import { DuplicateError, NotFoundError, notPermitted, Problems, transitionNotAllowed } from '../../common/mutation-errors';
import { actorOf, flushOutcome, type Outcome, refused } from '../../common/outcome';
import { dateOrder, idOf, optionalText, requiredText } from '../../common/validate';
import { RegistryFacts } from '../enterprise/registry-facts';
import { zoneToday } from '../../clock';
import { Bank } from '../finance/counterparty.entity';
import { DataAuthorization } from './authorization.entity';
import type { GrantAuthorizationInput, RevokeAuthorizationInput } from './authorization.inputs';
import type { Enterprise } from '../enterprise/enterprise.entity';
import { announceAuthorization } from '../../events/authorization-events';
import { EventKind } from '../../events/event-kind';

/** Longest an authorization may run (design): three years, like a high-tech certificate. */
export const MAX_AUTHORIZATION_YEARS = 3;


/** May this viewer act for the enterprise's authorizations? Its own representative, or an administrator. */
const actsFor = (ctx: RequestContext, creditCode: string): boolean => ctx.access.mayWrite(creditCode);

function yearsAfter(date: string, years: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.toISOString().slice(0, 10);
}

const inForceAlready = (bank: Bank) =>
  new DuplicateError('input.purpose', `An authorization of ${bank.name} for this purpose is in force on some of these days already.`).inChinese(
    `${bank.name}已有同一用途的授权在这段期间内有效。`,
  );

/**
 * The rules of an authorization, shared by `grantAuthorization` and the import of paper authorizations
 * (src/modules/imports): the authorization's values, or null with the problems in `problems`.
 */
export async function authorizationToGrant(
  ctx: RequestContext,
  input: GrantAuthorizationInput,
  problems: Problems,
  facts: RegistryFacts,
): Promise<EntityData<DataAuthorization> | null> {
  // Permission first, so a representative learns nothing about other enterprises.
  if (!actsFor(ctx, input.creditCode)) {
    problems.add(notPermitted('input.creditCode', 'A representative grants authorizations for its own enterprise only.').inChinese('企业代表只能为本企业授权。'));
    return null;
  }
  const admin = ctx.viewer!.role === Role.ZONE_ADMIN;
  const enterprise = await facts.enterprise(input.creditCode);
  if (!enterprise) {
    problems.add(
      new NotFoundError('input.creditCode', `No enterprise with credit code ${input.creditCode} is registered.`).inChinese(
        `没有登记统一社会信用代码为 ${input.creditCode} 的企业。`,
      ),
    );
  }
  const bank = await facts.bank(input.bankCreditCode);
  if (!bank) {
    problems.add(new NotFoundError('input.bankCreditCode', `No bank with credit code ${input.bankCreditCode}.`).inChinese(`没有统一社会信用代码为 ${input.bankCreditCode} 的银行。`));
  } else if (bank.isPlanned) problems.invalid('input.bankCreditCode', `${bank.name} is planned and not yet open.`, `${bank.name}尚在筹建，还未开业。`);
  if (input.scopes.length === 0) problems.invalid('input.scopes', 'An authorization grants at least one scope.', '授权至少包括一项范围。');
  const purpose = requiredText(problems, 'input.purpose', input.purpose, 500);
  const signer = requiredText(problems, 'input.signer', input.signer, 100);
  const paperReference = optionalText(problems, 'input.paperReference', input.paperReference, 100);
  if (admin && !paperReference) {
    problems.invalid(
      'input.paperReference',
      'An administrator records a signed paper authorization: give its reference.',
      '管理员录入的是已签署的纸质授权书：须填写授权书编号。',
    );
  }
  dateOrder(problems, 'input.validUntil', input.validFrom, input.validUntil);
  if (input.validUntil > yearsAfter(input.validFrom, MAX_AUTHORIZATION_YEARS)) {
    problems.invalid('input.validUntil', `An authorization runs at most ${MAX_AUTHORIZATION_YEARS} years.`, `授权期限最长 ${MAX_AUTHORIZATION_YEARS} 年。`);
  }
  if (input.validUntil < zoneToday()) problems.invalid('input.validUntil', 'The authorization would already have ended.', '授权截止日早于今天：授权已经到期。');
  if (problems.any) return null;
  if (await facts.isAuthorizationInForce(enterprise!, bank!, purpose!, { from: input.validFrom, until: input.validUntil })) {
    problems.add(inForceAlready(bank!));
    return null;
  }
  return {
    enterprise: enterprise!,
    bank: bank!,
    scopes: [...new Set(input.scopes)],
    purpose: purpose!,
    validFrom: input.validFrom,
    validUntil: input.validUntil,
    signer: signer!,
    paperReference,
    grantedBy: actorOf(ctx),
  } as EntityData<DataAuthorization>;
}

/** Grants a bank access to an enterprise's data: by its representative, or recorded from paper by an administrator. */
export async function grantAuthorization(ctx: RequestContext, input: GrantAuthorizationInput): Promise<Outcome<DataAuthorization>> {
  const problems = new Problems();
  const data = await authorizationToGrant(ctx, input, problems, new RegistryFacts(ctx.em));
  if (!data) return refused(problems.list);
  const authorization = ctx.em.create(DataAuthorization, data as never);
  announceAuthorization(ctx.em, EventKind.AUTHORIZATION_GRANTED, authorization, data.enterprise as Enterprise, data.bank as Bank);
  // Two grants sent at once both pass the check above: PostgreSQL's exclusion constraint keeps one.
  return flushOutcome(ctx, authorization, { duplicate: () => inForceAlready(data.bank as Bank) });
}

/** Revokes an authorization; it stops counting on the very next request. */
export async function revokeAuthorization(ctx: RequestContext, input: RevokeAuthorizationInput): Promise<Outcome<DataAuthorization>> {
  const problems = new Problems();
  const id = idOf(problems, 'input.authorizationId', input.authorizationId, 'DataAuthorization');
  const authorization = id ? await ctx.em.findOne(DataAuthorization, id, { populate: ['enterprise', 'bank'] }) : null;
  // Someone who may not act for the enterprise is told the same as for a missing one.
  if (!authorization || !actsFor(ctx, authorization.enterprise.getEntity().creditCode)) {
    return refused(problems.any ? problems.list : [new NotFoundError('input.authorizationId', 'No such authorization.')]);
  }
  if (authorization.revokedAt) {
    return refused([transitionNotAllowed('input.authorizationId', 'The authorization is revoked already.')]);
  }
  authorization.revokedAt = new Date();
  authorization.revokedBy = actorOf(ctx);
  announceAuthorization(ctx.em, EventKind.AUTHORIZATION_REVOKED, authorization, authorization.enterprise.getEntity(), authorization.bank.getEntity());
  // A revocation sent twice at once: the second finds the version changed, i.e. revoked meanwhile.
  return flushOutcome(ctx, authorization, {
    stale: async () => transitionNotAllowed('input.authorizationId', 'The authorization was revoked meanwhile.'),
  });
}
