/**
 * Credit codes for a batch check, as a bank officer brings them: pasted (one a line, or separated by commas, spaces,
 * semicolons or 、), or a file of them (.txt, .csv, .xlsx). Read in the browser: the file never leaves it, only the
 * codes are sent. Codes are kept as written, malformed ones too: the server answers each (CREDIT_CODE_VALID).
 */

/** The most codes one check takes (Query.eligibility). */
export const MAX_CODES = 1000;

/** Pasted text → codes, in their order, repeats kept (the server answers each). */
export function codesFromText(text: string): string[] {
  return text
    .split(/[\s,，;；、]+/u)
    .map((c) => c.replace(/^["'“”]+|["'“”]+$/gu, '').trim())
    .filter(Boolean);
}

/** Looks like a credit code: 18 letters and digits (whether it is one, the server says). */
const looksLikeCode = (cell: string) => /^[0-9A-Za-z]{18}$/.test(cell.trim());

/** A heading rather than a code: words (Chinese, or code/name/credit), not letters and digits. */
const looksLikeHeading = (cell: string) => /[\u4e00-\u9fff]|code|name|credit/iu.test(cell);

/**
 * The codes of a table (a sheet or a CSV): the column whose header names the code (代码, code), or else the one
 * holding the most code-like cells. A first row of headings (words, and no code-like cell) is the header; any other
 * first row is data, so a malformed first code is still sent, and answered.
 */
export function codesFromRows(rows: readonly (readonly string[])[]): string[] {
  const filled = rows.filter((r) => r.some((c) => c.trim() !== ''));
  if (filled.length === 0) return [];
  const header = !filled[0]!.some(looksLikeCode) && filled[0]!.some(looksLikeHeading) ? filled[0]! : null;
  const body = header ? filled.slice(1) : filled;
  const width = Math.max(...filled.map((r) => r.length));
  let column = header ? header.findIndex((h) => /代码|信用|code/iu.test(h)) : -1;
  if (column < 0) {
    const counts = Array.from({ length: width }, (_, i) => body.filter((r) => looksLikeCode(r[i] ?? '')).length);
    column = counts.indexOf(Math.max(...counts));
  }
  return body.map((r) => (r[column] ?? '').trim()).filter(Boolean);
}

/** The text of a cell as exceljs reads it (a number written as a number, a formula's result, rich text). */
function cellText(value: unknown): string {
  if (value == null) return '';
  if (typeof value === 'object') {
    const v = value as { text?: unknown; result?: unknown; richText?: { text: string }[] };
    if (v.richText) return v.richText.map((r) => r.text).join('');
    if (v.text != null) return String(v.text);
    if (v.result != null) return String(v.result);
  }
  return String(value);
}

/** A file of codes → codes. exceljs (.xlsx) and Papa Parse (.csv) are loaded only when a file is read. */
export async function codesFromFile(file: File): Promise<string[]> {
  const name = file.name.toLowerCase();
  if (name.endsWith('.xlsx')) {
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await file.arrayBuffer());
    const sheet = workbook.worksheets[0];
    if (!sheet) return [];
    const rows: string[][] = [];
    sheet.eachRow({ includeEmpty: false }, (row) => {
      const values = row.values as unknown[]; // 1-based: values[0] is empty
      rows.push(values.slice(1).map(cellText));
    });
    return codesFromRows(rows);
  }
  const text = await file.text();
  if (name.endsWith('.csv')) {
    const { default: Papa } = await import('papaparse');
    const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
    return codesFromRows(parsed.data);
  }
  return codesFromText(text);
}

/** The file types offered: plain text, CSV and Excel workbooks. */
export const ACCEPTED_FILES = '.txt,.csv,.xlsx,text/plain,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
