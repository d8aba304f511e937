/**
 * The pool's splitting, merging, progress and cancellation, in Node: each "worker" is a
 * `WhatIfHost` behind comlink on a MessageChannel, so the same messages cross the same boundary
 * as in the browser (only the threads are missing). Results must not depend on the pool's size.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { expose } from 'comlink';
import { templateById } from '../../templates';
import { createWhatIfPool, defaultPoolSize } from '../../src/engine/pool';
import type { WhatIfPool } from '../../src/engine/pool';
import { WhatIfHost } from '../../workers/whatifCore';
import { EngineNotebook } from '../../workers/engineCore';
import { ANNUAL_PLAN_TORNADO, EXPENSE_SENSITIVITY, PAYOUT_THRESHOLD_CAP, PLAN_RISK } from '../../src/ui/whatif/presets';
import type { MonteCarloSpec } from '../../src/model/whatif';

const nb = templateById('annual-plan')!.create();
const workbook = () => ({ sheets: nb.sheets.map((s) => ({ name: s.name, cells: s.cells })), names: nb.names });
const book = new EngineNotebook(workbook());
const value = (ref: string) => {
  const [s, a] = ref.split('!');
  return book.value(s, a);
};

/** A worker stand-in: a WhatIfHost answering on one end of a MessageChannel. */
function channelWorker(hosts: WhatIfHost[]): () => Worker {
  return () => {
    const { port1, port2 } = new MessageChannel();
    const host = new WhatIfHost();
    hosts.push(host);
    expose(host, port2 as unknown as Parameters<typeof expose>[1]);
    return Object.assign(port1, { terminate: () => port1.close(), onerror: null }) as unknown as Worker;
  };
}

let pools: WhatIfPool[] = [];
function pool(size: number, hosts: WhatIfHost[] = []): WhatIfPool {
  const p = createWhatIfPool({ size, startWorker: channelWorker(hosts) });
  p.setDocument(workbook, 1);
  pools.push(p);
  return p;
}
afterEach(() => {
  for (const p of pools) p.terminate();
  pools = [];
});

