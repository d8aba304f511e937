/**
 * What the session and the stored-notebook check report, in both languages, as typed tables:
 * every code of `SessionProblemCode` (src/engine/session.ts) and `NotebookProblemCode`
 * (src/model/validate.ts) has its message here, so a code without a translation is a type error.
 * Registered under `problem.<code>` and `check.<code>` for the places that look them up by key.
 */
import { defineMessages, t } from '../i18n';
import type { SessionProblem, SessionProblemCode } from '../engine/session';
import type { NotebookProblemCode } from '../model/validate';
import { engineMessage } from './engineMessages';

type Text = { en: string; 'zh-CN': string };

/** The session's own problems; `{message}` is the engine's words, translated where known. */
const PROBLEMS: Record<Exclude<SessionProblemCode, NotebookProblemCode>, Text> = {
  noSheet: {
    en: 'That sheet does not exist any more.',
    'zh-CN': '该工作表已不存在。',
  },
  lastSheet: {
    en: 'A notebook keeps at least one sheet.',
    'zh-CN': '笔记本至少保留一个工作表。',
  },
  sheetExists: {
    en: 'A sheet with that name already exists.',
    'zh-CN': '已有同名工作表。',
  },
  sheetFull: {
    en: 'There is no room: inserting would push cells past the sheet’s last row or column. Delete what is at the end first.',
    'zh-CN': '空间不足：插入会把单元格推出工作表的最后一行或一列。请先删除末尾的内容。',
  },
  badStructure: {
    en: 'Those rows or columns cannot be inserted or deleted here.',
    'zh-CN': '无法在此处插入或删除这些行或列。',
  },
  stubShape: {
    en: 'This is a link stub: its cells sit where the template reads them, so rows and columns cannot be inserted or deleted here. Add the real template first (Add template…).',
    'zh-CN': '这是链接占位表：其单元格位于模板读取的位置，因此不能在此插入或删除行列。请先添加真正的模板（添加模板…）。',
  },
  engineRestarted: {
    en: 'The calculation engine stopped and was restarted from your notebook. Nothing saved was lost.',
    'zh-CN': '计算引擎已停止，并已根据笔记本重新启动。已保存的内容没有丢失。',
  },
  engineRejected: {
    en: 'The engine could not apply that change: {message}',
    'zh-CN': '引擎无法应用该更改：{message}',
  },
  engineBuild: {
    en: 'The engine could not compute this notebook ({message}). Your contents are kept; fix or remove the formula that causes it.',
    'zh-CN': '引擎无法计算此笔记本（{message}）。内容已保留；请修改或删除导致问题的公式。',
  },
  readOnly: {
    en: 'Read-only here: the notebook is being edited in another tab. Use “Edit here instead” to take over.',
    'zh-CN': '此处为只读：笔记本正在另一个标签页中编辑。点击“改为在此编辑”即可接管。',
  },
};

