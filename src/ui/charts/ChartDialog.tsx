/**
 * Add a chart of one's own (a range — by default the selection — and a kind), or change a chart's
 * title and the ranges it is bound to. Ranges are checked before anything is written.
 */
import { createSignal, For, Show } from 'solid-js';
import type { JSX } from 'solid-js';
import { resolveRange } from '../../model/bindingCells';
import type { CellReader } from '../../model/bindingCells';
import type { LayoutItem } from '../../model/notebook';
import { t } from '../../i18n';
import { USER_KINDS } from './kinds';

export type ChartDialogResult =
  | { mode: 'add'; kind: string; range: string; title: string }
  | { mode: 'edit'; title: string; ranges: Record<string, string>; kind: string };

export interface ChartDialogProps {
  /** The chart being edited; none to add a new one. */
  item?: LayoutItem;
  sheet: string;
  initialRange: string;
  reader: CellReader;
  onDone(result: ChartDialogResult | null): void;
}

export function ChartDialog(props: ChartDialogProps): JSX.Element {
  const editing = props.item;
  const [title, setTitle] = createSignal(editing?.title ?? '');
  const [kind, setKind] = createSignal(editing?.kind ?? 'bar');
  const [range, setRange] = createSignal(props.initialRange);
  const [ranges, setRanges] = createSignal<Record<string, string>>({ ...(editing?.ranges ?? {}) });
  const [problem, setProblem] = createSignal<string | null>(null);
  const kindEditable = !editing || USER_KINDS.includes(editing.kind);

  function submit(e: Event): void {
    e.preventDefault();
    const refs = editing ? Object.values(ranges()) : [range()];
    const bad = refs.find((r) => !resolveRange(r.trim(), props.sheet, props.reader));
    if (bad !== undefined) {
      setProblem(t('chart.badRange', { ref: bad || '∅' }));
      return;
    }
    if (editing) {
      const trimmed = Object.fromEntries(Object.entries(ranges()).map(([k, v]) => [k, v.trim()]));
      props.onDone({ mode: 'edit', title: title().trim(), ranges: trimmed, kind: kind() });
    } else props.onDone({ mode: 'add', kind: kind(), range: range().trim(), title: title().trim() });
  }

  return (
    <div class="modal-backdrop" onKeyDown={(e) => e.key === 'Escape' && props.onDone(null)}>
      <form class="modal chart-dialog" role="dialog" aria-modal="true" data-testid="chart-dialog" onSubmit={submit}>
        <h3>{editing ? t('edit.title') : t('add.title')}</h3>
        <label>
          {t('add.name')}
          <input data-testid="chart-title" value={title()} onInput={(e) => setTitle(e.currentTarget.value)} />
        </label>
        <Show when={kindEditable}>
          <label>
            {t('add.kind')}
            <select data-testid="chart-kind" value={kind()} onChange={(e) => setKind(e.currentTarget.value)}>
              <For each={USER_KINDS}>{(k) => <option value={k}>{t(`kind.${k}`)}</option>}</For>
            </select>
          </label>
        </Show>
        <Show
          when={editing}
          fallback={
            <label>
              {t('add.range')}
              <input data-testid="chart-range" class="mono" value={range()} onInput={(e) => setRange(e.currentTarget.value)} ref={(el) => queueMicrotask(() => el.focus())} />
            </label>
          }
        >
          <For each={Object.keys(ranges())}>
            {(k) => (
              <label>
                <span class="mono">{k}</span>
                <input class="mono" data-range-key={k} value={ranges()[k]} onInput={(e) => setRanges({ ...ranges(), [k]: e.currentTarget.value })} />
              </label>
            )}
          </For>
        </Show>
        <Show when={problem()}>
          <p class="chart-dialog-problem" role="alert">{problem()}</p>
        </Show>
        <div class="modal-actions">
          <button type="button" onClick={() => props.onDone(null)}>{t('nbv.cancel')}</button>
          <button type="submit" class="primary" data-testid="chart-dialog-ok">{editing ? t('nbv.save') : t('add.add')}</button>
        </div>
      </form>
    </div>
  );
}
