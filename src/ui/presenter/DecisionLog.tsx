/**
 * The decision log, for review during and after the workshop: each change with its time, what
 * moved, old → new (in the driver's unit), the scenario, the note; apply or revert one entry,
 * replay them all in order, export CSV.
 */
import { createSignal, For, onCleanup, Show } from 'solid-js';
import type { NotebookSession } from '../../engine/session';
import type { RawContent } from '../../model/cell';
import type { Decision } from '../../model/decisionLog';
import { formatNumber } from '../../i18n/numberFormat';
import { decisionRows, effectiveDecisions, formattedValueText, logCommand, newDecision } from '../../model/decisionLog';
import { findSheet } from '../../model/notebook';
import { driverByName } from '../../model/drivers';
import '../vocabulary';
import { setInputCommands, splitCellKey } from '../../model/scenarios';
import { toCsv } from '../../io/csv';
import { locale, t } from '../../i18n';
import { download, fileStem } from '../services';
import { scenarioName, switchScenario } from '../scenarios/actions';
import { formatDriver } from '../kpiFormat';
import './messages';

const timeFmt = () => new Intl.DateTimeFormat(locale(), { hour: '2-digit', minute: '2-digit', second: '2-digit' });

export function describeDecision(doc: NotebookSession['doc'], d: Decision): { what: string; from: string; to: string } {
  if (d.kind === 'scenario') {
    return { what: t('log.kind.scenario'), from: scenarioName(doc, d.old as string | null), to: scenarioName(doc, d.new as string | null) };
  }
  const def = d.driver ? driverByName(d.driver, doc) : undefined;
  const what = def ? def.label[locale() === 'en' ? 'en' : 'zh'] : d.target;
  const fmt = (v: RawContent | null) => (def ? formatDriver(v, def, locale()) : v === null ? '—' : String(v));
  return { what, from: fmt(d.old), to: fmt(d.new) };
}

/**
 * Re-applies one value of a decision (its new or its old one) as a fresh, undoable edit; with
 * `log` (in the presenter) that is itself recorded, as a `replay` entry.
 */
export function applyDecisionValue(session: NotebookSession, d: Decision, which: 'new' | 'old', options: { log?: boolean } = {}): boolean {
  const v = d[which];
  if (d.kind === 'scenario') return switchScenario(session, (v as string | null) ?? 'base', options);
  const nb = session.plain();
  const cmds = setInputCommands(nb, d.target, v);
  if (cmds.length === 0) return false;
  const k = splitCellKey(d.target);
  const before = (k && findSheet(nb, k.sheet)?.cells[k.addr]) ?? null;
  if (options.log && before !== v) {
    cmds.push(logCommand(newDecision({ kind: 'replay', target: d.target, driver: d.driver, old: before, new: v, scenario: nb.activeScenario })));
  }
  return session.edit(cmds, `replay ${d.driver ?? d.target}`);
}

export function exportDecisionsCsv(session: NotebookSession): void {
  const nb = session.plain();
  const rows = decisionRows(nb.decisions, (id) => scenarioName(session.doc, id), formattedValueText(nb, formatNumber));
  download(`${fileStem(session.doc.title)}-decisions.csv`, toCsv(rows), 'text/csv;charset=utf-8');
}

/**
 * Replays the log: every input the log touched goes back to where the log found it, then each
 * decision still in effect is applied again, one every `stepMs`, so the room sees the story.
 */
export function createReplay(session: NotebookSession, stepMs = 1200) {
  const [step, setStep] = createSignal<{ n: number; total: number } | null>(null);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stop = () => {
    clearTimeout(timer);
    setStep(null);
  };
  onCleanup(stop);
  function start(): void {
    stop();
    const entries = effectiveDecisions(session.plain().decisions).filter((d) => d.kind === 'driver' || d.kind === 'scenario' || d.kind === 'replay');
    if (entries.length === 0) return;
    // Back to the start: the first scenario, then each cell's first old value.
    const firstScenario = entries.find((d) => d.kind === 'scenario');
    if (firstScenario) switchScenario(session, (firstScenario.old as string | null) ?? 'base');
    const seen = new Set<string>();
    for (const d of entries) {
      if (d.kind === 'scenario' || seen.has(d.target)) continue;
      seen.add(d.target);
      session.edit(setInputCommands(session.plain(), d.target, d.old), 'replay');
    }
    let i = 0;
    const next = () => {
      if (i >= entries.length) return stop();
      setStep({ n: i + 1, total: entries.length });
      applyDecisionValue(session, entries[i++], 'new');
      timer = setTimeout(next, stepMs);
    };
    timer = setTimeout(next, stepMs / 2);
  }
  return { step, start, stop };
}

export function DecisionLogView(props: { session: NotebookSession; replay: ReturnType<typeof createReplay>; onNote?: (d: Decision) => void; log?: boolean }) {
  const session = props.session;
  const entries = () => [...(session.doc.decisions ?? [])].reverse();
  const ro = () => session.readOnly();
  return (
    <div class="decision-log" data-testid="decision-log">
      <div class="log-actions">
        <Show when={props.replay.step()} fallback={
          <button data-testid="decision-replay" disabled={ro() || !session.doc.decisions?.length} title={t('log.replayTitle')} onClick={() => props.replay.start()}>▶ {t('log.replay')}</button>
        }>
          {(s) => <><span class="replaying">{t('log.replaying', { n: s().n, total: s().total })}</span><button onClick={() => props.replay.stop()}>■ {t('log.stop')}</button></>}
        </Show>
        <button data-testid="decision-export" disabled={!session.doc.decisions?.length} onClick={() => exportDecisionsCsv(session)}>⤓ {t('log.export')}</button>
      </div>
      <Show when={entries().length > 0} fallback={<p class="muted">{t('log.empty')}</p>}>
        <ol class="log-entries">
          <For each={entries()}>
            {(d) => {
              const text = () => describeDecision(session.doc, d);
              return (
                <li data-decision={d.id} data-target={d.target} data-log-driver={d.driver ?? ''} classList={{ undone: !!d.undone }}>
                  <div class="log-line">
                    <time dateTime={new Date(d.at).toISOString()}>{timeFmt().format(d.at)}</time>
                    <strong class="log-what">{text().what}</strong>
                    <span class="log-change"><span class="old">{text().from}</span> → <span class="new">{text().to}</span></span>
                    <Show when={d.undone}><span class="log-undone">{t('log.undone')}</span></Show>
                  </div>
                  <div class="log-meta">
                    <Show when={d.kind !== 'scenario'}><span class="muted">{scenarioName(session.doc, d.scenario)}</span></Show>
                    <Show when={d.note}><q class="log-note">{d.note}</q></Show>
                    <span class="spacer" />
                    <Show when={props.onNote}><button class="link" disabled={ro()} onClick={() => props.onNote!(d)}>{t('log.note')}</button></Show>
                    <button class="link" disabled={ro()} title={t('log.revertTitle')} onClick={() => applyDecisionValue(session, d, 'old', { log: props.log })}>{t('log.revert')}</button>
                    <button class="link" disabled={ro()} title={t('log.applyTitle')} onClick={() => applyDecisionValue(session, d, 'new', { log: props.log })}>{t('log.apply')}</button>
                  </div>
                </li>
              );
            }}
          </For>
        </ol>
      </Show>
    </div>
  );
}
