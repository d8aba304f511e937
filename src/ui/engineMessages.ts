/**
 * The engine's messages in plain language, in the user's language. HyperFormula explains an
 * error in English, and a parse error in parser tokens ("Expecting token of type --> RParen <--");
 * the user sees what is wrong with what they typed instead. A message not known here is shown
 * as the engine wrote it in English and left out in 中文, where the summary already says it.
 */
import { defineMessages, locale, t } from '../i18n';

defineMessages({
  en: {
    'parse.fullWidth': 'The formula contains the Chinese punctuation “{char}”: type “{ascii}” instead.',
    'parse.quote': 'A text in quotes is not closed: a closing " is missing.',
    'parse.missingClose': 'A closing bracket “)” is missing.',
    'parse.extraClose': 'There is one closing bracket “)” too many.',
    'parse.semicolon': 'Separate arguments with a comma “,”, not “;”.',
    'parse.endsWithOperator': 'The formula ends with “{op}”: something is missing after it.',
    'parse.unexpected': 'Something follows where the formula should end or continue differently: “{text}” (an operator or a comma missing?).',
    'engine.unknownFunction': 'There is no function called {name}. Check the spelling.',
    'engine.unknownName': 'There is no cell or workbook name called {name}. Check the spelling, or define the name.',
    'engine.notNumber': 'A text cannot be turned into a number here.',
    'engine.argCount': 'The function has the wrong number of arguments.',
    'engine.emptyArg': 'An argument of the function is empty (two commas in a row?).',
    'engine.numberExpected': 'The function needs a number as an argument.',
    'engine.wrongType': 'An argument of the function is of the wrong kind.',
    'engine.notFound': 'The value looked for was not found.',
    'engine.noSheet': 'The formula names a sheet that does not exist.',
    'engine.badRef': 'The address is not a valid cell address.',
  },
  'zh-CN': {
    'parse.fullWidth': '公式中有中文标点“{char}”：请改用英文的“{ascii}”。',
    'parse.quote': '引号中的文本没有结束：缺少右引号 "。',
    'parse.missingClose': '缺少右括号“)”。',
    'parse.extraClose': '多了一个右括号“)”。',
    'parse.semicolon': '参数之间请用逗号“,”分隔，而不是“;”。',
    'parse.endsWithOperator': '公式以“{op}”结尾：后面缺少内容。',
    'parse.unexpected': '公式在此处应当结束或换一种写法：“{text}”（是否缺少运算符或逗号？）。',
    'engine.unknownFunction': '没有名为 {name} 的函数，请检查拼写。',
    'engine.unknownName': '没有名为 {name} 的单元格或名称，请检查拼写或先定义该名称。',
    'engine.notNumber': '此处的文本无法转换为数字。',
    'engine.argCount': '函数的参数个数不对。',
    'engine.emptyArg': '函数有一个参数为空（是否连写了两个逗号？）。',
    'engine.numberExpected': '函数的参数需要是数字。',
    'engine.wrongType': '函数的某个参数类型不对。',
    'engine.notFound': '没有找到要查找的值。',
    'engine.noSheet': '公式引用了一个不存在的工作表。',
    'engine.badRef': '地址不是有效的单元格地址。',
  },
});

/** Chinese punctuation an IME types where a formula needs ASCII. */
const FULL_WIDTH: Record<string, string> = {
  '，': ',', '（': '(', '）': ')', '；': ';', '：': ':', '“': '"', '”': '"', '＝': '=', '＋': '+', '－': '-', '＊': '*', '／': '/', '＜': '<', '＞': '>', '＄': '$', '！': '!', '。': '.',
};

/** What is wrong with a formula that does not parse, read from the formula itself (and the parser's message). */
export function parseHint(formula: string | undefined, message = ''): string | undefined {
  const f = formula ?? '';
  // Outside quoted text: full-width punctuation, brackets, a dangling operator.
  let code = '';
  let quotes = 0;
  for (const ch of f) {
    if (ch === '"') quotes++;
    else if (quotes % 2 === 0) code += ch;
  }
  const wide = [...code].find((ch) => ch in FULL_WIDTH);
  if (wide) return t('parse.fullWidth', { char: wide, ascii: FULL_WIDTH[wide] });
  if (quotes % 2 === 1) return t('parse.quote');
  const open = (code.match(/\(/g) ?? []).length;
  const close = (code.match(/\)/g) ?? []).length;
  if (open > close) return t('parse.missingClose');
  if (close > open) return t('parse.extraClose');
  if (code.includes(';')) return t('parse.semicolon');
  const end = code.trim().match(/[-+*/^&=<>,]$/);
  if (end && code.trim().length > 1) return t('parse.endsWithOperator', { op: end[0] });
  const extra = message.match(/expecting EOF but found: (.+)$/);
  if (extra) return t('parse.unexpected', { text: extra[1].trim() });
  return undefined;
}

const KNOWN: [RegExp, string][] = [
  [/^Function name (.+) not recognized\.$/, 'engine.unknownFunction'],
  [/^Named expression (.+) not recognized\.$/, 'engine.unknownName'],
  [/^Value cannot be coerced to number\.$/, 'engine.notNumber'],
  [/^Wrong number of arguments\.$/, 'engine.argCount'],
  [/^Empty function argument\.$/, 'engine.emptyArg'],
  [/^Number argument expected\.$/, 'engine.numberExpected'],
  [/^Wrong type of argument\.$/, 'engine.wrongType'],
  [/^Value not found\.$/, 'engine.notFound'],
  [/^Sheet does not exist\.$/, 'engine.noSheet'],
  [/^Address is not correct\.$/, 'engine.badRef'],
];

/** An engine message as the user should read it, or undefined when there is nothing to add in their language. */
export function engineMessage(message: string | undefined, formula?: string): string | undefined {
  if (!message) return undefined;
  if (/^Parsing error/.test(message)) return parseHint(formula, message);
  for (const [re, key] of KNOWN) {
    const m = message.match(re);
    if (m) return t(key, { name: m[1] ?? '' });
  }
  return locale() === 'en' ? message : undefined;
}
