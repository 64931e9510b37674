import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 16, part A1: CPPCC handling as practised.
 * - Proposal numbers (提案号, given at acceptance, 1, 2, 3 … per level and session) and sessions (届次, 次会议, at the
 *   plenary or between sessions). Proposals already submitted are counted with their level's session of December
 *   2026 (政协武汉市十五届五次, 湖北省十三届四次, 全国十四届四次: CPPCC_SESSIONS' default), between sessions; those
 *   accepted (and further on) are numbered in the order they were submitted. Drafts keep no session until submitted.
 * - The day of assignment (from the timeline's last ASSIGNED step), the lead unit's request for more time and the
 *   office's decision, the supervision of key proposals (those already key: supervised by no named leader yet, since
 *   their acceptance).
 * - A reply's signer (签发人) and publication: replies given before are signed with their unit's name, and not
 *   published (不予公开): nobody decided to publish them.
 * - WITHDRAWN (撤案), and the timeline's new actions (`add value`: no migration uses them).
 * - The national list of rejection grounds: `rejection_ground` is rebuilt (a value added in the migrations' one
 *   transaction could not be used in it). VAGUE_CONTENT → NO_CONCRETE_PROPOSAL, PENDING_LITIGATION → IN_LITIGATION,
 *   PARTY_INTERNAL (a party's or organization's internal matter) → DEMOCRATIC_PARTY_INTERNAL. SEVERAL_ISSUES,
 *   OUTSIDE_REMIT, ALREADY_RESOLVED and OTHER_CHANNEL are no ground on the national list (such proposals are split,
 *   re-routed or merged): a proposal rejected on one stays REJECTED, with no ground, the old one said in its review
 *   note, so nothing it was told is lost.
 */
const OLD_GROUNDS: Record<string, string> = {
  SEVERAL_ISSUES: '一案多事',
  OUTSIDE_REMIT: '不属职责范围',
  ALREADY_RESOLVED: '已经解决或正在解决',
  OTHER_CHANNEL: '应通过其他渠道反映',
};
const MAPPED: Record<string, string> = {
  STATE_SECRETS: 'STATE_SECRETS',
  PENDING_LITIGATION: 'IN_LITIGATION',
  PERSONAL_REQUEST: 'PERSONAL_REQUEST',
  VAGUE_CONTENT: 'NO_CONCRETE_PROPOSAL',
  ACADEMIC_DISCUSSION: 'ACADEMIC_DISCUSSION',
  PARTY_INTERNAL: 'DEMOCRATIC_PARTY_INTERNAL',
};
const NEW_GROUNDS = [
  'STATE_SECRETS',
  'PROHIBITED_BY_STATE',
  'PARTY_INTERNAL_PERSONNEL',
  'DEMOCRATIC_PARTY_INTERNAL',
  'IN_LITIGATION',
  'ACADEMIC_DISCUSSION',
  'PERSONAL_REQUEST',
  'PROMOTES_SPECIFIC_PRODUCT',
  'NAMED_ACCUSATION',
  'NO_CONCRETE_PROPOSAL',
];
const list = (values: string[]) => values.map((v) => `'${v}'`).join(', ');
const cases = (column: string, map: Record<string, string>) =>
  `case ${column}::text ${Object.entries(map).map(([from, to]) => `when '${from}' then '${to}'`).join(' ')} end`;

export class Migration20261213090000_cppcc_flow extends Migration {
  override async up(): Promise<void> {
    // Statuses and actions.
    this.addSql(`alter type "proposal_status" add value if not exists 'WITHDRAWN';`);
    for (const action of ['WITHDRAWN', 'RETURNED', 'EXTENSION_REQUESTED', 'EXTENSION_APPROVED', 'EXTENSION_REFUSED', 'SUPERVISED']) {
      this.addSql(`alter type "proposal_action" add value if not exists '${action}';`);
    }

    // Numbers, sessions, assignment day, extension, supervision.
    this.addSql(`create type "extension_decision" as enum ('PENDING', 'APPROVED', 'REFUSED');`);
    this.addSql(
      `alter table "proposal" add column "number" int null, add column "session_term" smallint null, add column "session_number" smallint null,
         add column "is_during_plenary" boolean null, add column "assigned_on" date null, add column "extension_until" date null,
         add column "extension_reason" text null, add column "extension_requested_at" timestamptz null,
         add column "extension_decision" "extension_decision" null, add column "extension_decided_at" timestamptz null,
         add column "extension_note" text null, add column "supervision_leaders" text[] null, add column "supervision_note" text null,
         add column "supervised_at" timestamptz null;`,
    );
    this.addSql(
      `update "proposal" set "session_term" = case "level" when 'MUNICIPAL' then 15 when 'PROVINCIAL' then 13 else 14 end,
         "session_number" = case "level" when 'MUNICIPAL' then 5 else 4 end, "is_during_plenary" = false
       where "status" <> 'DRAFT';`,
    );
    this.addSql(
      `update "proposal" p set "number" = n.number
       from (select id, row_number() over (partition by level, session_term, session_number order by submitted_at, created_at, id)::int as number
             from proposal where status in ('ACCEPTED', 'ASSIGNED', 'REPLIED', 'CLOSED')) n
       where p.id = n.id;`,
    );
    this.addSql(
      `update "proposal" p set "assigned_on" = (select (max(e.occurred_at) at time zone 'Asia/Shanghai')::date from proposal_event e where e.proposal_id = p.id and e.action = 'ASSIGNED')
       where p.status in ('ASSIGNED', 'REPLIED', 'CLOSED');`,
    );
    this.addSql(
      `update "proposal" p set "supervision_leaders" = '{}',
         "supervised_at" = coalesce((select min(e.occurred_at) from proposal_event e where e.proposal_id = p.id and e.action = 'ACCEPTED'), p.updated_at)
       where p.is_key;`,
    );
    this.addSql(
      `alter table "proposal" add constraint "proposal_number_unique" unique ("level", "session_term", "session_number", "number");`,
    );

    // Replies: signer and publication.
    this.addSql(`create type "publication" as enum ('PUBLIC', 'ON_REQUEST', 'NOT_PUBLIC');`);
    this.addSql(`alter table "proposal_reply" add column "signed_by" text null, add column "publication" "publication" null;`);
    this.addSql(`update "proposal_reply" r set "signed_by" = u.name, "publication" = 'NOT_PUBLIC' from handling_unit u where u.id = r.unit_id;`);
    this.addSql(`alter table "proposal_reply" alter column "signed_by" set not null, alter column "publication" set not null;`);

    // The national list of rejection grounds.
    for (const [old, words] of Object.entries(OLD_GROUNDS)) {
      this.addSql(
        `update "proposal" set "review_note" = concat_ws('', "review_note", case when "review_note" is null then '' else '（' end, '原不予立案理由：${words}', case when "review_note" is null then '' else '）' end)
         where "rejection_ground" = '${old}';`,
      );
    }
    this.addSql(`alter type "rejection_ground" rename to "rejection_ground_before_national_list";`);
    this.addSql(`create type "rejection_ground" as enum (${list(NEW_GROUNDS)});`);
    this.addSql(
      `alter table "proposal" alter column "rejection_ground" type "rejection_ground" using (${cases('"rejection_ground"', MAPPED)})::"rejection_ground";`,
    );
    this.addSql(`drop type "rejection_ground_before_national_list";`);
    // The timeline's rejections name their ground: the new name where there is one.
    for (const [from, to] of Object.entries(MAPPED).filter(([a, b]) => a !== b)) {
      this.addSql(`update "proposal_event" set "note" = '${to}' where "action" = 'REJECTED' and "note" = '${from}';`);
    }
  }

  override async down(): Promise<void> {
    this.addSql(`alter type "rejection_ground" rename to "rejection_ground_national_list";`);
    this.addSql(
      `create type "rejection_ground" as enum ('STATE_SECRETS', 'PENDING_LITIGATION', 'PERSONAL_REQUEST', 'VAGUE_CONTENT', 'SEVERAL_ISSUES', 'OUTSIDE_REMIT', 'ALREADY_RESOLVED', 'ACADEMIC_DISCUSSION', 'PARTY_INTERNAL', 'OTHER_CHANNEL');`,
    );
    const back = Object.fromEntries(Object.entries(MAPPED).map(([a, b]) => [b, a]));
    this.addSql(`alter table "proposal" alter column "rejection_ground" type "rejection_ground" using (${cases('"rejection_ground"', back)})::"rejection_ground";`);
    this.addSql(`drop type "rejection_ground_national_list";`);
    this.addSql(`alter table "proposal_reply" drop column "signed_by", drop column "publication";`);
    this.addSql(`drop type "publication";`);
    this.addSql(`alter table "proposal" drop constraint "proposal_number_unique";`);
    this.addSql(
      `alter table "proposal" drop column "number", drop column "session_term", drop column "session_number", drop column "is_during_plenary",
         drop column "assigned_on", drop column "extension_until", drop column "extension_reason", drop column "extension_requested_at",
         drop column "extension_decision", drop column "extension_decided_at", drop column "extension_note", drop column "supervision_leaders",
         drop column "supervision_note", drop column "supervised_at";`,
    );
    this.addSql(`drop type "extension_decision";`);
  }
}
