import { Migration } from '@mikro-orm/migrations';

export class Migration20261129054047_audit_chain extends Migration {

  override async up(): Promise<void> {
    // The audit trail is append-only in the database itself, whatever the code does.
    this.addSql(`
      create function innozone_audit_refuse() returns trigger language plpgsql as \$\$
      begin
        raise exception 'audit_event is append-only: % is refused', tg_op using errcode = 'insufficient_privilege';
      end
      \$\$;`);
    this.addSql(`create trigger audit_event_append_only before update or delete on audit_event
      for each row execute function innozone_audit_refuse();`);
    this.addSql(`create trigger audit_event_no_truncate before truncate on audit_event
      for each statement execute function innozone_audit_refuse();`);

    // Each event carries the hash of the one before. Under one lock per transaction the event takes its place
    // (seq) and the previous hash, so the order of the chain is the order of seq even with concurrent writers.
    // The hash is SHA-256 of a JSON array of the event's fields and the previous hash (audit:verify rebuilds it).
    this.addSql(`
      create function innozone_audit_chain() returns trigger language plpgsql as \$\$
      declare
        previous text;
      begin
        perform pg_advisory_xact_lock(7235001);
        new.seq := nextval(pg_get_serial_sequence('audit_event', 'seq'));
        new.at := coalesce(new.at, now());
        select hash into previous from audit_event order by seq desc limit 1;
        new.prev_hash := coalesce(previous, repeat('0', 64));
        new.hash := encode(sha256(convert_to(jsonb_build_array(
          new.seq::text,
          to_char(new.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
          new.actor_role, new.actor_org, new.operation, new.enterprise_id::text, new.purpose,
          new.authorization_id::text, new.outcome, new.details, new.prev_hash
        )::text, 'UTF8')), 'hex');
        return new;
      end
      \$\$;`);
    this.addSql(`create trigger audit_event_chain before insert on audit_event
      for each row execute function innozone_audit_chain();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists audit_event_chain on audit_event;`);
    this.addSql(`drop trigger if exists audit_event_no_truncate on audit_event;`);
    this.addSql(`drop trigger if exists audit_event_append_only on audit_event;`);
    this.addSql(`drop function if exists innozone_audit_chain();`);
    this.addSql(`drop function if exists innozone_audit_refuse();`);
  }

}
