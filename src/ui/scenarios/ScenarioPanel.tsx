/**
 * The scenario side panel: the list (show, rename, delete), each scenario's inputs (add the
 * selected cell, remove one), the upside/downside presets, and a side-by-side comparison of the
 * key outputs with their difference from base.
 */
import { createMemo, createSignal, For, Show } from 'solid-js';
import type { CellValue } from '../../model/cell';
import { isFormula } from '../../model/cell';
import { compareOutputs, refKey } from '../../model/drivers';
import type { Unit } from '../../model/drivers';
import '../vocabulary';
import type { CompareRow, OverrideMode } from '../../model/scenarios';
import { activeScenarioId, BASE_SCENARIO_ID, captureScenarios, compareScenarios, overrideMode, ruleForMode, staleOverrides } from '../../model/scenarios';
import { locale, t } from '../../i18n';
import { confirmDialog, promptDialog } from '../dialogs';
import { notify } from '../services';
import type { NotebookContext } from '../notebook/extensions';
import { formatDelta, formatKpi, formatRaw } from '../kpiFormat';
import { addPresetScenarios, deleteScenario, newScenario, refreshScenario, renameScenario, scenarioChoices, setOverride, setRelative, switchScenario } from './actions';
import { maxOf } from '../../model/arrays';

interface Comparison {
  ids: string[];
  names: string[];
  rows: (CompareRow & { label: string; unit: Unit })[];
}

