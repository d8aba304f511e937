/**
 * A notebook session: the document (a Solid store of raw contents), the value store (a Solid
 * store of computed values), undo/redo, and the engine that turns one into the other.
 *
 * Data flows one way: `edit(commands)` applies the commands to the document, records their
 * inverse for undo, and sends the same commands to the engine worker, whose answer — only the
 * cells that changed — is written into the value store. Components read single cells, so an
 * edit re-renders what it touched and nothing else.
 */
import { batch, createSignal } from 'solid-js';
import { createStore, produce, reconcile, unwrap } from 'solid-js/store';
import type { EditCommand, SheetValues, ValueChange } from '../model/commands';
import { reachesEngine } from '../model/commands';
import { applyEdits, EditError } from '../model/edit';
import type { EditErrorCode } from '../model/edit';
import { isStructureCommand, moveAddressMap } from '../model/structure';
import type { Notebook } from '../model/notebook';
import type { EngineClient } from './engineClient';
import { markNotebookMaps, markValueMaps, STORE_DRAFT } from './storeRaw';

interface HistoryEntry {
  label: string;
  forward: EditCommand[];
  inverse: EditCommand[];
  /** Edits with the same key in a row (one slider drag) share this entry. */
  merge?: string;
}

/** What the session reports: a refused edit's reason, or what happened to the engine (messages: src/ui/problemMessages.ts). */
export type SessionProblemCode = EditErrorCode | 'engineRestarted' | 'engineRejected' | 'engineBuild' | 'readOnly';

export interface SessionProblem {
  code: SessionProblemCode;
  message: string;
}

export interface SessionOptions {
  startEngine: () => EngineClient;
  /** Called after every document change (edits, undo, redo, renames) — autosave listens. */
  onDocumentChange?: (nb: Notebook) => void;
  /** Called with the commands of every change this session makes (edits, undo, redo). */
  onCommit?: (cmds: EditCommand[]) => void;
  /** Called when an edit is refused or the engine had to be restarted. */
  onProblem?: (p: SessionProblem) => void;
  historyLimit?: number;
  /** How long an edit may go unanswered before the engine is checked (ms). */
  watchdogMs?: number;
}

export type NotebookSession = ReturnType<typeof createNotebookSession>;

