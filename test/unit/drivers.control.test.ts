/**
 * Moving a driver: a drag sends at most one edit per animation frame, never while the engine owes
 * an answer, and always the newest value (intermediate ones are dropped, nothing queues up); the
 * release sends the final value as soon as the engine is free; all edits of one drag share one
 * undo step, and the drag is logged once, old → new.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRoot, createSignal } from 'solid-js';
import type { EditCommand } from '../../src/model/commands';
import { applyEdits } from '../../src/model/edit';
import { driverByName } from '../../src/model/drivers';
import { emptyNotebook } from '../../src/model/notebook';
import type { NotebookSession } from '../../src/engine/session';
import { createDriverControl } from '../../src/ui/presenter/driverControl';
import '../../src/ui/vocabulary'; // the templates' vocabularies, as the app registers them

let frames: FrameRequestCallback[] = [];
const flushFrame = () => {
  const run = frames;
  frames = [];
  for (const f of run) f(performance.now());
};
beforeEach(() => {
  frames = [];
  globalThis.requestAnimationFrame = (cb: FrameRequestCallback) => frames.push(cb);
  globalThis.cancelAnimationFrame = () => {};
});
afterEach(() => {
  frames = [];
});

/** A session whose engine answers only when the test says so. */
function fakeSession() {
  const nb = emptyNotebook('t', 'en');
  nb.sheets[0].name = 'B_Target';
  nb.sheets[0].cells.C43 = 0.12;
  const [busy, setBusy] = createSignal(false);
  const edits: { cmds: EditCommand[]; merge?: string }[] = [];
  const session = {
    doc: nb,
    plain: () => nb,
    readOnly: () => false,
    busy,
    edit(cmds: EditCommand[], _label?: string, opts: { merge?: string } = {}) {
      applyEdits(nb, cmds);
      edits.push({ cmds, merge: opts.merge });
      setBusy(true);
      return true;
    },
  } as unknown as NotebookSession;
  const sent = () => edits.flatMap((e) => e.cmds.flatMap((c) => (c.type === 'setCells' ? c.writes.map((w) => w.raw) : [])));
  return { nb, session, edits, sent, answer: () => setBusy(false) };
}

const def = driverByName('B_Target!C43')!;
const KEY = 'B_Target!C43';

/** The control lives in a reactive root; the test acts from outside it, as event handlers do. */
function setup(log: boolean) {
  return createRoot((dispose) => {
    const s = fakeSession();
    const control = createDriverControl(s.session, { log: () => log });
    return { ...s, control, dispose };
  });
}

describe('driver control', () => {
  it('coalesces a drag to one edit per frame with the newest value, and waits for the engine', () => {
    {
      const s = setup(true);
      const control = s.control;
      control.input(def, KEY, 0.13);
      control.input(def, KEY, 0.14);
      control.input(def, KEY, 0.15);
      expect(s.sent()).toEqual([]); // nothing before the frame
      expect(control.liveValue(KEY)).toBe(0.15); // but the control already shows it
      flushFrame();
      expect(s.sent()).toEqual([0.15]);

      control.input(def, KEY, 0.16);
      control.input(def, KEY, 0.17);
      flushFrame();
      expect(s.sent()).toEqual([0.15]); // the engine has not answered: nothing queues up
      s.answer();
      flushFrame();
      expect(s.sent()).toEqual([0.15, 0.17]); // 0.16 was skipped

      control.commit(def, KEY, 0.2); // release while the engine is busy
      expect(s.sent()).toEqual([0.15, 0.17]);
      s.answer(); // the final value goes at once, without waiting for a frame
      expect(s.sent()).toEqual([0.15, 0.17, 0.2]);
      expect(control.liveValue(KEY)).toBeUndefined();

      // one undo step: every edit of the drag, and the log entry, carry the same merge key
      const keys = new Set(s.edits.map((e) => e.merge));
      expect(keys.size).toBe(1);
      expect([...keys][0]).toBeTruthy();
      expect(s.nb.decisions).toHaveLength(1);
      expect(s.nb.decisions![0]).toMatchObject({ kind: 'driver', target: KEY, driver: 'B_Target!C43', old: 0.12, new: 0.2 });
      s.dispose();
    }
  });

  it('snaps values to the driver’s range and step; a drag back to where it started logs nothing', () => {
    const s = setup(true);
    s.control.commit(def, KEY, 5);
    expect(s.sent()).toEqual([1]);
    s.answer();
    s.control.commit(def, KEY, 0.12);
    s.answer();
    expect(s.nb.decisions?.map((d) => [d.old, d.new])).toEqual([[0.12, 1], [1, 0.12]]);
    s.control.input(def, KEY, 0.5);
    flushFrame();
    s.answer();
    s.control.commit(def, KEY, 0.12);
    s.answer();
    expect(s.nb.decisions).toHaveLength(2);
    s.control.nudge(def, KEY, 1);
    s.answer();
    expect(s.sent().at(-1)).toBe(0.13);
    s.dispose();
  });

  it('does not log outside presenter mode', () => {
    const s = setup(false);
    s.control.commit(def, KEY, 0.3);
    s.answer();
    expect(s.sent()).toEqual([0.3]);
    expect(s.nb.decisions ?? []).toEqual([]);
    s.dispose();
  });
});
