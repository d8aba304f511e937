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
import { plainCopy } from '../../model/plainCopy';
import { batch, createEffect, onCleanup } from 'solid-js';
import { newId } from '../../model/notebook';
import type { PresenterMessage as Message, PresenterView } from '../../model/protocol';
import { asPresenterMessage, presenterChannelName } from '../../model/protocol';

const same = (a: PresenterView, b: PresenterView) => JSON.stringify(a) === JSON.stringify(b);

/** How long a window that asked waits for an answer before it takes its own default view as chosen. */
export const VIEW_ANSWER_WAIT_MS = 1500;

/**
 * Links `view()` with the other windows of this notebook: publishes it whenever it changes and
 * calls `apply` with theirs. Lives as long as the calling component.
 *
 * With `ask`, the window starts from the others' view: it publishes nothing until it has heard
 * one (or nobody answered within `VIEW_ANSWER_WAIT_MS`), and `onSettled` says when that is — a
 * projector draws nothing before, so it never shows more than the presenter.
 */
export function createViewLink(
  notebookId: string,
  view: () => PresenterView,
  apply: (v: PresenterView) => void,
  options: { ask?: boolean; onSettled?: () => void } = {},
) {
  if (typeof BroadcastChannel === 'undefined') {
    options.onSettled?.();
    return;
  }
  const channel = new BroadcastChannel(presenterChannelName(notebookId));
  const me = newId('w');
  /** The view every window last agreed on: the last one sent or heard. Only a change from it is news. */
  let shared: PresenterView | null = null;
  channel.onmessage = (e: MessageEvent<unknown>) => {
    const m = asPresenterMessage(e.data);
    if (!m || m.from === me) return;
    if (m.type === 'view?') channel.postMessage({ type: 'view', from: me, view: view() } satisfies Message);
    else {
      shared = m.view;
      // One batch: applied field by field, each intermediate view (new slide, old mask) would be
      // published back as a change and undo the sender's mask or reference.
      batch(() => apply(m.view));
      settle();
    }
  };
  // A window that asks starts silent: its view is a default, not a choice, until it has heard one.
  let quiet = !!options.ask;
  const settle = () => {
    if (!quiet) return;
    quiet = false;
    clearTimeout(timer);
    options.onSettled?.();
  };
  const timer = options.ask ? setTimeout(settle, VIEW_ANSWER_WAIT_MS) : undefined;
  if (!options.ask) options.onSettled?.();
  createEffect(() => {
    const v = view();
    if (quiet) return;
    // What we just heard from another window must not go back to it (a late echo would undo a newer change).
    if (shared && same(v, shared)) return;
    shared = plainCopy(v);
    channel.postMessage({ type: 'view', from: me, view: shared } satisfies Message);
  });
  if (options.ask) channel.postMessage({ type: 'view?', from: me } satisfies Message);
  onCleanup(() => {
    clearTimeout(timer);
    channel.close();
  });
}
