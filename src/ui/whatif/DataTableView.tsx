/**
 * Data tables: one input over a list of values against several outputs (table + line of the
 * first output), or two inputs as rows × columns against one output (a heatmap table).
 */
import { createMemo, createSignal, For, Show } from 'solid-js';
import type { JSX } from 'solid-js';
import { createStore } from 'solid-js/store';
import { t } from '../../i18n';
import { findSheet } from '../../model/notebook';
import type { DataTable1Result, DataTable2Result } from '../../model/whatif';
import { PAYOUT_THRESHOLD_CAP, PAYOUT_VS_THRESHOLD, presetsFor, presetSpec } from './presets';
import type { DataTableConfig } from './controller';
import { fmt, listText, parseNumberList, parseRefList } from './format';
import { named, NumberField, RefField, RunBar, SavedNote } from './common';
import type { ViewProps } from './common';
import { heat, LineChart } from './charts';
import { maxOf, minOf } from '../../model/arrays';

export function DataTableView(props: ViewProps): JSX.Element {
  const doc = () => props.ctx.session.doc;
  const value = (ref: string) => {
    const [s, a] = ref.split('!');
    return props.ctx.session.values[s]?.[a];
  };
  const hasBonus = () => !!findSheet(doc(), 'E_Bonus');
  // A client plan's bonus tables are at its generated cells.
  const presetOne = () => presetsFor(doc(), ['dataTable1'], [PAYOUT_VS_THRESHOLD]).find((p) => p.id === PAYOUT_VS_THRESHOLD.id);
  const presetTwo = () => presetsFor(doc(), ['dataTable2'], [PAYOUT_THRESHOLD_CAP]).find((p) => p.id === PAYOUT_THRESHOLD_CAP.id);
  const fallback = (): DataTableConfig => ({
    mode: hasBonus() && presetTwo() ? 'two' : 'one',
    one: hasBonus() && presetOne() ? presetSpec(presetOne()!, doc().layout, value) : { input: '', values: [], outputs: [] },
    two: hasBonus() && presetTwo() ? presetSpec(presetTwo()!, doc().layout, value) : { rowInput: '', rowValues: [], colInput: '', colValues: [], output: '' },
  });
  const [cfg, setCfg] = createStore<DataTableConfig>(JSON.parse(JSON.stringify(props.wi.saved('dataTable')?.config ?? fallback())));
  const [problem, setProblem] = createSignal('');
  const saved = () => props.wi.saved('dataTable');

  const list = (text: string, set: (v: number[]) => void) => {
    const r = parseNumberList(text);
    if (Array.isArray(r)) {
      setProblem('');
      set(r);
    } else setProblem(t('whatif.badNumber', { text: r.bad }));
  };

  const one = () => (saved()?.result && 'rows' in (saved()?.result ?? {}) ? (saved()?.result as DataTable1Result) : null);
  const two = () => (saved()?.result && 'grid' in (saved()?.result ?? {}) ? (saved()?.result as DataTable2Result) : null);
  const range2 = createMemo(() => {
    const g = two()?.grid.flat().filter((v): v is number => v !== null) ?? [];
    return { min: minOf(g), max: maxOf(g) };
  });

  return (
    <div class="whatif-view" data-whatif-view="dataTable">
      <div class="whatif-seg" role="radiogroup">
        <button classList={{ on: cfg.mode === 'one' }} data-testid="whatif-dt-one" onClick={() => setCfg('mode', 'one')}>{t('whatif.dt.one')}</button>
        <button classList={{ on: cfg.mode === 'two' }} data-testid="whatif-dt-two" onClick={() => setCfg('mode', 'two')}>{t('whatif.dt.two')}</button>
      </div>
      <Show when={cfg.mode === 'one'} fallback={
        <>
          <RefField ctx={props.ctx} label={t('whatif.dt.rowInput')} value={cfg.two.rowInput} onChange={(v) => setCfg('two', 'rowInput', v)} />
          <NumberField label={t('whatif.dt.rowValues')} value={listText(cfg.two.rowValues)} placeholder={t('whatif.dt.valuesHint')} onChange={(v) => list(v, (xs) => setCfg('two', 'rowValues', xs))} />
          <RefField ctx={props.ctx} label={t('whatif.dt.colInput')} value={cfg.two.colInput} onChange={(v) => setCfg('two', 'colInput', v)} />
          <NumberField label={t('whatif.dt.colValues')} value={listText(cfg.two.colValues)} placeholder={t('whatif.dt.valuesHint')} onChange={(v) => list(v, (xs) => setCfg('two', 'colValues', xs))} />
          <RefField ctx={props.ctx} label={t('whatif.output')} value={cfg.two.output} testid="whatif-output" onChange={(v) => setCfg('two', 'output', v)} />
        </>
      }>
        <RefField ctx={props.ctx} label={t('whatif.input')} value={cfg.one.input} onChange={(v) => setCfg('one', 'input', v)} />
        <NumberField label={t('whatif.dt.values')} value={listText(cfg.one.values)} placeholder={t('whatif.dt.valuesHint')} onChange={(v) => list(v, (xs) => setCfg('one', 'values', xs))} />
        <NumberField label={t('whatif.outputs')} value={cfg.one.outputs.join(', ')} placeholder={t('whatif.outputsHint')} onChange={(v) => setCfg('one', 'outputs', parseRefList(v))} />
      </Show>
      <Show when={problem()}><p class="whatif-problem">{problem()}</p></Show>
      <RunBar kind="dataTable" wi={props.wi} disabled={!!problem()} onRun={() => void props.wi.dataTable(JSON.parse(JSON.stringify(cfg)) as DataTableConfig)} />
      <Show when={one()}>
        {(r) => (
          <div class="whatif-result" data-testid="whatif-result" data-kind="dataTable1" data-ms={saved()?.ms}>
            <SavedNote at={saved()?.at} stale={props.wi.stale('dataTable')} />
            <LineChart xs={r().rows.map((row) => row.x)} ys={r().rows.map((row) => row.values[0])} baseX={r().base.x}
              formatX={(v) => fmt(doc(), r().input, v)} formatY={(v) => fmt(doc(), r().outputs[0], v)} />
            <table class="whatif-table">
              <thead><tr><th>{named(props.ctx, r().input)}</th><For each={r().outputs}>{(o) => <th>{named(props.ctx, o)}</th>}</For></tr></thead>
              <tbody>
                <For each={r().rows}>
                  {(row, i) => (
                    <tr classList={{ base: row.x === r().base.x }}>
                      <td class="num">{fmt(doc(), r().input, row.x)}</td>
                      <For each={row.values}>{(v, j) => <td class="num" data-dt-cell={`${i()},${j()}`} data-value={v ?? ''}>{fmt(doc(), r().outputs[j()], v)}</td>}</For>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </div>
        )}
      </Show>
      <Show when={two()}>
        {(r) => (
          <div class="whatif-result" data-testid="whatif-result" data-kind="dataTable2" data-ms={saved()?.ms}>
            <SavedNote at={saved()?.at} stale={props.wi.stale('dataTable')} />
            <p>{named(props.ctx, r().output)}: {named(props.ctx, r().rowInput)} ↓ × {named(props.ctx, r().colInput)} →</p>
            <table class="whatif-table heat">
              <thead><tr><th /><For each={r().colValues}>{(c) => <th class="num">{fmt(doc(), r().colInput, c)}</th>}</For></tr></thead>
              <tbody>
                <For each={r().rowValues}>
                  {(rv, i) => (
                    <tr>
                      <th class="num">{fmt(doc(), r().rowInput, rv)}</th>
                      <For each={r().grid[i()]}>
                        {(v, j) => (
                          <td class="num" data-dt-cell={`${i()},${j()}`} data-value={v ?? ''}
                            classList={{ base: rv === r().base.row && r().colValues[j()] === r().base.col }}
                            style={{ background: heat(v, range2().min, range2().max) }}>{fmt(doc(), r().output, v)}</td>
                        )}
                      </For>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </div>
        )}
      </Show>
    </div>
  );
}
