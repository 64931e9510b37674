import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, Field, Info, InputType, Query, Resolver } from 'type-graphql';
import { Role } from '../../auth/roles';
import { ForwardPageArgs, Page, pageRequest } from '../../common/pagination';
import { CreditCodeScalar } from '../../common/scalars';
import { sqlArray } from '../../common/sql';
import type { RequestContext } from '../../context';
import { readObjects, readRows } from '../../db/read-objects';
import { prefetch } from '../../db/read-plan';
import { AuthorizationScope } from '../authorization/authorization.entity';
import { FinancingInstrumentConnection } from '../enterprise/enterprise.resolver';
import { InstrumentKind, InstrumentStatus } from './enums';
import { FinancingInstrument } from './instrument.entity';

/**
 * The loan book (`Query.instruments`): what a bank has lent in the zone, or for an administrator every instrument.
 *
 * What is a bank's own, per kind (src/modules/finance/instrument.entity.ts): a credit loan (信用贷款) or an IP-pledge
 * loan (知识产权质押贷款) whose `lender` is the bank. No other kind has a bank as its counterparty: insurance and
 * reinsurance are an insurer's, bonds and notes name their underwriter and guarantor as text (not a registered bank),
 * fund investments a fund's, risk compensation covers a pool's, listings none. So a bank's book holds its loans only,
 * as the access policy's OWN_LOAN condition (src/auth/policy.ts) reads them, and, as everything a bank sees, only those
 * of enterprises whose authorization in force today includes the INSTRUMENTS scope: the loans it sees in full. A loan
 * to an enterprise that has not (or no longer) authorized it is not there, as that enterprise is nowhere.
 */
@InputType({ description: 'Which instruments of the loan book: every condition given must hold.' })
export class InstrumentFilter {
  @Field(() => CreditCodeScalar, {
    nullable: true,
    description:
      'Lent by this bank: credit and IP-pledge loans whose lender it is (no other kind has a lender). A bank officer sees ' +
      'its own loans only, so another bank’s code matches nothing.',
  })
  lenderCreditCode?: string | null;

  @Field(() => String, { nullable: true, description: 'The loan contract number (贷款合同编号), exactly; only loans have one.' })
  contractNumber?: string | null;

  @Field(() => [InstrumentKind], { nullable: true, description: 'Of one of these kinds.' })
  kinds?: InstrumentKind[] | null;

  @Field(() => [InstrumentStatus], { nullable: true, description: 'In one of these statuses.' })
  status?: InstrumentStatus[] | null;
}

/** One page of the loan book, newest start first (start date, then id, both descending); the filter and visibility in SQL. */
export async function findLoanBook(ctx: RequestContext, filter: InstrumentFilter | null, page: ForwardPageArgs): Promise<Page<FinancingInstrument>> {
  const request = pageRequest(page, 2);
  const conditions: string[] = [];
  const bindings: unknown[] = [];
  const where = (sql: string, ...values: unknown[]) => {
    conditions.push(sql);
    bindings.push(...values);
  };
  const lent = 'i.lender_id = (select id from bank where credit_code = ?)';
  if (ctx.viewer?.role === Role.BANK_OFFICER) {
    // Its own loans, to the enterprises that let it see their instruments (the rows it sees in full).
    const scoped = (await ctx.access.enterprisesWithScope(AuthorizationScope.INSTRUMENTS)) ?? new Set<string>();
    where(lent, ctx.viewer.organisation);
    where('exists (select 1 from instrument_holder h where h.instrument_id = i.id and h.enterprise_id = any(?::uuid[]))', sqlArray([...scoped]));
  }
  if (filter?.lenderCreditCode) where(lent, filter.lenderCreditCode);
  if (filter?.contractNumber != null) where('i.contract_no = ?', filter.contractNumber);
  if (filter?.kinds?.length) where('i.kind = any(?::instrument_kind[])', sqlArray(filter.kinds));
  if (filter?.status?.length) where('i.status = any(?::instrument_status[])', sqlArray(filter.status));
  const filtered = conditions.length ? `where ${conditions.join(' and ')}` : '';
  const after = request.cursor ? `${filtered ? 'and' : 'where'} (i.start_date, i.id) < (?::date, ?::uuid)` : '';
  const rows = await readRows(
    ctx.em,
    `select i.* from financing_instrument i ${filtered} ${after} order by i.start_date desc, i.id desc limit ?`,
    [...bindings, ...(request.cursor ? [request.cursor[0], request.cursor[1]] : []), request.limit + 1],
  );
  const instruments = ctx.loaders.remember(readObjects(ctx.em, FinancingInstrument, rows));
  // A holder's share of the amount reads its instrument by id: these are the instruments.
  const byId = ctx.loaders.byId(FinancingInstrument);
  for (const i of instruments) byId.prime(i.id, i);
  return Page.fromRows(
    instruments,
    request,
    (i) => i,
    (i) => [i.startsOn, i.id],
    async () => {
      const [row] = await readRows<{ n: string }>(ctx.em, `select count(*) as n from financing_instrument i ${filtered}`, bindings);
      return Number(row!.n);
    },
  );
}

@Resolver()
export class LoanBookResolver {
  @Authorized()
  @Query(() => FinancingInstrumentConnection, {
    description:
      "The loan book, newest start first. A bank officer: its bank's own credit and IP-pledge loans (the loans whose lender " +
      'it is; no other kind has a bank as counterparty) to the enterprises whose authorization in force today includes the ' +
      'INSTRUMENTS scope, each seen in full. An administrator: every instrument of the zone, of any kind.',
  })
  async instruments(
    @Ctx() ctx: RequestContext,
    @Arg('filter', () => InstrumentFilter, { nullable: true, description: 'Which instruments; all when omitted.' }) filter: InstrumentFilter | null,
    @Args() page: ForwardPageArgs,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Page<FinancingInstrument>> {
    const found = await findLoanBook(ctx, filter, page);
    await prefetch(ctx, info, FinancingInstrument, found.edges.map((e) => e.node));
    return found;
  }
}
