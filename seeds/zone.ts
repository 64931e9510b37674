import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import {
  DATA_ANCHOR,
  emptyTables,
  type EnterpriseSeed,
  generateEnterprise,
  LOAD_ORDER,
  type Row,
  syntheticEnterprise,
  type Tables,
} from './generator';
import { BANKS, BRANCHES, CLUSTERS, FUNDS, INSTITUTIONS, INSURERS, makeCreditCode, PARKS, POOLS } from './reference';
import { tradingDayOnOrBefore } from './calendar';
import { addDays, addYears, Random, seedUuid } from './random';

/**
 * The enterprises the source text names: the university enterprises (华工科技 one of them when it was written; since
 * 2021 no longer) and the equity incentive key units.
 */
export const NAMED_ENTERPRISES: EnterpriseSeed[] = [
  {
    key: 'huagong',
    creditCode: makeCreditCode('420100', '300001001'),
    name: '华工科技产业股份有限公司',
    nameEn: 'HUST Industrial Technology Co., Ltd. (Huagong Tech)',
    industry: 'OPTOELECTRONIC_INFORMATION',
    parkCode: 'OPTOELECTRONICS_PARK',
    clusterCode: 'LASER',
    foundedOn: '1999-07-28',
    registeredCapital: '1005502707.00',
    size: 'LARGE',
    // Listed in Shenzhen since 2000. In 2021 华中科技大学 sold control (华中科大产业集团's 19% went to 国恒基金, under
    // 武汉市国资委): no longer a university enterprise, still state-controlled, still HUST's research partner.
    stateOwned: true,
    universityKey: null,
    researchUniversityKey: 'HUST',
    exchangeListing: { exchange: '深圳证券交易所', stockCode: '000988' },
    // Listed on the Shenzhen exchange (000988): outside 财资〔2016〕4号, which covers unlisted enterprises.
    scope: { listedOnExchange: true, convertedInstitute: false, investedByConvertedInstitute: false, investedByAcademia: true },
    pilotKeyUnit: true,
    qualifications: [{ kind: 'SINGLE_ITEM_CHAMPION', validFrom: '2023-12-01', years: 3 }],
  },
  {
    key: 'whu-silicone',
    creditCode: makeCreditCode('420100', '300001002'),
    name: '武汉武大有机硅新材料股份有限公司',
    nameEn: 'Wuhan University Silicone New Material Co., Ltd.',
    industry: 'NEW_MATERIALS',
    parkCode: 'UNIVERSITY_SCIENCE_PARK',
    clusterCode: null,
    foundedOn: '2001-03-16',
    registeredCapital: '60000000.00',
    size: 'MEDIUM',
    stateOwned: true,
    universityKey: 'WHU',
    // Whether it is listed is not recorded here.
    scope: { listedOnExchange: null, convertedInstitute: false, investedByConvertedInstitute: false, investedByAcademia: true },
    qualifications: [
      { kind: 'PROVINCIAL_SPECIALIZED_SME', validFrom: '2022-03-01', years: 3 },
      { kind: 'LITTLE_GIANT', validFrom: '2024-07-15', years: 3 },
    ],
  },
  {
    key: 'wut-new-energy',
    insuredWithoutCheck: true,
    creditCode: makeCreditCode('420100', '300001003'),
    name: '武汉理工新能源有限公司',
    nameEn: 'WUT New Energy Co., Ltd.',
    industry: 'NEW_ENERGY',
    parkCode: 'FUTURE_CITY',
    clusterCode: null,
    foundedOn: '2008-05-20',
    registeredCapital: '30000000.00',
    size: 'SMALL',
    stateOwned: true,
    universityKey: 'WUT',
    scope: { listedOnExchange: null, convertedInstitute: false, investedByConvertedInstitute: false, investedByAcademia: true },
    qualifications: [
      { kind: 'INNOVATIVE_SME', validFrom: '2024-06-10', years: 3 },
      { kind: 'TECH_SME', validFrom: '2025-05-20', years: 1 },
    ],
  },
  {
    key: 'wri',
    creditCode: makeCreditCode('420100', '300001004'),
    name: '武汉邮电科学研究院有限公司',
    nameEn: 'Wuhan Research Institute of Posts and Telecommunications Co., Ltd.',
    industry: 'OPTOELECTRONIC_INFORMATION',
    parkCode: 'OPTOELECTRONICS_PARK',
    clusterCode: 'OPTICAL_COMMUNICATION',
    foundedOn: '1974-06-01',
    registeredCapital: '1000000000.00',
    size: 'LARGE',
    stateOwned: true,
    universityKey: null,
    // The institute converted into an enterprise; unlisted itself (its subsidiary 烽火通信 is listed).
    scope: { listedOnExchange: false, convertedInstitute: true, investedByConvertedInstitute: false, investedByAcademia: false },
    pilotKeyUnit: true,
  },
  {
    key: 'wisdri',
    creditCode: makeCreditCode('420100', '300001005'),
    name: '中冶南方工程技术有限公司',
    nameEn: 'WISDRI Engineering & Research Incorporation Limited',
    industry: 'HIGH_END_EQUIPMENT',
    parkCode: 'SMART_MANUFACTURING',
    clusterCode: null,
    foundedOn: '2003-04-28',
    registeredCapital: '1000000000.00',
    size: 'LARGE',
    stateOwned: true,
    universityKey: null,
    // Converted from the Wuhan iron and steel design institute; an unlisted subsidiary of a listed group.
    scope: { listedOnExchange: false, convertedInstitute: true, investedByConvertedInstitute: false, investedByAcademia: false },
    pilotKeyUnit: true,
  },
];

