/**
 * Excel functions business workbooks use that the engine lacks, through HyperFormula's
 * function-plugin API, one module per family under `functions/`. Each follows Excel's documented
 * rules for the arguments it takes; what a workbook imports with them computes instead of keeping
 * only Excel's cached value. Installed once by `engineCore.ts`, before any engine is built.
 */
import { HyperFormula } from 'hyperformula';
import type { FunctionPluginDefinition } from 'hyperformula';
import { AggregatePlugin } from './functions/aggregate';
import { ArrayFunctionsPlugin } from './functions/arrays';
import { BondsPlugin } from './functions/bonds';
import { averageIfsPlugin } from './functions/conditional';
import { EngineeringPlugin } from './functions/engineering';
import { FinancialPlugin } from './functions/financial';
import { InformationPlugin } from './functions/information';
import { LogicalPlugin } from './functions/logical';
import { LookupPlugin } from './functions/lookup';
import { OddBondsPlugin } from './functions/oddBonds';
import { ReferencePlugin } from './functions/reference';
import { RegressionPlugin } from './functions/regression';
import { RomanPlugin } from './functions/roman';
import { RoundingPlugin } from './functions/rounding';
import { StatisticsPlugin } from './functions/statistics';
import { TextPlugin } from './functions/text';
import { TextSplitPlugin } from './functions/textsplit';
import { XlookupPlugin } from './functions/xlookup';

let installed = false;

/**
 * Excel reads empty text ("") as no number: `=""+1`, `FLOOR(10,"")` are #VALUE!, and `"<5"` does
 * not count a "" cell. The engine reads it as 0; its one coercion of a value to a number is
 * corrected here (an empty cell is the engine's empty value, not "", and stays 0).
 */
function emptyTextIsNoNumber(): void {
  const probe = HyperFormula.buildEmpty({ licenseKey: 'gpl-v3' });
  const helper = (probe as unknown as { _evaluator?: { interpreter?: { arithmeticHelper?: object } } })._evaluator?.interpreter?.arithmeticHelper;
  probe.destroy();
  const proto = helper && (Object.getPrototypeOf(helper) as { coerceToMaybeNumber?: (arg: unknown) => unknown });
  const original = proto?.coerceToMaybeNumber;
  if (!proto || !original) return;
  proto.coerceToMaybeNumber = function (this: unknown, arg: unknown) {
    return arg === '' ? undefined : original.call(this, arg);
  };
}

/** Adds the functions to the engine's registry (idempotent; none of them is the engine's own). */
export function installExcelFunctions(): void {
  if (installed) return;
  installed = true;
  emptyTextIsNoNumber();
  const plugins: FunctionPluginDefinition[] = [TextPlugin, LookupPlugin, StatisticsPlugin, EngineeringPlugin, FinancialPlugin, BondsPlugin, OddBondsPlugin, InformationPlugin, ReferencePlugin, ArrayFunctionsPlugin, AggregatePlugin, RegressionPlugin, RoundingPlugin, RomanPlugin, XlookupPlugin, LogicalPlugin, TextSplitPlugin, averageIfsPlugin()];
  const have = new Set(HyperFormula.getRegisteredFunctionNames('enGB'));
  for (const plugin of plugins) {
    const ids = Object.keys(plugin.implementedFunctions);
    for (const id of ids) if (have.has(id)) HyperFormula.unregisterFunction(id);
    // The engine registers only its English function names (enGB); formulas are kept in English.
    HyperFormula.registerFunctionPlugin(plugin, { enGB: Object.fromEntries(ids.map((id) => [id, id])) });
  }
}
