/**
 * Goal seek: set an output to a target by changing one input, optionally within a range. A
 * solution can be written into the input cell as one undoable edit; no solution is explained
 * (what the output can reach in the range, or the threshold it jumps over).
 */
import { createSignal, Show } from 'solid-js';
import type { JSX } from 'solid-js';
import { createStore, reconcile } from 'solid-js/store';
import { t } from '../../i18n';
import { isFormula } from '../../model/cell';
import { findSheet } from '../../model/notebook';
import { splitSheetRef } from '../../model/address';
import type { GoalSeekResult, GoalSeekSpec } from '../../model/whatif';
import { notify } from '../services';
import { GOAL_PRESETS, presetsFor, presetSpec } from './presets';
import { fmt, parseNumber } from './format';
import { named, NumberField, RefField, RunBar, SavedNote, PresetPicker } from './common';
import type { ViewProps } from './common';

export function GoalSeekView(props: ViewProps): JSX.Element {
  const doc = () => props.ctx.session.doc;
  const value = (ref: string) => {
    const [s, a] = ref.split('!');
    return props.ctx.session.values[s]?.[a];
  };
  const presets = () => presetsFor(doc(), ['goalSeek'], GOAL_PRESETS);
  const available = () => presets().filter((p) => p.sheets.every((s) => findSheet(doc(), s) && !findSheet(doc(), s)?.stub));
  const initial = (): GoalSeekSpec => props.wi.saved('goalSeek')?.config ?? (available()[0] && presetSpec(available()[0], doc().layout, value)) ?? { input: '', output: '', target: 0 };
  const [spec, setSpec] = createStore<GoalSeekSpec>(JSON.parse(JSON.stringify(initial())));
  const [preset, setPreset] = createSignal(props.wi.saved('goalSeek') ? '' : (available()[0]?.id ?? ''));
  const [applied, setApplied] = createSignal<string | null>(null);
  const saved = () => props.wi.saved('goalSeek');

  function usePreset(id: string): void {
    setPreset(id);
    const p = presets().find((x) => x.id === id);
    if (p) setSpec(reconcile(presetSpec(p, doc().layout, value)));
  }
  const num = (text: string): number | undefined => (text.trim() === '' ? undefined : (parseNumber(text) ?? undefined));
  const f = (key: string, v: number | null | undefined) => fmt(doc(), key, v);
  const inputIsFormula = (key: string) => {
    const { sheet, ref } = splitSheetRef(key);
    return !!sheet && isFormula(findSheet(doc(), sheet)?.cells[ref]);
  };

  function apply(r: Extract<GoalSeekResult, { status: 'solved' }>): void {
    if (props.wi.applyGoal(r, t('whatif.tab.goalSeek'))) {
      const msg = t('whatif.gs.applied', { input: r.input, x: f(r.input, r.x) });
      setApplied(msg);
      notify('info', msg);
    }
  }

  return (
    <div class="whatif-view" data-whatif-view="goalSeek">
      <PresetPicker value={preset()} presets={available()} onPick={usePreset} />
      <RefField ctx={props.ctx} label={t('whatif.output')} value={spec.output} testid="whatif-output" onChange={(v) => setSpec('output', v)} />
      <NumberField label={t('whatif.gs.target')} value={String(spec.target)} testid="whatif-target" onChange={(v) => { const n = parseNumber(v); if (n !== null) setSpec('target', n); }} />
      <RefField ctx={props.ctx} label={t('whatif.gs.by')} value={spec.input} testid="whatif-input" onChange={(v) => setSpec('input', v)} />
      <div class="whatif-field">
        <span>{t('whatif.gs.range')}</span>
        <span class="whatif-pair">
          <input data-testid="whatif-lo" value={spec.lo ?? ''} onChange={(e) => setSpec('lo', num(e.currentTarget.value))} />
          <span>…</span>
          <input data-testid="whatif-hi" value={spec.hi ?? ''} onChange={(e) => setSpec('hi', num(e.currentTarget.value))} />
        </span>
      </div>
      <RunBar kind="goalSeek" wi={props.wi} onRun={() => { setApplied(null); void props.wi.goalSeek(JSON.parse(JSON.stringify(spec)) as GoalSeekSpec); }} />
      <Show when={saved()?.result}>
        {(r) => (
          <div class="whatif-result" data-testid="whatif-result" data-kind="goalSeek" data-goal-status={r().status} data-ms={saved()?.ms}
            data-x={r().status === 'solved' ? (r() as { x: number }).x : ''}>
            <SavedNote at={saved()?.at} stale={props.wi.stale('goalSeek')} />
            <Show when={r().status === 'solved' ? (r() as Extract<GoalSeekResult, { status: 'solved' }>) : null} fallback={<NoSolution r={r() as Extract<GoalSeekResult, { status: 'noSolution' }>} f={f} name={(k) => named(props.ctx, k)} />}>
              {(s) => (
                <>
                  <p class="whatif-answer">{t('whatif.gs.solved', { input: named(props.ctx, s().input), x: f(s().input, s().x), output: named(props.ctx, s().output), value: f(s().output, s().value) })}</p>
                  <p class="muted">= {Number(s().x.toPrecision(12))} · {t('whatif.gs.from', { start: f(s().input, s().start) })}</p>
                  <Show when={inputIsFormula(s().input)}><p class="whatif-problem">{t('whatif.gs.replacesFormula', { input: s().input })}</p></Show>
                  <button class="primary" data-testid="whatif-apply" onClick={() => apply(s())}>{t('whatif.gs.apply', { x: f(s().input, s().x), input: s().input })}</button>
                  <Show when={applied()}><p class="muted" data-testid="whatif-applied">{applied()}</p></Show>
                </>
              )}
            </Show>
          </div>
        )}
      </Show>
    </div>
  );
}

function NoSolution(props: { r: Extract<GoalSeekResult, { status: 'noSolution' }>; f: (key: string, v: number | null | undefined) => string; name: (key: string) => string }): JSX.Element {
  const r = () => props.r;
  const f = props.f;
  return (
    <div class="whatif-nosolution" data-reason={r().reason}>
      <p class="whatif-answer">{t('whatif.gs.noSolution')}</p>
      <p>
        {t(`whatif.gs.reason.${r().reason}`, {
          output: props.name(r().output),
          input: props.name(r().input),
          target: f(r().output, r().target),
          lo: f(r().input, r().lo),
          hi: f(r().input, r().hi),
          min: f(r().output, r().reached?.min),
          max: f(r().output, r().reached?.max),
          x: f(r().input, r().closest?.x),
          value: f(r().output, r().closest?.value),
        })}
      </p>
    </div>
  );
}
