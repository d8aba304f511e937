/**
 * Cross-tab safety: of all the tabs (and windows) that open one notebook, exactly one edits; the
 * others follow it read-only and live. The edit right is a Web Lock named after the notebook;
 * "take over" steals it, and the tab that loses it turns into a follower. Edits travel over a
 * BroadcastChannel of the same name as the same commands the engine takes; a follower that
 * joins late asks the editor for the whole document.
 */
import { createSignal } from 'solid-js';
import { pushAll } from '../model/arrays';
import type { EditCommand } from '../model/commands';
import type { Notebook } from '../model/notebook';
import type { NotebookMessage as Message } from '../model/protocol';
import { asNotebookMessage, notebookChannelName } from '../model/protocol';

export type TabRole = 'editor' | 'follower';

export interface TabLockHandlers {
  /** Commands another tab applied; a follower applies them too. */
  onRemoteEdits(cmds: EditCommand[]): void;
  /** The editor's whole document (answer to a late follower). */
  onRemoteDocument(nb: Notebook): void;
  /** The editor asks for our document after we took over (nothing to do) — or we became editor. */
  onRoleChange?(role: TabRole): void;
  /** The current document, sent to a follower that says hello. */
  currentDocument(): Notebook;
}

export function createTabLock(notebookId: string, h: TabLockHandlers) {
  const name = notebookChannelName(notebookId);
  const [role, setRole] = createSignal<TabRole>('editor');
  const hasLocks = typeof navigator !== 'undefined' && 'locks' in navigator;
  const channel = typeof BroadcastChannel !== 'undefined' ? new BroadcastChannel(name) : null;
  let release: (() => void) | null = null;
  let closed = false;
  // Edits reach the followers when this tab is idle (within 100 ms): copying them onto the channel
  // is no part of the edit the user waits for. Batches keep their order, and a whole document
  // never overtakes them.
  let outbox: EditCommand[] = [];
  const idle: (fn: () => void) => void = (fn) =>
    typeof requestIdleCallback === 'function' ? void requestIdleCallback(fn, { timeout: 100 }) : void setTimeout(fn, 0);
  function flushEdits(): void {
    if (outbox.length && role() === 'editor') channel?.postMessage({ type: 'edits', cmds: outbox } satisfies Message);
    outbox = [];
  }

  function become(r: TabRole): void {
    if (role() === r) return;
    setRole(r);
    h.onRoleChange?.(r);
  }

  /** Holds the lock until released or stolen; resolves true when we got it. */
  function hold(options: LockOptions): Promise<boolean> {
    return new Promise<boolean>((granted) => {
      navigator.locks
        .request(name, options, (lock) => {
          if (!lock) {
            granted(false);
            return undefined;
          }
          granted(true);
          return new Promise<void>((r) => (release = r));
        })
        .catch(() => {
          // AbortError: another tab took the lock over.
          release = null;
          if (!closed) become('follower');
        });
    });
  }

  async function start(): Promise<TabRole> {
    if (!hasLocks) return role();
    const got = await hold({ ifAvailable: true });
    if (got) become('editor');
    else {
      become('follower');
      channel?.postMessage({ type: 'hello' } satisfies Message);
    }
    return role();
  }

  async function takeOver(): Promise<void> {
    if (!hasLocks || role() === 'editor') return;
    const got = await hold({ steal: true });
    if (got) become('editor');
  }

  if (channel) {
    channel.onmessage = (e: MessageEvent<unknown>) => {
      const m = asNotebookMessage(e.data);
      if (!m) return;
      if (m.type === 'edits' && role() === 'follower') h.onRemoteEdits(m.cmds);
      else if (m.type === 'document' && role() === 'follower') h.onRemoteDocument(m.notebook);
      else if (m.type === 'hello' && role() === 'editor') {
        // The document already holds the edits still waiting to go out.
        outbox = [];
        channel.postMessage({ type: 'document', notebook: h.currentDocument() } satisfies Message);
      }
    };
  }

  return {
    role,
    start,
    takeOver,
    /** Tells the followers about an edit this tab made. */
    publish(cmds: EditCommand[]): void {
      if (role() !== 'editor' || !channel) return;
      // The first edit since the last post schedules the next one.
      if (outbox.length === 0) idle(flushEdits);
      pushAll(outbox, cmds);
    },
    publishDocument(nb: Notebook): void {
      outbox = [];
      if (role() === 'editor') channel?.postMessage({ type: 'document', notebook: nb } satisfies Message);
    },
    close(): void {
      flushEdits();
      closed = true;
      release?.();
      channel?.close();
    },
  };
}

export type TabLock = ReturnType<typeof createTabLock>;