/** The stored-notebook check's findings; `{where}` names the cell, sheet, name or item. */
const CHECKS: Record<NotebookProblemCode, Text> = {
  cellOutsideGrid: {
    en: '{where}: a cell lies outside the grid (at most 200,000 rows and 16,384 columns, up to XFD)',
    'zh-CN': '{where}：单元格超出表格范围（最多 200,000 行、16,384 列，至 XFD）',
  },
  sheetTooLarge: {
    en: 'Sheet {where} would span more than 20,000,000 cells from A1 to its last row and column (e.g. 100,000 rows × 200 columns)',
    'zh-CN': '工作表 {where} 从 A1 到最后一行、最后一列将超过 20,000,000 个单元格（例如 100,000 行 × 200 列）',
  },
  columnOutsideGrid: {
    en: '{where}: a column lies outside the grid (the last column is XFD)',
    'zh-CN': '{where}：列超出表格范围（最后一列为 XFD）',
  },
  formulaTooLong: {
    en: '{where}: a formula may have at most 8,192 characters, as in Excel',
    'zh-CN': '{where}：公式最多 8,192 个字符（与 Excel 相同）',
  },
  formulaTooNested: {
    en: '{where}: a formula may nest at most 64 levels of parentheses, as in Excel',
    'zh-CN': '{where}：公式的括号嵌套最多 64 层（与 Excel 相同）',
  },
  textTooLong: {
    en: '{where}: a cell holds at most 32,767 characters, as in Excel',
    'zh-CN': '{where}：单元格最多容纳 32,767 个字符（与 Excel 相同）',
  },
  brokenText: {
    en: '{where}: the text holds a broken character (half of a character code)',
    'zh-CN': '{where}：文本中含有损坏的字符（不完整的字符编码）',
  },
  sheetName: {
    en: '“{where}” is not a sheet name Excel allows (1–31 characters, none of [ ] : * ? / \\, no apostrophe at either end, not “History”)',
    'zh-CN': '“{where}”不是 Excel 允许的工作表名称（1–31 个字符，不含 [ ] : * ? / \\，首尾不能是撇号，不能是“History”）',
  },
  sheetNameTaken: {
    en: 'Two sheets are named “{where}” (names are compared ignoring case)',
    'zh-CN': '有两个工作表都名为“{where}”（名称不区分大小写）',
  },
  sheetIdTaken: {
    en: 'Two sheets share one id (“{where}”)',
    'zh-CN': '有两个工作表使用同一个标识（“{where}”）',
  },
  badName: {
    en: '“{where}” is not a name the engine accepts: letters, digits, _ and ., and not like a cell address (A1, R1C1)',
    'zh-CN': '“{where}”不是引擎可接受的名称：只能用字母、数字、_ 和 .，且不能像单元格地址（A1、R1C1）',
  },
  nameTaken: {
    en: 'The name “{where}” is defined twice (names are compared ignoring case)',
    'zh-CN': '名称“{where}”定义了两次（名称不区分大小写）',
  },
  nameRelative: {
    en: 'The name “{where}” uses a relative reference; write absolute ones such as $A$1',
    'zh-CN': '名称“{where}”使用了相对引用；请写成绝对引用，如 $A$1',
  },
  nameExternal: {
    en: 'The name “{where}” refers to another workbook',
    'zh-CN': '名称“{where}”引用了另一个工作簿',
  },
  badFormat: {
    en: '{where}: the number format is not one Opsbook can show (at most 255 characters and 30 decimals)',
    'zh-CN': '{where}：Opsbook 无法显示该数字格式（最多 255 个字符、30 位小数）',
  },
  chartRange: {
    en: 'Chart {where} reads a range outside the grid or larger than 20,000 cells',
    'zh-CN': '图表 {where} 读取的区域超出表格范围或多于 20,000 个单元格',
  },
  badTime: {
    en: '{where}: the time lies outside the range of dates',
    'zh-CN': '{where}：时间超出日期范围',
  },
  badOverride: {
    en: 'Scenario {where}: the override is outside the grid or holds content a cell cannot hold',
    'zh-CN': '场景 {where}：覆盖值超出表格范围，或单元格无法容纳该内容',
  },
  badLayoutKey: {
    en: '{where}: the saved view state does not have the shape Opsbook reads',
    'zh-CN': '{where}：保存的视图状态格式不正确',
  },
};

const registry = (prefix: string, table: Record<string, Text>, lang: keyof Text) =>
  Object.fromEntries(Object.entries(table).map(([code, text]) => [`${prefix}.${code}`, text[lang]]));
defineMessages({
  en: { ...registry('problem', PROBLEMS, 'en'), ...registry('check', CHECKS, 'en') },
  'zh-CN': { ...registry('problem', PROBLEMS, 'zh-CN'), ...registry('check', CHECKS, 'zh-CN') },
});

const isCheck = (code: SessionProblemCode): code is NotebookProblemCode => code in CHECKS;

/** A session problem in the current language. */
export function sessionProblemText(p: SessionProblem): string {
  if (isCheck(p.code)) return t(`check.${p.code}`, { where: p.message });
  return t(`problem.${p.code}`, { message: engineMessage(p.message) ?? t('problem.noDetail') });
}
