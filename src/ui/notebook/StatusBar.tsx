/**
 * Status line: engine state (`engine-status`: `ready`/`busy`/`stale`) and save state (`save-status`:
 * `saved` once the last edit is durable), plus a summary of the selected range.
 */
import { createMemo, Show } from 'solid-js';
import type { Accessor } from 'solid-js';
import { toA1 } from '../../model/address';
import { t } from '../../i18n';
import { formatGeneral } from '../../i18n/numberFormat';
import type { SaveStatus } from '../services';
import { useWorkbench } from '../workbench/context';

export function StatusBar(props: { saveStatus: Accessor<SaveStatus>; saveError: Accessor<string | null> }) {
  const wb = useWorkbench();
  // Never `ready` over values the engine did not compute (a notebook it could not build).
  const engine = () => wb.session.engineState();
  // Sum / count of the selected numbers, as Excel's status bar shows (bounded for huge ranges).
  const stats = createMemo(() => {
    const r = wb.selection.range();
    const cells = (r.end.row - r.start.row + 1) * (r.end.col - r.start.col + 1);
    if (cells < 2 || cells > 100_000) return null;
    let sum = 0;
    let count = 0;
    const values = wb.session.values[wb.sheetName()] ?? {};
    for (let row = r.start.row; row <= r.end.row; row++) {
      for (let col = r.start.col; col <= r.end.col; col++) {
        const v = values[toA1({ row, col })];
        if (typeof v === 'number') { sum += v; count++; }
      }
    }
    return count ? { sum, count } : null;
  });
  return (
    <div class="status-bar">
      <span class={`status engine-${engine()}`} title={t(`status.${engine()}`)}>
        <span class="dot" /> <StatusWord testid="engine-status" token={engine()} />
      </span>
      <span class={`status save-${props.saveStatus()}`} title={t(`status.${props.saveStatus()}`, { why: props.saveError() ?? '' })}>
        <span class="dot" /> <StatusWord testid="save-status" token={props.saveStatus()} />
      </span>
      <Show when={props.saveStatus() === 'error'}>
        <span class="status-error" role="alert">{t('status.error', { why: props.saveError() ?? '' })}</span>
      </Show>
      <Show when={props.saveStatus() === 'gone'}>
        <span class="status-error" role="alert">{t('status.gone')}</span>
      </Show>
      <span class="spacer" />
      <Show when={stats()}>
        {(s) => <span class="sel-stats">{t('status.selStats', { sum: formatGeneral(Number(s().sum.toPrecision(12))), n: s().count })}</span>}
      </Show>
    </div>
  );
}

/**
 * A state in the user's language, with the automation contract's token (`ready`, `saved`, …) as
 * the text of the `data-testid` element: kept for scripts, hidden from sight and from screen readers.
 */
function StatusWord(props: { testid: string; token: string }) {
  return (
    <>
      <span class="status-token" data-testid={props.testid} aria-hidden="true">{props.token}</span>
      <span class="status-word">{t(`status.word.${props.token}`)}</span>
    </>
  );
}
