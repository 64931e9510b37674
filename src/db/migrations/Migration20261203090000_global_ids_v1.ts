import { Migration } from '@mikro-orm/migrations';

/**
 * API v1's global ids (src/common/global-id.ts): a member's or a handling unit's id stored as the organization of an
 * actor ("CPPCC_MEMBER:<id>", "HANDLING_UNIT:<id>") is rewritten from the pre-v1 form (base64url of "Type:uuid") to
 * today's (a tag, "_", the uuid as 22 base64url characters), so that a viewer's requests, filed by it before v1,
 * stay its own. The audit trail is append-only and keeps the form it was written in (its readers accept both).
 */
const COLUMNS: [table: string, column: string][] = [
  ['enterprise', 'credit_code_overridden_by'],
  ['data_authorization', 'granted_by'],
  ['data_authorization', 'revoked_by'],
  ['policy_request', 'filed_by'],
  ['programme_rule_version', 'recorded_by'],
  ['proposal_event', 'actor'],
];

export class Migration20261203090000_global_ids_v1 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create function pg_temp.v1_actor(actor text) returns text language plpgsql immutable as $$
      declare
        m text[] := regexp_match(actor, '^(CPPCC_MEMBER|HANDLING_UNIT):([A-Za-z0-9_-]+)$');
        b64 text;
        decoded text;
        uuid_text text;
      begin
        if m is null or length(m[2]) < 40 then return actor; end if;
        b64 := translate(m[2], '-_', '+/');
        b64 := b64 || repeat('=', (4 - length(b64) % 4) % 4);
        decoded := convert_from(decode(b64, 'base64'), 'UTF8');
        uuid_text := substring(decoded from '^(?:CppccMember|HandlingUnit):([0-9a-f-]{36})$');
        if uuid_text is null then return actor; end if;
        return m[1] || ':' || (case when decoded like 'CppccMember:%' then 'CPM_' else 'HUN_' end)
          || rtrim(translate(encode(decode(replace(uuid_text, '-', ''), 'hex'), 'base64'), '+/', '-_'), '=');
      end $$;`);
    for (const [table, column] of COLUMNS) {
      this.addSql(`update "${table}" set "${column}" = pg_temp.v1_actor("${column}") where "${column}" ~ '^(CPPCC_MEMBER|HANDLING_UNIT):';`);
    }
  }
}
