/**
 * What an input cell may hold, as Excel's data validation: a type (number, integer, percent,
 * text, one of a list) and a range. A wrong entry is refused; clearing the cell is always allowed,
 * and so is a formula (it links the input to another cell, its value is the formula's business).
 *
 * Rules come from two places, resolved here in one order:
 * 1. explicit rules (a generated plan's `InputRule`s, templates/generators), by `Sheet!A1[:B9]`;
 * 2. otherwise, on a template's sheet, a rule derived from the cell itself: a literal number the template typed in
 *    (a blue input) keeps being a number, a percentage when its format is one, also once
 *    cleared (its format stays). Text cells (labels, names) take anything.
 */
import type { RawContent } from './cell';
import { parseRange, splitSheetRef } from './address';
import type { CellPos } from './address';

export interface InputRule {
  /** `Sheet!A1` or `Sheet!A1:B9`. */
  ref: string;
  kind: 'number' | 'integer' | 'percent' | 'text' | 'list';
  min?: number;
  max?: number;
  /** The allowed entries of a `list` rule. */
  options?: string[];
}

/** Why an entry was refused, with what the message needs (the UI words it in the user's language). */
export type RuleBreak =
  | { code: 'notNumber'; kind: 'number' | 'integer' | 'percent' }
  | { code: 'notInteger' }
  | { code: 'belowMin'; kind: InputRule['kind']; min: number }
  | { code: 'aboveMax'; kind: InputRule['kind']; max: number }
  | { code: 'notInList'; options: string[] };

/** The explicit rule covering a cell, if any (the last one listed wins, as a later rule is more specific). */
export function explicitRule(rules: readonly InputRule[], sheet: string, pos: CellPos): InputRule | null {
  const lower = sheet.toLowerCase();
  for (let i = rules.length - 1; i >= 0; i--) {
    const { sheet: s, ref } = splitSheetRef(rules[i].ref);
    if (!s || s.toLowerCase() !== lower) continue;
    const r = parseRange(ref);
    if (r && pos.row >= r.start.row && pos.row <= r.end.row && pos.col >= r.start.col && pos.col <= r.end.col) return rules[i];
  }
  return null;
}

/**
 * The rule a cell derives from what it holds now: a typed-in number stays a number (a percentage
 * under a % format). A cleared input keeps its number format, so an empty cell formatted as a
 * number is a numeric input too; text, formulas and unformatted empty cells take anything.
 */
export function derivedRule(ref: string, raw: RawContent | undefined, format: string | undefined): InputRule | null {
  const code = (format ?? '').replace(/"[^"]*"/g, '').replace(/\\./g, '');
  const numericFormat = /[0#]/.test(code) && !code.includes('@');
  if (typeof raw !== 'number' && !(raw === undefined && numericFormat)) return null;
  return { ref, kind: code.includes('%') ? 'percent' : 'number' };
}

/**
 * The rule of one cell: explicit first, else derived — on a template's sheet only (`derive`): in a
 * blank or imported sheet a number is just a value, free to become text, as in Excel.
 */
export function ruleFor(rules: readonly InputRule[], sheet: string, pos: CellPos, addr: string, raw: RawContent | undefined, format: string | undefined, derive = true): InputRule | null {
  return explicitRule(rules, sheet, pos) ?? (derive ? derivedRule(`${sheet}!${addr}`, raw, format) : null);
}

/**
 * Checks an entry (the raw content typing produced, `null` for a cleared cell) against a rule.
 * Returns null when it is allowed, else why not; a `list` entry is returned spelled as the list does.
 */
export function checkEntry(rule: InputRule, raw: RawContent | null): { ok: true; raw: RawContent | null } | { ok: false; why: RuleBreak } {
  if (raw === null) return { ok: true, raw };
  if (typeof raw === 'string' && raw.startsWith('=')) return { ok: true, raw };
  switch (rule.kind) {
    case 'text':
      return { ok: true, raw };
    case 'list': {
      const options = rule.options ?? [];
      const typed = String(raw).trim().toLowerCase();
      const hit = options.find((o) => o.trim().toLowerCase() === typed);
      return hit !== undefined ? { ok: true, raw: typeof raw === 'string' ? hit : raw } : { ok: false, why: { code: 'notInList', options } };
    }
    default: {
      if (typeof raw !== 'number') return { ok: false, why: { code: 'notNumber', kind: rule.kind } };
      if (rule.kind === 'integer' && !Number.isInteger(raw)) return { ok: false, why: { code: 'notInteger' } };
      if (rule.min !== undefined && raw < rule.min) return { ok: false, why: { code: 'belowMin', kind: rule.kind, min: rule.min } };
      if (rule.max !== undefined && raw > rule.max) return { ok: false, why: { code: 'aboveMax', kind: rule.kind, max: rule.max } };
      return { ok: true, raw };
    }
  }
}
