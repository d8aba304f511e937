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

/** A formula as stored in an .xlsx `<f>` (no `=`) → our formula text (with `=`). */
export function fromExcelFormula(fileText: string): string {
  return mapCode(
    `=${fileText}`,
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
