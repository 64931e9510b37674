import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { ApiError, request } from '../../api';
import { DataTable, type Column } from '../../components/DataTable';
import { SelectField } from '../../components/Field';
import { Pager, type PageCursor } from '../../components/Pager';
import { Loaded, useErrorText } from '../../components/Status';
import { ImportProgressDocument, RecentImportsDocument, type ImportFieldsFragment, type ImportKind } from '../../generated/graphql';
import { messages, useFormat, useLanguage } from '../../i18n';
import { useEnumOptions, useLabel } from '../../labels';

const useText = messages({
  title: ['数据导入', 'Import'],
  intro: [
    '从 Excel（.xlsx）或 CSV 文件导入。先“检查”：列出每一行的问题，不写入任何数据；没有问题再“导入”：全部写入或全部不写入，并作为一次导入记入审计日志。',
    'From Excel (.xlsx) or CSV. “Check” first: every row’s problems are listed and nothing is written; then “Import”: every row is written or none, audited as one import.',
  ],
  kind: ['导入内容', 'What'],
  template: ['下载模板：', 'Template: '],
  file: ['选择文件', 'File'],
  check: ['检查（不写入）', 'Check (writes nothing)'],
  run: ['导入', 'Import'],
  choose: ['请先选择 .xlsx 或 .csv 文件。', 'Choose an .xlsx or .csv file first.'],
  wrongType: ['只能导入 .xlsx 或 .csv 文件。', 'Only .xlsx and .csv files can be imported.'],
  working: ['正在处理…', 'Working…'],
  result: ['结果', 'Result'],
  status: ['状态', 'Status'],
  rows: ['行数', 'Rows'],
  progress: ['已写入 {done} / {all} 行', '{done} of {all} rows written'],
  checkedOk: ['检查通过：{rows} 行均无问题，可以导入。', 'Checked: none of the {rows} rows has a problem; it can be imported.'],
  checkedBad: ['检查发现 {count} 个问题，未写入任何数据。请改正后重新检查。', '{count} problem(s) found; nothing was written. Correct them and check again.'],
  importedOk: ['导入成功：已写入 {rows} 行。', 'Imported: {rows} rows written.'],
  importedBad: ['未导入：发现 {count} 个问题，未写入任何数据。', 'Not imported: {count} problem(s); nothing was written.'],
  problems: ['问题清单', 'Problems'],
  row: ['行', 'Row'],
  column: ['列', 'Column'],
  message: ['问题', 'Problem'],
  wholeFile: ['（整个文件）', '(the whole file)'],
  recent: ['导入记录', 'Imports'],
  when: ['开始时间', 'Started'],
  fileName: ['文件名', 'File'],
  mode: ['方式', 'Mode'],
  dryRun: ['检查', 'Check'],
  realRun: ['导入', 'Import'],
  by: ['操作人', 'By'],
  problemCount: ['问题数', 'Problems'],
});

const SLUG: Record<ImportKind, string> = {
  ENTERPRISES: 'enterprises',
  FISCAL_YEAR_FIGURES: 'fiscal-year-figures',
  CREDIT_RATINGS: 'credit-ratings',
  TAX_CREDIT_GRADES: 'tax-credit-grades',
  DISHONEST_DEBTOR_CHECKS: 'dishonest-debtor-checks',
  PAPER_AUTHORIZATIONS: 'paper-authorizations',
};

const TYPES: Record<string, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
};

type Problem = ImportFieldsFragment['problems'][number];

/** The answer of POST /imports/:kind: the import as GraphQL reads it, or the refusal's errors. */
type Posted = { import: ImportFieldsFragment | null; errors?: { code: string; message: string }[] };

/**
 * 数据导入 (issue 15 item 3): a template per kind, a check that writes nothing, then the import, all rows or none;
 * a large file is written in the background and its progress read from `import(id)`.
 */
