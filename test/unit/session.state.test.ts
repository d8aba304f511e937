/**
 * The session's engine state: `ready` only when the engine computed what is on screen. An engine
 * that cannot build the notebook leaves the state `stale`, never `ready` over the old values.
 */
import { describe, expect, it } from 'vitest';
import { createRoot } from 'solid-js';
import { createNotebookSession } from '../../src/engine/session';
import type { EngineClient } from '../../src/engine/engineClient';
import { emptyNotebook } from '../../src/model/notebook';
import { EngineHost } from '../../workers/engineCore';

/** An engine client over an in-process EngineHost; `failBuilds` makes every open fail. */
function fakeClient(state: { failBuilds: boolean }): EngineClient {
  const host = new EngineHost();
  const api = {
    open: async (id: string, wb: Parameters<EngineHost['open']>[1]) => (state.failBuilds ? { ok: false as const, error: { code: 'build', message: 'cannot build' } } : host.open(id, wb)),
    apply: async (id: string, cmds: Parameters<EngineHost['apply']>[1]) => host.apply(id, cmds),
    ping: async () => 'pong',
  };
  return { api: api as unknown as EngineClient['api'], worker: {} as Worker, terminate() {}, died: new Promise(() => {}), underPolicy: true };
}

describe('session engine state', () => {
  it('is stale, not ready, after the engine could not build the notebook', async () => {
    const state = { failBuilds: false };
    const problems: string[] = [];
    await createRoot(async (dispose) => {
      const nb = emptyNotebook('x');
      nb.sheets[0].cells = { A1: 1, B1: '=A1+1' };
      const s = createNotebookSession(nb, { startEngine: () => fakeClient(state), onProblem: (p) => problems.push(p.code) });
      await s.start();
      expect(s.engineState()).toBe('ready');
      expect(s.values.Sheet1.B1).toBe(2);
      state.failBuilds = true;
      await s.replaceDocument({ ...s.plain(), sheets: [{ ...s.plain().sheets[0], cells: { A1: 5, B1: '=A1+1' } }] });
      expect(problems).toContain('engineBuild');
      expect(s.engineState()).toBe('stale');
      state.failBuilds = false;
      await s.start();
      expect(s.engineState()).toBe('ready');
      expect(s.values.Sheet1.B1).toBe(6);
      s.close();
      dispose();
    });
  });
});

describe('session engine state during a rebuild', () => {
  it('stays busy while an edit sent to the rebuilt engine is unanswered', async () => {
    await createRoot(async (dispose) => {
      const host = new EngineHost();
      let release: () => void = () => {};
      const held = new Promise<void>((r) => { release = r; });
      let holdApplies = false;
      const client = (): EngineClient => ({
        api: {
          open: async (id: string, wb: Parameters<EngineHost['open']>[1]) => host.open(id, wb),
          apply: async (id: string, cmds: Parameters<EngineHost['apply']>[1]) => {
            if (holdApplies) await held;
            return host.apply(id, cmds);
          },
          ping: async () => 'pong',
        } as unknown as EngineClient['api'],
        worker: {} as Worker, terminate() {}, died: new Promise(() => {}), underPolicy: true,
      });
      const nb = emptyNotebook('x');
      nb.sheets[0].cells = { A1: 1 };
      const s = createNotebookSession(nb, { startEngine: client });
      await s.start();
      holdApplies = true;
      // A rebuild starts (the service worker took control, say), then an edit goes to the new engine.
      const rebuilt = s.start();
      s.edit([{ type: 'setCells', sheet: 'Sheet1', writes: [{ addr: 'B1', raw: '=A1*2' }] }]);
      await rebuilt;
      // The rebuilt engine answered its open, but the edit is still unanswered: not ready.
      expect(s.engineState()).toBe('busy');
      release();
      await expect.poll(() => s.engineState()).toBe('ready');
      expect(s.values.Sheet1.B1).toBe(2);
      s.close();
      dispose();
    });
  });
});

describe('what the session sends the engine', () => {
  it('sends value edits, and no round trip for formats, widths or the layout', async () => {
    await createRoot(async (dispose) => {
      const host = new EngineHost();
      const sent: string[][] = [];
      const client = (): EngineClient => ({
        api: {
          open: async (id: string, wb: Parameters<EngineHost['open']>[1]) => host.open(id, wb),
          apply: async (id: string, cmds: Parameters<EngineHost['apply']>[1]) => {
            sent.push(cmds.map((c) => c.type));
            return host.apply(id, cmds);
          },
          ping: async () => 'pong',
        } as unknown as EngineClient['api'],
        worker: {} as Worker, terminate() {}, died: new Promise(() => {}), underPolicy: true,
      });
      const nb = emptyNotebook('x');
      nb.sheets[0].cells = { A1: 1, B1: '=A1+1' };
      const s = createNotebookSession(nb, { startEngine: client });
      await s.start();
      s.edit([{ type: 'setFormats', sheet: 'Sheet1', formats: [{ addr: 'A1', format: '0.0' }] }]);
      s.edit([{ type: 'setColWidths', sheet: 'Sheet1', widths: { A: 120 } }]);
      s.edit([{ type: 'setLayout', items: [] }]);
      expect(sent).toEqual([]);
      expect(s.engineState()).toBe('ready');
      s.edit([{ type: 'setFormats', sheet: 'Sheet1', formats: [{ addr: 'B1', format: '0' }] }, { type: 'setCells', sheet: 'Sheet1', writes: [{ addr: 'A1', raw: 4 }] }]);
      await expect.poll(() => s.values.Sheet1.B1).toBe(5);
      expect(sent).toEqual([['setCells']]);
      expect(s.doc.sheets[0].formats.B1).toBe('0');
      s.close();
      dispose();
    });
  });
});

