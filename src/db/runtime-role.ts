import { Client } from 'pg';

/** The role embedded PostgreSQL creates for the server to run as (the owner, `innozone`, migrates). */
export const EMBEDDED_RUNTIME_ROLE = 'innozone_app';

/** The schemas the server reads and writes: the entities', the rollups' (written by triggers, as the caller) and the idempotency answers'. */
const SCHEMAS = ['public', 'rollup', 'idempotency'];

/**
 * Gives `role` what the running server needs and nothing more, on the database of `ownerUrl`, as its owner (after
 * every migration, so new tables are covered): read and write the registry; on the audit trail and the eligibility receipts only SELECT and INSERT
 * (PostgreSQL's own triggers refuse UPDATE, DELETE and TRUNCATE to anyone, and only the owner could disable them, which
 * this role is not); no DDL, no TRUNCATE anywhere. Idempotent.
 */
export async function grantRuntimeRole(ownerUrl: string, role: string): Promise<void> {
  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const r = client.escapeIdentifier(role);
    const { rows } = await client.query<{ db: string }>('select current_database() as db');
    await client.query('begin');
    await client.query(`grant connect, temporary on database ${client.escapeIdentifier(rows[0]!.db)} to ${r}`);
    for (const schema of SCHEMAS) {
      const s = client.escapeIdentifier(schema);
      await client.query(`grant usage on schema ${s} to ${r}`);
      await client.query(`revoke create on schema ${s} from ${r}`);
      await client.query(`grant select, insert, update, delete on all tables in schema ${s} to ${r}`);
      await client.query(`revoke truncate, references, trigger on all tables in schema ${s} from ${r}`);
      await client.query(`grant usage, select on all sequences in schema ${s} to ${r}`);
    }
    await client.query(`revoke update, delete on table public.audit_event from ${r}`);
    await client.query(`revoke update, delete on table public.eligibility_receipt from ${r}`);
    // The migrations' own bookkeeping is the owner's.
    await client.query(`revoke all on table public.mikro_orm_migrations from ${r}`);
    await client.query('commit');
  } catch (err) {
    await client.query('rollback').catch(() => undefined);
    throw err;
  } finally {
    await client.end();
  }
}

/** The user name a connection URL logs in as. */
export const userOf = (url: string): string => decodeURIComponent(new URL(url).username);
