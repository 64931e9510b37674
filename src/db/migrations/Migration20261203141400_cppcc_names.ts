import { Migration } from '@mikro-orm/migrations';

/** The timeline's actions before API v1 (free text) and what each is called now (the `proposal_action` enum). */
const ACTIONS: [string, string][] = [
  ['ACCEPT', 'ACCEPTED'],
  ['REJECT', 'REJECTED'],
  ['CONVERT_TO_LETTER', 'CONVERTED_TO_LETTER'],
  ['CONVERT_TO_REPORT', 'CONVERTED_TO_REPORT'],
  ['CO_HANDLER_OPINION', 'CO_HANDLER_REPLIED'],
];

const ACTION_VALUES = [
  'DRAFTED', 'EDITED', 'EVIDENCE_ATTACHED', 'COSIGNED', 'SUBMITTED', 'ACCEPTED', 'REJECTED', 'CONVERTED_TO_LETTER', 'CONVERTED_TO_REPORT',
  'ASSIGNED', 'CO_HANDLER_REPLIED', 'REPLIED', 'RATED_SATISFIED', 'RATED_BASICALLY_SATISFIED', 'RATED_DISSATISFIED', 'ESCALATED',
];

const LEVELS: [string, string][] = [
  ['CITY', 'MUNICIPAL'],
  ['PROVINCE', 'PROVINCIAL'],
  ['NATION', 'NATIONAL'],
];

const CATEGORIES: [string, string][] = [
  ['A', 'RESOLVED_OR_ADOPTED'],
  ['B', 'BEING_ADDRESSED'],
  ['C', 'FOR_REFERENCE'],
];

const list = (values: string[]) => values.map((v) => `'${v}'`).join(', ');

/**
 * The CPPCC names of API v1 (issue 14), in the database as in the schema: levels named as adjectives (NATION →
 * NATIONAL), reply categories for what they mean (A → RESOLVED_OR_ADOPTED), booleans as questions (`key` → `is_key`),
 * a date ending in "on" and an instant in "at" (`due_date` → `due_on`, `at` → `occurred_at`), the timeline's action a
 * closed set (text → the `proposal_action` enum, the review's decisions named as what happened: ACCEPT → ACCEPTED), and
 * no `version` on policy requests, which no mutation updates. Renames keep every row.
 */
export class Migration20261203141400_cppcc_names extends Migration {
  override async up(): Promise<void> {
    for (const [from, to] of LEVELS) this.addSql(`alter type "cppcc_level" rename value '${from}' to '${to}';`);
    this.addSql(`alter type "reply_result" rename to "reply_category";`);
    for (const [from, to] of CATEGORIES) this.addSql(`alter type "reply_category" rename value '${from}' to '${to}';`);
    this.addSql(`alter table "proposal_reply" rename column "result" to "category";`);
    this.addSql(`alter table "proposal_reply" rename column "lead" to "is_lead";`);
    this.addSql(`alter table "proposal" rename column "key" to "is_key";`);
    this.addSql(`alter table "proposal" rename column "complex" to "is_complex";`);
    this.addSql(`alter table "proposal" rename column "due_date" to "due_on";`);
    this.addSql(`alter table "proposal_event" rename column "at" to "occurred_at";`);
    this.addSql(`alter index "proposal_event_proposal_id_at_index" rename to "proposal_event_proposal_id_occurred_at_index";`);
    for (const [from, to] of ACTIONS) this.addSql(`update "proposal_event" set "action" = '${to}' where "action" = '${from}';`);
    this.addSql(`create type "proposal_action" as enum (${list(ACTION_VALUES)});`);
    this.addSql(`alter table "proposal_event" alter column "action" type "proposal_action" using ("action"::"proposal_action");`);
    this.addSql(`alter table "policy_request" drop column "version";`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "policy_request" add column "version" int not null default 1;`);
    this.addSql(`alter table "proposal_event" alter column "action" type text using ("action"::text);`);
    this.addSql(`drop type "proposal_action";`);
    for (const [from, to] of ACTIONS) this.addSql(`update "proposal_event" set "action" = '${from}' where "action" = '${to}';`);
    this.addSql(`alter index "proposal_event_proposal_id_occurred_at_index" rename to "proposal_event_proposal_id_at_index";`);
    this.addSql(`alter table "proposal_event" rename column "occurred_at" to "at";`);
    this.addSql(`alter table "proposal" rename column "due_on" to "due_date";`);
    this.addSql(`alter table "proposal" rename column "is_complex" to "complex";`);
    this.addSql(`alter table "proposal" rename column "is_key" to "key";`);
    this.addSql(`alter table "proposal_reply" rename column "is_lead" to "lead";`);
    this.addSql(`alter table "proposal_reply" rename column "category" to "result";`);
    for (const [from, to] of CATEGORIES) this.addSql(`alter type "reply_category" rename value '${to}' to '${from}';`);
    this.addSql(`alter type "reply_category" rename to "reply_result";`);
    for (const [from, to] of LEVELS) this.addSql(`alter type "cppcc_level" rename value '${to}' to '${from}';`);
  }
}
