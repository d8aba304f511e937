/**
 * The grid's data validation: every entry typed or pasted into a cell is checked against the
 * cell's input rule (src/model/inputRules.ts) before it reaches the document; a wrong one is
 * refused with a message in the user's language that says what the cell takes.
 *
 * Explicit rules are a generated plan's (its generators give them for the plan's shape, loaded
 * with the generators only for such a plan); every other input of a template's sheet derives its
 * rule from itself. Blank and imported sheets have no rules, as in Excel.
 */
import { createEffect, createSignal, on } from 'solid-js';
import { qualify, toA1 } from '../../model/address';
import type { CellPos } from '../../model/address';
import type { RawContent } from '../../model/cell';
import { checkEntry, ruleFor } from '../../model/inputRules';
import type { InputRule, RuleBreak } from '../../model/inputRules';
import { findSheet } from '../../model/notebook';
import type { NotebookSession } from '../../engine/session';
import { defineMessages, t } from '../../i18n';
import { formatNumber } from '../../i18n/numberFormat';
import { templateForSheet } from '../../../templates/gallery';

defineMessages({
  en: {
    'rule.number': 'a number',
    'rule.integer': 'a whole number',
    'rule.percent': 'a percentage (such as 15%)',
    'rule.notNumber': '{cell} takes {what}; “{typed}” is not one. Nothing was entered: type {what}, or clear the cell.',
    'rule.notInteger': '{cell} takes a whole number; “{typed}” is not one. Nothing was entered.',
    'rule.belowMin': '{cell} takes {what} of at least {min}; “{typed}” is less. Nothing was entered.',
    'rule.aboveMax': '{cell} takes {what} of at most {max}; “{typed}” is more. Nothing was entered.',
    'rule.notInList': '{cell} takes one of: {options}. “{typed}” is not in the list. Nothing was entered.',
    'rule.paste': 'The paste was not made: {reason}',
  },
  'zh-CN': {
    'rule.number': '数字',
    'rule.integer': '整数',
    'rule.percent': '百分比（如 15%）',
    'rule.notNumber': '{cell} 只接受{what}，“{typed}”不是{what}。未录入：请输入{what}，或清空单元格。',
    'rule.notInteger': '{cell} 只接受整数，“{typed}”不是整数。未录入。',
    'rule.belowMin': '{cell} 只接受不小于 {min} 的{what}，“{typed}”小于下限。未录入。',
    'rule.aboveMax': '{cell} 只接受不大于 {max} 的{what}，“{typed}”超过上限。未录入。',
    'rule.notInList': '{cell} 只接受以下之一：{options}。“{typed}”不在列表中。未录入。',
    'rule.paste': '未粘贴：{reason}',
  },
});

/** The message for a refused entry, in the current language. */
export function ruleMessage(cell: string, typed: string, why: RuleBreak): string {
  const kind = 'kind' in why ? why.kind : 'number';
  const what = kind === 'integer' || kind === 'percent' ? t(`rule.${kind}`) : t('rule.number');
  const bound = (n: number) => (kind === 'percent' ? `${Number((n * 100).toPrecision(12))}%` : formatNumber(n, 'General'));
  switch (why.code) {
    case 'notNumber':
      return t('rule.notNumber', { cell, typed, what });
    case 'notInteger':
      return t('rule.notInteger', { cell, typed });
    case 'belowMin':
      return t('rule.belowMin', { cell, typed, what, min: bound(why.min) });
    case 'aboveMax':
      return t('rule.aboveMax', { cell, typed, what, max: bound(why.max) });
    case 'notInList':
      return t('rule.notInList', { cell, typed, options: why.options.join(' / ') });
  }
}

export type EntryCheck = { ok: true; raw: RawContent | null } | { ok: false; message: string };

export function createInputValidation(session: NotebookSession) {
  const [explicit, setExplicit] = createSignal<readonly InputRule[]>([]);
  // A generated plan's rules follow its shape (layout.plan); other notebooks have none.
  createEffect(on(() => session.doc.layout.plan, (plan) => {
    if (!plan) return setExplicit([]);
    void import('../../../templates/generators/plan')
      .then(({ planVocabulary }) => setExplicit(planVocabulary(session.plain())?.inputRules ?? []))
      .catch(() => setExplicit([]));
  }));

  /** Whether `raw` (from `typed`) may go into the cell; a list entry comes back spelled as its list. */
  function check(sheet: string, pos: CellPos, raw: RawContent | null, typed: string): EntryCheck {
    const s = findSheet(session.doc, sheet);
    if (!s) return { ok: true, raw };
    const addr = toA1(pos);
    // The templates' sheets (also a generated plan's, and a stub's sample inputs) derive their inputs' rules.
    const derive = templateForSheet(s.name) !== undefined || !!session.doc.layout.plan;
    const rule = ruleFor(explicit(), s.name, pos, addr, s.cells[addr], s.formats[addr], derive);
    if (!rule) return { ok: true, raw };
    const r = checkEntry(rule, raw);
    return r.ok ? r : { ok: false, message: ruleMessage(qualify(s.name, addr), typed, r.why) };
  }

  return { check, rules: explicit };
}

export type InputValidation = ReturnType<typeof createInputValidation>;
