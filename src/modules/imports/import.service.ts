import { createHash, randomUUID } from 'node:crypto';
import { type EntityData, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from '../../context';
import type { Viewer } from '../../auth/viewer';
import { BaseEntity } from '../../common/base.entity';
import { InvalidInputError, MutationErrorCode, type MutationError, Problems } from '../../common/mutation-errors';
import { AuditOutcome } from '../audit/audit.entity';
import { recordAudit } from '../audit/audit.service';
import { announceNow, type NewEvent } from '../../events/outbox';
import { EventKind } from '../../events/event-kind';
import { DataAuthorization } from '../authorization/authorization.entity';
import { AUTHORIZATION_FACTS_SQL, type AuthorizationFacts, authorizationEvent } from '../../events/authorization-events';
import { RegistryFacts } from '../enterprise/registry-facts';
import { storedActor } from '../viewer/actor';
import { type Cell, isEmpty } from './import.cells';
import { Import, ImportKind, ImportStatus, type StoredProblem } from './import.entity';
import { readSheet } from './import.files';
import { ImportProblemsError } from './import.types';
import { type Column, type Draft, KINDS, type KindSpec, readCell } from './import.kinds';
import { IMPORT_LOCK, track } from './import.runs';

/** The operation an import is audited as, through GraphQL or HTTP alike. */
export const IMPORT_OPERATION = 'importRecords';

/** A file of at most this many records is written before the answer (SUCCEEDED); a larger one in the background (RUNNING). */
export const WAIT_FOR_ROWS = 2_000;

/** Rows created and flushed at a time within the one transaction: the unit of work stays small, whatever the file. */
const BATCH = 1_000;

export interface ImportRequest {
  kind: ImportKind;
  fileName: string;
  content: Buffer;
  isDryRun: boolean;
  /** How the file came, kept on the audit event. */
  channel: 'GRAPHQL' | 'HTTP';
}

/** The import as recorded (null when the request itself was refused), and why it was refused (empty otherwise). */
export interface ImportOutcome {
  import: Import | null;
  errors: MutationError[];
}

/** What checking a file found: its records, what to write for each (when none has a problem), and every problem. */
interface Checked {
  rowCount: number;
  drafts: Draft[];
  problems: StoredProblem[];
}

const problem = (row: number | null, column: string | null, code: MutationErrorCode | null, zh: string, en: string): StoredProblem => ({ row, column, code, zh, en });

/** A NUL, or a surrogate without its pair: text PostgreSQL cannot store (src/limits.ts refuses them at /graphql). */
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * A header as compared: without spaces, with half-width parentheses (a person may type either), and without a
 * required mark a person may add (`企业名称*`, `企业名称（必填）`).
 */
const normalHeader = (header: string) =>
  header.replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')').replace(/(\*|＊|\(必填\))$/, '');

/** Sets a dotted field (`checkCharacterOverride.reason`) of an input. */
function setField(input: Record<string, unknown>, field: string, value: unknown): void {
  const [head, ...rest] = field.split('.');
  if (rest.length === 0) {
    input[head!] = value;
    return;
  }
  const inner = (input[head!] ??= {}) as Record<string, unknown>;
  setField(inner, rest.join('.'), value);
}

/**
 * Checks a file of `spec`'s kind: reads it, matches its header with the template's, reads every cell as the mutation's
 * argument would be read, runs the mutation's own rules on every row (src/modules/*: `…ToCreate`, `…ToRecord`) with the
 * facts they ask preloaded for the whole file, and finds the rows that are the same record. Writes nothing.
 */