export function ScenarioPanel(props: NotebookContext & { close(): void }) {
  const session = props.session;
  const [open, setOpen] = createSignal<string | null>(null);
  const [comparison, setComparison] = createSignal<Comparison | null>(null);
  const [computing, setComputing] = createSignal(false);
  const captured = createMemo(() => captureScenarios(session.doc));
  const overridesOf = (id: string) => Object.entries(captured().find((s) => s.id === id)?.overrides ?? {});
  const scenarioOf = (id: string) => captured().find((s) => s.id === id);
  /** Per scenario, its absolute overrides set before the base they override changed. */
  const stale = createMemo(() => {
    const list = captured();
    return Object.fromEntries(list.map((s) => [s.id, staleOverrides(session.doc, s.id, list)]));
  });
  const ro = () => session.readOnly();

  function changeMode(id: string, key: string, mode: OverrideMode) {
    if (mode === 'value') setRelative(session, id, key, null);
    else {
      const rule = ruleForMode(session.plain(), id, key, mode);
      if (rule) setRelative(session, id, key, rule);
      else notify('error', t('sc.notRelative'));
    }
  }
  function changeRule(id: string, key: string, mode: OverrideMode, text: string) {
    const n = Number(text.replace(/[,，\s]/g, ''));
    if (!text.trim() || !Number.isFinite(n)) {
      notify('error', t('sc.badRule'));
      return;
    }
    setRelative(session, id, key, mode === 'mul' ? { mul: n } : { add: n });
  }
  async function refresh(id: string) {
    if (refreshScenario(session, id) && comparison()) await compare();
  }

  async function create() {
    const name = await promptDialog(t('sc.namePrompt'), t('sc.newName', { n: scenarioChoices(session.doc).length }));
    if (name?.trim()) setOpen(newScenario(session, name.trim()));
  }
  async function rename(id: string, current: string) {
    const name = await promptDialog(t('sc.rename'), current);
    if (name?.trim()) renameScenario(session, id, name.trim());
  }
  async function remove(id: string, name: string) {
    if (await confirmDialog(t('sc.confirmDelete', { name }), t('sc.delete'))) deleteScenario(session, id);
  }
  function addSelected(id: string) {
    const raw = props.wb.activeRaw();
    if (raw === undefined || isFormula(raw)) {
      notify('error', t('sc.notInput'));
      return;
    }
    setOverride(session, id, `${props.wb.sheetName()}!${props.wb.activeAddr()}`, raw);
  }
  async function compare() {
    setComputing(true);
    try {
      const doc = session.plain();
      const choices = scenarioChoices(doc);
      const outputs = compareOutputs(doc).map((k) => ({ ...k, key: refKey(doc, k.id) })).filter((k): k is typeof k & { key: string } => !!k.key);
      const values = await (await import('./compare')).computeScenarioValues(doc, choices.map((c) => c.id), outputs.map((o) => o.key));
      const rows = compareScenarios(choices.map((c) => c.id), outputs.map((o) => o.key), (id, key) => values[id]?.[key] as CellValue);
      setComparison({
        ids: choices.map((c) => c.id),
        names: choices.map((c) => c.name),
        rows: rows.map((r, i) => ({ ...r, label: outputs[i].label[locale() === 'en' ? 'en' : 'zh'], unit: outputs[i].unit })),
      });
    } catch (e) {
      notify('error', e instanceof Error ? e.message : String(e));
    } finally {
      setComputing(false);
    }
  }

  return (
    <aside class="side-panel scenario-panel" data-testid="scenario-panel">
      <header>
        <strong>{t('sc.title')}</strong>
        <button aria-label={t('common.close')} onClick={() => props.close()}>×</button>
      </header>
      <div class="sc-actions">
        <button data-testid="scenario-presets" disabled={ro()} title={t('sc.addPresetsTitle')} onClick={() => addPresetScenarios(session)}>{t('sc.addPresets')}</button>
        <button data-testid="scenario-new" disabled={ro()} onClick={() => void create()}>{t('sc.new')}</button>
      </div>
      <Show when={session.doc.scenarios.length > 0} fallback={<p class="muted sc-note">{t('sc.none')}</p>}>
        <p class="muted sc-note">{t('sc.explain')}</p>
      </Show>
      <ul class="sc-list">
        <For each={scenarioChoices(session.doc)}>
          {(s) => {
            const isShown = () => activeScenarioId(session.doc) === s.id;
            const count = () => (s.id === BASE_SCENARIO_ID ? 0 : overridesOf(s.id).length);
            return (
              <li classList={{ shown: isShown() }} data-scenario-row={s.id}>
                <div class="sc-row">
                  <button class="sc-name" onClick={() => setOpen(open() === s.id ? null : s.id)} aria-expanded={open() === s.id}>
                    {s.name}
                  </button>
                  <Show when={s.id !== BASE_SCENARIO_ID}><span class="muted">{t('sc.overrides', { n: count() })}</span></Show>
                  <Show when={(stale()[s.id]?.length ?? 0) > 0}><span class="sc-stale-badge" title={t('sc.staleTitle')}>⚠</span></Show>
                  <span class="spacer" />
                  <Show when={isShown()} fallback={<button disabled={ro()} onClick={() => switchScenario(session, s.id)}>{t('sc.show')}</button>}>
                    <span class="sc-badge">{t('sc.active')}</span>
                  </Show>
                </div>
                <Show when={open() === s.id && s.id !== BASE_SCENARIO_ID}>
                  <table class="sc-overrides">
                    <tbody>
                      <For each={overridesOf(s.id)}>
                        {([key, raw]) => {
                          const mode = () => overrideMode(scenarioOf(s.id) ?? {}, key);
                          const rule = () => scenarioOf(s.id)?.relative?.[key];
                          return (
                            <tr data-override-key={key} data-mode={mode()}>
                              <td class="mono">{key}</td>
                              <td>
                                <select data-testid="scenario-override-mode" aria-label={t('sc.modeLabel')} title={t('sc.modeTitle')} disabled={ro()} value={mode()}
                                  onChange={(e) => changeMode(s.id, key, e.currentTarget.value as OverrideMode)}>
                                  <option value="value">{t('sc.modeValue')}</option>
                                  <option value="add">{t('sc.modeAdd')}</option>
                                  <option value="mul">{t('sc.modeMul')}</option>
                                </select>
                                <Show when={mode() !== 'value'}>
                                  <input data-testid="scenario-override-rule" class="sc-rule num" inputmode="decimal" aria-label={mode() === 'mul' ? t('sc.modeMul') : t('sc.modeAdd')} disabled={ro()}
                                    value={String(mode() === 'mul' ? (rule()?.mul ?? 1) : (rule()?.add ?? 0))}
                                    onChange={(e) => changeRule(s.id, key, mode(), e.currentTarget.value)} />
                                </Show>
                              </td>
                              <td class="num" data-testid="scenario-override-value">{formatRaw(raw === '' ? null : raw, 'ratio', locale())}</td>
                              <td><button class="link" disabled={ro()} onClick={() => setOverride(session, s.id, key, null)}>{t('sc.remove')}</button></td>
                            </tr>
                          );
                        }}
                      </For>
                    </tbody>
                  </table>
                  <div class="sc-actions">
                    <button disabled={ro()} title={t('sc.addCellTitle')} onClick={() => addSelected(s.id)}>{t('sc.addCell')}</button>
                    <button disabled={ro()} onClick={() => void rename(s.id, s.name)}>{t('sc.rename')}</button>
                    <button class="danger" disabled={ro()} onClick={() => void remove(s.id, s.name)}>{t('sc.delete')}</button>
                  </div>
                </Show>
              </li>
            );
          }}
        </For>
      </ul>
      <section class="sc-compare">
        <div class="sc-row">
          <strong>{t('sc.compare')}</strong>
          <span class="spacer" />
          <button data-testid="scenario-compare" title={t('sc.compareTitle')} disabled={computing()} onClick={() => void compare()}>
            {computing() ? t('sc.computing') : t('sc.compare')}
          </button>
        </div>
        <Show when={comparison()}>
          {(c) => (
            <>
              <For each={c().ids.filter((id) => (stale()[id]?.length ?? 0) > 0)}>
                {(id) => (
                  <div class="sc-stale" data-testid="scenario-stale" data-scenario={id} role="status">
                    <span>
                      {t('sc.stale', { name: c().names[c().ids.indexOf(id)], n: stale()[id].length })}{' '}
                      <span class="mono">{stale()[id].map((x) => `${x.key}: ${formatRaw(x.was, 'ratio', locale())} → ${formatRaw(x.now, 'ratio', locale())}`).join('; ')}</span>
                    </span>
                    <button data-testid="scenario-refresh" disabled={ro()} title={t('sc.refreshTitle')} onClick={() => void refresh(id)}>{t('sc.refresh')}</button>
                  </div>
                )}
              </For>
              <CompareTable c={c()} stale={(id) => (stale()[id]?.length ?? 0) > 0} />
            </>
          )}
        </Show>
      </section>
    </aside>
  );
}

