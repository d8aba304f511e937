/**
 * Properties of what typing into a cell means (`parseInput`) and of what the formula bar shows
 * back (`rawToInput`): for any text at all, not just the examples someone thought of.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { displayText, isFormula, parseInput, rawToInput, textForEngine } from '../../src/model/cell';
import type { RawContent } from '../../src/model/cell';

/** Text a user may type: any Unicode, plus characters that matter to the reader. */
const typed = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.stringMatching(/^[ +\-$¥￥'=%,.eE0-9]{0,16}$/),
  fc.constantFrom('TRUE', 'false', ' True ', '=', "'", "'=A1", '1,234.5', '-1.5e3', '12%', '¥1,000', '$ 5', '.5', '5.', '1,23', '0x10', 'Infinity', 'NaN', '1e400'),
);

/** -0 and 0 are the same content to a user; everything else must match exactly. */
const sameRaw = (a: RawContent | null, b: RawContent | null) => (typeof a === 'number' && typeof b === 'number' ? a === b || (Number.isNaN(a) && Number.isNaN(b)) : Object.is(a, b));

describe('typing into a cell (property)', () => {
  it('what the formula bar shows for a typed content reads back as the same content', () => {
    fc.assert(
      fc.property(typed, (text) => {
        const { raw } = parseInput(text);
        if (raw === null) return;
        const again = parseInput(rawToInput(raw)).raw;
        expect(sameRaw(again, raw), `${JSON.stringify(text)} → ${JSON.stringify(raw)} → ${JSON.stringify(rawToInput(raw))} → ${JSON.stringify(again)}`).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws and never invents content: the result is the text itself, a number, a boolean or empty', () => {
    fc.assert(
      fc.property(typed, (text) => {
        const { raw, impliedFormat } = parseInput(text);
        if (text === '') expect(raw).toBeNull();
        else if (typeof raw === 'string') expect(raw).toBe(text);
        else if (typeof raw === 'number') expect(Number.isFinite(raw)).toBe(true);
        else expect(typeof raw).toBe('boolean');
        if (impliedFormat) expect(text.trim().endsWith('%')).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('every finite number typed as JavaScript writes it comes back as that number', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        const { raw } = parseInput(String(n));
        expect(sameRaw(raw, n), `${n} read as ${JSON.stringify(raw)}`).toBe(true);
        expect(sameRaw(parseInput(rawToInput(n)).raw, n)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('integers typed with thousands separators, a sign or a currency sign are those integers', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 53) + 1, max: 2 ** 53 - 1 }), fc.constantFrom('', '$', '¥', '￥'), (n, currency) => {
        const text = `${currency}${n < 0 ? '-' : ''}${Math.abs(n).toLocaleString('en-US')}`;
        expect(sameRaw(parseInput(text).raw, n), text).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('a percentage is the hundredth part, exactly as its decimal text, with the percent format implied', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.integer({ min: 0, max: 99 }), (whole, frac) => {
        const digits = `${Math.abs(whole)}${String(frac).padStart(2, '0')}`.padStart(5, '0');
        // 12.34% is 0.1234: the same digits with the point moved two places, no binary noise.
        const hundredth = `${whole < 0 ? '-' : ''}${digits.slice(0, -4)}.${digits.slice(-4)}`;
        const r = parseInput(`${whole}.${String(frac).padStart(2, '0')}%`);
        expect(r.impliedFormat).toBe('percent');
        expect(sameRaw(r.raw, Number(hundredth)), `${whole}.${frac}% read as ${r.raw}, expected ${hundredth}`).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it("text that starts with ' stays text, shows without the mark, and reaches the engine as text", () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (rest) => {
        const text = `'${rest}`;
        const { raw } = parseInput(text);
        expect(raw).toBe(text);
        expect(isFormula(raw as string)).toBe(false);
        expect(displayText(raw as string)).toBe(rest);
        expect(textForEngine(raw as string)).toBe(text);
        expect(parseInput(rawToInput(raw as string)).raw).toBe(text);
      }),
      { numRuns: 1000 },
    );
  });

  it('anything typed after = is a formula, kept exactly as typed', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }), (rest) => {
        const { raw } = parseInput(`=${rest}`);
        expect(raw).toBe(`=${rest}`);
        expect(isFormula(raw as string)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('plain text reaches the engine as text, so "5" or "2024-01-01" typed as text never becomes a number', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (s) => {
        const sent = textForEngine(s);
        expect(sent.startsWith("'")).toBe(true);
        expect(displayText(sent)).toBe(s.startsWith("'") ? s.slice(1) : s);
      }),
    );
  });
});
