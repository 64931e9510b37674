import { parse as parseCsv } from 'csv-parse/sync';
import { stringify as stringifyCsv } from 'csv-stringify/sync';
import type ExcelJS from 'exceljs';
import type { Cell } from './import.cells';
import type { Column, Example, KindSpec, References } from './import.kinds';

/**
 * exceljs, loaded with the first spreadsheet read or written: about 25 MB of a server's resident memory that most
 * processes never need (imports and templates are an administrator's occasional work).
 */
let excelModule: Promise<typeof ExcelJS> | undefined;
const excel = () => (excelModule ??= import('exceljs').then((m) => (m as { default?: typeof ExcelJS }).default ?? (m as unknown as typeof ExcelJS)));

/** The most records one file may hold (issue 15 item 3). */
export const MAX_ROWS = 50_000;

/** The MIME types of the two formats. */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_TYPE = 'text/csv';

/** A file read: its header (row 1) and its records, each with the row number the spreadsheet shows. */
export interface Sheet {
  headers: string[];
  rows: { row: number; cells: Cell[] }[];
}

/** Why a file cannot be read at all, in both languages. */
export interface FileProblem {
  zh: string;
  en: string;
}

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

/**
 * Reads the first worksheet of an .xlsx, or a CSV, told apart by their bytes (an .xlsx is a zip archive), not by a
 * name or a type a client may get wrong. A CSV must be UTF-8, with or without a byte-order mark: Excel writes it with
 * one ("CSV UTF-8", and needs one to open Chinese correctly, hence the templates'), while WPS, LibreOffice, databases
 * and scripts write it without; the mark is dropped, never read as part of the first header. The other encoding a
 * Chinese Excel offers (GB 18030, as plain "CSV") cannot be told apart from UTF-8 reliably by guessing, so a file that
 * is not valid UTF-8 is refused with how to save it, rather than read as mojibake.
 */
export async function readSheet(content: Buffer): Promise<{ sheet: Sheet } | { problem: FileProblem }> {
  if (content.length === 0) return { problem: { zh: '文件是空的。', en: 'The file is empty.' } };
  if (content.subarray(0, 4).equals(OLE)) {
    return {
      problem: {
        zh: '这是旧版 Excel 97–2003 格式（.xls）的文件：请在 Excel 中另存为“Excel 工作簿（.xlsx）”后再导入。',
        en: 'This is an Excel 97–2003 (.xls) file: save it as an Excel workbook (.xlsx) and import that.',
      },
    };
  }
  const sheet = content.subarray(0, 4).equals(ZIP) ? await readXlsx(content) : readCsv(content);
  if ('problem' in sheet) return sheet;
  if (sheet.headers.every((h) => h === '')) return { problem: { zh: '第 1 行没有列名：请使用导入模板，列名在第 1 行。', en: 'Row 1 holds no headers: use the template, with its headers in row 1.' } };
  if (sheet.rows.length > MAX_ROWS) {
    return {
      problem: {
        zh: `文件有 ${sheet.rows.length} 行数据，超过了每个文件最多 ${MAX_ROWS} 行的限制：请分成几个文件导入。`,
        en: `The file holds ${sheet.rows.length} records, over the limit of ${MAX_ROWS} per file: split it.`,
      },
    };
  }
  return { sheet };
}

/** Reads a CSV: UTF-8 only (see readSheet), records as the spreadsheet numbers its rows. */
function readCsv(content: Buffer): { headers: string[]; rows: Sheet['rows'] } | { problem: FileProblem } {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    return {
      problem: {
        zh: '文件不是 UTF-8 编码的 CSV：请在 Excel 中另存为“CSV UTF-8（逗号分隔）”，或直接导入 .xlsx 文件。',
        en: 'The CSV is not UTF-8: save it from Excel as "CSV UTF-8 (Comma delimited)", or import the .xlsx.',
      },
    };
  }
  let records: string[][];
  try {
    records = parseCsv(text, { bom: true, relax_column_count: true, skip_empty_lines: false });
  } catch (err) {
    const line = (err as { lines?: number }).lines;
    return {
      problem: {
        zh: `无法读取 CSV 文件${line ? `（第 ${line} 行附近）` : ''}：引号不成对或格式有误。`,
        en: `The CSV cannot be read${line ? ` (near line ${line})` : ''}: ${(err as Error).message}`,
      },
    };
  }
  const [header = [], ...body] = records;
  return {
    headers: header.map((h) => h.trim()),
    rows: body
      .map((cells, i) => ({ row: i + 2, cells: cells.map((c) => (c.trim() === '' ? null : c)) }))
      .filter((r) => r.cells.some((c) => c !== null)),
  };
}