describe('rows inserted while an answer is in flight', () => {
  /** An engine whose answers can be held back, as a busy worker's are. */
  function heldClient(host: EngineHost, gate: { hold: boolean; waiting: (() => void)[] }) {
    return (): EngineClient => ({
      api: {
        open: async (id: string, wb: Parameters<EngineHost['open']>[1]) => host.open(id, wb),
        apply: async (id: string, cmds: Parameters<EngineHost['apply']>[1]) => {
          // The engine computes in order at once; only its answer waits.
          const answer = host.apply(id, cmds);
          if (gate.hold) await new Promise<void>((r) => gate.waiting.push(r));
          return answer;
        },
        ping: async () => 'pong',
      } as unknown as EngineClient['api'],
      worker: {} as Worker, terminate() {}, died: new Promise(() => {}), underPolicy: true,
    });
  }

  it('a constant typed just before the insert ends in its new row, not also in its old one', async () => {
    await createRoot(async (dispose) => {
      const gate = { hold: false, waiting: [] as (() => void)[] };
      const nb = emptyNotebook('x');
      nb.sheets[0].cells = { A1: 1 };
      const s = createNotebookSession(nb, { startEngine: heldClient(new EngineHost(), gate) });
      await s.start();
      gate.hold = true;
      s.edit([{ type: 'setCells', sheet: 'Sheet1', writes: [{ addr: 'A1', raw: 2 }] }]);
      s.edit([{ type: 'insertRows', sheet: 'Sheet1', at: 0, count: 1 }]);
      gate.hold = false;
      for (const release of gate.waiting.splice(0)) release();
      await expect.poll(() => s.engineState()).toBe('ready');
      expect(JSON.parse(JSON.stringify(s.values))).toEqual({ Sheet1: { A2: 2 } });
      s.close();
      dispose();
    });
  });

  it('an earlier answer lands where its cells stood, and the values equal a fresh computation', async () => {
    await createRoot(async (dispose) => {
      const gate = { hold: false, waiting: [] as (() => void)[] };
      const nb = emptyNotebook('x');
      nb.sheets[0].cells = { A1: 1, A2: '=A1*10', A3: '=A2+1' };
      const s = createNotebookSession(nb, { startEngine: heldClient(new EngineHost(), gate) });
      await s.start();
      gate.hold = true;
      // An edit whose answer (A1..A3 in the rows before the insert) is still on its way…
      s.edit([{ type: 'setCells', sheet: 'Sheet1', writes: [{ addr: 'A1', raw: 2 }] }]);
      // …then two rows go in above everything, and one of the moved cells is deleted.
      s.edit([{ type: 'insertRows', sheet: 'Sheet1', at: 0, count: 2 }]);
      s.edit([{ type: 'deleteRows', sheet: 'Sheet1', at: 3, count: 1 }]);
      gate.hold = false;
      for (const release of gate.waiting.splice(0)) release();
      await expect.poll(() => s.engineState()).toBe('ready');
      const fresh = new EngineHost();
      const built = fresh.open('y', { sheets: s.plain().sheets.map((sh) => ({ name: sh.name, cells: sh.cells })), names: s.plain().names });
      expect(built.ok).toBe(true);
      if (built.ok) expect(JSON.parse(JSON.stringify(s.values))).toEqual(built.value);
      expect(s.values.Sheet1.A1).toBeUndefined();
      expect(s.values.Sheet1.A3).toBe(2);
      s.close();
      dispose();
    });
  });
});

describe('rows inserted: the answer turns the moved values into the new ones', () => {
  it('a value that changes to what its new address held before is not left stale (=ROW() one row down)', async () => {
    await createRoot(async (dispose) => {
      const nb = emptyNotebook('x');
      nb.sheets[0].cells = { A1: '=ROW()', A2: '=ROW()', A3: '=ROW()*0+7' };
      const s = createNotebookSession(nb, { startEngine: () => fakeClient({ failBuilds: false }) });
      await s.start();
      s.edit([{ type: 'insertRows', sheet: 'Sheet1', at: 0, count: 1 }]);
      await expect.poll(() => s.values.Sheet1.A4).toBe(7);
      expect(s.values.Sheet1.A1).toBeUndefined();
      expect(s.values.Sheet1.A2).toBe(2);
      expect(s.values.Sheet1.A3).toBe(3);
      s.close();
      dispose();
    });
  });
});
