/**
 * Moving a driver live without flooding the engine.
 *
 * A drag fires `input` many times a frame. We keep only the latest value and send at most one
 * edit per animation frame, and only when the engine has answered the previous one — so nothing
 * ever queues up: when the engine is slower than the pointer, intermediate values are skipped, and
 * the value shown is always the newest one computed. The end of the gesture (`change`) sends the
 * final value as soon as the engine is free.
 *
 * All the edits of one gesture share an undo step (the session's merge key), and in presenter mode
 * the gesture is recorded once in the decision log, old → new, in that same undo step.
 */
import { createEffect, createSignal, onCleanup } from 'solid-js';
import type { NotebookSession } from '../../engine/session';
import type { RawContent } from '../../model/cell';
import type { EditCommand } from '../../model/commands';
import { logCommand, newDecision, noteCommand } from '../../model/decisionLog';
import type { DriverDef } from '../../model/drivers';
import { clampToDriver } from '../../model/drivers';
import { findSheet, newId } from '../../model/notebook';
import { setInputCommands, splitCellKey } from '../../model/scenarios';

interface Gesture {
  id: string;
  def: DriverDef;
  key: string;
  start: RawContent | null;
  latest: number;
  sent?: number;
  ending: boolean;
}

export interface DriverControlOptions {
  /** Record finished gestures in the decision log (true while presenting). */
  log(): boolean;
}

export function createDriverControl(session: NotebookSession, options: DriverControlOptions) {
  const [live, setLive] = createSignal<{ key: string; value: number } | null>(null);
  let gesture: Gesture | null = null;
  let frame = 0;
  /** The merge key of the last logged gesture, so a note typed right after joins its undo step. */
  let lastLogged: { decision: string; merge: string } | null = null;

  const rawAt = (key: string): RawContent | undefined => {
    const k = splitCellKey(key);
    return k ? findSheet(session.doc, k.sheet)?.cells[k.addr] : undefined;
  };

  function send(g: Gesture, extra: EditCommand[] = []): void {
    const value = g.latest;
    const cmds = setInputCommands(session.plain(), g.key, value);
    if (cmds.length === 0) return;
    session.edit([...cmds, ...extra], `driver ${g.def.name}`, { merge: g.id });
    g.sent = value;
  }

  function finish(): void {
    const g = gesture;
    if (!g) return;
    if (g.sent !== g.latest) send(g); // leaving mid-flight (another driver took over): the last value still counts
    gesture = null;
    setLive(null);
    if (g.sent === undefined || g.sent === g.start || !options.log()) return;
    const d = newDecision({ kind: 'driver', target: g.key, driver: g.def.name, old: g.start, new: g.sent, scenario: session.doc.activeScenario });
    session.edit([logCommand(d)], `driver ${g.def.name}`, { merge: g.id });
    lastLogged = { decision: d.id, merge: g.id };
  }

  /** Sends what is pending if the engine is free; the idle effect below calls again when it is not. */
  function pump(): void {
    const g = gesture;
    if (!g || session.busy()) return;
    if (g.sent !== g.latest) send(g);
    if (g.ending && g.sent === g.latest) finish();
  }

  function request(): void {
    if (!frame) frame = requestAnimationFrame(() => {
      frame = 0;
      pump();
    });
  }

  // The engine answered: the final value goes at once; a drag waits for the next frame.
  createEffect(() => {
    if (session.busy() || !gesture) return;
    if (gesture.ending) pump();
    else request();
  });
  onCleanup(() => {
    cancelAnimationFrame(frame);
    finish();
  });

  function begin(def: DriverDef, key: string, value: number): Gesture {
    if (gesture && gesture.key !== key) finish();
    if (!gesture) {
      const start = rawAt(key);
      gesture = { id: newId('g'), def, key, start: start === undefined ? null : start, latest: value, ending: false };
    }
    gesture.latest = value;
    setLive({ key, value });
    return gesture;
  }

  return {
    /** The value being dragged to (before the engine has it), for the control and its label. */
    liveValue(key: string): number | undefined {
      const l = live();
      return l && l.key === key ? l.value : undefined;
    },
    /** An `input` event: part of a gesture. */
    input(def: DriverDef, key: string, value: number): void {
      if (session.readOnly() || !Number.isFinite(value)) return;
      begin(def, key, clampToDriver(def, value));
      request();
    },
    /** A `change` event or a stepper click: the gesture ends with this value. */
    commit(def: DriverDef, key: string, value: number): void {
      if (session.readOnly() || !Number.isFinite(value)) return;
      begin(def, key, clampToDriver(def, value)).ending = true;
      pump();
    },
    /** One step up or down (the stepper buttons and keyboard). */
    nudge(def: DriverDef, key: string, direction: 1 | -1): void {
      const cur = this.liveValue(key) ?? rawAt(key);
      if (typeof cur !== 'number') return;
      this.commit(def, key, cur + direction * def.step);
    },
    /** Ends any gesture now (before undo, leaving the presenter). */
    settle: finish,
    /** Sets the note of the last logged decision; joins its undo step while it is the latest. */
    note(decisionId: string, text: string): void {
      const merge = lastLogged?.decision === decisionId ? lastLogged.merge : undefined;
      session.edit([noteCommand(decisionId, text)], 'note', merge ? { merge } : {});
    },
  };
}

export type DriverControl = ReturnType<typeof createDriverControl>;
