import { Migration } from '@mikro-orm/migrations';
import { sqlArray } from '../../common/sql';
import { namePinyin } from '../../modules/enterprise/pinyin';

/**
 * Pinyin search of enterprises (issue 15: the administrators search by name, pinyin or code): each enterprise's name
 * spelled in pinyin, full and initials, beside the name, with a gram index like the name's. PostgreSQL has no pinyin,
 * so the spelling is made in JavaScript (pinyin-pro, which reads words and so polyphones): here for the enterprises
 * already registered, by the entity on every write, and by the seeds.
 */
export class Migration20261212090100_enterprise_pinyin extends Migration {
  override async up(): Promise<void> {
    await this.execute(`alter table "enterprise" add column "name_pinyin" text null;`);
    const rows = (await this.execute(`select id, name from enterprise`)) as { id: string; name: string }[];
    for (let start = 0; start < rows.length; start += 5000) {
      const chunk = rows.slice(start, start + 5000);
      await this.execute(
        `update enterprise e set name_pinyin = v.p from unnest(?::uuid[], ?::text[]) as v(id, p) where e.id = v.id`,
        [sqlArray(chunk.map((r) => r.id)), sqlArray(chunk.map((r) => namePinyin(r.name)))],
      );
    }
    this.addSql(`alter table "enterprise" alter column "name_pinyin" set not null;`);
    this.addSql(`create index "enterprise_pinyin_idx" on "enterprise" using gin (innozone_ngrams("name_pinyin"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "enterprise_pinyin_idx";`);
    this.addSql(`alter table "enterprise" drop column "name_pinyin";`);
  }
}
