import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * The imports this process is writing, and how far each is. Kept in memory, outside the transaction that writes the
 * rows: a client polling `import(id)` reads the count while that transaction is still open (its writes are not yet
 * visible to anyone else, and an update of the import's row would be invisible too until it commits).
 */
const running = new Map<string, { processed: number; done: Promise<void> }>();

/** The rows written so far by an import this process is running, or undefined. */
export function progressOf(id: string): number | undefined {
  return running.get(id)?.processed;
}

/** Runs `write` for import `id`, counting its progress (`advance`) until it settles. */
export function track(id: string, write: (advance: (rows: number) => void) => Promise<void>): Promise<void> {
  const run = { processed: 0, done: Promise.resolve() };
  run.done = write((rows) => {
    run.processed += rows;
  }).finally(() => running.delete(id));
  running.set(id, run);
  return run.done;
}

/** Waits until every import this process is writing has settled (before the server stops), or `ms` have passed. */
export async function settleImports(ms: number): Promise<void> {
  const all = Promise.allSettled([...running.values()].map((r) => r.done));
  await Promise.race([all, new Promise((resolve) => setTimeout(resolve, ms).unref())]);
}

/** The advisory lock a writing transaction holds on its import (two int keys: this feature's, and the import's). */
export const IMPORT_LOCK = `hashtext('innozone-import'), hashtext(?::text)`;

/**
 * Marks FAILED the imports left RUNNING by a process that stopped while writing (its transaction rolled back, so
 * nothing was written): those this process is not running and whose writing transaction holds no lock, so another
 * server sharing the database keeps its own. Run when the server starts. Returns how many it marked.
 */
export async function failAbandonedImports(em: EntityManager): Promise<number> {
  const mine = [...running.keys()];
  // A database not migrated yet has no imports to mend (the server still answers /healthz and /readyz on it).
  const [table] = await em.execute<{ exists: boolean }[]>(`select to_regclass('data_import') is not null as exists`);
  if (!table?.exists) return 0;
  return em.transactional(async (tx) => {
    const rows = await tx.execute<{ id: string }[]>(
      `update data_import set status = 'FAILED', finished_at = now(), updated_at = now(), processed_rows = 0,
         problems = problems || jsonb_build_array(jsonb_build_object('row', null, 'column', null, 'code', null,
           'zh', '服务器在写入过程中停止，没有写入任何数据：请重新导入。',
           'en', 'The server stopped while the rows were being written; nothing was written: import the file again.'))
       where status = 'RUNNING' and not (id = any(?::uuid[])) and pg_try_advisory_xact_lock(hashtext('innozone-import'), hashtext(id::text))
       returning id`,
      [`{${mine.join(',')}}`],
    );
    return rows.length;
  });
}
