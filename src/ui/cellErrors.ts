/** Plain-language explanations of formula errors, shown when an error cell is selected. */
import { defineMessages, t } from '../i18n';
import type { CellError } from '../model/cell';
import { engineMessage } from './engineMessages';

defineMessages({
  en: {
    'err.#DIV/0!': 'Division by zero: the formula divides by a cell that is empty or 0.',
    'err.#REF!': 'Invalid reference: the formula points at a cell or sheet that does not exist (it may have been deleted).',
    'err.#NAME?': 'Unknown name: the formula uses a function or name Opsbook does not know. Check the spelling.',
    'err.#CYCLE!': 'Circular reference: the formula depends on its own result, directly or through other cells.',
    'err.tooComplex': 'The engine cannot compute this formula: it is built too deep (e.g. thousands of terms in one sum). It is kept as typed and shows #ERROR!; the rest of the notebook computes. Split it over a few cells.',
    'err.#ERROR!': 'The formula cannot be read (a parse error): check brackets, commas and quotes. Your text is kept — fix it in the formula bar.',
    'err.#VALUE!': 'Wrong kind of value: the formula got text where it needs a number (or the reverse).',
    'err.#N/A': 'Not available: a lookup did not find what it looked for.',
    'err.#NUM!': 'Invalid number: the result is not a valid number (too large, or a function got an impossible argument).',
    'err.#SPILL!': 'The result is an array that does not fit: clear the cells it needs.',
    'err.#LIC!': 'The engine licence is not valid.',
    'err.other': 'The formula returned an error.',
  },
  'zh-CN': {
    'err.#DIV/0!': '除数为零：公式除以了一个空单元格或 0。',
    'err.#REF!': '引用无效：公式指向的单元格或工作表不存在（可能已被删除）。',
    'err.#NAME?': '未知名称：公式使用了 Opsbook 不认识的函数或名称，请检查拼写。',
    'err.#CYCLE!': '循环引用：公式直接或间接地依赖于自身的结果。',
    'err.tooComplex': '引擎无法计算此公式：结构过深（例如一个求和里有上千项）。公式按原样保留并显示 #ERROR!，笔记本其余部分照常计算。请把它拆到几个单元格中。',
    'err.#ERROR!': '无法解析公式：请检查括号、逗号和引号。您输入的内容已保留，可在编辑栏中修改。',
    'err.#VALUE!': '值类型错误：公式在需要数字的地方得到了文本（或相反）。',
    'err.#N/A': '无法取得：查找函数没有找到要找的值。',
    'err.#NUM!': '数值无效：结果不是有效数字（过大，或函数参数不可能）。',
    'err.#SPILL!': '数组结果放不下：请清空它需要的单元格。',
    'err.#LIC!': '计算引擎许可无效。',
    'err.other': '公式返回了错误。',
  },
});

/**
 * What an error cell means, and what the engine adds, in the user's language: a parse error
 * says what is wrong with the formula (`formula`, the cell's raw content), never parser tokens.
 */
export function explainError(e: CellError, formula?: string): { summary: string; detail?: string } {
  // Isolated by the engine (workers/engineCore.ts ISOLATED_MESSAGE): its own explanation.
  if (e.error === '#ERROR!' && e.message === 'tooComplex') return { summary: t('err.tooComplex') };
  const key = `err.${e.error}`;
  const summary = t(key) === key ? t('err.other') : t(key);
  const plain = engineMessage(e.message, formula);
  return { summary, detail: plain };
}
