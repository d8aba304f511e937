/**
 * Scenario bridge: from one scenario to another, a waterfall of the output's change attributed to
 * each changed input (applied one after another in the order listed). The scenarios are the
 * notebook's own, plus the upside / downside presets when the notebook has not made them yet.
 */
import { createMemo, createSignal, For, Show } from 'solid-js';
import type { JSX } from 'solid-js';
import { locale, t } from '../../i18n';
import { splitSheetRef } from '../../model/address';
import type { RawContent } from '../../model/cell';
import { findSheet } from '../../model/notebook';
import type { Notebook } from '../../model/notebook';
import { BASE_SCENARIO_ID, scenarioInputs } from '../../model/scenarios';
import { kpiByLabel, presetOverrides, scenarioPresetsOf } from '../../model/drivers';
import '../vocabulary';
import type { Overrides } from '../../model/whatif';
import type { BridgeConfig, BridgeResolver } from './controller';
import { fmt, fmtDelta } from './format';
import { named, RefField, RunBar, SavedNote } from './common';
import type { ViewProps } from './common';
import { WaterfallChart } from './charts';

interface Option {
  id: string;
  name: string;
}

function options(nb: Notebook): Option[] {
  const list: Option[] = [{ id: BASE_SCENARIO_ID, name: t('whatif.br.base') }];
  for (const s of nb.scenarios) if (s.id !== BASE_SCENARIO_ID) list.push({ id: s.id, name: s.name });
  for (const p of scenarioPresetsOf(nb)) {
    if (!list.some((o) => o.id === p.id)) list.push({ id: `preset:${p.id}`, name: t('whatif.br.preset', { name: locale() === 'en' ? p.name.en : p.name.zh }) });
  }
  return list;
}

function docRaw(nb: Notebook, key: string): RawContent | null {
  const { sheet, ref } = splitSheetRef(key);
  return (sheet && findSheet(nb, sheet)?.cells[ref]) ?? null;
}

/** Both sides' cell contents over the same keys (a key one side does not set takes the base plan's). */
export function bridgeSides(nb: Notebook, cfg: BridgeConfig): ReturnType<BridgeResolver> {
  const base: Overrides = nb.scenarios.length ? scenarioInputs(nb, BASE_SCENARIO_ID) : {};
  const baseValue = (key: string) => (key in base ? base[key] : docRaw(nb, key));
  const side = (id: string): Overrides | null => {
    if (id === BASE_SCENARIO_ID) return { ...base };
    if (id.startsWith('preset:')) {
      const p = scenarioPresetsOf(nb).find((x) => x.id === id.slice(7));
      return p ? { ...base, ...presetOverrides(nb, p, baseValue) } : null;
    }
    return nb.scenarios.some((s) => s.id === id) ? scenarioInputs(nb, id) : null;
  };
  const from = side(cfg.from);
  const to = side(cfg.to);
  const names = options(nb);
  if (!from) return { error: `no scenario ${cfg.from}` };
  if (!to) return { error: `no scenario ${cfg.to}` };
  for (const key of new Set([...Object.keys(from), ...Object.keys(to)])) {
    if (!(key in from)) from[key] = baseValue(key);
    if (!(key in to)) to[key] = baseValue(key);
  }
  return { from, to, fromName: names.find((o) => o.id === cfg.from)?.name ?? cfg.from, toName: names.find((o) => o.id === cfg.to)?.name ?? cfg.to };
}

export function BridgeView(props: ViewProps): JSX.Element {
  const doc = () => props.ctx.session.doc;
  const opts = createMemo(() => options(doc()));
  const savedCfg = props.wi.saved('bridge')?.config;
  // Contribution profit where the plan has it (its slide's KPI, wherever the plan laid it out), else the target.
  const profit = () => (findSheet(doc(), 'D_Expense') ? kpiByLabel(doc(), 'Contribution profit')?.id : undefined);
  const defaultOutput = () => profit() ?? (doc().names.some((n) => n.name === 'TARGET_TOTAL') ? 'TARGET_TOTAL' : '');
  const [from, setFrom] = createSignal(savedCfg?.from ?? BASE_SCENARIO_ID);
  const [to, setTo] = createSignal(savedCfg?.to ?? opts()[1]?.id ?? BASE_SCENARIO_ID);
  const [output, setOutput] = createSignal(savedCfg?.output ?? defaultOutput());
  const saved = () => props.wi.saved('bridge');
  const run = () => void props.wi.bridge({ from: from(), to: to(), output: output() }, (cfg) => bridgeSides(props.ctx.session.plain(), cfg));

  return (
    <div class="whatif-view" data-whatif-view="bridge">
      <label class="whatif-field">
        <span>{t('whatif.br.from')}</span>
        <select data-testid="whatif-bridge-from" value={from()} onChange={(e) => setFrom(e.currentTarget.value)}>
          <For each={opts()}>{(o) => <option value={o.id}>{o.name}</option>}</For>
        </select>
      </label>
      <label class="whatif-field">
        <span>{t('whatif.br.to')}</span>
        <select data-testid="whatif-bridge-to" value={to()} onChange={(e) => setTo(e.currentTarget.value)}>
          <For each={opts()}>{(o) => <option value={o.id}>{o.name}</option>}</For>
        </select>
      </label>
      <RefField ctx={props.ctx} label={t('whatif.output')} value={output()} testid="whatif-output" onChange={setOutput} />
      <RunBar kind="bridge" wi={props.wi} onRun={run} />
      <Show when={saved()?.result}>
        {(r) => {
          const f = (v: number | null | undefined) => fmt(doc(), r().output, v);
          return (
            <div class="whatif-result" data-testid="whatif-result" data-kind="bridge" data-ms={saved()?.ms} data-start={r().start ?? ''} data-end={r().end ?? ''}>
              <SavedNote at={saved()?.at} stale={props.wi.stale('bridge')} />
              <p>{r().fromName} → {r().toName}: <strong>{named(props.ctx, r().output)}</strong></p>
              <Show when={r().steps.length > 0} fallback={<p class="muted">{t('whatif.br.none')}</p>}>
                <Show when={r().start !== null && r().end !== null}>
                  <WaterfallChart start={r().start as number} end={r().end as number} startLabel={r().fromName} endLabel={r().toName} format={(v) => f(v)}
                    steps={r().steps.map((s) => ({ label: named(props.ctx, s.ref), delta: s.delta ?? 0 }))} />
                </Show>
                <table class="whatif-table">
                  <thead><tr><th>{t('whatif.br.step')}</th><th>{t('whatif.br.change')}</th><th>{t('whatif.output')}</th></tr></thead>
                  <tbody>
                    <tr><td>{r().fromName}</td><td /><td class="num">{f(r().start)}</td></tr>
                    <For each={r().steps}>
                      {(s) => (
                        <tr data-bridge-step={s.ref} data-delta={s.delta ?? ''}>
                          <td class="label" title={`${String(s.fromRaw ?? '')} → ${String(s.toRaw ?? '')}`}>{named(props.ctx, s.ref)}</td>
                          <td class="num">{fmtDelta(doc(), r().output, s.delta)}</td>
                          <td class="num">{f(s.value)}</td>
                        </tr>
                      )}
                    </For>
                    <tr class="total"><td>{t('whatif.br.total')}</td><td class="num">{fmtDelta(doc(), r().output, r().end !== null && r().start !== null ? (r().end as number) - (r().start as number) : null)}</td><td class="num">{f(r().end)}</td></tr>
                  </tbody>
                </table>
              </Show>
            </div>
          );
        }}
      </Show>
    </div>
  );
}