/** The seed of the demo zone: every `npm start` on an empty database loads the very same zone. */
export const DEMO_SEED = 20_100_000;
export const DEMO_ENTERPRISES = 200;

const CHUNK = 2_000;
/** From this size on, indexes and foreign keys are rebuilt after the load rather than kept up row by row. */
const BULK_MODE_FROM = 10_000;

/** COPY text format: tab-separated, \N for NULL, backslash escapes. */
function copyValue(value: Row[string] | undefined): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'number') return String(value);
  const text = Array.isArray(value) ? `{${value.map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}` : value;
  return /[\\\t\n\r]/.test(text)
    ? text.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r')
    : text;
}

/** One table's rows of a batch, as COPY text. */
export interface CopyBatch {
  table: string;
  columns: string[];
  text: string;
}

/** Encodes generated rows as COPY text, table by table in load order. */
export function encodeTables(tables: Tables): CopyBatch[] {
  const batches: CopyBatch[] = [];
  for (const table of LOAD_ORDER) {
    const rows = tables[table]!;
    if (rows.length === 0) continue;
    const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
    const lines: string[] = new Array(rows.length);
    for (let i = 0; i < rows.length; i++) lines[i] = columns.map((c) => copyValue(rows[i]![c])).join('\t');
    batches.push({ table, columns, text: `${lines.join('\n')}\n` });
  }
  return batches;
}

/** Streams COPY batches into their tables. */
export async function copyBatches(client: Client, batches: CopyBatch[]): Promise<void> {
  for (const { table, columns, text } of batches) {
    const stream = client.query(copyFrom(`copy "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) from stdin`));
    const done = new Promise<void>((resolve, reject) => {
      stream.on('finish', resolve);
      stream.on('error', reject);
    });
    stream.end(text);
    await done;
  }
}

/** Inserts the reference data (parks, clusters, institutions, banks, insurers, funds, pools) unless present. */
export async function loadReferenceData(client: Client): Promise<void> {
  const insert = async (table: string, rows: Row[]) => {
    for (const row of rows) {
      const columns = Object.keys(row);
      await client.query(
        `insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) values (${columns.map((_, i) => `$${i + 1}`).join(', ')})
         on conflict do nothing`,
        columns.map((c) => row[c]),
      );
    }
  };
  await insert('park', PARKS.map((p) => ({ id: p.id, code: p.code, name: p.name, name_en: p.nameEn })));
  await insert('industry_cluster', CLUSTERS.map((c) => ({ id: c.id, code: c.code, name: c.name, name_en: c.nameEn })));
  await insert('institution', INSTITUTIONS.map((i) => ({ id: i.id, name: i.name, name_en: i.nameEn, kind: i.kind })));
  await insert(
    'bank',
    BANKS.map((b) => ({ id: b.id, credit_code: b.creditCode, name: b.name, name_en: b.nameEn, partner: b.partner, planned: b.planned })),
  );
  await insert('bank_branch', BRANCHES.map((b) => ({ id: b.id, bank_id: b.bankId, name: b.name, tech_sub_branch: b.tech })));
  await insert('insurer', INSURERS.map((i) => ({ id: i.id, name: i.name, name_en: i.nameEn, reinsurer: i.reinsurer })));
  await insert('fund', FUNDS.map((f) => ({ id: f.id, name: f.name, manager: f.manager, type: f.type })));
  await insert(
    'risk_compensation_pool',
    POOLS.map((p) => ({
      id: p.id,
      name: p.name,
      manager: p.manager,
      contributors: p.contributors,
      coverage_ratio: p.coverageRatio,
      cap_per_loan: p.capPerLoan,
    })),
  );
}