export async function checkFile(ctx: RequestContext, spec: KindSpec, content: Buffer): Promise<Checked> {
  const read = await readSheet(content);
  if ('problem' in read) return { rowCount: 0, drafts: [], problems: [problem(null, null, MutationErrorCode.INVALID_INPUT, read.problem.zh, read.problem.en)] };
  const { headers, rows } = read.sheet;
  const rowCount = rows.length;
  const problems: StoredProblem[] = [];

  // The header: the template's columns, by their Chinese names, in any order.
  const byHeader = new Map(spec.columns.map((c) => [normalHeader(c.header), c]));
  const at = new Map<Column, number>();
  const unknown: string[] = [];
  const twice: string[] = [];
  headers.forEach((h, i) => {
    if (h === '') return;
    const column = byHeader.get(normalHeader(h));
    if (!column) unknown.push(h);
    else if (at.has(column)) twice.push(h);
    else at.set(column, i);
  });
  const missing = spec.columns.filter((c) => c.required && !at.has(c)).map((c) => c.header);
  if (missing.length > 0) {
    // Not this kind's template: one problem, not one per row.
    return {
      rowCount,
      drafts: [],
      problems: [
        problem(
          1,
          null,
          MutationErrorCode.INVALID_INPUT,
          `这不是“${spec.title}”的导入模板：缺少必填列 ${missing.map((m) => `“${m}”`).join('、')}。请下载该模板，按第 1 行的列名填写。`,
          `This is not the template of ${spec.kind}: the required columns ${missing.join(', ')} are missing. Download the template and keep its headers in row 1.`,
        ),
      ],
    };
  }
  if (unknown.length > 0) {
    problems.push(
      problem(
        1,
        null,
        MutationErrorCode.INVALID_INPUT,
        `模板中没有这些列：${unknown.map((u) => `“${u}”`).join('、')}。请删除这些列，或改为模板中的列名（见“填写说明”）。`,
        `The template has no columns ${unknown.join(', ')}: remove them, or name them as the template does.`,
      ),
    );
  }
  if (twice.length > 0) {
    problems.push(problem(1, null, MutationErrorCode.INVALID_INPUT, `这些列出现了两次：${twice.map((t) => `“${t}”`).join('、')}。`, `These columns appear twice: ${twice.join(', ')}.`));
  }

  // Each cell read as the mutation's argument would be; a row whose cells cannot be read goes no further.
  const facts = new RegistryFacts(ctx.em);
  await facts.preloadReferenceData();
  const refs = facts.loaded();
  const inputs: { row: number; input: Record<string, unknown> }[] = [];
  for (const { row, cells } of rows) {
    const input: Record<string, unknown> = {};
    let readable = true;
    for (const column of spec.columns) {
      const index = at.get(column);
      const cell: Cell = index === undefined ? null : (cells[index] ?? null);
      if (isEmpty(cell)) {
        if (!column.required) continue;
        // A required text goes to the rules empty, which say what they say of an empty text.
        if (column.holds.type === 'text') {
          setField(input, column.field, '');
          continue;
        }
        problems.push(problem(row, column.header, MutationErrorCode.INVALID_INPUT, '必填，不能为空。', `${column.header} is required.`));
        readable = false;
        continue;
      }
      if (typeof cell === 'string' && UNSTORABLE.test(cell)) {
        problems.push(problem(row, column.header, MutationErrorCode.INVALID_INPUT, '含有无法保存的字符（如 NUL 控制字符）：请删除。', 'Holds a character that cannot be stored (a NUL): remove it.'));
        readable = false;
        continue;
      }
      const parsed = readCell(column, cell, refs);
      if ('problem' in parsed) {
        const p = parsed.problem as { zh: string; en: string; code?: MutationErrorCode };
        problems.push(problem(row, column.header, p.code ?? MutationErrorCode.INVALID_INPUT, p.zh, p.en));
        readable = false;
        continue;
      }
      setField(input, column.field, parsed.value);
    }
    // Cells beyond the named columns would be lost without a word.
    if (cells.some((c, i) => c !== null && c !== undefined && (headers[i] ?? '') === '')) {
      problems.push(problem(row, null, MutationErrorCode.INVALID_INPUT, '这一行在没有列名的列里填了数据：请删除，或补上模板中的列名。', 'This row has data in a column without a header.'));
    }
    if (readable) inputs.push({ row, input });
  }

  // The mutation's rules on every row that could be read, with what they ask preloaded for all of them.
  await spec.preload(facts, inputs.map((i) => i.input));
  const fieldColumn = new Map(spec.columns.map((c) => [`input.${c.field}`, c.header]));
  const drafts: Draft[] = [];
  for (const { row, input } of inputs) {
    const found = new Problems();
    const draft = await spec.prepare(ctx, input, found, facts);
    for (const e of found.list) {
      problems.push(problem(row, e.field ? (fieldColumn.get(e.field) ?? null) : null, e.code, e.chinese ?? `不符合要求（${e.message}）`, e.message));
    }
    if (draft) drafts.push(draft);
  }

  // Rows that are the same record: the later ones, each naming the first.
  if (spec.sameRecord) {
    const same = spec.sameRecord;
    const seen = new Map<string, { row: number; input: Record<string, unknown> }[]>();
    for (const r of inputs) {
      const key = same.key(r.input);
      const earlier = seen.get(key) ?? [];
      const first = earlier.find((e) => !same.clash || same.clash(e.input, r.input));
      if (first) problems.push(problem(r.row, same.column, MutationErrorCode.DUPLICATE, same.zh(first.row), same.en(first.row)));
      seen.set(key, [...earlier, r]);
    }
  }

  // In row order (the file's own first), then in the template's column order.
  const order = new Map(spec.columns.map((c, i) => [c.header, i]));
  problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0) || (order.get(a.column ?? '') ?? -1) - (order.get(b.column ?? '') ?? -1));
  return { rowCount, drafts: problems.length ? [] : drafts, problems };
}