describe('what-if pool', () => {
  it('sizes itself from the cores, leaving one to the page on larger machines', () => {
    expect(defaultPoolSize(1)).toBe(1);
    expect(defaultPoolSize(2)).toBe(2);
    expect(defaultPoolSize(4)).toBe(3);
    expect(defaultPoolSize(16)).toBe(4);
    expect(defaultPoolSize(Number.NaN)).toBe(2);
  });

  it('runs a job on a fresh worker when the first one dies before the job reaches it', async () => {
    // The first "worker" never answers and then reports an error, as a worker whose script fails
    // to load does; the second is a real host.
    let started = 0;
    const real = channelWorker([]);
    const p = createWhatIfPool({
      size: 1,
      startWorker: () => {
        if (started++ > 0) return real();
        const { port1 } = new MessageChannel();
        const listeners: ((e: Event) => void)[] = [];
        const dead = Object.assign(port1, {
          terminate: () => port1.close(),
          addEventListener: (type: string, fn: (e: Event) => void) => { if (type === 'error') listeners.push(fn); },
        }) as unknown as Worker;
        setTimeout(() => listeners.forEach((fn) => fn(Object.assign(new Event('error'), { message: 'failed to load' }))), 20);
        return dead;
      },
    });
    pools.push(p);
    p.setDocument(workbook, 1);
    const warming = p.warm();
    const r = await p.goalSeek({ input: 'E_Bonus!C4', output: 'E_Bonus!C48', target: 300, lo: 0.001, hi: 0.05 });
    await warming;
    expect(started).toBe(2);
    expect(r.ok).toBe(true);
  });

  it('splits a tornado across workers and merges the same result as one worker', async () => {
    const spec = ANNUAL_PLAN_TORNADO.spec(value);
    const progress: number[] = [];
    const one = await pool(1).tornado(spec);
    const three = await pool(3).tornado(spec, { onProgress: (p) => progress.push(p.done / p.total) });
    expect(one.ok && three.ok).toBe(true);
    expect(three).toEqual(one);
    expect(progress.at(-1)).toBe(1);
    if (!one.ok) return;
    // ranks as COUNTIF(">"&swing)+1: 1 first, never decreasing, ties shared
    const ranks = one.value.bars.map((b) => b.rank);
    expect(ranks[0]).toBe(1);
    one.value.bars.forEach((b) => expect(b.rank).toBe(1 + one.value.bars.filter((o) => o.swing! > b.swing!).length));
    expect(ranks.every((r, i) => i === 0 || r >= ranks[i - 1])).toBe(true);
  });

  it('the spec’s tornado through the pool equals the sheet’s table', async () => {
    const r = await pool(2).tornado(EXPENSE_SENSITIVITY.spec(value));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    for (const [i, row] of [29, 30, 31, 32, 33, 34].entries()) {
      const bar = r.value.bars[i];
      expect(bar.low! / (value(`D_Expense!C${row}`) as number)).toBeCloseTo(1, 10);
      expect(bar.high! / (value(`D_Expense!D${row}`) as number)).toBeCloseTo(1, 10);
    }
  });

  it('Monte Carlo gives the same figures with 1 and 3 workers, streaming partial results', async () => {
    const spec: MonteCarloSpec = { ...PLAN_RISK.spec(value), trials: 90 };
    const partials: number[] = [];
    const one = await pool(1).monteCarlo(spec, { chunk: 10 });
    const three = await pool(3).monteCarlo(spec, { chunk: 10, partialEveryMs: 0, onPartial: (r) => partials.push(r.done) });
    expect(three).toEqual(one);
    expect(partials.length).toBeGreaterThan(2);
    expect(partials.every((d, i) => i === 0 || d >= partials[i - 1])).toBe(true);
    expect(one.ok && one.value.done).toBe(90);
  });

  it('cancelling Monte Carlo stops every worker, keeps what was done, and leaves the copies clean', async () => {
    const hosts: WhatIfHost[] = [];
    const p = pool(2, hosts);
    const abort = new AbortController();
    let seen = 0;
    const run = p.monteCarlo({ ...PLAN_RISK.spec(value), trials: 100_000 }, {
      signal: abort.signal,
      chunk: 20,
      onProgress: (pr) => {
        seen = pr.done;
        if (pr.done >= 40) abort.abort();
      },
    });
    const r = await run;
    expect(r.ok && r.cancelled).toBe(true);
    if (r.ok) {
      expect(r.value.done).toBeGreaterThanOrEqual(40);
      expect(r.value.done).toBeLessThan(1000);
    }
    expect(seen).toBeGreaterThanOrEqual(40);
    // the next job on the same workers starts from the document again
    const t = await p.tornado(EXPENSE_SENSITIVITY.spec(value));
    expect(t.ok && t.value.base).toBe(value('D_Expense!C26'));
  });

  it('cancelling a tornado answers "cancelled"', async () => {
    const abort = new AbortController();
    abort.abort();
    const r = await pool(2).tornado(ANNUAL_PLAN_TORNADO.spec(value), { signal: abort.signal });
    expect(r).toEqual({ ok: false, error: { code: 'cancelled', message: 'cancelled' } });
  });

  it('two-way data tables split by rows and keep their order', async () => {
    const spec = PAYOUT_THRESHOLD_CAP.spec(value);
    const one = await pool(1).dataTable2(spec);
    const two = await pool(2).dataTable2(spec);
    expect(two).toEqual(one);
    expect(two.ok && two.value.grid.length).toBe(5);
  });

  it('reloads the workers’ copies when the document changes', async () => {
    const p = pool(2);
    const before = await p.dataTable1({ input: 'E_Bonus!C4', values: [0.015], outputs: ['E_Bonus!C5'] });
    const edited = structuredClone(workbook());
    edited.sheets.find((s) => s.name === 'B_Target')!.cells.C43 = 0.2;
    p.setDocument(() => edited, 2);
    const after = await p.dataTable1({ input: 'E_Bonus!C4', values: [0.015], outputs: ['E_Bonus!C5'] });
    expect(before.ok && after.ok).toBe(true);
    if (before.ok && after.ok) expect(after.value.rows[0].values[0]! - before.value.rows[0].values[0]!).toBeCloseTo(240 * 0.015, 8);
  });

  it('warms its workers up without changing their copies', async () => {
    const hosts: WhatIfHost[] = [];
    const p = pool(2, hosts);
    await p.warm();
    expect(hosts).toHaveLength(2);
    const r = await p.tornado(EXPENSE_SENSITIVITY.spec(value));
    expect(r.ok && r.value.base).toBe(value('D_Expense!C26'));
    const host = new WhatIfHost();
    host.open(workbook(), 1);
    const w = await host.warmUp();
    expect(w.inputs).toBe(16);
  });

  it('passes expected failures through as values', async () => {
    const r = await pool(2).goalSeek({ input: 'Nope!A1', output: 'TARGET_TOTAL', target: 1 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'badRef', message: expect.stringContaining('Nope') });
  });

  it('keeps each run’s timings its own when two runs overlap', async () => {
    const p = pool(2);
    const sens = EXPENSE_SENSITIVITY.spec(value);
    const small = { ...sens, inputs: sens.inputs.slice(0, 2) };
    const big = p.monteCarlo({ ...PLAN_RISK.spec(value), trials: 400 });
    const first = p.tornado(small);
    await first;
    const afterSmall = p.lastTimes();
    // The tornado's two jobs only: the Monte Carlo still in flight adds none to its figures.
    expect(afterSmall.workerMs.length).toBe(2);
    await big;
    expect(p.lastTimes().workerMs.length).toBeGreaterThan(2);
  });
});

describe('what-if split plans', () => {
  it('split and merge each analysis as data, refusing specs no worker can run', async () => {
    const { SPLIT_PLANS, monteCarloChunks } = await import('../../src/model/whatifPlans');
    const sens = EXPENSE_SENSITIVITY.spec(value);
    const cap = PAYOUT_THRESHOLD_CAP.spec(value);
    const t = SPLIT_PLANS.tornado.split(sens, 3);
    expect(t.ok && t.value.map((j) => j.only)).toEqual([0, 1, 2].map((i) => sens.inputs.map((_, j) => j).filter((j) => j % 3 === i)));
    expect(SPLIT_PLANS.tornado.merge(sens, [])).toEqual({ output: sens.output, base: null, bars: [] });
    expect(SPLIT_PLANS.dataTable1.split({ input: 'X', values: [], outputs: ['Y'] }, 2).ok).toBe(false);
    expect(SPLIT_PLANS.dataTable2.split({ ...cap, colValues: [] }, 2).ok).toBe(false);
    const d2 = SPLIT_PLANS.dataTable2.split(cap, 2);
    expect(d2.ok && d2.value.flatMap((j) => j.spec.rowValues)).toEqual(cap.rowValues);
    expect(SPLIT_PLANS.dataTable2.total(cap)).toBe(cap.rowValues.length * cap.colValues.length);
    const chunks = monteCarloChunks({ trials: 1005 }, 2);
    expect(chunks[0]).toEqual({ from: 0, to: 51 });
    expect(chunks.at(-1)!.to).toBe(1005);
    expect(chunks.every((c, i) => i === 0 || c.from === chunks[i - 1].to)).toBe(true);
  });
});

