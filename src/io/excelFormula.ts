/**
 * Formula text between Excel's file dialect and ours (HyperFormula's). In a file, functions
 * newer than Excel 2007 carry a `_xlfn.` prefix (`_xlfn._xlws.` for a few, `_xlpm.` marks LAMBDA
 * parameters), and TRUE/FALSE are literals; our engine knows the bare names and reads TRUE/FALSE
 * only as the functions TRUE()/FALSE(), which Excel also accepts, and cannot read a doubled quote
 * inside a string. Quoted sheet names are never touched.
 */

/** Excel functions that must be written as `_xlfn.NAME` for Excel to recognise them. */
const FUTURE_FUNCTIONS = new Set(
  `ACOT ACOTH AGGREGATE ARABIC ARRAYTOTEXT BASE BETA.DIST BETA.INV BINOM.DIST BINOM.DIST.RANGE BINOM.INV BITAND
  BITLSHIFT BITOR BITRSHIFT BITXOR BYCOL BYROW CEILING.MATH CEILING.PRECISE CHISQ.DIST CHISQ.DIST.RT CHISQ.INV
  CHISQ.INV.RT CHISQ.TEST CHOOSECOLS CHOOSEROWS COMBINA CONCAT CONFIDENCE.NORM CONFIDENCE.T COT COTH COVARIANCE.P
  COVARIANCE.S CSC CSCH DAYS DECIMAL DROP ECMA.CEILING ERF.PRECISE ERFC.PRECISE EXPAND EXPON.DIST F.DIST F.DIST.RT
  F.INV F.INV.RT F.TEST FLOOR.MATH FLOOR.PRECISE FORECAST.ETS FORECAST.ETS.CONFINT FORECAST.ETS.SEASONALITY
  FORECAST.ETS.STAT FORECAST.LINEAR FORMULATEXT GAMMA GAMMA.DIST GAMMA.INV GAMMALN.PRECISE GAUSS HSTACK HYPGEOM.DIST
  IFNA IFS IMCOSH IMCOT IMCSC IMCSCH IMSEC IMSECH IMSINH IMTAN ISFORMULA ISOMITTED ISOWEEKNUM LAMBDA LET
  LOGNORM.DIST LOGNORM.INV MAKEARRAY MAP MAXIFS MINIFS MODE.MULT MODE.SNGL MUNIT NEGBINOM.DIST NETWORKDAYS.INTL
  NORM.DIST NORM.INV NORM.S.DIST NORM.S.INV NUMBERVALUE PDURATION PERCENTILE.EXC PERCENTILE.INC PERCENTRANK.EXC
  PERCENTRANK.INC PERMUTATIONA PHI POISSON.DIST QUARTILE.EXC QUARTILE.INC RANDARRAY RANK.AVG RANK.EQ REDUCE RRI
  SCAN SEC SECH SEQUENCE SHEET SHEETS SKEW.P SORTBY STDEV.P STDEV.S SWITCH T.DIST T.DIST.2T T.DIST.RT T.INV
  T.INV.2T T.TEST TAKE TEXTAFTER TEXTBEFORE TEXTJOIN TEXTSPLIT TOCOL TOROW UNICHAR UNICODE UNIQUE VALUETOTEXT VAR.P
  VAR.S VSTACK WEIBULL.DIST WORKDAY.INTL WRAPCOLS WRAPROWS XLOOKUP XMATCH XOR Z.TEST`.split(/\s+/),
);
/** Worksheet-only functions: `_xlfn._xlws.NAME`. */
const WORKSHEET_FUNCTIONS = new Set(['FILTER', 'SORT']);

/**
 * Splits formula text into code and protected parts (string literals and quoted sheet names),
 * maps the code parts (and, if asked, the string literals) and joins them back.
 */
export function mapCode(formula: string, fn: (code: string) => string, literalFn?: (literal: string) => string): string {
  return formula
    .split(/("(?:[^"]|"")*"?|'(?:[^']|'')*'?)/)
    .map((part, i) => (i % 2 === 0 ? fn(part) : literalFn && part.startsWith('"') ? literalFn(part) : part))
    .join('');
}

/** HyperFormula cannot parse `""` (a quote) inside a string literal: spell the quote as CHAR(34). */
function quotesAsChar34(literal: string): string {
  const inner = literal.slice(1, -1);
  if (!literal.endsWith('"') || literal.length < 2 || !inner.includes('""')) return literal;
  return `("${inner.split('""').join('"&CHAR(34)&"')}")`;
}

