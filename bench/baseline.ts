import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Pool } from 'pg';

/**
 * The yardstick of `npm run bench -- --side-by-side`: query A (bench/side-by-side.ts) answered by ONE hand-written
 * statement that builds the whole GraphQL response in PostgreSQL, written to the socket as PostgreSQL returns it.
 * No GraphQL, no ORM, no authorisation: the least a server could do for the same answer.
 *
 * It reproduces innozone's answer to the letter, and the bench checks it does:
 * - enterprises by name in pinyin (`zh-x-icu`), then id (enterprise.queries.ts); one row more tells hasNextPage;
 * - financials latest fiscal year first (enterprise.resolver.ts);
 * - instruments newest first, start date then id descending, 10 per enterprise (instrument.loaders.ts);
 * - holders lead first, then by share descending, then id (instrument.resolver.ts); a holder's amount is the
 *   instrument's amount × share / 100, cut (not rounded) to cents, as InstrumentHolderResolver.amount computes it;
 * - pledges by patent number (`localeCompare`; numbers all have one format, so byte order is the same);
 *   loanToValue = amount / the sum of the pledged appraisals, in percent, cut to four places; null when that sum is 0;
 * - projects the enterprise takes part in, each once, newest start first, then id, 5 per enterprise
 *   (enterprise.pages.ts); participants by role (the enum's order), then id (project.resolver.ts);
 * - Decimal as text with two places, Percent with four (numeric(18,2) and numeric(7,4) columns print so);
 *   enums by name; `__typename` the GraphQL type of the instrument's kind (instrument.entity.ts).
 * Keys come in the order of the query's selection set, as GraphQL orders a response.
 */
export const QUERY_A_SQL = `
with page as materialized (
  select e.id, e.credit_code, e.name, e.university_id
  from enterprise e
  order by e.name collate "zh-x-icu", e.id
  limit $1::int + 1
)
select json_build_object('data', json_build_object('enterprises', json_build_object(
  'pageInfo', json_build_object('hasNextPage', (select count(*) from page) > $1::int),
  'edges', coalesce((
    select json_agg(json_build_object('node', json_build_object(
      'creditCode', p.credit_code,
      'name', p.name,
      'university', (select json_build_object('name', u.name) from institution u where u.id = p.university_id),
      'financials', coalesce((
        select json_agg(json_build_object(
          'fiscalYear', f.fiscal_year, 'revenue', f.revenue::text, 'rdExpense', f.rd_expense::text, 'employees', f.employees
        ) order by f.fiscal_year desc)
        from fiscal_year_financials f where f.enterprise_id = p.id), '[]'::json),
      'instruments', json_build_object('edges', coalesce((
        select json_agg(json_build_object('node', case i.kind
          when 'CREDIT_LOAN' then json_build_object(
            '__typename', 'CreditLoan', 'kind', i.kind, 'status', i.status, 'amount', i.amount::text,
            'lender', lender.object, 'holders', holders.list)
          when 'IP_PLEDGE_LOAN' then json_build_object(
            '__typename', 'IpPledgeLoan', 'kind', i.kind, 'status', i.status, 'amount', i.amount::text,
            'lender', lender.object,
            'loanToValue', (
              select case when sum(a.value) <> 0 then (div(i.amount * 1000000, sum(a.value)) * 0.0001)::text end
              from ip_pledge pl join patent_appraisal a on a.id = pl.appraisal_id where pl.loan_id = i.id),
            'pledges', coalesce((
              select json_agg(json_build_object('patent', json_build_object('number', pt.number)) order by pt.number collate "C")
              from ip_pledge pl join patent pt on pt.id = pl.patent_id where pl.loan_id = i.id), '[]'::json),
            'holders', holders.list)
          else json_build_object(
            '__typename', case i.kind
              when 'NEEQ_LISTING' then 'NeeqListing'
              when 'REGIONAL_OTC_LISTING' then 'RegionalOtcListing'
              when 'TECH_INSURANCE' then 'TechInsurancePolicy'
              when 'REINSURANCE' then 'Reinsurance'
              when 'COLLECTIVE_BOND' then 'CollectiveBond'
              when 'SME_COLLECTIVE_NOTE' then 'SmeCollectiveNote'
              when 'SHORT_TERM_BILL' then 'ShortTermBill'
              when 'MEDIUM_TERM_NOTE' then 'MediumTermNote'
              when 'FUND_INVESTMENT' then 'FundInvestment'
              when 'RISK_COMPENSATION' then 'RiskCompensationCover'
            end,
            'kind', i.kind, 'status', i.status, 'amount', i.amount::text, 'holders', holders.list)
        end) order by i.start_date desc, i.id desc)
        from (
          select i.* from instrument_holder h join financing_instrument i on i.id = h.instrument_id
          where h.enterprise_id = p.id and i.voided_at is null
          order by i.start_date desc, i.id desc
          limit 10
        ) i
        left join lateral (select json_build_object('name', b.name) as object from bank b where b.id = i.lender_id) lender on true
        cross join lateral (
          select coalesce(json_agg(json_build_object(
            'share', h.share::text,
            'amount', trunc(i.amount * h.share * 0.01, 2)::text,
            'enterprise', json_build_object('creditCode', he.credit_code, 'name', he.name)
          ) order by h.lead desc, h.share desc, h.id), '[]'::json) as list
          from instrument_holder h join enterprise he on he.id = h.enterprise_id
          where h.instrument_id = i.id
        ) holders
      ), '[]'::json)),
      'projects', json_build_object('nodes', coalesce((
        select json_agg(json_build_object(
          'title', rp.title,
          'participants', coalesce((
            select json_agg(json_build_object(
              'role', pp.role,
              'institution', (select json_build_object('name', ins.name) from institution ins where ins.id = pp.institution_id)
            ) order by pp.role, pp.id)
            from project_participant pp where pp.project_id = rp.id), '[]'::json)
        ) order by rp.start_date desc, rp.id)
        from (
          select rp.* from research_project rp
          where rp.id in (select x.project_id from project_participant x where x.enterprise_id = p.id)
          order by rp.start_date desc, rp.id
          limit 5
        ) rp), '[]'::json))
    )) order by p.name collate "zh-x-icu", p.id)
    from (select * from page order by name collate "zh-x-icu", id limit $1::int) p
  ), '[]'::json)
)))::text as body`;

