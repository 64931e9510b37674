import { useState, type ReactNode } from 'react';
import { exportXlsx, type ExportColumn } from '../export';
import { messages } from '../i18n';

const useText = messages({
  export: ['导出', 'Export'],
  exporting: ['正在导出…', 'Exporting…'],
  empty: ['没有记录', 'Nothing to show'],
  exportFailed: ['导出失败：{message}', 'Export failed: {message}'],
});

export interface Column<Row> extends ExportColumn<Row> {
  /** What the cell shows when it is more than its text (a link, a badge); the export takes `value`. */
  render?: (row: Row) => ReactNode;
  align?: 'left' | 'right';
  /** false: shown, not exported (a column of buttons). */
  exported?: boolean;
}

/**
 * A list as a table, with 导出 downloading what it shows as .xlsx (the same columns, the same rows, headers in the
 * reader's language). Every list of the console is one of these.
 */
export function DataTable<Row>(props: {
  title: string;
  columns: Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  caption?: ReactNode;
  footer?: ReactNode;
  onRowClick?: (row: Row) => void;
}) {
  const t = useText();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const doExport = async () => {
    setBusy(true);
    setError(null);
    try {
      await exportXlsx(props.title, props.columns.filter((c) => c.exported !== false), props.rows);
    } catch (err) {
      setError(t('exportFailed', { message: (err as Error).message }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="table-card" aria-label={props.title}>
      <div className="table-toolbar">
        <h2>{props.title}</h2>
        {props.caption}
        <button type="button" className="secondary" onClick={doExport} disabled={busy || props.rows.length === 0}>
          {busy ? t('exporting') : t('export')}
        </button>
      </div>
      {error && <p role="alert" className="error">{error}</p>}
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              {props.columns.map((c) => (
                <th key={c.header} style={{ textAlign: c.align ?? 'left' }}>
                  {c.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {props.rows.length === 0 ? (
              <tr>
                <td colSpan={props.columns.length} className="empty">
                  {t('empty')}
                </td>
              </tr>
            ) : (
              props.rows.map((row) => (
                <tr key={props.rowKey(row)} onClick={props.onRowClick ? () => props.onRowClick!(row) : undefined} className={props.onRowClick ? 'clickable' : undefined}>
                  {props.columns.map((c) => (
                    <td key={c.header} style={{ textAlign: c.align ?? 'left' }}>
                      {c.render ? c.render(row) : (c.value(row) ?? '—')}
                    </td>
                  ))}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      {props.footer}
    </section>
  );
}