/**
 * Runs `load` with the zone tables' foreign keys and secondary indexes dropped, then restores them: PostgreSQL's
 * advice for populating a database. A bulk index build and one validating join per foreign key are far faster
 * than maintaining them row by row. Primary keys and unique constraints stay, so duplicates still fail.
 * Runs inside the caller's transaction: if anything fails, the definitions come back with the rollback.
 */
async function withBulkLoadMode(client: Client, load: () => Promise<void>): Promise<void> {
  const tables = [...LOAD_ORDER];
  const { rows: foreignKeys } = await client.query<{ tbl: string; name: string; def: string }>(
    `select conrelid::regclass::text as tbl, conname as name, pg_get_constraintdef(oid) as def
     from pg_constraint where contype = 'f' and conrelid::regclass::text = any($1)`,
    [tables.map((t) => `"${t}"`).concat(tables)],
  );
  const { rows: indexes } = await client.query<{ name: string; def: string }>(
    `select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as def
     from pg_index i
     where i.indrelid::regclass::text = any($1)
       and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)`,
    [tables.map((t) => `"${t}"`).concat(tables)],
  );
  for (const fk of foreignKeys) await client.query(`alter table ${fk.tbl} drop constraint "${fk.name}"`);
  for (const index of indexes) await client.query(`drop index ${index.name}`);
  await load();
  await client.query(`set local maintenance_work_mem = '256MB'`);
  for (const index of indexes) await client.query(index.def);
  for (const fk of foreignKeys) await client.query(`alter table ${fk.tbl} add constraint "${fk.name}" ${fk.def}`);
}

/** The compiled worker (generation runs beside the COPY when the zone is large; from TypeScript it runs inline). */
const WORKER = path.join(__dirname, 'zone.worker.js');

/** How far a zone's generated dates move forward so that its data run to a given day. */
export interface DateShift {
  /** Whole weeks, so every date keeps its weekday (a listing on a trading day stays on one). */
  days: number;
  /** Fiscal and tax years move by the years those days make (rounded: a year's accounts are filed by spring). */
  years: number;
}

const DAY_MS = 86_400_000;

/**
 * The shift that makes the generator's zone (as of DATA_ANCHOR) a zone as of `asOf`: the whole weeks between the two,
 * so the data run to `asOf` or up to six days before it, never after. A day before the anchor is refused: the
 * generated history (rules in force, listing eras) is written forwards from it.
 */
export function dateShift(asOf: string): DateShift {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || Number.isNaN(Date.parse(asOf))) throw new Error(`as of ${JSON.stringify(asOf)}: not a date (YYYY-MM-DD)`);
  const days = Math.round((Date.parse(asOf) - Date.parse(DATA_ANCHOR)) / DAY_MS);
  if (days < 0) throw new Error(`as of ${asOf}: the generated zone's data run to ${DATA_ANCHOR}; choose that day or a later one`);
  const weeks = Math.floor(days / 7) * 7;
  return { days: weeks, years: Math.round(weeks / 365.25) };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Integer columns holding a year. */
const YEAR_COLUMNS = new Set(['fiscal_year', 'year']);
/** Text columns whose number embeds the year of one of the row's dates (a certificate's GR2024…, a contract's …-2023-…). */
const NUMBERED = /(^number$|_no$)/;

/**
 * Moves every date of the generated rows by `shift.days` and every year column by `shift.years`; a certificate or
 * contract number that embeds the year of one of its row's dates takes the moved date's year, so numbers and dates
 * still agree. Patent numbers keep theirs (their year is the filing year, before any date of the row). A NEEQ listing's
 * stage history (JSON, which the date test does not see) moves with its start date: it stayed behind before.
 */