/** What exceljs gives for a cell, as a plain cell: text, number, boolean, date or empty (a formula by its result). */
function plainCell(value: unknown): Cell | { error: string } {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) {
    return typeof value === 'string' && value.trim() === '' ? null : value;
  }
  const v = value as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: string; formula?: string; sharedFormula?: string };
  if (v.richText) return plainCell(v.richText.map((r) => r.text).join(''));
  if (v.error) return { error: v.error };
  if ('formula' in v || 'sharedFormula' in v) return plainCell(v.result);
  if (v.text !== undefined) return plainCell(v.text);
  return null;
}

/**
 * Reads the first worksheet of an .xlsx. The file is in memory already (a request body of at most 20 MB), so it is
 * loaded whole: exceljs's streaming reader, tried first, failed now and then on the templates it had written itself
 * (CI, on files whose parts came in another order), and a reader that is right every time is worth the memory.
 */
async function readXlsx(content: Buffer): Promise<{ headers: string[]; rows: Sheet['rows'] } | { problem: FileProblem }> {
  const workbook = new (await excel()).Workbook();
  try {
    await workbook.xlsx.load(content as never);
  } catch (err) {
    return { problem: { zh: '无法读取这个 Excel 文件：文件可能已损坏，或不是 .xlsx 格式。', en: `The Excel file cannot be read: ${(err as Error).message}` } };
  }
  // The first worksheet holds the records (the template's second is its guide); the others are not read.
  const worksheet = workbook.worksheets[0];
  if (!worksheet) return { problem: { zh: '这个 Excel 文件没有工作表。', en: 'The Excel file has no worksheet.' } };
  let headers: string[] | null = null;
  const rows: Sheet['rows'] = [];
  let problem: FileProblem | null = null;
  worksheet.eachRow({ includeEmpty: false }, (row) => {
    if (problem) return;
    const values = (row.values as unknown[]).slice(1);
    const cells: Cell[] = [];
    for (const [i, value] of values.entries()) {
      const cell = plainCell(value);
      if (cell !== null && typeof cell === 'object' && !(cell instanceof Date)) {
        problem = { zh: `第 ${row.number} 行第 ${i + 1} 列是错误值 ${cell.error}：请改正公式或填写数值。`, en: `Row ${row.number}, column ${i + 1} holds the error ${cell.error}.` };
        return;
      }
      cells[i] = cell;
    }
    if (row.number === 1) headers = [...cells].map((c) => (c === null || c === undefined ? '' : String(c).trim()));
    // A record over the limit is counted, not kept: the file is refused as a whole.
    else if (cells.some((c) => c !== null && c !== undefined)) rows.push({ row: row.number, cells: rows.length >= MAX_ROWS ? [] : cells });
  });
  if (problem) return { problem };
  return { headers: headers ?? [], rows };
}

// ——— templates ———

/** How a column is to be written, in Chinese, for the template's guide. */
function formatOf(column: Column): string {
  switch (column.holds.type) {
    case 'text':
      return column.holds.max ? `文本，最多 ${column.holds.max} 字` : '文本';
    case 'creditCode':
      return '文本，18 位（请保持单元格为“文本”格式，以免 Excel 把代码改成数字）';
    case 'date':
      return '日期：Excel 日期，或 YYYY-MM-DD 格式的文本（如 2025-01-10）';
    case 'money':
      return '金额（元）：数字，最多两位小数';
    case 'integer':
      return '整数';
    case 'yesNo':
      return '是 / 否';
    case 'oneOf':
      return '填写右列中的一项';
    case 'someOf':
      return '填写右列中的一项或多项，用顿号“、”分隔';
    case 'park':
      return '园区名称（或园区代码）';
    case 'cluster':
      return '产业集群名称（或代码）';
    case 'university':
      return '高校名称';
    case 'bank':
      return '银行名称（或其统一社会信用代码）';
  }
}