const BARE_BOOLEAN = /(?<![\w.$!\u00C0-\uFFFF])(TRUE|FALSE)(?![\w.(!\u00C0-\uFFFF])/gi;
const FUNCTION_CALL = /(?<![\w.$!\u00C0-\uFFFF])([A-Za-z_][\w.]*)(?=\s*\()/g;

/** One part of a reference: a cell, a column, a row, or an already broken part. */
const REF_PART = String.raw`(?:#REF!|\$?[A-Za-z]{1,3}\$?\d+|\$?[A-Za-z]{1,3}|\$?\d+)`;
/**
 * A reference Excel has broken (a deleted sheet, row or column): `#REF!`, `Sheet1!#REF!`,
 * `'My sheet'!#REF!`, `[1]Sheet1!#REF!`, `#REF!A1`, `A1:#REF!`, `#REF!$B$2:$C$3`. Strings come first
 * in the alternation so that a `#REF!` inside one is skipped whole; a quoted sheet name followed by
 * anything but a broken reference likewise.
 */
const BROKEN_REF = new RegExp(
  String.raw`("(?:[^"]|"")*"?)` +
    String.raw`|((?:(?:'(?:[^']|'')+'|(?:\[\d+\])?[A-Za-z_\u00C0-\uFFFF][\w.\u00C0-\uFFFF]*)!)?` +
    String.raw`(?<![\w.$\u00C0-\uFFFF])(?:${REF_PART}:)*#REF!(?:\$?[A-Za-z]{1,3}\$?\d+|\$?[A-Za-z]{1,3}(?![\w(])|\$?\d+)?(?::${REF_PART})*(?![\w(]))` +
    String.raw`|'(?:[^']|'')*'?`,
  'g',
);

/** The end of the call whose `(` is at `open`, strings skipped (-1 when unbalanced). */
function closingParen(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'") {
      const end = text.indexOf(c, i + 1);
      if (end < 0) return -1;
      i = end;
      while (text[i + 1] === c) i = text.indexOf(c, i + 2) < 0 ? text.length : text.indexOf(c, i + 2);
      continue;
    }
    if (c === '(' || c === '{') depth++;
    else if (c === ')' || c === '}') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/**
 * Broken references → the `#REF!` error literal, which the engine reads and Excel shows. The
 * engine cannot parse a sheet-qualified or range-joined `#REF!`, nor `OFFSET` of one (it wants a
 * reference there when it parses); OFFSET of a broken reference is `#REF!` in Excel, so the call
 * becomes the literal. Text in strings is untouched.
 */
export function brokenRefsAsErrors(formula: string): string {
  if (!formula.includes('#REF!')) return formula;
  let out = formula.replace(BROKEN_REF, (m: string, _text?: string, broken?: string) => (broken ? '#REF!' : m));
  const offset = /(?<![\w.$!\u00C0-\uFFFF])OFFSET\s*\(\s*#REF!\s*[,)]/gi;
  for (let guard = 0; guard < 100; guard++) {
    offset.lastIndex = 0;
    let m: RegExpExecArray | null;
    let replaced = false;
    while ((m = offset.exec(out))) {
      if (insideString(out, m.index)) continue;
      const open = out.indexOf('(', m.index);
      const close = closingParen(out, open);
      if (close < 0) break;
      out = `${out.slice(0, m.index)}#REF!${out.slice(close + 1)}`;
      replaced = true;
      break;
    }
    if (!replaced) break;
  }
  return out;
}

/** Whether position `at` of a formula lies inside a string literal or a quoted sheet name. */
function insideString(text: string, at: number): boolean {
  let quote: string | null = null;
  for (let i = 0; i < at; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = null; // a doubled quote closes and reopens: same parity
    } else if (c === '"' || c === "'") quote = c;
  }
  return quote !== null;
}

/** A formula as stored in an .xlsx `<f>` (no `=`) → our formula text (with `=`). */
export function fromExcelFormula(fileText: string): string {
  return mapCode(
    brokenRefsAsErrors(`=${fileText}`),
    (code) => code.replace(/_xl(?:fn|ws|pm)\./gi, '').replace(BARE_BOOLEAN, (b) => `${b.toUpperCase()}()`),
    quotesAsChar34,
  );
}

/** Our formula text (with `=`) → what an .xlsx `<f>` holds: no `=`, future functions prefixed. */
export function toExcelFormula(formula: string): string {
  const body = formula.startsWith('=') ? formula.slice(1) : formula;
  return mapCode(body, (code) =>
    code.replace(FUNCTION_CALL, (name: string) => {
      const upper = name.toUpperCase();
      if (WORKSHEET_FUNCTIONS.has(upper)) return `_xlfn._xlws.${name}`;
      return FUTURE_FUNCTIONS.has(upper) ? `_xlfn.${name}` : name;
    }),
  );
}

/** The distinct function names a formula calls, upper-cased, in order of appearance. */
export function functionsCalled(formula: string): string[] {
  const found = new Set<string>();
  mapCode(formula, (code) => {
    for (const m of code.matchAll(FUNCTION_CALL)) found.add(m[1].toUpperCase());
    return code;
  });
  return [...found];
}
