/**
 * One formula cannot stop the notebook: a formula within Excel's limits that the engine still
 * cannot take (its recursion runs out of stack) is isolated as `#ERROR!` — at build and on an
 * edit — while every other cell computes; a paste of 100,000 cells is one answer, not a crash.
 */
import { describe, expect, it } from 'vitest';
import { EngineHost, EngineNotebook, ISOLATED_MESSAGE } from '../../workers/engineCore';
import type { CellWrite } from '../../src/model/commands';
import { formulaProblem } from '../../src/model/validate';

/** 2,700 terms: 8,100 characters, inside Excel's 8,192, and deeper than the engine's stack. */
const HUGE_SUM = `=${Array(2700).fill('A1').join('+')}`;

describe('engine isolation', () => {
  it('builds a notebook holding a formula too deep for the engine, isolating that cell', () => {
    expect(formulaProblem(HUGE_SUM)).toBeNull();
    const book = new EngineNotebook({ sheets: [{ name: 'S', cells: { A1: 2, B1: HUGE_SUM, C1: '=B1+1', D1: '=A1*10' } }], names: [] });
    const v = book.sheetValues('S');
    expect(v.B1).toEqual({ error: '#ERROR!', message: ISOLATED_MESSAGE });
    expect(v.C1).toMatchObject({ error: '#ERROR!' });
    expect(v.D1).toBe(20);
    expect(book.isolatedCells()).toEqual(['S!B1']);
  });

  it('isolates such a formula when it is typed, and the rest keeps computing', () => {
    const host = new EngineHost();
    expect(host.open('n', { sheets: [{ name: 'S', cells: { A1: 2, C1: '=B1+1', D1: '=A1*10' } }], names: [] }).ok).toBe(true);
    const r = host.apply('n', [{ type: 'setCells', sheet: 'S', writes: [{ addr: 'B1', raw: HUGE_SUM }, { addr: 'A1', raw: 3 }] }]);
    expect(r.ok).toBe(true);
    const v = host.values('n', 'S');
    expect(v.B1).toEqual({ error: '#ERROR!', message: ISOLATED_MESSAGE });
    expect(v.D1).toBe(30);
    // Replacing it with something the engine takes lifts the isolation.
    expect(host.apply('n', [{ type: 'setCells', sheet: 'S', writes: [{ addr: 'B1', raw: '=A1+1' }] }]).ok).toBe(true);
    expect(host.values('n', 'S')).toMatchObject({ B1: 4, C1: 5 });
  });

  it('answers a 200,000-cell paste with its changes (no argument spreading)', () => {
    const host = new EngineHost();
    host.open('n', { sheets: [{ name: 'S', cells: {} }], names: [] });
    const writes: CellWrite[] = [];
    for (let row = 1; row <= 100_000; row++) writes.push({ addr: `A${row}`, raw: row }, { addr: `B${row}`, raw: `=A${row}*2` });
    const r = host.apply('n', [{ type: 'setCells', sheet: 'S', writes }]);
    expect(r.ok, r.ok ? '' : r.error.message).toBe(true);
    if (r.ok) expect(r.value.length).toBe(200_000);
  });

  it('evaluates a multi-write command once, not once per write', () => {
    const book = new EngineNotebook({ sheets: [{ name: 'S', cells: { A1: 1, B1: '=SUM(A1:A400)' } }], names: [] });
    let evaluations = 0;
    book.hf.on('valuesUpdated', () => evaluations++);
    const writes: CellWrite[] = Array.from({ length: 400 }, (_, i) => ({ addr: `A${i + 1}`, raw: i + 1 }));
    expect(book.apply([{ type: 'setCells', sheet: 'S', writes }]).ok).toBe(true);
    expect(evaluations).toBe(1);
    expect(book.value('S', 'B1')).toBe(80_200);
  });
});
