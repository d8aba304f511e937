/**
 * Sensitivity: an output and its inputs, each moved by ±Δ (a percentage, or absolute points), run
 * in the pool; bars sorted by swing, as a table and a tornado chart. The spec's D_Expense
 * sensitivity is the first preset.
 */
import { createMemo, createSignal, For, Show } from 'solid-js';
import type { JSX } from 'solid-js';
import { createStore, reconcile } from 'solid-js/store';
import { t } from '../../i18n';
import type { TornadoInput, TornadoSpec } from '../../model/whatif';
import { findSheet } from '../../model/notebook';
import { formatGeneral } from '../../i18n/numberFormat';
import { presetsFor, TORNADO_PRESETS, presetSpec } from './presets';
import { fmt, fmtDelta, parseNumber } from './format';
import { named, NumberField, RefField, RunBar, SavedNote, selectedRef, PresetPicker } from './common';
import type { ViewProps } from './common';
import { TornadoChart } from './charts';
import { maxOf } from '../../model/arrays';

const refText = (r: TornadoInput['ref']) => (Array.isArray(r) ? r.join(' + ') : r);
const refsOf = (text: string) => {
  const parts = text.split('+').map((s) => s.trim()).filter(Boolean);
  return parts.length === 1 ? parts[0] : parts;
};

export function TornadoView(props: ViewProps): JSX.Element {
  const doc = () => props.ctx.session.doc;
  const value = (ref: string) => {
    const [s, a] = ref.split('!');
    return props.ctx.session.values[s]?.[a];
  };
  const presets = () => presetsFor(doc(), ['tornado'], TORNADO_PRESETS);
  const available = () => presets().filter((p) => p.sheets.every((s) => findSheet(doc(), s) && !findSheet(doc(), s)?.stub));
  const initial = (): TornadoSpec => props.wi.saved('tornado')?.config ?? (available()[0] && presetSpec(available()[0], doc().layout, value)) ?? { output: selectedRef(props.ctx), inputs: [], delta: 0.1 };
  const [spec, setSpec] = createStore<TornadoSpec>(JSON.parse(JSON.stringify(initial())));
  const [preset, setPreset] = createSignal(props.wi.saved('tornado') ? '' : (available()[0]?.id ?? ''));
  const saved = () => props.wi.saved('tornado');
  const result = () => saved()?.result;
  const out = (v: number | null | undefined) => fmt(doc(), result()?.output ?? spec.output, v);

  function usePreset(id: string): void {
    setPreset(id);
    const p = presets().find((x) => x.id === id);
    if (p) setSpec(reconcile(presetSpec(p, doc().layout, value)));
  }

  const deltaText = (i: TornadoInput) => {
    const d = i.delta ?? spec.delta ?? 0.1;
    return i.mode === 'absolute' ? formatGeneral(d) : `${formatGeneral(Number((d * 100).toPrecision(10)))}%`;
  };
  const maxSwing = createMemo(() => maxOf((result()?.bars ?? []).map((b) => b.swing ?? 0), 0));

  return (
    <div class="whatif-view" data-whatif-view="tornado">
      <PresetPicker value={preset()} presets={available()} onPick={usePreset} />
      <RefField ctx={props.ctx} label={t('whatif.output')} value={spec.output} testid="whatif-output" onChange={(v) => setSpec('output', v)} />
      <NumberField label={t('whatif.deltaDefault')} value={`${Number(((spec.delta ?? 0.1) * 100).toPrecision(10))}%`} width="6em"
        onChange={(v) => { const n = parseNumber(v); if (n !== null) setSpec('delta', n); }} />
      <table class="whatif-inputs">
        <thead><tr><th>{t('whatif.input')}</th><th>{t('whatif.label')}</th><th>{t('whatif.delta')}</th><th /></tr></thead>
        <tbody>
          <For each={spec.inputs}>
            {(input, i) => (
              <tr data-whatif-input={refText(input.ref)}>
                <td><input class="ref" value={refText(input.ref)} spellcheck={false} onChange={(e) => setSpec('inputs', i(), 'ref', refsOf(e.currentTarget.value))} /></td>
                <td><input value={input.label ?? ''} onChange={(e) => setSpec('inputs', i(), 'label', e.currentTarget.value || undefined)} /></td>
                <td class="delta">
                  <input value={deltaText(input)} onChange={(e) => {
                    const n = parseNumber(e.currentTarget.value);
                    if (n !== null) setSpec('inputs', i(), 'delta', n);
                  }} />
                  <select value={input.mode ?? 'relative'} onChange={(e) => setSpec('inputs', i(), 'mode', e.currentTarget.value as 'relative' | 'absolute')}>
                    <option value="relative">{t('whatif.mode.relative')}</option>
                    <option value="absolute">{t('whatif.mode.absolute')}</option>
                  </select>
                </td>
                <td><button class="link" title={t('whatif.remove')} onClick={() => setSpec('inputs', (list) => list.filter((_, j) => j !== i()))}>×</button></td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
      <button class="link" title={t('whatif.addSelectedTitle', { ref: selectedRef(props.ctx) })}
        onClick={() => setSpec('inputs', (list) => [...list, { ref: selectedRef(props.ctx) }])}>{t('whatif.addSelected')}</button>
      <RunBar kind="tornado" wi={props.wi} disabled={spec.inputs.length === 0} onRun={() => void props.wi.tornado(JSON.parse(JSON.stringify(spec)) as TornadoSpec)} />
      <Show when={result()}>
        {(r) => (
          <div class="whatif-result" data-testid="whatif-result" data-kind="tornado" data-ms={saved()?.ms} data-base={r().base ?? ''}>
            <SavedNote at={saved()?.at} stale={props.wi.stale('tornado')} />
            <p>{t('whatif.output')}: <strong>{named(props.ctx, r().output)}</strong> · {t('whatif.base')} <strong>{out(r().base)}</strong></p>
            <TornadoChart bars={r().bars} base={r().base} format={(v) => out(v)} />
            <table class="whatif-table">
              <thead><tr><th>{t('whatif.rank')}</th><th>{t('whatif.input')}</th><th>{t('whatif.low')}</th><th>{t('whatif.high')}</th><th>{t('whatif.swing')}</th><th>{t('whatif.coef')}</th></tr></thead>
              <tbody>
                <For each={r().bars}>
                  {(b) => (
                    <tr data-tornado-bar={b.label} data-low={b.low ?? ''} data-high={b.high ?? ''} data-swing={b.swing ?? ''} data-rank={b.rank} title={b.problem ?? b.refs.join(', ')}>
                      <td>{b.rank}</td>
                      <td class="label">
                        {b.label}
                        <span class="swing-bar" style={{ width: `${maxSwing() ? Math.round(((b.swing ?? 0) / maxSwing()) * 100) : 0}%` }} />
                      </td>
                      <td class="num">{b.problem ? '—' : out(b.low)}</td>
                      <td class="num">{b.problem ? '—' : out(b.high)}</td>
                      <td class="num">{out(b.swing)}</td>
                      <td class="num">
                        {b.coefficient === null ? '—' : b.coefficient.toFixed(3)}
                        <Show when={Math.abs(b.coefficient ?? 0) > 1}> <span class="badge">{t('whatif.sensitive')}</span></Show>
                      </td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
            <Show when={r().base !== null && r().bars[0]?.high !== null}>
              <p class="muted">{r().bars[0]?.label}: {fmtDelta(doc(), r().output, (r().bars[0]?.high ?? 0) - (r().base ?? 0))} @ +Δ</p>
            </Show>
          </div>
        )}
      </Show>
    </div>
  );
}