export function createNotebookSession(initial: Notebook, opts: SessionOptions) {
  // The session owns `initial` from here on (callers pass a freshly loaded or created notebook).
  const [doc, setDoc] = createStore<Notebook>(markNotebookMaps(initial));
  const [values, setValues] = createStore<SheetValues>({});
  const [pending, setPending] = createSignal(0);
  const [ready, setReady] = createSignal(false);
  // Set when the engine could not build this notebook: the values on screen are not its values.
  const [failed, setFailed] = createSignal<string | null>(null);
  const [historyTick, setHistoryTick] = createSignal(0);
  const [readOnly, setReadOnly] = createSignal(false);
  // Bumped when cells appear or disappear (not when a value changes): views that depend on a
  // sheet's shape — its used extent — listen to this instead of scanning on every edit.
  const [shapeTick, setShapeTick] = createSignal(0);
  /** The commands of the edit that last bumped `shapeTick`; null when the document was replaced. */
  let lastReshape: EditCommand[] | null = null;
  const undoStack: HistoryEntry[] = [];
  const redoStack: HistoryEntry[] = [];
  const limit = opts.historyLimit ?? 500;
  let engine: EngineClient | null = null;
  let generation = 0; // answers from a replaced engine are ignored
  let closed = false;

  const plain = (): Notebook => unwrap(doc);

  function workbook() {
    const nb = plain();
    return { sheets: nb.sheets.map((s) => ({ name: s.name, cells: s.cells })), names: nb.names };
  }

  /** (Re)builds the engine from the document; the first paint gets every value once. */
  async function startEngine(): Promise<void> {
    const gen = ++generation;
    engine?.terminate();
    const client = opts.startEngine();
    engine = client;
    // `pending` counts the current engine's unanswered calls only: a replaced engine's never
    // answer (their sends skip the decrement), so the count starts again at this open.
    setPending(1);
    void client.died.then((why) => {
      if (gen !== generation || closed || why === 'terminated') return;
      opts.onProblem?.({ code: 'engineRestarted', message: why });
      void startEngine();
    });
    try {
      const opened = await client.api.open(doc.id, workbook());
      if (gen !== generation) return;
      if (!opened.ok) {
        setFailed(opened.error.message);
        opts.onProblem?.({ code: 'engineBuild', message: opened.error.message });
        return;
      }
      setFailed(null);
      const all = markValueMaps(opened.value);
      // First paint: a plain set. A rebuild (restart, restore) diffs, so unchanged cells stay put.
      if (ready()) setValues(reconcile(all));
      else setValues(all);
      setReady(true);
    } finally {
      // Only this open's own share: an edit sent to the new engine while it built is still owed.
      if (gen === generation) setPending((n) => Math.max(0, n - 1));
    }
  }

  function applyChanges(changes: ValueChange[]): void {
    if (changes.length === 0) return;
    setValues(
      produce((v) => {
        for (const c of changes) {
          const sheet = (v[c.sheet] ??= {});
          if (c.value === null) delete sheet[c.addr];
          else sheet[c.addr] = c.value;
        }
      }),
    );
  }

  /** Keeps the value store's sheet keys (and, with `rows`, its rows and columns) in step with structural edits, in their order. */
  function applyStructure(cmds: EditCommand[], rows: boolean): void {
    for (const c of cmds) {
      if (isStructureCommand(c)) {
        if (rows) moveValues([c]);
      } else if (c.type === 'renameSheet') {
        setValues(produce((v) => {
          v[c.to] = v[c.from] ?? {};
          delete v[c.from];
        }));
      } else if (c.type === 'removeSheet') {
        setValues(produce((v) => void delete v[c.name]));
      } else if (c.type === 'replaceSheet') {
        setValues(c.sheet.name, reconcile({}));
      }
    }
  }

  /**
   * A worker that was killed answers nothing and fires no event. If an edit goes unanswered for
   * a while and the worker has not beaten since (a long recalculation beats, see
   * workers/heartbeat.ts), ask it for a ping; no pong either means it is gone, and the engine is
   * rebuilt from the document (which already holds the edit). Only silence counts: a worker that
   * beats is waited for as long as it keeps beating. The wait doubles after each false alarm.
   */
  let watchdogMs = opts.watchdogMs ?? 1500;
  function watch(client: EngineClient, gen: number): () => void {
    let timer: ReturnType<typeof setTimeout>;
    const check = async () => {
      if (gen !== generation || closed) return;
      const beat = client.lastBeat?.() ?? -Infinity;
      if (performance.now() - beat < watchdogMs) {
        timer = setTimeout(check, watchdogMs);
        return;
      }
      const pong = await Promise.race([client.api.ping(), new Promise((r) => setTimeout(() => r(null), watchdogMs))]);
      if (gen !== generation || closed || stopped) return;
      if (pong === 'pong') {
        watchdogMs *= 2;
        return;
      }
      // A beat while the ping waited: busy, not gone.
      if (performance.now() - (client.lastBeat?.() ?? -Infinity) < watchdogMs) {
        timer = setTimeout(check, watchdogMs);
        return;
      }
      opts.onProblem?.({ code: 'engineRestarted', message: 'the engine stopped answering' });
      void startEngine();
    };
    let stopped = false;
    timer = setTimeout(check, watchdogMs);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }

  /**
   * `moved`: the values were already moved with the document (see `apply`); otherwise rows and
   * columns move here, in the engine's order — after the answers to every earlier edit, which the
   * engine computed before the move and so speak of the cells where they stood then.
   */
  async function sendToEngine(all: EditCommand[], moved: boolean): Promise<void> {
    const client = engine;
    // Formats, widths, layout and records change nothing the engine computes: no round trip.
    const cmds = all.filter(reachesEngine);
    if (!client || cmds.length === 0) return;
    const gen = generation;
    setPending((n) => n + 1);
    const stopWatch = watch(client, gen);
    try {
      const r = await client.api.apply(doc.id, cmds);
      stopWatch();
      if (gen !== generation) return;
      // Sheet renames and removals reach the value store in the engine's order, with the answer
      // that follows them, so an earlier answer never lands under a sheet's new name.
      if (r.ok) batch(() => {
        applyStructure(cmds, !moved);
        applyChanges(r.value);
      });
      else {
        // Document and engine disagree: rebuild the engine from the document, which is the truth.
        opts.onProblem?.({ code: 'engineRejected', message: r.error.message });
        void startEngine();
      }
    } finally {
      stopWatch();
      if (gen === generation) setPending((n) => Math.max(0, n - 1));
    }
  }

  function changesShape(cmds: EditCommand[]): boolean {
    const nb = plain();
    return cmds.some((c) => {
      if (c.type !== 'setCells') return c.type !== 'setFormats' && c.type !== 'setColWidths';
      const cells = nb.sheets.find((s) => s.name === c.sheet)?.cells;
      return !cells || c.writes.some((w) => w.raw === null || cells[w.addr] === undefined);
    });
  }

  /**
   * Rows/columns inserted or deleted: the values already computed move with their cells at once,
   * in the same update as the document, so the grid and the charts never show a cell's new
   * content beside another cell's value; the engine's answer then brings only what really changed.
   * Only when the engine owes no answer: an answer still in flight speaks of the cells where they
   * stood before the move, so then the move waits for its own answer (`sendToEngine`).
   */
  function moveValues(cmds: EditCommand[]): void {
    for (const c of cmds) {
      if (!isStructureCommand(c)) continue;
      const name = Object.keys(values).find((k) => k.toLowerCase() === c.sheet.toLowerCase());
      if (!name) continue;
      const before = unwrap(values)[name];
      const after = moveAddressMap(before, c);
      setValues(produce((v) => {
        const sheet = v[name];
        for (const addr of Object.keys(before)) if (!(addr in after)) delete sheet[addr];
        for (const [addr, value] of Object.entries(after)) if (before[addr] !== value) sheet[addr] = value;
      }));
    }
  }

  function apply(cmds: EditCommand[]): EditCommand[] {
    const reshapes = changesShape(cmds);
    // A sheet renamed or removed in the same step reaches the value store with the answer, so its rows do too.
    const moveNow = pending() === 0 && !cmds.some((c) => c.type === 'renameSheet' || c.type === 'removeSheet' || c.type === 'replaceSheet');
    let inverse: EditCommand[] = [];
    batch(() => {
      setDoc(produce((d) => {
        inverse = applyEdits(d, cmds, STORE_DRAFT);
        d.updatedAt = Date.now();
      }));
      if (moveNow) moveValues(cmds);
      if (reshapes) {
        lastReshape = cmds;
        setShapeTick((n) => n + 1);
      }
      // Posted before the batch ends: the worker computes while the views update on this thread.
      void sendToEngine(cmds, moveNow);
    });
    return inverse;
  }

  function commit(cmds: EditCommand[]): EditCommand[] {
    const inverse = apply(cmds);
    opts.onDocumentChange?.(plain());
    opts.onCommit?.(cmds);
    return inverse;
  }

  /** Applies commands another tab made (this one follows it read-only): no history, no save. */
  function applyRemote(cmds: EditCommand[]): void {
    try {
      apply(cmds);
    } catch {
      // Out of step with the editor: its next full document will set us right.
    }
  }

  /**
   * Applies a user action (one undo step). Refused edits change nothing and say why. Edits with the
   * same `merge` key in a row (the frames of one slider drag) make one undo step together.
   */
  function edit(cmds: EditCommand[], label = 'edit', options: { merge?: string } = {}): boolean {
    if (cmds.length === 0) return true;
    if (readOnly()) {
      opts.onProblem?.({ code: 'readOnly', message: '' });
      return false;
    }
    let inverse: EditCommand[];
    try {
      inverse = commit(cmds);
    } catch (e) {
      if (e instanceof EditError) {
        opts.onProblem?.({ code: e.code, message: e.message });
        return false;
      }
      throw e;
    }
    const top = undoStack[undoStack.length - 1];
    if (options.merge && top?.merge === options.merge && redoStack.length === 0) {
      top.forward = [...top.forward, ...cmds];
      top.inverse = [...inverse, ...top.inverse];
    } else undoStack.push({ label, forward: cmds, inverse, merge: options.merge });
    if (undoStack.length > limit) undoStack.shift();
    redoStack.length = 0;
    setHistoryTick((n) => n + 1);
    return true;
  }

  function undo(): boolean {
    if (readOnly()) return false;
    const entry = undoStack.pop();
    if (!entry) return false;
    commit(entry.inverse);
    redoStack.push(entry);
    setHistoryTick((n) => n + 1);
    return true;
  }

  function redo(): boolean {
    if (readOnly()) return false;
    const entry = redoStack.pop();
    if (!entry) return false;
    entry.inverse = commit(entry.forward);
    undoStack.push(entry);
    setHistoryTick((n) => n + 1);
    return true;
  }

  /** Changes the title (not an undoable edit, as renaming a file is not in Excel). */
  function setTitle(title: string): void {
    if (readOnly()) return;
    setDoc('title', title);
    setDoc('updatedAt', Date.now());
    opts.onDocumentChange?.(plain());
  }

  /**
   * A view choice saved with the notebook (`layout.chartPane`: the chart pane collapsed, its
   * height): not an undoable edit, as Excel keeps window settings out of undo.
   */
  function setViewLayout(key: string, value: unknown): void {
    if (readOnly()) return;
    setDoc('layout', key as never, structuredClone(value) as never);
    setDoc('updatedAt', Date.now());
    opts.onDocumentChange?.(plain());
  }

  /** Replaces the whole document (restore a snapshot, follow another tab): history starts over. */
  async function replaceDocument(nb: Notebook): Promise<void> {
    setDoc(reconcile(markNotebookMaps(structuredClone(nb))));
    lastReshape = null;
    setShapeTick((n) => n + 1);
    undoStack.length = 0;
    redoStack.length = 0;
    setHistoryTick((n) => n + 1);
    await startEngine();
  }

  function close(): void {
    closed = true;
    generation++;
    engine?.terminate();
    engine = null;
  }

  return {
    doc,
    values,
    edit,
    undo,
    redo,
    setTitle,
    setViewLayout,
    replaceDocument,
    applyRemote,
    readOnly,
    setReadOnly,
    shapeTick,
    /** What changed the shape at the last `shapeTick`: the edit's commands, or null (a new document). */
    lastReshape: () => lastReshape,
    start: startEngine,
    close,
    plain,
    /** True while the engine owes the screen some values. */
    busy: () => pending() > 0 || !ready(),
    /** `stale` when the engine could not compute the notebook: what shows is not up to date. */
    engineState: (): 'ready' | 'busy' | 'stale' => (failed() !== null ? 'stale' : pending() > 0 || !ready() ? 'busy' : 'ready'),
    ready,
    canUndo: () => (historyTick(), undoStack.length > 0),
    canRedo: () => (historyTick(), redoStack.length > 0),
    /** The live engine client (for tests that kill it, and what-if tools). */
    engine: () => engine,
  };
}
