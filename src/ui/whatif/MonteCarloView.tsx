/**
 * Monte Carlo: inputs with distributions (triangular, normal, uniform), outputs, trials and a
 * seed; P10 / P50 / P90 and a histogram per output, streaming in while the pool works. A
 * cancelled run keeps (and says) the trials it finished.
 */
import { createSignal, For, Show } from 'solid-js';
import type { JSX } from 'solid-js';
import { createStore, reconcile } from 'solid-js/store';
import { t } from '../../i18n';
import { findSheet } from '../../model/notebook';
import type { Distribution, MonteCarloResult, MonteCarloSpec, OutputSummary } from '../../model/whatif';
import { MAX_TRIALS } from '../../engine/pool';
import { MONTE_CARLO_PRESETS, presetsFor, presetSpec } from './presets';
import { fmt, parseNumber, parseRefList } from './format';
import { named, NumberField, RunBar, SavedNote, selectedRef, PresetPicker } from './common';
import { formatNumber } from '../../i18n/numberFormat';
import type { ViewProps } from './common';
import { HistogramChart } from './charts';

const PARAMS: Record<Distribution['kind'], string[]> = {
  triangular: ['low', 'likely', 'high'],
  normal: ['mean', 'sd'],
  uniform: ['low', 'high'],
};

function convert(d: Distribution, kind: Distribution['kind']): Distribution {
  const mid = d.kind === 'normal' ? d.mean : d.kind === 'triangular' ? d.likely : (d.low + d.high) / 2;
  const lo = d.kind === 'normal' ? d.mean - 2 * d.sd : d.low;
  const hi = d.kind === 'normal' ? d.mean + 2 * d.sd : d.high;
  if (kind === 'triangular') return { kind, low: lo, likely: mid, high: hi };
  if (kind === 'uniform') return { kind, low: lo, high: hi };
  return { kind, mean: mid, sd: (hi - lo) / 4 };
}