/** A value of another unit of work (a park, an enterprise) as a reference of `em`'s: the write does not load it again. */
function rebind(em: EntityManager, data: EntityData<object>): EntityData<object> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    out[key] = value instanceof BaseEntity ? em.getReference(value.constructor as never, value.id as never) : value;
  }
  return out as EntityData<object>;
}

/** The outbox event of an import's end, told to the administrator who ran it (its account; any administrator for a token). */
const importFinished = (record: Import, viewer: Viewer, status: 'SUCCEEDED' | 'FAILED'): NewEvent => ({
  kind: EventKind.IMPORT_FINISHED,
  importId: record.id,
  payload: { title: record.fileName, status, detail: record.kind, accountId: viewer.account?.id ?? null },
});

/** AUTHORIZATION_GRANTED events of authorizations an import recorded from paper, as `grantAuthorization` writes them. */
async function paperGrants(em: EntityManager, ids: string[]): Promise<NewEvent[]> {
  if (ids.length === 0) return [];
  const rows = await em.execute<AuthorizationFacts[]>(
    `${AUTHORIZATION_FACTS_SQL} where a.id = any(?::uuid[]) order by a.created_at, a.id`,
    [`{${ids.join(',')}}`],
  );
  return rows.map((a) => authorizationEvent(EventKind.AUTHORIZATION_GRANTED, a));
}

/** The audit event's details: what the import was (its record holds the rest). */
const auditDetails = (record: Import, channel: string, extra: Record<string, unknown> = {}) => ({
  import: record.nodeId,
  kind: record.kind,
  fileName: record.fileName,
  fileSha256: record.fileSha256,
  rowCount: record.rowCount,
  isDryRun: record.isDryRun,
  channel,
  ...extra,
});

/** Refuses an import request that cannot be taken (no file name, content not base64): audited, nothing recorded. */
export async function refuseImport(ctx: RequestContext, kind: ImportKind, channel: ImportRequest['channel'], error: MutationError): Promise<ImportOutcome> {
  await recordAudit(ctx.em.fork(), ctx.viewer!, { operation: IMPORT_OPERATION, outcome: AuditOutcome.REFUSED, details: { kind, channel, errors: [error.code] } });
  return { import: null, errors: [error] };
}

/**
 * Imports a file (issue 15 item 3): checks it whole (`checkFile`); a dry run stops there; a real run with any problem
 * is refused with an ImportProblemsError; otherwise every row is written in one transaction, through the unit of work,
 * with the one audit event, all or nothing. A file of more than WAIT_FOR_ROWS records is written in the background:
 * the answer is the import RUNNING, whose progress `import(id)` reads.
 */
export async function importRecords(ctx: RequestContext, request: ImportRequest): Promise<ImportOutcome> {
  const viewer = ctx.viewer!;
  const spec = KINDS[request.kind];
  const fileName = request.fileName.trim();
  if (!fileName || [...fileName].length > 255) {
    const error = new InvalidInputError('input.fileName', 'Give the name of the file, at most 255 characters.').inChinese('请给出文件名，最多 255 个字符。');
    return refuseImport(ctx, request.kind, request.channel, error);
  }
  const checked = await checkFile(ctx, spec, request.content);
  const record = Object.assign(new Import(), {
    id: randomUUID(),
    kind: request.kind,
    fileName,
    fileSha256: createHash('sha256').update(request.content).digest('hex'),
    fileSize: request.content.length,
    isDryRun: request.isDryRun,
    rowCount: checked.rowCount,
    problems: checked.problems,
    actor: storedActor(viewer),
    startedAt: new Date(),
  });

  if (request.isDryRun || checked.problems.length > 0) {
    const refused = !request.isDryRun;
    Object.assign(record, {
      status: checked.problems.length ? ImportStatus.FAILED : ImportStatus.SUCCEEDED,
      processedRows: refused ? 0 : checked.rowCount,
      finishedAt: new Date(),
    });
    const errors = refused ? [new ImportProblemsError(checked.problems.length)] : [];
    await ctx.em.fork().transactional(async (tx) => {
      tx.persist(record);
      await tx.flush();
      await recordAudit(tx as EntityManager, viewer, {
        operation: IMPORT_OPERATION,
        outcome: refused ? AuditOutcome.REFUSED : AuditOutcome.DONE,
        details: auditDetails(record, request.channel, refused ? { errors: errors.map((e) => e.code) } : {}),
      });
    });
    return { import: record, errors };
  }

  // Started: the record is RUNNING, committed, so it can be polled while the rows are written.
  Object.assign(record, { status: ImportStatus.RUNNING, processedRows: 0 });
  const em = ctx.em.fork();
  em.persist(record);
  await em.flush();
  const written = track(record.id, (advance) => writeRows(em.fork(), record, checked.drafts, viewer, request.channel, advance));
  if (checked.rowCount > WAIT_FOR_ROWS) {
    written.catch((err) => ctx.log.error({ err, import: record.id }, 'import failed while writing'));
    return { import: record, errors: [] };
  }
  await written.catch((err) => ctx.log.error({ err, import: record.id }, 'import failed while writing'));
  return { import: await ctx.em.fork().findOneOrFail(Import, record.id), errors: [] };
}