export function shiftTables(tables: Tables, shift: DateShift): void {
  if (shift.days === 0) return;
  for (const rows of Object.values(tables)) {
    for (const row of rows) {
      const years = new Map<string, string>();
      for (const [column, value] of Object.entries(row)) {
        if (column === 'stage_history' && typeof value === 'string') {
          row[column] = JSON.stringify(shiftedStageHistory(JSON.parse(value) as { stage: string; on: string }[], shift.days));
        } else if (typeof value === 'string' && DATE.test(value)) {
          const moved = addDays(value, shift.days);
          if (!years.has(value.slice(0, 4))) years.set(value.slice(0, 4), moved.slice(0, 4));
          row[column] = moved;
        } else if (typeof value === 'number' && YEAR_COLUMNS.has(column)) {
          row[column] = value + shift.years;
        }
      }
      for (const [column, value] of Object.entries(row)) {
        if (typeof value !== 'string' || !NUMBERED.test(column) || DATE.test(value)) continue;
        const match = /(19|20)\d{2}/.exec(value);
        const year = match && years.get(match[0]);
        if (year) row[column] = value.slice(0, match.index) + year + value.slice(match.index + 4);
      }
    }
  }
}

/**
 * A NEEQ listing's stages moved as its start date is (the first stage is that day); the later ones are regulators'
 * acts and the listing itself, so each is kept on a trading day: a whole-week move keeps the weekday, not the holidays,
 * so one landing on one goes back to the trading day before (still after the stage before, and before the data's day).
 */
function shiftedStageHistory(history: { stage: string; on: string }[], days: number): { stage: string; on: string }[] {
  return history.map((entry, s) => ({ ...entry, on: s === 0 ? addDays(entry.on, days) : tradingDayOnOrBefore(addDays(entry.on, days)) }));
}

const NAMED_FOUNDING = new Map(NAMED_ENTERPRISES.map((e) => [e.creditCode, e.foundedOn]));

/** The zone, generated batch by batch: a deterministic sequence for given options. */
export function* generateBatches(options: Omit<ZoneOptions, 'onProgress'>): Generator<{ loaded: number; batches: CopyBatch[] }> {
  const r = new Random(options.seed);
  const shift = dateShift(options.asOf ?? DATA_ANCHOR);
  let peers: EnterpriseSeed[] = [];
  for (let start = 0; start < options.enterprises; start += CHUNK) {
    const tables = emptyTables();
    const end = Math.min(options.enterprises, start + CHUNK);
    for (let i = start; i < end; i++) {
      const seed = options.named && i < NAMED_ENTERPRISES.length ? NAMED_ENTERPRISES[i]! : syntheticEnterprise(i, r);
      generateEnterprise(i, seed, r, tables, peers, { incentiveRate: options.incentiveRate });
      peers = [...peers.slice(-2), seed];
    }
    shiftTables(tables, shift);
    // The named enterprises were founded when they were (华工科技 on 1999-07-28): a fact of the world, not of the demo.
    for (const row of tables['enterprise']!) {
      const named = NAMED_FOUNDING.get(row['credit_code'] as string);
      if (named) row['founded_on'] = named;
    }
    yield { loaded: end, batches: encodeTables(tables) };
  }
}

/**
 * Generation in a worker thread, COPY on this one: on two cores the database ingests one batch while the next is
 * generated. The worker stays at most two batches ahead.
 */
function copyFromWorker(client: Client, options: ZoneOptions): Promise<void> {
  const { onProgress, ...workerOptions } = options;
  const worker = new Worker(WORKER, { workerData: workerOptions });
  return new Promise<void>((resolve, reject) => {
    let chain = Promise.resolve();
    let failed = false;
    const fail = (err: unknown) => {
      if (failed) return;
      failed = true;
      void worker.terminate();
      reject(err);
    };
    worker.on('message', (message: { loaded: number; batches: CopyBatch[] } | { done: true }) => {
      chain = chain.then(async () => {
        if (failed) return;
        if ('done' in message) {
          failed = true; // finished: terminating the worker is not a failure
          await worker.terminate();
          resolve();
          return;
        }
        await copyBatches(client, message.batches);
        onProgress?.(message.loaded);
        worker.postMessage('ack');
      }).catch(fail);
    });
    worker.on('error', fail);
    worker.on('exit', (code) => code !== 0 && !failed && fail(new Error(`zone generator exited with ${code}`)));
  });
}

const EVERY_SCOPE = ['PROFILE', 'HIGH_TECH', 'PATENTS', 'FINANCIALS', 'INSTRUMENTS', 'ELIGIBILITY'];

/**
 * Authorisations the named enterprises gave two demo banks, so a bank officer trying the demo sees clients (招商银行:
 * 华工科技 and 邮科院 in full, 武大有机硅 for an IP-pledge pre-check; 湖北银行: 华工科技 for a tech insurance check).
 * Signed a month before the zone's day, for a year.
 */
