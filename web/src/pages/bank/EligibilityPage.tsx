import { useMutation, useQuery } from '@tanstack/react-query';
import { useMemo, useState, type ChangeEvent, type FormEvent } from 'react';
import { request } from '../../api';
import { DataTable, type Column } from '../../components/DataTable';
import { SelectField, TextArea, TextField } from '../../components/Field';
import { ErrorBox, Loaded } from '../../components/Status';
import { exportXlsx, type ExportColumn } from '../../export';
import { BankBatchEligibilityDocument, BankProgramsDocument, type BankBatchEligibilityQuery } from '../../generated/graphql';
import { messages, useFormat, useLanguage } from '../../i18n';
import { useLabel } from '../../labels';
import { ACCEPTED_FILES, codesFromFile, codesFromText, MAX_CODES } from './codes';
import { zoneToday } from './days';
import { type Check, useFigureText } from './figures';

const useText = messages({
  title: ['批量资格查询', 'Batch eligibility check'],
  intro: [
    '对照所选试点政策在查询日施行的规则，逐项审查企业是否符合条件。仅能查询向本行授权了“资格查询”范围的企业；每次查询均生成回执并记入审计日志。',
    'Checks each enterprise against the rules of the chosen pilot program in force on the date, criterion by criterion. Only enterprises that authorized this bank with the ELIGIBILITY scope can be checked; every check gets a receipt and goes on the audit trail.',
  ],
  program: ['试点政策', 'Pilot program'],
  asOf: ['查询日期', 'As of'],
  codes: ['统一社会信用代码', 'Credit codes'],
  codesHint: ['每行一个，或以逗号、空格分隔；最多 1,000 个', 'One a line, or separated by commas or spaces; at most 1,000'],
  file: ['上传代码文件', 'Upload a file of codes'],
  fileHint: ['.txt、.csv 或 .xlsx：在浏览器内读取，文件本身不上传', '.txt, .csv or .xlsx: read in the browser; the file itself is not sent'],
  fileRead: ['已从“{file}”读入 {count} 个代码。', 'Read {count} code(s) from “{file}”.'],
  fileEmpty: ['“{file}”中没有找到代码。', 'No codes found in “{file}”.'],
  fileFailed: ['无法读取“{file}”：{message}', 'Cannot read “{file}”: {message}'],
  count: ['已输入 {count} 个代码', '{count} code(s) entered'],
  tooMany: [
    '一次最多查询 1,000 个代码，当前为 {count} 个，请分批查询。',
    'At most 1,000 codes can be checked at once; there are {count}. Split them into batches.',
  ],
  none: ['请输入或上传至少一个统一社会信用代码。', 'Enter or upload at least one credit code.'],
  check: ['查询', 'Check'],
  checking: ['正在查询…', 'Checking…'],
  summary: [
    '共 {total} 个代码：符合条件 {eligible} 个，不符合条件 {ineligible} 个。',
    '{total} code(s): {eligible} eligible, {ineligible} not eligible.',
  ],
  rules: ['{program} 第 {version} 版规则（{from} 起施行），查询日期 {asOf}', '{program}, rules version {version} (in force from {from}), as of {asOf}'],
  show: ['显示', 'Show'],
  showAll: ['全部', 'All'],
  showEligible: ['符合条件的', 'Eligible'],
  showIneligible: ['不符合条件的', 'Not eligible'],
  results: ['资格查询结果', 'Eligibility results'],
  resultsHint: ['点击一行查看逐项审查明细', 'Click a row for its criteria'],
  index: ['序号', 'No.'],
  creditCode: ['统一社会信用代码', 'Credit code'],
  enterprise: ['企业名称', 'Enterprise'],
  conclusion: ['结论', 'Result'],
  eligible: ['符合条件', 'Eligible'],
  ineligible: ['不符合条件', 'Not eligible'],
  receipt: ['回执编号', 'Receipt'],
  details: ['逐项审查：{code} {name}', 'Criteria: {code} {name}'],
  criterion: ['审查项', 'Criterion'],
  outcome: ['审查结论', 'Outcome'],
  observed: ['认定依据', 'Observed'],
  required: ['认定标准', 'Required'],
  missing: ['缺失数据', 'Missing'],
  detail: ['说明', 'Detail'],
  exportAll: ['导出逐项明细（全部代码）', 'Export every criterion of every code'],
  allDetails: ['资格查询逐项明细', 'Eligibility criteria'],
});

type Result = BankBatchEligibilityQuery['eligibility'][number];
/** A result with its place in the batch (codes may repeat: the place tells them apart). */
type Row = Result & { index: number };
type Show = 'all' | 'eligible' | 'ineligible';

/** The platform's own checks, answered alone when a code cannot be checked: listed before the program's criteria. */
const PLATFORM_CRITERIA = ['CREDIT_CODE_VALID', 'AUTHORIZATION'];