/** Outputs down, scenarios across; each cell a value, its difference from base, and a bar. */
export function CompareTable(props: { c: Comparison; stale?: (id: string) => boolean }) {
  return (
    <table class="sc-compare-table" data-testid="scenario-compare-table">
      <thead>
        <tr>
          <th>{t('sc.output')}</th>
          <For each={props.c.names}>
            {(n, i) => {
              const isStale = () => props.stale?.(props.c.ids[i()]) ?? false;
              return <th data-scenario={props.c.ids[i()]} data-stale={isStale() ? 'true' : undefined} title={isStale() ? t('sc.staleTitle') : undefined}>{isStale() ? `⚠ ${n}` : n}</th>;
            }}
          </For>
        </tr>
      </thead>
      <tbody>
        <For each={props.c.rows}>
          {(row) => {
            const max = maxOf(row.values.map((v) => Math.abs(v ?? 0)), 1e-12);
            return (
              <tr data-compare-key={row.key}>
                <th scope="row">{row.label}</th>
                <For each={row.values}>
                  {(v, i) => (
                    <td data-scenario={props.c.ids[i()]} data-value={v ?? ''}>
                      <div class="num">{formatKpi(v, row.unit, locale())}</div>
                      <Show when={i() > 0 && row.deltas[i()] !== null}>
                        <div class="delta" classList={{ up: row.deltas[i()]! > 0, down: row.deltas[i()]! < 0 }}>{formatDelta(row.deltas[i()]!, row.unit, locale())}</div>
                      </Show>
                      <div class="bar"><span style={{ width: `${(Math.abs(v ?? 0) / max) * 100}%` }} /></div>
                    </td>
                  )}
                </For>
              </tr>
            );
          }}
        </For>
      </tbody>
    </table>
  );
}
