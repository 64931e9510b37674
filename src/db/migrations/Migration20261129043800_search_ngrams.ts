import { Migration } from '@mikro-orm/migrations';

export class Migration20261129043800_search_ngrams extends Migration {

  override async up(): Promise<void> {
    // Every 1- and 2-character gram of a lower-cased text. A GIN index over it serves substring search of any
    // length, Chinese included: pg_trgm cannot, since a 2-character query such as 华工 has no trigram to look up.
    // plpgsql rather than SQL: the loop is about five times faster than an aggregate over generate_series, which
    // matters when the index is built over 100k enterprises. GIN ignores the repeated grams.
    this.addSql(`
      create or replace function innozone_ngrams(t text) returns text[]
      language plpgsql immutable strict parallel safe as $$
      declare
        s text := lower(t);
        grams text[] := string_to_array(s, null);
      begin
        for i in 1 .. length(s) - 1 loop
          grams := grams || substr(s, i, 2);
        end loop;
        return grams;
      end
      $$;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop function if exists innozone_ngrams(text);`);
  }

}