export interface BaselineServer {
  port: number;
  close(): Promise<void>;
}

/**
 * POST /graphql answers query A whatever the query text says, with `variables.first` (0–100) as the page size;
 * GET answers `{"status":"ok"}` (readiness). `connections` is the pool size (innozone's MikroORM pool is 10).
 */
export async function startBaselineServer(databaseUrl: string, port = 0, host = '127.0.0.1', connections = 10): Promise<BaselineServer> {
  const pool = new Pool({ connectionString: databaseUrl, max: connections });
  pool.on('error', () => undefined); // an idle client's error: the next query reports it
  const send = (res: http.ServerResponse, status: number, body: string) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  };
  const server = http.createServer((req, res) => {
    if (req.method === 'GET') return send(res, 200, '{"status":"ok"}');
    if (req.method !== 'POST' || req.url !== '/graphql') return send(res, 404, '{"errors":[{"message":"not found"}]}');
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      let first: unknown;
      try {
        first = (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { variables?: { first?: unknown } }).variables?.first;
      } catch {
        first = undefined;
      }
      if (typeof first !== 'number' || !Number.isInteger(first) || first < 0 || first > 100) {
        return send(res, 400, '{"errors":[{"message":"variables.first must be a whole number from 0 to 100"}]}');
      }
      pool.query<[string]>({ name: 'query-a', text: QUERY_A_SQL, values: [first], rowMode: 'array' }).then(
        (result) => send(res, 200, result.rows[0]![0]),
        (err: Error) => send(res, 500, JSON.stringify({ errors: [{ message: err.message }] })),
      );
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pool.end();
    },
  };
}

// As its own process (the bench starts it so, to measure its memory apart): DATABASE_URL, PORT, HOST.
if (require.main === module) {
  const url = process.env['DATABASE_URL'];
  if (!url) {
    process.stderr.write('DATABASE_URL is required\n');
    process.exit(78);
  }
  startBaselineServer(url, Number(process.env['PORT'] ?? 0), process.env['HOST'] ?? '127.0.0.1').then(
    (server) => {
      process.stdout.write(`${JSON.stringify({ msg: 'baseline is ready', port: server.port })}\n`);
      const stop = () => void server.close().finally(() => process.exit(0));
      process.on('SIGTERM', stop);
      process.on('SIGINT', stop);
    },
    (err: unknown) => {
      process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
      process.exit(1);
    },
  );
}
