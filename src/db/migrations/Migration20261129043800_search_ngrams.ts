import { Migration } from '@mikro-orm/migrations';

export class Migration20261129043800_search_ngrams extends Migration {

  override async up(): Promise<void> {
    // Every 1- and 2-character gram of a lower-cased text. A GIN index over it serves substring search of any
    // length, Chinese included: pg_trgm cannot, since a 2-character query such as 华工 has no trigram to look up.
    this.addSql(`
      create or replace function innozone_ngrams(t text) returns text[]
      language sql immutable strict parallel safe as \$\$
        select coalesce(array_agg(distinct g), '{}')
        from (
          select substr(lower(t), i, 1) as g from generate_series(1, length(t)) as i
          union all
          select substr(lower(t), i, 2) from generate_series(1, length(t) - 1) as i
        ) grams
      \$\$;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop function if exists innozone_ngrams(text);`);
  }

}
