/**
 * 导出: a list as an .xlsx workbook, built in the browser from exactly the rows and columns the page shows, with the
 * headers in the reader's language. exceljs (the library the server imports with) is loaded only when a list is
 * exported, so the first load of the console does not carry it.
 */
export interface ExportColumn<Row> {
  header: string;
  /** The cell: text, a number (kept a number so Excel can sum it), or empty. */
  value: (row: Row) => string | number | null | undefined;
  /** Column width in characters. */
  width?: number;
}

/** A file name a download can carry: the title and today (Asia/Shanghai), without characters Windows refuses. */
export function exportFileName(title: string, today = new Date()): string {
  const day = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(today);
  return `${title.replace(/[\\/:*?"<>|]/g, '_')}-${day}.xlsx`;
}

export async function exportXlsx<Row>(title: string, columns: ExportColumn<Row>[], rows: readonly Row[]): Promise<void> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'innozone';
  workbook.created = new Date();
  const sheet = workbook.addWorksheet(title.slice(0, 31) || 'Sheet1', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width ?? Math.max(10, c.header.length * 2 + 2) }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(columns.map((c) => c.value(row) ?? null));
  const buffer = await workbook.xlsx.writeBuffer();
  const blob = new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = exportFileName(title);
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