export const DEMO_AUTHORISATIONS: { bank: string; enterprise: string; scopes: string[]; purpose: string }[] = [
  { bank: 'CMB', enterprise: 'huagong', scopes: EVERY_SCOPE, purpose: '授信审查' },
  { bank: 'CMB', enterprise: 'wri', scopes: EVERY_SCOPE, purpose: '授信审查' },
  { bank: 'CMB', enterprise: 'whu-silicone', scopes: ['PROFILE', 'PATENTS', 'ELIGIBILITY'], purpose: '知识产权质押贷款预审' },
  { bank: 'HUBEI', enterprise: 'huagong', scopes: ['PROFILE', 'ELIGIBILITY'], purpose: '科技保险保费补贴核验' },
];

async function loadDemoAuthorisations(client: Client, asOf: string): Promise<void> {
  const from = addDays(asOf, -30);
  for (const a of DEMO_AUTHORISATIONS) {
    const enterprise = NAMED_ENTERPRISES.find((e) => e.key === a.enterprise)!;
    await client.query(
      `insert into data_authorization (id, enterprise_id, bank_id, scopes, purpose, valid_from, valid_to, signer, granted_by, created_at, updated_at, version)
       values ($1, $2, $3, $4::authorization_scope[], $5, $6, $7, '法定代表人', 'ZONE_ADMIN', now(), now(), 1)`,
      [
        seedUuid(`authorisation:${a.bank}:${a.enterprise}:${a.purpose}`),
        seedUuid(`enterprise:${enterprise.creditCode}`),
        BANKS.find((b) => b.key === a.bank)!.id,
        `{${a.scopes.join(',')}}`,
        a.purpose,
        from,
        addYears(from, 1, 1),
      ],
    );
  }
}

export interface ZoneOptions {
  /** How many enterprises in all (the named ones first when `named`). */
  enterprises: number;
  seed: number;
  /** Start with the enterprises the source text names. */
  named: boolean;
  incentiveRate: number;
  /**
   * The day the zone's data run to (YYYY-MM-DD, DATA_ANCHOR or later; default DATA_ANCHOR): every generated date moves
   * forward by the whole weeks from the anchor, so a demo loaded today has today's recent checks, loans and filings.
   */
  asOf?: string;
  /** Called after each batch with the number of enterprises loaded so far. */
  onProgress?: (loaded: number) => void;
}

/**
 * Generates and loads a zone in one transaction (all of it or nothing), in batches of 2,000 enterprises
 * loaded with COPY. The same options always give the same zone.
 */
export async function loadZone(databaseUrl: string, options: ZoneOptions): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('begin');
    await client.query('set local synchronous_commit = off');
    await loadReferenceData(client);
    const generateAndCopy = async () => {
      if (options.enterprises >= BULK_MODE_FROM && existsSync(WORKER)) {
        await copyFromWorker(client, options);
        return;
      }
      const batches = generateBatches(options);
      for (let next = batches.next(); !next.done; next = batches.next()) {
        await copyBatches(client, next.value.batches);
        options.onProgress?.(next.value.loaded);
      }
    };
    if (options.enterprises >= BULK_MODE_FROM) await withBulkLoadMode(client, generateAndCopy);
    else await generateAndCopy();
    if (options.named) await loadDemoAuthorisations(client, options.asOf ?? DATA_ANCHOR);
    await client.query('commit');
  } catch (err) {
    await client.query('rollback').catch(() => undefined);
    throw err;
  } finally {
    await client.end();
  }
  // Fresh statistics, so the planner sees the loaded zone at once.
  const analyse = new Client({ connectionString: databaseUrl });
  await analyse.connect();
  try {
    await analyse.query('analyze');
  } finally {
    await analyse.end();
  }
}

/**
 * The demo zone: the named enterprises and enough others that every instrument kind, project shape and incentive form
 * appears several times, with data running to `asOf` (default DATA_ANCHOR, the generator's own dates; `npm start`
 * and `npm run seed` load it as of the zone's today).
 */
export function loadDemoZone(databaseUrl: string, asOf: string = DATA_ANCHOR): Promise<void> {
  return loadZone(databaseUrl, { enterprises: DEMO_ENTERPRISES, seed: DEMO_SEED, named: true, incentiveRate: 0.25, asOf });
}