export function MonteCarloView(props: ViewProps): JSX.Element {
  const doc = () => props.ctx.session.doc;
  const value = (ref: string) => {
    const [s, a] = ref.split('!');
    return props.ctx.session.values[s]?.[a];
  };
  const presets = () => presetsFor(doc(), ['monteCarlo'], MONTE_CARLO_PRESETS);
  const available = () => presets().filter((p) => p.sheets.every((s) => findSheet(doc(), s) && !findSheet(doc(), s)?.stub));
  const initial = (): MonteCarloSpec => props.wi.saved('monteCarlo')?.config ?? (available()[0] && presetSpec(available()[0], doc().layout, value)) ?? { inputs: [], outputs: [], trials: 1000, seed: 1 };
  const [spec, setSpec] = createStore<MonteCarloSpec>(JSON.parse(JSON.stringify(initial())));
  const [preset, setPreset] = createSignal(props.wi.saved('monteCarlo') ? '' : (available()[0]?.id ?? ''));
  const saved = () => props.wi.saved('monteCarlo');
  const running = () => props.wi.state('monteCarlo')().status === 'running';
  /** While running: the streamed figures; afterwards: the saved ones. */
  const shown = (): MonteCarloResult | undefined => (running() ? (props.wi.partial() ?? undefined) : saved()?.result);

  function usePreset(id: string): void {
    setPreset(id);
    const p = presets().find((x) => x.id === id);
    if (p) setSpec(reconcile(presetSpec(p, doc().layout, value)));
  }
  /** The value a reference (cell or name) has in the document, for the threshold's hint. */
  const numberAt = (ref: string): number | null => {
    const name = doc().names.find((n) => n.name.toUpperCase() === ref.toUpperCase());
    const v = value(name ? name.expression.replace(/^=/, '').replace(/\$/g, '') : ref);
    return typeof v === 'number' ? v : null;
  };
  /** An empty threshold measures against the base; anything else must be a number. */
  const setThreshold = (ref: string, text: string) => {
    const n = text.trim() === '' ? undefined : parseNumber(text);
    if (n === null) return;
    const next = (spec.thresholds ?? []).filter((x) => x.output !== ref).map((x) => ({ ...x }));
    if (n !== undefined) next.push({ output: ref, value: n });
    setSpec('thresholds', next);
  };
  const thresholdOf = (ref: string) => spec.thresholds?.find((x) => x.output === ref)?.value;
  const setParam = (i: number, key: string, text: string) => {
    const n = parseNumber(text);
    if (n !== null) setSpec('inputs', i, 'dist', (d) => ({ ...d, [key]: n }) as Distribution);
  };

  return (
    <div class="whatif-view" data-whatif-view="monteCarlo">
      <PresetPicker value={preset()} presets={available()} onPick={usePreset} />
      <table class="whatif-inputs mc">
        <thead><tr><th>{t('whatif.input')}</th><th>{t('whatif.mc.dist')}</th><th /></tr></thead>
        <tbody>
          <For each={spec.inputs}>
            {(input, i) => (
              <tr data-whatif-input={input.ref}>
                <td>
                  <input class="ref" value={input.ref} spellcheck={false} title={input.label} onChange={(e) => setSpec('inputs', i(), 'ref', e.currentTarget.value.trim())} />
                </td>
                <td class="dist">
                  <select value={input.dist.kind} onChange={(e) => setSpec('inputs', i(), 'dist', convert(input.dist, e.currentTarget.value as Distribution['kind']))}>
                    <option value="triangular">{t('whatif.mc.triangular')}</option>
                    <option value="normal">{t('whatif.mc.normal')}</option>
                    <option value="uniform">{t('whatif.mc.uniform')}</option>
                  </select>
                  <For each={PARAMS[input.dist.kind]}>
                    {(key) => (
                      <input class="param" title={t(`whatif.mc.${key}`)} placeholder={t(`whatif.mc.${key}`)}
                        value={String(Number((input.dist as unknown as Record<string, number>)[key].toPrecision(12)))} onChange={(e) => setParam(i(), key, e.currentTarget.value)} />
                    )}
                  </For>
                </td>
                <td><button class="link" title={t('whatif.remove')} onClick={() => setSpec('inputs', (l) => l.filter((_, j) => j !== i()))}>×</button></td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
      <button class="link" onClick={() => {
        const ref = selectedRef(props.ctx);
        const v = value(ref);
        const base = typeof v === 'number' ? v : 0;
        setSpec('inputs', (l) => [...l, { ref, dist: { kind: 'triangular', low: base * 0.9, likely: base, high: base * 1.1 } }]);
      }}>{t('whatif.addSelected')}</button>
      <NumberField label={t('whatif.outputs')} value={spec.outputs.join(', ')} testid="whatif-outputs" placeholder={t('whatif.outputsHint')} onChange={(v) => setSpec('outputs', parseRefList(v))} />
      <Show when={spec.outputs.length > 0}>
        <table class="whatif-mc-thresholds">
          <thead><tr><th>{t('whatif.output')}</th><th>{t('whatif.mc.threshold')}</th></tr></thead>
          <tbody>
            <For each={spec.outputs}>
              {(ref) => (
                <tr>
                  <td>{named(props.ctx, ref)}</td>
                  <td>
                    <input data-testid="whatif-threshold" data-output={ref} value={thresholdOf(ref) !== undefined ? String(thresholdOf(ref)) : ''}
                      placeholder={t('whatif.mc.thresholdBase', { value: fmt(doc(), ref, numberAt(ref)) })}
                      onChange={(e) => setThreshold(ref, e.currentTarget.value)} />
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </Show>
      <div class="whatif-row">
        <NumberField label={t('whatif.mc.trials')} value={String(spec.trials)} testid="whatif-trials" width="7em"
          onChange={(v) => { const n = parseNumber(v); if (n !== null && n >= 1) setSpec('trials', Math.min(MAX_TRIALS, Math.round(n))); }} />
        <NumberField label={t('whatif.mc.seed')} value={String(spec.seed)} testid="whatif-seed" width="8em"
          onChange={(v) => { const n = parseNumber(v); if (n !== null) setSpec('seed', Math.round(n)); }} />
      </div>
      <RunBar kind="monteCarlo" wi={props.wi} disabled={spec.inputs.length === 0 || spec.outputs.length === 0} onRun={() => void props.wi.monteCarlo(JSON.parse(JSON.stringify(spec)) as MonteCarloSpec)} />
      <Show when={shown()}>
        {(r) => (
          <div class="whatif-result" data-testid="whatif-result" data-kind="monteCarlo" data-done={r().done} data-trials={r().trials}
            data-streaming={running() ? 'true' : 'false'} data-ms={running() ? '' : saved()?.ms}>
            <Show when={!running()}><SavedNote at={saved()?.at} stale={props.wi.stale('monteCarlo')} /></Show>
            <Show when={running()}><p class="muted">{t('whatif.mc.streaming', { done: r().done, trials: r().trials })}</p></Show>
            <Show when={!running() && saved()?.cancelled}><p class="whatif-problem" data-testid="whatif-partial">{t('whatif.mc.partial', { done: r().done, trials: r().trials })}</p></Show>
            <For each={r().outputs}>{(o) => <OutputCard o={o} title={named(props.ctx, o.ref)} f={(v) => fmt(doc(), o.ref, v)} />}</For>
          </div>
        )}
      </Show>
    </div>
  );
}

function OutputCard(props: { o: OutputSummary; title: string; f: (v: number | null) => string }): JSX.Element {
  const o = () => props.o;
  return (
    <section class="whatif-mc-output" data-mc-output={o().ref} data-p10={o().p10 ?? ''} data-p50={o().p50 ?? ''} data-p90={o().p90 ?? ''} data-count={o().count}
      data-threshold={o().threshold ?? ''} data-p-reach={o().pReach ?? ''}>
      <h4 data-testid="whatif-mc-title">{props.title}</h4>
      <Show when={o().pReach !== null && o().pReach !== undefined}>
        <p class="whatif-mc-reach" data-testid="whatif-mc-reach" title={t('whatif.mc.pReachTitle', { threshold: props.f(o().threshold) })}>
          {t('whatif.mc.pReach', { threshold: props.f(o().threshold) })} = <strong>{formatNumber(o().pReach as number, '0.0%')}</strong>
        </p>
      </Show>
      <table class="whatif-table compact">
        <thead><tr><th>P10</th><th>P50</th><th>P90</th><th>{t('whatif.mc.mean')}</th><th>{t('whatif.base')}</th></tr></thead>
        <tbody><tr>
          <td class="num">{props.f(o().p10)}</td>
          <td class="num"><strong>{props.f(o().p50)}</strong></td>
          <td class="num">{props.f(o().p90)}</td>
          <td class="num">{props.f(o().mean)}</td>
          <td class="num">{props.f(o().base)}</td>
        </tr></tbody>
      </table>
      <HistogramChart bins={o().histogram} format={(v) => props.f(v)}
        marks={[
          { label: 'P10', value: o().p10, color: '#c2410c', row: 1 },
          { label: 'P50', value: o().p50, side: (o().base ?? 0) > (o().p50 ?? 0) ? 'left' : 'right' },
          { label: 'P90', value: o().p90, color: '#c2410c', row: 1 },
          { label: t('whatif.base'), value: o().base, color: '#12813c', side: (o().base ?? 0) > (o().p50 ?? 0) ? 'right' : 'left' },
        ]} />
      <Show when={o().errors > 0}><p class="whatif-problem">{t('whatif.mc.errors', { n: o().errors })}</p></Show>
    </section>
  );
}
