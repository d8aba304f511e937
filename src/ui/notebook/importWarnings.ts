/** The import report's warning codes (src/io/problems.ts) as words, in both languages. */
import { defineMessages, t } from '../../i18n';

defineMessages({
  en: {
    'report.warning.nameSkipped': 'Name not imported',
    'report.warning.nameRenamed': 'Name renamed (the engine cannot spell it), in every formula',
    'report.warning.localNamePromoted': 'Sheet name made a workbook name',
    'report.warning.localNameInlined': 'Sheet name written into its formulas',
    'report.warning.relativeNameInlined': 'Relative name written into each formula, moved to its cell',
    'report.warning.errorConstant': 'Error value kept as a formula',
    'report.warning.textTruncated': 'Text cut to 32,767 characters',
    'report.warning.formulaKeptValue': 'Keeps Excel’s value (the engine cannot take the formula)',
    'report.warning.externalLink': 'Link to another workbook: uses the values Excel last read from it (they do not update)',
    'report.warning.dataTable': 'Data table: keeps Excel’s values (not recomputed)',
  },
  'zh-CN': {
    'report.warning.nameSkipped': '名称未导入',
    'report.warning.nameRenamed': '名称已重命名（计算引擎无法识别原名），所有公式同步更改',
    'report.warning.localNamePromoted': '工作表级名称改为工作簿级名称',
    'report.warning.localNameInlined': '工作表级名称已写入其公式',
    'report.warning.relativeNameInlined': '相对引用的名称已写入各公式，并按单元格位置移动',
    'report.warning.errorConstant': '错误值以公式形式保留',
    'report.warning.textTruncated': '文本已截断为 32,767 个字符',
    'report.warning.formulaKeptValue': '保留 Excel 的计算值（计算引擎无法处理该公式）',
    'report.warning.externalLink': '链接到其他工作簿：使用 Excel 上次读取的值（不会更新）',
    'report.warning.dataTable': '模拟运算表：保留 Excel 的计算值（不重新计算）',
  },
});

/** A warning's code as words in the current language (the code itself for one this version does not know). */
export function warningLabel(code: string): string {
  const key = `report.warning.${code}`;
  const text = t(key);
  return text === key ? code : text;
}
