/**
 * Print / PDF: every sheet of a notebook laid out as pages — a title, then the sheet's used range
 * as a table with formatted values, each sheet starting on a new page (the print stylesheet sets
 * landscape A4 and repeats table headers). It computes values with its own engine session.
 */
import { createMemo, createResource, For, onCleanup, Show } from 'solid-js';
import { columnLabel, toA1 } from '../../model/address';
import { cellRole, displayText, isCellError } from '../../model/cell';
import type { Notebook, Sheet } from '../../model/notebook';
import { usedExtent } from '../../model/notebook';
import { createNotebookSession } from '../../engine/session';
import { startEngineWorker } from '../../engine/engineClient';
import { formatValue } from '../../i18n/numberFormat';
import { defineMessages, locale, t } from '../../i18n';
import { notebookStore } from '../services';
import { navigate } from '../router';
import { PRINT_SECTIONS } from './sections';
import './chartsSection';

defineMessages({
  en: { 'print.back': 'Back to the notebook', 'print.print': 'Print / save as PDF', 'print.stub': 'Link stub (sample inputs)', 'print.printed': 'Printed {when}' },
  'zh-CN': { 'print.back': '返回笔记本', 'print.print': '打印 / 另存为 PDF', 'print.stub': '链接占位表（样例输入）', 'print.printed': '打印于 {when}' },
});

export function PrintView(props: { id: string }) {
  const [nb] = createResource(() => props.id, async (id) => (await (await notebookStore()).get(id)) ?? null);
  return (
    <Show when={nb()} fallback={<div class="page-message">{nb.loading ? t('nb.loading') : t('nb.notFound')}</div>}>
      {(loaded) => <PrintDocument notebook={loaded()} />}
    </Show>
  );
}

function PrintDocument(props: { notebook: Notebook }) {
  const session = createNotebookSession(props.notebook, { startEngine: startEngineWorker });
  void session.start();
  onCleanup(() => session.close());
  return (
    <div class="print-view" data-testid="print-view">
      <div class="print-toolbar no-print">
        <button onClick={() => navigate({ page: 'notebook', id: session.doc.id })}>← {t('print.back')}</button>
        <button class="primary" data-testid="print-now" disabled={session.busy()} onClick={() => window.print()}>{t('print.print')}</button>
        <span class="muted" data-testid="engine-status">{session.busy() ? 'busy' : 'ready'}</span>
      </div>
      <h1 class="print-title">{session.doc.title}</h1>
      <p class="muted print-meta">{t('print.printed', { when: new Date().toLocaleString(locale()) })}</p>
      <For each={session.doc.sheets}>
        {(sheet) => (
          <section class="print-sheet" data-print-sheet={sheet.name}>
            <h2>{sheet.name}<Show when={sheet.stub}> <small class="muted">— {t('print.stub')}</small></Show></h2>
            <For each={PRINT_SECTIONS}>{(section) => section.render({ session, sheet })}</For>
            <SheetTable sheet={sheet} values={session.values[sheet.name] ?? {}} />
          </section>
        )}
      </For>
    </div>
  );
}

function SheetTable(props: { sheet: Sheet; values: Record<string, unknown> }) {
  const size = createMemo(() => usedExtent(props.sheet.cells));
  const rows = createMemo(() => Array.from({ length: size().rows }, (_, i) => i));
  const cols = createMemo(() => Array.from({ length: size().cols }, (_, i) => i));
  const text = (row: number, col: number) => {
    const addr = toA1({ row, col });
    const v = props.values[addr] as Parameters<typeof formatValue>[0];
    if (v === undefined) {
      const raw = props.sheet.cells[addr];
      return typeof raw === 'string' && !raw.startsWith('=') ? displayText(raw) : '';
    }
    return formatValue(v, props.sheet.formats[addr]);
  };
  const numeric = (row: number, col: number) => typeof props.values[toA1({ row, col })] === 'number';
  const error = (row: number, col: number) => isCellError(props.values[toA1({ row, col })] as never);
  /** The modelling colours on paper too: inputs blue on their fill, formulas black, links green. */
  const role = (row: number, col: number) => {
    const raw = props.sheet.cells[toA1({ row, col })];
    return raw === undefined ? '' : `role-${cellRole(raw, props.sheet.name)}`;
  };
  return (
    <table class="print-table">
      <thead>
        <tr><th /><For each={cols()}>{(c) => <th>{columnLabel(c)}</th>}</For></tr>
      </thead>
      <tbody>
        <For each={rows()}>
          {(r) => (
            <tr>
              <th>{r + 1}</th>
              <For each={cols()}>{(c) => <td data-print-cell={toA1({ row: r, col: c })} class={role(r, c)} classList={{ num: numeric(r, c), err: error(r, c) }}>{text(r, c)}</td>}</For>
            </tr>
          )}
        </For>
      </tbody>
    </table>
  );
}