/**
 * Writes every row in one transaction, `BATCH` at a time through the unit of work (flushed, then let go, so memory
 * stays flat), with the import's audit event and its SUCCEEDED, all committed together. The triggers that keep the
 * zone's rollups fire with each batch's statements, in the same transaction. On failure nothing is written: the import
 * is marked FAILED, with its event, apart.
 */
async function writeRows(em: EntityManager, record: Import, drafts: Draft[], viewer: Viewer, channel: string, advance: (rows: number) => void): Promise<void> {
  try {
    await em.transactional(async (tx) => {
      const granted: string[] = [];
      // Held until commit: a server starting meanwhile sees this import is alive (import.runs.ts failAbandonedImports).
      await tx.execute(`select pg_advisory_xact_lock(${IMPORT_LOCK})`, [record.id]);
      for (let i = 0; i < drafts.length; i += BATCH) {
        const batch = drafts.slice(i, i + BATCH);
        for (const d of batch) {
          const made = tx.create(d.entity, rebind(tx as EntityManager, d.data) as never) as { id?: string };
          // Paper authorizations are announced as granted ones are (src/events/authorization-events.ts).
          if (d.entity === DataAuthorization && made.id) granted.push(made.id);
        }
        await tx.flush();
        tx.clear();
        advance(batch.length);
      }
      await recordAudit(tx as EntityManager, viewer, { operation: IMPORT_OPERATION, outcome: AuditOutcome.DONE, details: auditDetails(record, channel) });
      const done = await tx.execute<{ id: string }[]>(
        `update data_import set status = 'SUCCEEDED', processed_rows = ?, finished_at = now(), updated_at = now() where id = ? and status = 'RUNNING' returning id`,
        [drafts.length, record.id],
      );
      // Marked FAILED meanwhile (by a server that thought this one gone): then nothing of it is kept.
      if (done.length === 0) throw new Error(`import ${record.id} is no longer RUNNING`);
      await announceNow(tx as EntityManager, [importFinished(record, viewer, 'SUCCEEDED'), ...(await paperGrants(tx as EntityManager, granted))]);
    });
  } catch (err) {
    const duplicate = err instanceof UniqueConstraintViolationException || (err as { code?: unknown }).code === '23P01';
    const failure = duplicate
      ? problem(null, null, MutationErrorCode.DUPLICATE, '写入时发现重复：校验之后，另一项操作登记了相同的记录。没有写入任何数据，请重新导入（将列出重复的行）。', 'While writing, a record was found registered meanwhile by another operation. Nothing was written: import the file again to see which rows.')
      : problem(null, null, null, '写入失败，没有写入任何数据：请稍后重新导入。', 'Writing failed and nothing was written: import the file again later.');
    const fresh = em.fork();
    await fresh.transactional(async (tx) => {
      await tx.execute(
        `update data_import set status = 'FAILED', processed_rows = 0, finished_at = now(), updated_at = now(), problems = problems || ?::jsonb where id = ? and status = 'RUNNING'`,
        [JSON.stringify([failure]), record.id],
      );
      await announceNow(tx as EntityManager, [importFinished(record, viewer, 'FAILED')]);
      await recordAudit(tx as EntityManager, viewer, {
        operation: IMPORT_OPERATION,
        outcome: AuditOutcome.FAILED,
        details: auditDetails(record, channel, { error: duplicate ? 'DUPLICATE' : 'INTERNAL_SERVER_ERROR' }),
      });
    });
    throw err;
  }
}
