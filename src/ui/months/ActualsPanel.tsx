/**
 * The actuals panel: pick a .csv or .xlsx of actuals, see what it holds (rows, totals by month,
 * what it replaces, how many rows named a rep, the closed months after), apply it as one undoable step — or read why it was
 * refused, line by line, with nothing changed. Below, the year to date as the plan computes it.
 * Parsing is src/io/actualsParse.ts / actualsXlsx.ts; the commands src/io/actualsApply.ts.
 */
import { createMemo, createSignal, For, Show } from 'solid-js';
import { unwrap } from 'solid-js/store';
import { actualsLists, actualsPlan, MONTHLY_OUTPUTS, monthlyOutputs, type ActualsPreview } from '../../io/actualsApply';
import { parseActualsCsv, type ActualsProblem, type ActualsResult } from '../../io/actualsParse';
import type { EditCommand } from '../../model/commands';
import { locale, t } from '../../i18n';
import { notify } from '../services';
import { SidePanel } from '../notebook/SidePanel';
import type { NotebookContext } from '../notebook/extensions';
import { planShape } from '../../../templates/generators/plan';
import './messages';

interface Pending {
  file: string;
  preview: ActualsPreview;
  commands: EditCommand[];
}

export default function ActualsPanel(props: NotebookContext & { close(): void }) {
  const session = props.session;
  const values = () => unwrap(session.values);
  const [pending, setPending] = createSignal<Pending | null>(null);
  const [refused, setRefused] = createSignal<{ file: string; lines: string[] } | null>(null);
  const fmt = (v: number) => v.toLocaleString(locale(), { maximumFractionDigits: 2 });
  // Read through the store (not unwrapped), so each output cell is tracked as the engine answers.
  const outputs = createMemo(() => monthlyOutputs(session.doc, session.values));

  async function read(file: File): Promise<ActualsResult | { ok: false; key: string }> {
    const nb = session.plain();
    const lists = actualsLists(nb, values(), planShape(nb)?.fiscalYear);
    if (!lists) return { ok: false, key: 'actuals.noSheet' };
    if (/\.xlsx$/i.test(file.name)) {
      const { parseActualsXlsx } = await import('../../io/actualsXlsx');
      return parseActualsXlsx(await file.arrayBuffer(), lists);
    }
    return parseActualsCsv(new TextDecoder('utf-8').decode(await file.arrayBuffer()), lists);
  }

  async function onFile(file: File | undefined) {
    if (!file) return;
    setPending(null);
    setRefused(null);
    const parsed = await read(file);
    if (!parsed.ok) {
      const problems: ActualsProblem[] = 'problems' in parsed ? parsed.problems : [];
      const lines = 'key' in parsed ? [t(parsed.key)] : problems.map((p) => t(p.key, { line: p.line, ...p.params }));
      setRefused({ file: file.name, lines });
      return;
    }
    const plan = actualsPlan(session.plain(), parsed.value);
    if (!plan.ok) return setRefused({ file: file.name, lines: [t(plan.key)] });
    setPending({ file: file.name, preview: plan.preview, commands: plan.commands });
  }

  function apply() {
    const p = pending();
    if (!p) return;
    if (session.edit(p.commands, 'importActuals')) {
      notify('info', t('months.applied', { months: p.preview.months.join(', '), n: p.preview.closedMonths }));
      setPending(null);
    }
  }

  const show = (name: (typeof MONTHLY_OUTPUTS)[number]) => {
    const v = outputs()[name];
    if (name === 'YTD_STATUS') return typeof v === 'string' && v ? `${v} · ${t(`months.status.${v}`)}` : '—';
    if (typeof v !== 'number') return v === undefined ? '—' : String(v);
    return name === 'ATTAINMENT_YTD' ? `${(v * 100).toFixed(1)} %` : fmt(v);
  };

  return (
    <SidePanel class="actuals-panel" testid="actuals-side-panel" title={t('months.panel')} onClose={() => props.close()}>
      <section>
        <label class="file-button file-pick">
          {t('months.import')}
          <input type="file" accept=".csv,.xlsx,text/csv" data-testid="import-actuals" title={t('months.importTitle')} disabled={session.readOnly()} onChange={(e) => { const f = e.currentTarget.files?.[0]; e.currentTarget.value = ''; void onFile(f); }} />
        </label>
      </section>
      <Show when={refused()}>
        {(r) => (
          <section class="actuals-refused" data-testid="actuals-problems" role="alert">
            <p>{t('months.refused', { file: r().file })}</p>
            <ul>
              <For each={r().lines}>{(line) => <li>{line}</li>}</For>
            </ul>
          </section>
        )}
      </Show>
      <Show when={pending()}>
        {(p) => (
          <section class="actuals-preview" data-testid="actuals-preview" data-rows={p().preview.rows} data-months={p().preview.months.join(',')} data-rep-rows={p().preview.repColumn ? p().preview.repRows : undefined}>
            <p>{t('months.preview', { file: p().file, rows: p().preview.rows })}</p>
            <Show when={p().preview.repColumn}>
              <p data-testid="actuals-rep-rows">{t('months.repRows', { n: p().preview.repRows, rows: p().preview.rows })}</p>
            </Show>
            <table>
              <thead>
                <tr><th>{t('months.month')}</th><th>{t('months.fileTotal')}</th><th>{t('months.replaced')}</th></tr>
              </thead>
              <tbody>
                <For each={p().preview.months}>
                  {(m, i) => (
                    <tr data-month={m}>
                      <td>{m}</td>
                      <td data-total>{fmt(p().preview.monthTotals[m - 1])}</td>
                      <td data-replaced>{fmt(p().preview.replacedTotals[i()])}</td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
            <p class="muted">{t('months.closedAfter', { n: p().preview.closedMonths })}</p>
            <button class="primary" data-testid="actuals-apply" disabled={session.readOnly()} onClick={apply}>{t('months.apply')}</button>{' '}
            <button data-testid="actuals-cancel" onClick={() => setPending(null)}>{t('months.cancel')}</button>
          </section>
        )}
      </Show>
      <section class="actuals-summary" data-testid="months-summary">
        <h4>{t('months.summary')}</h4>
        <dl>
          <For each={[...MONTHLY_OUTPUTS]}>
            {(name) => (
              <>
                <dt>{t(`months.out.${name}`)}</dt>
                <dd data-output={name}>{show(name)}</dd>
              </>
            )}
          </For>
        </dl>
      </section>
    </SidePanel>
  );
}
