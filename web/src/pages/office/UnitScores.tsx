import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { request } from '../../api';
import { Chart, type ChartOption } from '../../components/Chart';
import { DataTable } from '../../components/DataTable';
import { TextField } from '../../components/Field';
import { Pager } from '../../components/Pager';
import { Loaded } from '../../components/Status';
import { UnitEvaluationDocument, type UnitEvaluationQuery, UnitScoresDocument, type UnitScoresQuery } from '../../generated/graphql';
import { messages, useFormat } from '../../i18n';
import { useLabel } from '../../labels';
import { useForwardPages } from '../cppcc/paging';

const useText = messages({
  title: ['承办单位评议', 'Handling units’ scores'],
  hint: ['民主评议：各承办单位当年作出的主办答复及提案人的评价，满意率高者在前。', 'Democratic evaluation: each unit’s lead replies of the year and how proposers rated them, best rate first.'],
  year: ['年度', 'Year'],
  list: ['{year}年承办单位满意度', 'Satisfaction with handling units, {year}'],
  unit: ['承办单位', 'Unit'],
  level: ['层级', 'Level'],
  replies: ['主办答复', 'Lead replies'],
  rated: ['已评价', 'Rated'],
  satisfied: ['满意', 'Satisfied'],
  basically: ['基本满意', 'Basically satisfied'],
  dissatisfied: ['不满意', 'Dissatisfied'],
  rate: ['满意率（%）', 'Satisfaction (%)'],
  chart: ['{year}年各承办单位满意率', 'Satisfaction rate by unit, {year}'],
  report: ['{year}年民主评议报告', 'Democratic evaluation report, {year}'],
  reportHint: ['办理态度与办理结果分别评价；得分 = 办理态度均分×40% + 办理结果均分×60%（满意100分、基本满意80分、不满意0分）。', 'Attitude and result are rated apart; the score is 40% the mean for attitude and 60% the mean for result (satisfied 100, basically 80, dissatisfied 0).'],
  handled: ['承办提案', 'Proposals'],
  onTime: ['按时答复', 'On time'],
  categoryA: ['A类', 'A'],
  categoryB: ['B类', 'B'],
  categoryC: ['C类', 'C'],
  ratings: ['评价次数', 'Ratings'],
  attitude: ['态度 满意/基本/不满意', 'Attitude S/B/D'],
  result: ['结果 满意/基本/不满意', 'Result S/B/D'],
  score: ['得分', 'Score'],
});

type Evaluation = UnitEvaluationQuery['unitEvaluation'][number];

type Score = UnitScoresQuery['handlingUnitScores']['nodes'][number];

/** This year in Asia/Shanghai, the default the page opens on. */
const thisYear = () => Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));

/** The democratic evaluation (民主评议) of handling units for a year: a table (导出) and a chart of the rates. */
export function UnitScores() {
  const t = useText();
  const label = useLabel();
  const format = useFormat();
  const [typed, setTyped] = useState(String(thisYear()));
  const year = /^\d{4}$/.test(typed) ? Number(typed) : thisYear();
  const paging = useForwardPages(20, String(year));
  const query = useQuery({
    queryKey: ['scores', year, paging.after ?? null],
    queryFn: () => request(UnitScoresDocument, { year, first: paging.first, after: paging.after }),
    placeholderData: keepPreviousData,
  });
  // The whole report at once: bounded by the registry's handling units.
  const evaluation = useQuery({ queryKey: ['scores', 'evaluation', year], queryFn: () => request(UnitEvaluationDocument, { year }), placeholderData: keepPreviousData });
  const scores = query.data?.handlingUnitScores.nodes;
  const option = useMemo<ChartOption>(
    () => ({
      grid: { left: 200, right: 30, top: 20, bottom: 30 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'value', max: 100 },
      yAxis: { type: 'category', inverse: true, data: (scores ?? []).map((s) => s.unit.name) },
      series: [{ type: 'bar', name: t('rate'), data: (scores ?? []).map((s) => (s.satisfactionRate == null ? null : Number(s.satisfactionRate))) }],
    }),
    [scores, t],
  );
  return (
    <div className="page">
      <h1>{t('title')}</h1>
      <p className="muted">{t('hint')}</p>
      <div className="filters">
        <TextField label={t('year')} type="number" min={2000} max={9999} value={typed} onChange={(e) => setTyped(e.target.value)} />
      </div>
      <Loaded query={query}>
        {(data) => (
          <>
            <DataTable<Score>
              title={t('list', { year })}
              columns={[
                { header: t('unit'), value: (s) => s.unit.name, width: 28 },
                { header: t('level'), value: (s) => label('CppccLevel', s.unit.level) },
                { header: t('replies'), value: (s) => s.replies, align: 'right' },
                { header: t('rated'), value: (s) => s.rated, align: 'right' },
                { header: t('satisfied'), value: (s) => s.satisfied, align: 'right' },
                { header: t('basically'), value: (s) => s.basicallySatisfied, align: 'right' },
                { header: t('dissatisfied'), value: (s) => s.dissatisfied, align: 'right' },
                {
                  header: t('rate'),
                  value: (s) => (s.satisfactionRate == null ? '' : Number(s.satisfactionRate)),
                  render: (s) => (s.satisfactionRate == null ? '—' : format.money(s.satisfactionRate)),
                  align: 'right',
                },
              ]}
              rows={data.handlingUnitScores.nodes}
              rowKey={(s) => s.unit.id}
              footer={<Pager pageInfo={data.handlingUnitScores.pageInfo} totalCount={data.handlingUnitScores.totalCount} size={paging.first} onPage={paging.onPage} />}
            />
            {data.handlingUnitScores.nodes.length > 0 && <Chart option={option} label={t('chart', { year })} height={Math.max(200, data.handlingUnitScores.nodes.length * 36 + 60)} />}
          </>
        )}
      </Loaded>
      <p className="muted small">{t('reportHint')}</p>
      <Loaded query={evaluation}>
        {(data) => (
          <DataTable<Evaluation>
            title={t('report', { year })}
            columns={[
              { header: t('unit'), value: (e) => e.unit.name, width: 28 },
              { header: t('level'), value: (e) => label('CppccLevel', e.unit.level) },
              { header: t('handled'), value: (e) => e.proposalsHandled, align: 'right' },
              { header: t('replies'), value: (e) => e.replies, align: 'right' },
              { header: t('onTime'), value: (e) => e.onTime, align: 'right' },
              { header: t('categoryA'), value: (e) => e.categoryA, align: 'right' },
              { header: t('categoryB'), value: (e) => e.categoryB, align: 'right' },
              { header: t('categoryC'), value: (e) => e.categoryC, align: 'right' },
              { header: t('ratings'), value: (e) => e.ratings, align: 'right' },
              { header: t('attitude'), value: (e) => `${e.attitudeSatisfied}/${e.attitudeBasicallySatisfied}/${e.attitudeDissatisfied}`, align: 'right' },
              { header: t('result'), value: (e) => `${e.resultSatisfied}/${e.resultBasicallySatisfied}/${e.resultDissatisfied}`, align: 'right' },
              { header: t('score'), value: (e) => (e.score == null ? '' : Number(e.score)), render: (e) => (e.score == null ? '—' : format.money(e.score)), align: 'right' },
            ]}
            rows={data.unitEvaluation}
            rowKey={(e) => e.unit.id}
          />
        )}
      </Loaded>
    </div>
  );
}
