/**
 * Excel functions business workbooks use that the engine lacks, through HyperFormula's
 * function-plugin API, one module per family under `functions/`. Each follows Excel's documented
 * rules for the arguments it takes; what a workbook imports with them computes instead of keeping
 * only Excel's cached value. Installed once by `engineCore.ts`, before any engine is built.
 */
import { EmptyValue, HyperFormula } from 'hyperformula';
import type { FunctionPluginDefinition } from 'hyperformula';
import { AggregatePlugin } from './functions/aggregate';
import { ArrayFunctionsPlugin } from './functions/arrays';
import { BondsPlugin } from './functions/bonds';
import { averageIfsPlugin } from './functions/conditional';
import { EngineeringPlugin } from './functions/engineering';
import { FinancialPlugin } from './functions/financial';
import { IndexPlugin } from './functions/index';
import { InformationPlugin } from './functions/information';
import { LogicalPlugin } from './functions/logical';
import { LookupPlugin } from './functions/lookup';
import { OddBondsPlugin } from './functions/oddBonds';
import { ReferencePlugin } from './functions/reference';
import { PaymentsPlugin } from './functions/payments';
import { RegressionPlugin } from './functions/regression';
import { RomanPlugin } from './functions/roman';
import { RoundingPlugin } from './functions/rounding';
import { StatisticsPlugin } from './functions/statistics';
import { TextPlugin } from './functions/text';
import { TextSplitPlugin } from './functions/textsplit';
import { XlookupPlugin } from './functions/xlookup';

let installed = false;

type Interpreter = { arithmeticHelper?: object; criterionBuilder?: object };

/** The engine's interpreter helpers, whose prototypes the corrections below amend. */
function interpreterHelpers(): Interpreter {
  const probe = HyperFormula.buildEmpty({ licenseKey: 'gpl-v3' });
  const interpreter = (probe as unknown as { _evaluator?: { interpreter?: Interpreter } })._evaluator?.interpreter ?? {};
  probe.destroy();
  return interpreter;
}

/**
 * Excel reads empty text ("") as no number: `=""+1`, `FLOOR(10,"")` are #VALUE!, and `"<5"` does
 * not count a "" cell. The engine reads it as 0; its one coercion of a value to a number is
 * corrected here (an empty cell is the engine's empty value, not "", and stays 0).
 */
function emptyTextIsNoNumber(helper: object | undefined): void {
  const proto = helper && (Object.getPrototypeOf(helper) as { coerceToMaybeNumber?: (arg: unknown) => unknown });
  const original = proto?.coerceToMaybeNumber;
  if (!proto || !original) return;
  proto.coerceToMaybeNumber = function (this: unknown, arg: unknown) {
    return arg === '' ? undefined : original.call(this, arg);
  };
}

type Criterion = { raw: unknown; lambda: (cell: unknown) => boolean } | undefined;

/**
 * Criteria (COUNTIF, SUMIFS…) as Excel reads them where the engine refuses them: a reference to
 * an empty cell is 0 (Excel's documented rule), and `">c"`, `"<=m"` compare text with text,
 * ignoring case (the engine compares only numbers so).
 */
function excelCriteria(builder: object | undefined): void {
  const proto = builder && (Object.getPrototypeOf(builder) as { fromCellValue?: (raw: unknown, helper: unknown) => Criterion });
  const original = proto?.fromCellValue;
  if (!proto || !original) return;
  proto.fromCellValue = function (this: unknown, raw: unknown, helper: unknown): Criterion {
    if (raw === EmptyValue) return original.call(this, 0, helper);
    const parsed = original.call(this, raw, helper);
    if (parsed !== undefined || typeof raw !== 'string') return parsed;
    const m = /^(<=|>=|<|>)([\s\S]*)$/.exec(raw);
    if (!m) return parsed;
    const [, op, text] = m;
    const key = text.toLowerCase();
    const holds = (c: number) => (op === '<' ? c < 0 : op === '<=' ? c <= 0 : op === '>' ? c > 0 : c >= 0);
    return { raw, lambda: (cell) => typeof cell === 'string' && holds(cell.toLowerCase() < key ? -1 : cell.toLowerCase() > key ? 1 : 0) };
  };
}

/** Adds the functions to the engine's registry (idempotent; none of them is the engine's own). */
export function installExcelFunctions(): void {
  if (installed) return;
  installed = true;
  const helpers = interpreterHelpers();
  emptyTextIsNoNumber(helpers.arithmeticHelper);
  excelCriteria(helpers.criterionBuilder);
  const plugins: FunctionPluginDefinition[] = [TextPlugin, LookupPlugin, StatisticsPlugin, EngineeringPlugin, FinancialPlugin, BondsPlugin, OddBondsPlugin, InformationPlugin, ReferencePlugin, ArrayFunctionsPlugin, AggregatePlugin, RegressionPlugin, RoundingPlugin, RomanPlugin, XlookupPlugin, LogicalPlugin, TextSplitPlugin, PaymentsPlugin, IndexPlugin, averageIfsPlugin()];
  const have = new Set(HyperFormula.getRegisteredFunctionNames('enGB'));
  for (const plugin of plugins) {
    const ids = Object.keys(plugin.implementedFunctions);
    for (const id of ids) if (have.has(id)) HyperFormula.unregisterFunction(id);
    // The engine registers only its English function names (enGB); formulas are kept in English.
    HyperFormula.registerFunctionPlugin(plugin, { enGB: Object.fromEntries(ids.map((id) => [id, id])) });
  }
}