/** One column per criterion met in the answer: the platform's checks (when any answer has one), then the rules' order. */
function criteriaOf(results: readonly Result[]): string[] {
  const seen = new Set<string>(results.flatMap((r) => r.checks.map((c) => c.criterion)));
  const ruled: string[] = results[0]?.rules.criteria.map((c) => c.kind) ?? [];
  const ordered = [...PLATFORM_CRITERIA.filter((k) => seen.has(k) && !ruled.includes(k)), ...ruled];
  return [...ordered, ...[...seen].filter((k) => !ordered.includes(k))];
}

/** A cell of words that wraps (table cells do not by default). */
const WRAP = { whiteSpace: 'normal', minWidth: '14rem', maxWidth: '32rem' } as const;

const OUTCOME_CLASS: Record<string, string> = { PASSED: 'badge ok', FAILED: 'badge bad', UNKNOWN: 'badge warn' };

/** 批量资格查询: a pilot program, a date and up to 1,000 codes (pasted or from a file) → each code's answer, criterion by criterion. */
export function EligibilityPage() {
  const t = useText();
  const label = useLabel();
  const format = useFormat();
  const { language } = useLanguage();
  const figures = useFigureText();
  const programs = useQuery({ queryKey: ['programs'], queryFn: () => request(BankProgramsDocument), staleTime: Infinity });
  const [program, setProgram] = useState('');
  const [asOf, setAsOf] = useState(zoneToday);
  const [text, setText] = useState('');
  const [fileNote, setFileNote] = useState<{ ok: boolean; text: string } | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [show, setShow] = useState<Show>('all');
  const [selected, setSelected] = useState<number | null>(null);
  const codes = useMemo(() => codesFromText(text), [text]);
  const tooMany = codes.length > MAX_CODES;

  const check = useMutation({
    mutationFn: (variables: { program: string; creditCodes: string[]; asOf: string }) => request(BankBatchEligibilityDocument, variables),
    onSuccess: () => {
      setShow('all');
      setSelected(null);
    },
  });

  const chosenProgram = program || programs.data?.programs[0]?.code || '';
  const programName = (p: { name: string; nameEn: string }) => (language === 'zh' ? p.name : p.nameEn);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (codes.length === 0) return setFormError(t('none'));
    if (tooMany) return setFormError(t('tooMany', { count: format.number(codes.length) }));
    setFormError(null);
    check.mutate({ program: chosenProgram, creditCodes: codes, asOf });
  };

  const upload = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = ''; // the same file chosen again is read again
    if (!file) return;
    try {
      const read = await codesFromFile(file);
      if (read.length === 0) return setFileNote({ ok: false, text: t('fileEmpty', { file: file.name }) });
      setText(read.join('\n'));
      setFormError(null);
      setFileNote({ ok: true, text: t('fileRead', { file: file.name, count: format.number(read.length) }) });
    } catch (err) {
      setFileNote({ ok: false, text: t('fileFailed', { file: file.name, message: (err as Error).message }) });
    }
  };

  const results: Row[] = useMemo(() => (check.data?.eligibility ?? []).map((r, index) => ({ ...r, index: index + 1 })), [check.data]);
  const criteria = useMemo(() => criteriaOf(results), [results]);
  const shown = results.filter((r) => show === 'all' || (show === 'eligible') === r.isEligible);
  const conclusion = (r: Result) => (r.isEligible ? t('eligible') : t('ineligible'));
  const outcomeOf = (r: Result, kind: string) => r.checks.find((c) => c.criterion === kind)?.outcome;
  const detailOf = (c: Check) => (language === 'zh' ? c.detailZh : c.detailEn);

  const columns: Column<Row>[] = [
    { header: t('index'), value: (r) => r.index, align: 'right', width: 8 },
    { header: t('creditCode'), value: (r) => r.creditCode, width: 22 },
    { header: t('enterprise'), value: (r) => r.enterprise?.name ?? null, width: 32 },
    {
      header: t('conclusion'),
      value: conclusion,
      render: (r) => <span className={r.isEligible ? 'badge ok' : 'badge bad'}>{conclusion(r)}</span>,
    },
    ...criteria.map(
      (kind): Column<Row> => ({
        header: label('CriterionKind', kind),
        value: (r) => {
          const outcome = outcomeOf(r, kind);
          return outcome ? label('CriterionOutcome', outcome) : null;
        },
        render: (r) => {
          const outcome = outcomeOf(r, kind);
          return outcome ? <span className={OUTCOME_CLASS[outcome]}>{label('CriterionOutcome', outcome)}</span> : '—';
        },
      }),
    ),
    { header: t('receipt'), value: (r) => r.receiptId, width: 30 },
  ];

  const checkColumns: Column<Check>[] = [
    { header: t('criterion'), value: (c) => label('CriterionKind', c.criterion), width: 24 },
    {
      header: t('outcome'),
      value: (c) => label('CriterionOutcome', c.outcome),
      render: (c) => <span className={OUTCOME_CLASS[c.outcome]}>{label('CriterionOutcome', c.outcome)}</span>,
    },
    { header: t('observed'), value: (c) => figures.observed(c) || null, width: 50, render: (c) => <div style={WRAP}>{figures.observed(c) || '—'}</div> },
    { header: t('required'), value: (c) => figures.required(c) || null, width: 40, render: (c) => <div style={WRAP}>{figures.required(c) || '—'}</div> },
    { header: t('missing'), value: (c) => figures.missing(c) || null, width: 30 },
    // The words run long: they wrap here (the export keeps them whole).
    { header: t('detail'), value: detailOf, width: 80, render: (c) => <div style={WRAP}>{detailOf(c)}</div> },
  ];

  /** The long form: one row per code and criterion, every code of the batch. */
  const exportAll = () => {
    type Line = { row: Row; check: Check };
    const lines: Line[] = results.flatMap((row) => row.checks.map((c) => ({ row, check: c })));
    const columnsAll: ExportColumn<Line>[] = [
      { header: t('index'), value: (l) => l.row.index, width: 8 },
      { header: t('creditCode'), value: (l) => l.row.creditCode, width: 22 },
      { header: t('enterprise'), value: (l) => l.row.enterprise?.name ?? null, width: 32 },
      { header: t('conclusion'), value: (l) => conclusion(l.row) },
      ...checkColumns.map((c): ExportColumn<Line> => ({ header: c.header, value: (l) => c.value(l.check), width: c.width })),
      { header: t('receipt'), value: (l) => l.row.receiptId, width: 30 },
    ];
    return exportXlsx(t('allDetails'), columnsAll, lines);
  };

  const first = results[0];
  const eligibleCount = results.filter((r) => r.isEligible).length;
  const chosen = selected == null ? null : (results[selected - 1] ?? null);

  return (
    <div className="page">
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      <Loaded query={programs}>
        {(data) => (
          <form className="card" onSubmit={submit}>
            <div className="filters">
              <SelectField
                label={t('program')}
                value={chosenProgram}
                onChange={(e) => setProgram(e.target.value)}
                options={data.programs.map((p) => ({ value: p.code, label: programName(p) }))}
              />
              <TextField label={t('asOf')} type="date" value={asOf} onChange={(e) => setAsOf(e.target.value)} required />
              <TextField label={t('file')} type="file" accept={ACCEPTED_FILES} onChange={(e) => void upload(e)} hint={t('fileHint')} />
            </div>
            {fileNote && (
              <p role={fileNote.ok ? 'status' : 'alert'} className={fileNote.ok ? 'ok' : 'error'}>
                {fileNote.text}
              </p>
            )}
            <TextArea
              label={t('codes')}
              placeholder={t('codesHint')}
              value={text}
              onChange={(e) => setText(e.target.value)}
              rows={8}
              spellCheck={false}
              error={formError}
            />
            <p className={tooMany ? 'error' : 'muted'} aria-live="polite">
              {tooMany ? t('tooMany', { count: format.number(codes.length) }) : t('count', { count: format.number(codes.length) })}
            </p>
            <button type="submit" disabled={check.isPending || tooMany}>
              {check.isPending ? t('checking') : t('check')}
            </button>
          </form>
        )}
      </Loaded>
      {check.error && <ErrorBox error={check.error} />}
      {first && (
        <>
          <p role="status" className="summary">
            {t('summary', { total: format.number(results.length), eligible: format.number(eligibleCount), ineligible: format.number(results.length - eligibleCount) })}
            <br />
            <span className="muted">
              {t('rules', { program: programName(first.program), version: first.rules.version, from: first.rules.effectiveFrom, asOf: first.asOf })}
            </span>
          </p>
          <div className="filters">
            <SelectField
              label={t('show')}
              value={show}
              onChange={(e) => setShow(e.target.value as Show)}
              options={[
                { value: 'all', label: t('showAll') },
                { value: 'eligible', label: t('showEligible') },
                { value: 'ineligible', label: t('showIneligible') },
              ]}
            />
            <button type="button" className="secondary" onClick={() => void exportAll()}>
              {t('exportAll')}
            </button>
          </div>
          <DataTable
            title={t('results')}
            caption={<span className="muted small">{t('resultsHint')}</span>}
            columns={columns}
            rows={shown}
            rowKey={(r) => String(r.index)}
            onRowClick={(r) => setSelected(r.index)}
          />
          {chosen && (
            <DataTable
              title={t('details', { code: chosen.creditCode, name: chosen.enterprise?.name ?? '' }).trim()}
              columns={checkColumns}
              rows={chosen.checks}
              rowKey={(c) => c.criterion}
            />
          )}
        </>
      )}
    </div>
  );
}
