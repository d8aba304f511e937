/**
 * The watchdog counts only silence: an engine busy with a long recalculation beats (the real
 * HyperFormula evaluator, instrumented) and is waited for; one that neither answers nor beats is
 * rebuilt from the document.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createRoot } from 'solid-js';
import { HyperFormula } from 'hyperformula';
import { createNotebookSession } from '../../src/engine/session';
import type { EngineClient } from '../../src/engine/engineClient';
import { emptyNotebook } from '../../src/model/notebook';
import { EngineHost, EngineNotebook } from '../../workers/engineCore';
import { instrumentEngine, setHeartbeatSink } from '../../workers/heartbeat';

const WATCHDOG_MS = 40;

/** An engine that takes `busyMs` over every edit and, while busy, answers no ping; `beats` says whether it beats meanwhile. */
function busyClient(host: EngineHost, o: { busyMs: number; beats: boolean; starts: { n: number } }): () => EngineClient {
  return () => {
    o.starts.n++;
    let beatAt = -Infinity;
    let busy = false;
    return {
      api: {
        open: async (id: string, wb: Parameters<EngineHost['open']>[1]) => host.open(id, wb),
        apply: async (id: string, cmds: Parameters<EngineHost['apply']>[1]) => {
          busy = true;
          const beating = o.beats ? setInterval(() => (beatAt = performance.now()), 10) : undefined;
          await new Promise((r) => setTimeout(r, o.busyMs));
          clearInterval(beating);
          busy = false;
          return host.apply(id, cmds);
        },
        ping: () => (busy ? new Promise(() => {}) : Promise.resolve('pong')),
      } as unknown as EngineClient['api'],
      worker: {} as Worker, terminate() {}, died: new Promise(() => {}), underPolicy: true,
      lastBeat: () => beatAt,
    };
  };
}

async function editOnce(o: { busyMs: number; beats: boolean }) {
  const starts = { n: 0 };
  const problems: string[] = [];
  await createRoot(async (dispose) => {
    const nb = emptyNotebook('x');
    nb.sheets[0].cells = { A1: 1, B1: '=A1*2' };
    const s = createNotebookSession(nb, { startEngine: busyClient(new EngineHost(), { ...o, starts }), watchdogMs: WATCHDOG_MS, onProblem: (p) => problems.push(p.code) });
    await s.start();
    s.edit([{ type: 'setCells', sheet: 'Sheet1', writes: [{ addr: 'A1', raw: 5 }] }]);
    await expect.poll(() => s.values.Sheet1.B1, { timeout: 5000 }).toBe(10);
    await new Promise((r) => setTimeout(r, o.busyMs + 3 * WATCHDOG_MS));
    s.close();
    dispose();
  });
  return { starts: starts.n, problems };
}

afterEach(() => setHeartbeatSink(null));

describe('the engine watchdog', () => {
  it('waits for an engine that beats through a recalculation twelve times its patience', async () => {
    const r = await editOnce({ busyMs: 12 * WATCHDOG_MS, beats: true });
    expect(r.problems).toEqual([]);
    expect(r.starts).toBe(1);
  });

  it('rebuilds an engine that neither answers nor beats', async () => {
    const r = await editOnce({ busyMs: 12 * WATCHDOG_MS, beats: false });
    expect(r.problems).toContain('engineRestarted');
    expect(r.starts).toBeGreaterThan(1);
  });

  it('the real engine beats from inside a long recalculation', () => {
    const cells: Record<string, number | string> = { A1: 1 };
    for (let i = 2; i <= 6000; i++) cells[`A${i}`] = `=A${i - 1}+1`;
    // The evaluator's hook is there on this engine version (an upgrade that renames it fails here).
    expect(instrumentEngine(HyperFormula.buildEmpty({ licenseKey: 'gpl-v3' }))).toBe(true);
    const book = new EngineNotebook({ sheets: [{ name: 'S', cells }], names: [] });
    let beats = 0;
    setHeartbeatSink(() => beats++, 0);
    const r = book.apply([{ type: 'setCells', sheet: 'S', writes: [{ addr: 'A1', raw: 2 }] }]);
    expect(r.ok).toBe(true);
    // 6,000 formulas recomputed, a look at the clock every 256 of them
    expect(beats).toBeGreaterThanOrEqual(Math.floor(6000 / 256));
    setHeartbeatSink(null);
    const before = beats;
    book.apply([{ type: 'setCells', sheet: 'S', writes: [{ addr: 'A1', raw: 3 }] }]);
    expect(beats).toBe(before);
    book.destroy();
  });
});