/** The values a column accepts, in Chinese (empty when any text or number). */
function valuesOf(column: Column, refs: References): string {
  const h = column.holds;
  switch (h.type) {
    case 'oneOf':
    case 'someOf':
      return Object.values(h.vocabulary.labels).join('、');
    case 'yesNo':
      return '是、否';
    case 'park':
      return refs.parks.map((p) => p.name).join('、');
    case 'cluster':
      return refs.clusters.map((c) => c.name).join('、');
    case 'university':
      return refs.institutions.filter((i) => i.kind === 'UNIVERSITY').map((i) => i.name).join('、');
    case 'bank':
      return refs.banks.filter((b) => !b.isPlanned).map((b) => b.name).join('、');
    default:
      return '';
  }
}

/** An example as the template writes it: dates and amounts as values of their kind for Excel, as text for a CSV. */
function exampleCell(column: Column, value: Example, forExcel: boolean): string | number | Date | null {
  if (value === null || value === undefined) return null;
  const h = column.holds;
  if (h.type === 'yesNo') return value ? '是' : '否';
  if (h.type === 'oneOf') return h.vocabulary.labels[value as string] ?? String(value);
  if (h.type === 'someOf') return (value as string[]).map((v) => h.vocabulary.labels[v] ?? v).join('、');
  if (forExcel && h.type === 'date') return new Date(`${value as string}T00:00:00Z`);
  if (forExcel && h.type === 'money') return Number(value);
  if (h.type === 'integer') return forExcel ? Number(value) : String(value);
  return String(value);
}

const GUIDE_HEADERS = ['列名', '是否必填', '格式', '可填写的值', '说明'];

/** The template of a kind as .xlsx: the header and example rows, then a sheet explaining each column. */
export async function xlsxTemplate(spec: KindSpec, refs: References, today: string): Promise<Buffer> {
  const workbook = new (await excel()).Workbook();
  workbook.creator = 'innozone';
  const sheet = workbook.addWorksheet(spec.title, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = spec.columns.map((c) => ({
    header: c.header,
    key: c.field,
    width: Math.max(12, [...c.header].length * 2 + 4),
    // Codes and names as text (an 18-digit code in a General cell loses its last digits), dates and amounts as such.
    style: {
      numFmt:
        c.holds.type === 'date' ? 'yyyy-mm-dd' : c.holds.type === 'money' ? '#,##0.00' : c.holds.type === 'integer' ? '0' : '@',
    },
  }));
  sheet.getRow(1).font = { bold: true };
  for (const example of spec.examples(today)) {
    sheet.addRow(Object.fromEntries(spec.columns.map((c) => [c.field, exampleCell(c, example[c.field] ?? null, true)])));
  }
  const guide = workbook.addWorksheet('填写说明');
  guide.columns = GUIDE_HEADERS.map((header, i) => ({ header, width: [28, 10, 40, 60, 70][i] }));
  guide.getRow(1).font = { bold: true };
  for (const c of spec.columns) {
    guide.addRow([c.header, c.required ? '必填' : '选填', formatOf(c), valuesOf(c, refs), c.note]);
  }
  guide.addRow([]);
  guide.addRow([
    '说明',
    '',
    `第 1 行为列名，请勿修改；第 2 行起每行一条记录（${spec.title}），最多 ${MAX_ROWS} 行，每行按与 ${spec.mutation} 相同的规则检查。示例行可直接导入，使用时请替换为实际数据。`,
  ]);
  guide.getColumn(4).alignment = { wrapText: true, vertical: 'top' };
  guide.getColumn(5).alignment = { wrapText: true, vertical: 'top' };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The template of a kind as CSV: UTF-8 with a byte-order mark, so that Excel opens the Chinese as Chinese. */
export function csvTemplate(spec: KindSpec, today: string): Buffer {
  const rows = [spec.columns.map((c) => c.header), ...spec.examples(today).map((e) => spec.columns.map((c) => exampleCell(c, e[c.field] ?? null, false) ?? ''))];
  return Buffer.from(stringifyCsv(rows, { bom: true, record_delimiter: 'windows' }), 'utf8');
}
