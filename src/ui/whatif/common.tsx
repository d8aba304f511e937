/**
 * Pieces every analysis view uses: the run bar (Run, progress, Cancel, status), a cell-reference
 * field that can take the selected cell, and the note that says when a saved result was made.
 */
import { createEffect, createSignal, For, onCleanup, Show } from 'solid-js';
import type { JSX } from 'solid-js';
import { qualify } from '../../model/address';
import { locale, t } from '../../i18n';
import { refLabel } from '../../model/refLabel';
import type { NotebookContext } from '../notebook/extensions';
import type { AnalysisKind, RunState, WhatIf } from './controller';

export interface ViewProps {
  ctx: NotebookContext;
  wi: WhatIf;
}

/** The selected cell as `Sheet!A1`. */
export function selectedRef(ctx: NotebookContext): string {
  return qualify(ctx.wb.sheetName(), ctx.wb.activeAddr());
}

/** A result's reference in the model's words (`年度目标 TARGET_TOTAL`), in the UI language. */
export function named(ctx: NotebookContext, key: string): string {
  return refLabel(ctx.session.doc, key, locale());
}

/** A run shorter than this shows no progress bar (it would only flash). */
const PROGRESS_AFTER_MS = 250;

export function RunBar(props: { kind: AnalysisKind; wi: WhatIf; onRun: () => void; disabled?: boolean }): JSX.Element {
  const st = (): RunState => props.wi.state(props.kind)();
  const running = () => st().status === 'running';
  const [long, setLong] = createSignal(false);
  createEffect(() => {
    if (!running()) return setLong(false);
    const timer = setTimeout(() => setLong(true), PROGRESS_AFTER_MS);
    onCleanup(() => clearTimeout(timer));
  });
  const fraction = () => (st().total > 0 ? st().done / st().total : 0);
  const text = () => {
    const s = st();
    switch (s.status) {
      case 'running':
        return t('whatif.status.running', { done: s.done, total: s.total || '…' });
      case 'done':
        return t('whatif.status.done', { ms: s.ms ?? 0 });
      case 'cancelled':
        return t('whatif.status.cancelled');
      case 'error':
        return t('whatif.status.error', { message: s.message ?? '' });
      default:
        return '';
    }
  };
  return (
    <div class="whatif-runbar">
      <button class="primary" data-testid="whatif-run" disabled={running() || props.disabled} onClick={() => props.onRun()}>
        {t('whatif.run')}
      </button>
      <Show when={running() && long()}>
        <progress data-testid="whatif-progress" max="1" value={fraction()} data-done={st().done} data-total={st().total} />
        <button data-testid="whatif-cancel" onClick={() => props.wi.cancel(props.kind)}>{t('whatif.cancel')}</button>
      </Show>
      <span class={`whatif-status whatif-${st().status}`} data-testid="whatif-status" data-status={st().status} data-run={st().run} data-ms={st().ms ?? ''} data-pool-size={props.wi.pool.size} data-pool-warm={props.wi.warmed() ? 'true' : 'false'}>
        {text()}
      </span>
    </div>
  );
}

export function RefField(props: { ctx: NotebookContext; label: string; value: string; onChange: (v: string) => void; testid?: string }): JSX.Element {
  return (
    <label class="whatif-field">
      <span>{props.label}</span>
      <span class="whatif-ref">
        <input value={props.value} data-testid={props.testid} spellcheck={false} onChange={(e) => props.onChange(e.currentTarget.value.trim())} />
        <button type="button" class="link" title={t('whatif.useSelectedTitle', { ref: selectedRef(props.ctx) })} onClick={() => props.onChange(selectedRef(props.ctx))}>← {t('whatif.useSelected')}</button>
      </span>
    </label>
  );
}

export function NumberField(props: { label: string; value: string; onChange: (v: string) => void; testid?: string; placeholder?: string; width?: string }): JSX.Element {
  return (
    <label class="whatif-field">
      <span>{props.label}</span>
      <input value={props.value} data-testid={props.testid} placeholder={props.placeholder} style={props.width ? { width: props.width } : undefined} onChange={(e) => props.onChange(e.currentTarget.value)} />
    </label>
  );
}

/** The preset picker every analysis opens with: a ready-made set-up for the notebook's templates. */
export function PresetPicker(props: { value: string; presets: { id: string; title: { zh: string; en: string } }[]; onPick: (id: string) => void }): JSX.Element {
  return (
    <label class="whatif-field">
      <span>{t('whatif.preset')}</span>
      <select data-testid="whatif-preset" value={props.value} onChange={(e) => props.onPick(e.currentTarget.value)}>
        <option value="">{t('whatif.presetNone')}</option>
        <For each={props.presets}>{(p) => <option value={p.id}>{locale() === 'en' ? p.title.en : p.title.zh}</option>}</For>
      </select>
    </label>
  );
}

export function SavedNote(props: { at?: number; stale: boolean }): JSX.Element {
  return (
    <Show when={props.at}>
      <p class="whatif-note muted">
        {t('whatif.savedAt', { when: new Date(props.at as number).toLocaleString() })}
        <Show when={props.stale}> · <span class="whatif-stale" data-testid="whatif-stale">{t('whatif.stale')}</span></Show>
      </p>
    </Show>
  );
}
