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
