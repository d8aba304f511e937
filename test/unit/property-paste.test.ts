/**
 * Properties of copy and paste as tab-separated text: any block of cells — text holding tabs,
 * line breaks, quotes, CJK, emoji — survives the clipboard, and a paste writes exactly the
 * block, cell for cell, each field read like typing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseInput } from '../../src/model/cell';
import type { RawContent } from '../../src/model/cell';
import { toA1 } from '../../src/model/address';
import { copyBlock, parseTsv, pasteWrites, toTsv } from '../../src/ui/workbench/clipboard';

/**
 * One cell's text. No lone carriage return: clipboard text from Windows ends lines with CR LF,
 * which the reader turns into LF everywhere, and no spreadsheet cell holds a CR of its own
 * (Excel's Alt+Enter is LF).
 */
const field = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: fc.constantFrom('a', 'Z', '1', ' ', '\t', '\n', '"', "'", '=', ',', '中', '😀'), maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }).map((s) => s.replace(/\r/g, '')) },
  { weight: 1, arbitrary: fc.constantFrom('', '"', '""', '"a"b', 'a"', '"\t"', '\n', '\t', '=SUM(A1:B2)', '12%', "'007") },
);

/**
 * A block of cells: at least one cell per row. A block whose last row is one empty cell is the
 * same text as the block without it (as in Excel), so it is left out.
 */
const grid = fc
  .array(fc.array(field, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 6 })
  .filter((g) => !(g[g.length - 1].length === 1 && g[g.length - 1][0] === ''));

describe('clipboard text (property)', () => {
  it('any block of text cells survives toTsv then parseTsv', () => {
    fc.assert(
      fc.property(grid, (g) => {
        expect(parseTsv(toTsv(g))).toEqual(g);
      }),
      { numRuns: 3000 },
    );
  });

  it('survives Windows line ends and the trailing line break Excel puts after the last row', () => {
    fc.assert(
      fc.property(grid, fc.constantFrom('\n', '\r\n'), (g, eol) => {
        const text = g.map((row) => toTsv([row])).join(eol) + eol;
        // Line breaks inside a cell are LF whichever line end the rows use.
        const { writes, rows, cols } = pasteWrites({ row: 0, col: 0 }, text, null);
        expect(rows).toBe(g.length);
        expect(cols).toBe(Math.max(...g.map((r) => r.length)));
        const expected = g.flatMap((row, r) => row.map((f, c) => ({ addr: toA1({ row: r, col: c }), raw: parseInput(f).raw })));
        expect(writes).toEqual(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('a paste from another program writes each field at its place, read like typing', () => {
    fc.assert(
      fc.property(grid, fc.nat(500), fc.nat(40), (g, row, col) => {
        const { writes } = pasteWrites({ row, col }, toTsv(g), null);
        const expected = g.flatMap((cells, r) => cells.map((f, c) => ({ addr: toA1({ row: row + r, col: col + c }), raw: parseInput(f).raw })));
        expect(writes).toEqual(expected);
      }),
      { numRuns: 1000 },
    );
  });

  it('copying a block of raw contents and pasting it in place writes the same contents back', () => {
    const raw: fc.Arbitrary<RawContent | undefined> = fc.oneof(
      fc.constant(undefined),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.boolean(),
      field,
    );
    fc.assert(
      fc.property(fc.array(fc.array(raw, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 4 }), fc.nat(100), fc.nat(20), (block, row, col) => {
        const range = { start: { row, col }, end: { row: row + block.length - 1, col: col + 2 } };
        const at = (p: { row: number; col: number }) => block[p.row - row][p.col - col];
        const copied = copyBlock(range, at, (p) => String(at(p) ?? ''));
        const { writes } = pasteWrites({ row, col }, copied.text, copied);
        const expected = block.flatMap((cells, r) => cells.map((v, c) => ({ addr: toA1({ row: row + r, col: col + c }), raw: v === undefined ? null : v })));
        expect(writes).toEqual(expected);
      }),
      { numRuns: 1000 },
    );
  });
});
