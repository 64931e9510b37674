import { Migration } from '@mikro-orm/migrations';

/**
 * The whole zone's enterprises by industry cluster (产业集群) in `rollup.zone` too (dimension 'cluster', key the
 * cluster's id; enterprises in no cluster have no row), so the administrators' dashboard reads clusters from the
 * rollups as it reads parks. The trigger function and the rebuild are those of zone_rollups with the cluster added.
 */
const ENTERPRISES = (withClusters: boolean) => `
  create or replace function rollup.enterprises() returns trigger language plpgsql as $$
  declare part record;
  begin
    perform 1 from rollup.zone where dimension = 'zone' and key = '' for update;
    for part in select * from (values ('old_rows', -1), ('new_rows', 1)) v(rel, sign)
        where (rel = 'old_rows' and tg_op <> 'INSERT') or (rel = 'new_rows' and tg_op <> 'DELETE') loop
      execute format($q$
        insert into rollup.zone (dimension, key, enterprises, university, capital)
        select dimension, key, sum(n), sum(u), sum(c) from (
          select 'zone' as dimension, '' as key, %1$s::bigint as n,
                 case when university_id is null then 0 else %1$s end::bigint as u, %1$s * coalesce(registered_capital, 0) as c from %2$I
          union all select 'industry', industry::text, %1$s, 0, 0 from %2$I
          union all select 'park', park_id::text, %1$s, 0, 0 from %2$I${
            withClusters ? `
          union all select 'cluster', cluster_id::text, %1$s, 0, 0 from %2$I where cluster_id is not null` : ''}
        ) d group by dimension, key order by dimension, key
        on conflict (dimension, key) do update set enterprises = rollup.zone.enterprises + excluded.enterprises,
          university = rollup.zone.university + excluded.university, capital = rollup.zone.capital + excluded.capital
      $q$, part.sign, part.rel);
    end loop;
    delete from rollup.zone where dimension <> 'zone' and enterprises = 0;
    return null;
  end $$;`;

const REBUILD = (withClusters: boolean) => `
  create or replace function rollup.rebuild() returns void language sql as $$
    delete from rollup.zone;
    insert into rollup.zone (dimension, key, enterprises, university, capital)
      select 'zone', '', count(*), count(university_id), coalesce(sum(registered_capital), 0) from enterprise;
    insert into rollup.zone (dimension, key, enterprises, university, capital)
      select 'industry', industry::text, count(*), 0, 0 from enterprise group by industry;
    insert into rollup.zone (dimension, key, enterprises, university, capital)
      select 'park', park_id::text, count(*), 0, 0 from enterprise group by park_id;${
        withClusters ? `
    insert into rollup.zone (dimension, key, enterprises, university, capital)
      select 'cluster', cluster_id::text, count(*), 0, 0 from enterprise where cluster_id is not null group by cluster_id;` : ''}
    delete from rollup.fiscal_year;
    insert into rollup.fiscal_year (fiscal_year, reporting, revenue, rd_expense, high_tech_revenue, employees, st_staff)
      select fiscal_year, count(*), sum(revenue), sum(rd_expense), sum(high_tech_revenue), sum(employees), sum(st_staff)
      from fiscal_year_financials group by fiscal_year;
    delete from rollup.instrument_kind;
    insert into rollup.instrument_kind (kind, n, amount, active_n, active_amount)
      select i.kind, count(distinct i.id), sum(i.amount * h.share / 100),
             count(distinct i.id) filter (where i.status = 'ACTIVE'), coalesce(sum(i.amount * h.share / 100) filter (where i.status = 'ACTIVE'), 0)
      from financing_instrument i join instrument_holder h on h.instrument_id = i.id group by i.kind;
  $$;`;

export class Migration20261212090000_rollup_clusters extends Migration {
  override async up(): Promise<void> {
    this.addSql(ENTERPRISES(true));
    this.addSql(REBUILD(true));
    this.addSql(`insert into rollup.zone (dimension, key, enterprises, university, capital)
      select 'cluster', cluster_id::text, count(*), 0, 0 from enterprise where cluster_id is not null group by cluster_id;`);
  }

  override async down(): Promise<void> {
    this.addSql(ENTERPRISES(false));
    this.addSql(REBUILD(false));
    this.addSql(`delete from rollup.zone where dimension = 'cluster';`);
  }
}
