/**
 * Every message that crosses a window boundary, in one place: the channels' names, the message
 * unions and the checks a receiver runs (another window is a door in, so nothing is trusted by
 * its type alone). The workers speak through comlink; their APIs are `EngineHost` and
 * `WhatIfHost`, and the bulk data they return (Monte Carlo samples) is transferred, not copied.
 *
 * | channel | who talks | messages |
 * |---|---|---|
 * | `opsbook:notebook:<id>` | the editing tab → followers and projector windows | `NotebookMessage` |
 * | `opsbook:present:<id>` | presenter ↔ projector windows (the view, not the document) | `PresenterMessage` |
 */
import type { EditCommand } from './commands';
import type { Locale, Notebook } from './notebook';

/** The notebook's document channel: the tab lock's edits, and the whole document for a late joiner. */
export function notebookChannelName(notebookId: string): string {
  return `opsbook:notebook:${notebookId}`;
}

/** The presenter's view channel. */
export function presenterChannelName(notebookId: string): string {
  return `opsbook:present:${notebookId}`;
}

export type NotebookMessage =
  /** Commands the editing tab applied; followers apply them too. */
  | { type: 'edits'; cmds: EditCommand[] }
  /** A window that joined late asks the editor for the document. */
  | { type: 'hello' }
  /** The editor's whole document (the answer to `hello`, or after a replace). */
  | { type: 'document'; notebook: Notebook }
  | { type: 'title'; title: string };

/** What a presenter window shows, beyond the document: shared by every window of one notebook. */
export interface PresenterView {
  slide: string;
  mask: boolean;
  locale: Locale;
  /** Reference values (`Sheet!A1` → number) the KPI cards' changes are measured from. */
  reference: Record<string, number>;
}

export type PresenterMessage =
  | { type: 'view'; from: string; view: PresenterView }
  /** A window that opens asks the others for the current view. */
  | { type: 'view?'; from: string };

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;

/** The shape checks of a received notebook message; the document itself still goes through the file schema. */
export function asNotebookMessage(x: unknown): NotebookMessage | null {
  if (!isObject(x)) return null;
  switch (x.type) {
    case 'hello':
      return { type: 'hello' };
    case 'edits':
      return Array.isArray(x.cmds) ? { type: 'edits', cmds: x.cmds as EditCommand[] } : null;
    case 'document':
      return isObject(x.notebook) ? { type: 'document', notebook: x.notebook as unknown as Notebook } : null;
    case 'title':
      return typeof x.title === 'string' ? { type: 'title', title: x.title } : null;
    default:
      return null;
  }
}

export function asPresenterMessage(x: unknown): PresenterMessage | null {
  if (!isObject(x) || typeof x.from !== 'string') return null;
  if (x.type === 'view?') return { type: 'view?', from: x.from };
  if (x.type !== 'view' || !isObject(x.view)) return null;
  const v = x.view;
  if (typeof v.slide !== 'string' || typeof v.mask !== 'boolean' || typeof v.locale !== 'string' || !isObject(v.reference)) return null;
  return { type: 'view', from: x.from, view: v as unknown as PresenterView };
}

/**
 * The engine worker's heartbeat: while a recalculation runs, the worker answers no call, so it
 * posts this (outside comlink, which ignores messages without its ids) every `ENGINE_HEARTBEAT_MS`
 * at most. The session's watchdog counts only silence — no answer and no beat — as a dead worker.
 */
export const ENGINE_HEARTBEAT = 'opsbook:engine-heartbeat';
export const ENGINE_HEARTBEAT_MS = 250;

export function isEngineHeartbeat(x: unknown): boolean {
  return !!x && typeof x === 'object' && (x as { type?: unknown }).type === ENGINE_HEARTBEAT;
}