export function ImportsPage() {
  const t = useText();
  const label = useLabel();
  const options = useEnumOptions();
  const format = useFormat();
  const errorText = useErrorText();
  const { language } = useLanguage();
  const gqlLanguage = language === 'zh' ? 'CHINESE' : 'ENGLISH';
  const client = useQueryClient();
  const [kind, setKind] = useState<ImportKind>('ENTERPRISES');
  const file = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [current, setCurrent] = useState<string | null>(null);
  const [cursor, setCursor] = useState<PageCursor>({ first: 10 });

  const progress = useQuery({
    queryKey: ['import', current, gqlLanguage],
    enabled: current !== null,
    queryFn: async () => (await request(ImportProgressDocument, { id: current!, language: gqlLanguage })).import,
    // While it is written in the background, ask every second.
    refetchInterval: (query) => (query.state.data?.status === 'RUNNING' ? 1000 : false),
  });
  const recent = useQuery({
    queryKey: ['imports', cursor, gqlLanguage],
    queryFn: () => request(RecentImportsDocument, { first: 'first' in cursor ? cursor.first : 10, after: 'first' in cursor ? cursor.after : undefined, language: gqlLanguage }),
  });

  const send = async (isDryRun: boolean) => {
    const chosen = file.current?.files?.[0];
    setError(null);
    if (!chosen) return setError(t('choose'));
    const type = TYPES[chosen.name.split('.').pop()?.toLowerCase() ?? ''];
    if (!type) return setError(t('wrongType'));
    setBusy(true);
    try {
      const response = await fetch(`/imports/${SLUG[kind]}?dryRun=${isDryRun}&language=${gqlLanguage}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': type, 'x-file-name': encodeURIComponent(chosen.name), accept: 'application/json' },
        body: chosen,
      });
      const body = (await response.json().catch(() => null)) as (Posted & { errors?: { message: string; extensions?: { code?: string } }[] }) | null;
      if (!body?.import) {
        const first = body?.errors?.[0] as { message: string; extensions?: { code?: string }; code?: string } | undefined;
        throw new ApiError(first?.message ?? `HTTP ${response.status}`, String(first?.extensions?.code ?? first?.code ?? `HTTP_${response.status}`), response.status);
      }
      client.setQueryData(['import', body.import.id, gqlLanguage], body.import);
      setCurrent(body.import.id);
      void client.invalidateQueries({ queryKey: ['imports'] });
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  const summary = (i: ImportFieldsFragment) => {
    const count = i.problems.length;
    if (i.status === 'RUNNING') return t('progress', { done: format.number(i.processedRows), all: format.number(i.rowCount) });
    if (i.isDryRun) return count ? t('checkedBad', { count }) : t('checkedOk', { rows: format.number(i.rowCount) });
    return i.status === 'SUCCEEDED' ? t('importedOk', { rows: format.number(i.processedRows) }) : t('importedBad', { count });
  };

  const problemColumns: Column<Problem>[] = [
    { header: t('row'), value: (p) => p.row ?? null, render: (p) => p.row ?? t('wholeFile'), align: 'right' },
    { header: t('column'), value: (p) => p.column ?? '—' },
    { header: t('message'), value: (p) => p.message, width: 60 },
  ];
  const importColumns: Column<ImportFieldsFragment>[] = [
    { header: t('when'), value: (i) => format.dateTime(i.startedAt), width: 20 },
    { header: t('kind'), value: (i) => label('ImportKind', i.kind), width: 18 },
    { header: t('fileName'), value: (i) => i.fileName, width: 30 },
    { header: t('mode'), value: (i) => (i.isDryRun ? t('dryRun') : t('realRun')) },
    { header: t('status'), value: (i) => label('ImportStatus', i.status), render: (i) => <span className={i.status === 'SUCCEEDED' ? 'badge ok' : i.status === 'FAILED' ? 'badge bad' : 'badge warn'}>{label('ImportStatus', i.status)}</span> },
    { header: t('rows'), value: (i) => i.rowCount, align: 'right' },
    { header: t('problemCount'), value: (i) => i.problems.length, align: 'right' },
    { header: t('by'), value: (i) => i.actor.name },
  ];

  const shown = progress.data;
  return (
    <div className="page">
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      <form className="card" onSubmit={(e: FormEvent) => e.preventDefault()}>
        <div className="filters">
          <SelectField label={t('kind')} value={kind} onChange={(e) => setKind(e.target.value as ImportKind)} options={options('ImportKind')} />
          <div className="field">
            <label htmlFor="import-file">{t('file')}</label>
            <input id="import-file" ref={file} type="file" accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv" />
          </div>
          <div className="row">
            <button type="button" className="secondary" disabled={busy} onClick={() => void send(true)}>
              {t('check')}
            </button>
            <button type="button" disabled={busy} onClick={() => void send(false)}>
              {t('run')}
            </button>
          </div>
        </div>
        <p className="small">
          {t('template')}
          <a href={`/imports/templates/${SLUG[kind]}.xlsx`} download>
            {label('ImportKind', kind)}.xlsx
          </a>{' '}
          ·{' '}
          <a href={`/imports/templates/${SLUG[kind]}.csv`} download>
            .csv
          </a>
        </p>
        {busy && <p className="muted">{t('working')}</p>}
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
      </form>
      {shown && (
        <section className="card" aria-label={t('result')}>
          <h2>
            {t('result')}：{shown.fileName}（{label('ImportKind', shown.kind)}）
          </h2>
          <p role="status" className={shown.status === 'FAILED' || shown.problems.length ? 'error' : 'ok'}>
            {summary(shown)}
          </p>
          {shown.status === 'RUNNING' && <progress max={shown.rowCount} value={shown.processedRows} style={{ width: '100%' }} />}
        </section>
      )}
      {shown && shown.problems.length > 0 && <DataTable title={t('problems')} columns={problemColumns} rows={shown.problems} rowKey={(p) => `${p.row}-${p.column}-${p.message}`} />}
      <Loaded query={recent}>
        {(data) => (
          <DataTable
            title={t('recent')}
            columns={importColumns}
            rows={data.imports.nodes}
            rowKey={(i) => i.id}
            onRowClick={(i) => setCurrent(i.id)}
            footer={<Pager pageInfo={data.imports.pageInfo} totalCount={data.imports.totalCount} size={10} onPage={setCursor} />}
          />
        )}
      </Loaded>
    </div>
  );
}
