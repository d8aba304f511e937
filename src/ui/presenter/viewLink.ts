/**
 * Keeping the editor's presenter and the projector window on the same slide.
 *
 * Document changes already travel between windows of one notebook: the editing tab publishes
 * every command batch on the notebook's channel (`storage/tabLock.ts`), and the projector window
 * applies them to its own engine (see `ProjectorPage.tsx`). What is left is the view: which slide,
 * the privacy mask, the language and the reference values the deltas are measured from. Any window
 * may change it (the projector has ←/→ too); the last change wins. A window that opens asks the
 * others for the current view.
 */
import { createEffect, onCleanup } from 'solid-js';
import type { Locale } from '../../model/notebook';
import { newId } from '../../model/notebook';

export interface PresenterView {
  slide: string;
  mask: boolean;
  locale: Locale;
  /** Reference values (`Sheet!A1` → number) the KPI cards' changes are measured from. */
  reference: Record<string, number>;
}

type Message = { type: 'view'; from: string; view: PresenterView } | { type: 'view?'; from: string };

export function presenterChannelName(notebookId: string): string {
  return `opsbook:present:${notebookId}`;
}

const same = (a: PresenterView, b: PresenterView) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Links `view()` with the other windows of this notebook: publishes it whenever it changes and
 * calls `apply` with theirs. Lives as long as the calling component.
 */
export function createViewLink(notebookId: string, view: () => PresenterView, apply: (v: PresenterView) => void, options: { ask?: boolean } = {}) {
  if (typeof BroadcastChannel === 'undefined') return;
  const channel = new BroadcastChannel(presenterChannelName(notebookId));
  const me = newId('w');
  /** The view every window last agreed on: the last one sent or heard. Only a change from it is news. */
  let shared: PresenterView | null = null;
  channel.onmessage = (e: MessageEvent<Message>) => {
    const m = e.data;
    if (!m || typeof m !== 'object' || m.from === me) return;
    if (m.type === 'view?') channel.postMessage({ type: 'view', from: me, view: view() } satisfies Message);
    else if (m.type === 'view' && m.view && typeof m.view.slide === 'string') {
      shared = m.view;
      apply(m.view);
    }
  };
  // A window that asks starts silent: its first view is a default, not a choice.
  let quiet = !!options.ask;
  createEffect(() => {
    const v = view();
    if (quiet) {
      quiet = false;
      return;
    }
    // What we just heard from another window must not go back to it (a late echo would undo a newer change).
    if (shared && same(v, shared)) return;
    shared = JSON.parse(JSON.stringify(v)) as PresenterView;
    channel.postMessage({ type: 'view', from: me, view: shared } satisfies Message);
  });
  if (options.ask) channel.postMessage({ type: 'view?', from: me } satisfies Message);
  onCleanup(() => channel.close());
}
