/**
 * Small modal dialogs (confirm, prompt) rendered by the app shell; a promise answers them.
 * Messages are rendered as text, never as HTML.
 */
import { createSignal, For, Show } from 'solid-js';
import { t } from '../i18n';

interface DialogState {
  message: string;
  okLabel: string;
  input?: string;
  /** Lines shown under the message (what depends on cells about to be deleted). */
  details?: string[];
  /** Test ids of the dialog and its OK button, when a feature's contract names its own. */
  testId?: string;
  okTestId?: string;
  resolve: (v: string | null) => void;
}

const [dialog, setDialog] = createSignal<DialogState | null>(null);

export function confirmDialog(message: string, okLabel = t('common.ok')): Promise<boolean> {
  return new Promise((resolve) => setDialog({ message, okLabel, resolve: (v) => resolve(v !== null) }));
}

/** A confirmation with a list under its message, carrying the caller's own test ids (e.g. `confirm-structure` / `confirm-ok`). */
export function confirmListDialog(message: string, details: string[], okLabel: string, ids: { testId: string; okTestId: string }): Promise<boolean> {
  return new Promise((resolve) => setDialog({ message, okLabel, details, ...ids, resolve: (v) => resolve(v !== null) }));
}

export function promptDialog(message: string, initial: string, okLabel = t('common.ok')): Promise<string | null> {
  return new Promise((resolve) => setDialog({ message, okLabel, input: initial, resolve }));
}

export function DialogHost() {
  let input: HTMLInputElement | undefined;
  const close = (v: string | null) => {
    const d = dialog();
    setDialog(null);
    d?.resolve(v);
  };
  return (
    <Show when={dialog()}>
      {(d) => (
        <div class="modal-backdrop" onKeyDown={(e) => e.key === 'Escape' && close(null)}>
          <div class="modal" role="dialog" aria-modal="true" data-testid={d().testId ?? 'dialog'}>
            <p>{d().message}</p>
            <Show when={d().details?.length}>
              <ul class="modal-details">
                <For each={d().details}>{(line) => <li>{line}</li>}</For>
              </ul>
            </Show>
            <Show when={d().input !== undefined}>
              <input ref={(el) => { input = el; queueMicrotask(() => { el.focus(); el.select(); }); }} value={d().input} data-testid="dialog-input"
                onKeyDown={(e) => e.key === 'Enter' && close(e.currentTarget.value)} />
            </Show>
            <div class="modal-actions">
              <button onClick={() => close(null)} data-testid="dialog-cancel">{t('common.cancel')}</button>
              <button class="primary" data-testid={d().okTestId ?? 'dialog-ok'} ref={(el) => d().input === undefined && queueMicrotask(() => el.focus())}
                onClick={() => close(d().input !== undefined ? (input?.value ?? '') : '')}>{d().okLabel}</button>
            </div>
          </div>
        </div>
      )}
    </Show>
  );
}
