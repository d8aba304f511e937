/**
 * The engine's side of an `.xlsx` import: the functions it implements, its verdict on each
 * workbook name, and a throwaway build of the result (formulas that break the build keep Excel's
 * value). The import worker and `npm run compat` both import through this, so the compatibility
 * figures measure the app's own path.
 */
import { HyperFormula } from 'hyperformula';
import type { XlsxImportOptions } from '../src/io/xlsxImport';
import { ENGINE_CONFIG, EngineNotebook } from './engineCore';

/** Argument types that take one value: a range there is intersected by Excel in an ordinary formula. */
const SCALAR_TYPES = new Set(['NUMBER', 'INTEGER', 'BOOLEAN', 'STRING', 'SCALAR', 'NOERROR']);
/**
 * Functions whose arguments the engine types as values but which take ranges in Excel: the
 * logical aggregates, COUNTBLANK, the database functions' criteria.
 */
const TAKES_RANGES = new Set(['AND', 'OR', 'XOR', 'COUNTBLANK', 'DAVERAGE', 'DCOUNT', 'DCOUNTA', 'DGET', 'DMAX', 'DMIN', 'DPRODUCT', 'DSTDEV', 'DSTDEVP', 'DSUM', 'DVAR', 'DVARP']);

/**
 * Whether argument `index` of `name` takes one value, from the engine's metadata of the function.
 * Functions that read their arguments as references (ROW, ISFORMULA…), that take arrays whole
 * (array functions, those that expand ranges into their values) or that the engine refuses to vectorise are not counted as taking values.
 */
export function scalarArgument(name: string, index: number): boolean {
  if (TAKES_RANGES.has(name)) return false;
  const plugin = HyperFormula.getFunctionPlugin(name) as { implementedFunctions?: Record<string, unknown>; aliases?: Record<string, string> } | undefined;
  // ISO.CEILING is the engine's alias of CEILING.PRECISE.
  const meta = plugin?.implementedFunctions?.[plugin.aliases?.[name] ?? name] as
    | { parameters?: { argumentType: string }[]; repeatLastArgs?: number; arrayFunction?: boolean; expandRanges?: boolean; vectorizationForbidden?: boolean; doesNotNeedArgumentsToBeComputed?: boolean }
    | undefined;
  if (!meta || meta.arrayFunction || meta.expandRanges || meta.vectorizationForbidden || meta.doesNotNeedArgumentsToBeComputed) return false;
  const params = meta.parameters ?? [];
  let at = index;
  const repeat = meta.repeatLastArgs ?? 0;
  if (at >= params.length) {
    if (!repeat) return false;
    at = params.length - repeat + ((at - params.length) % repeat);
  }
  const type = params[at]?.argumentType;
  return type !== undefined && SCALAR_TYPES.has(String(type).toUpperCase());
}

export function engineImportOptions(): Pick<XlsxImportOptions, 'supportedFunctions' | 'checkName' | 'tryBuild' | 'scalarArgument'> {
  const probe = HyperFormula.buildEmpty(ENGINE_CONFIG);
  return {
    supportedFunctions: HyperFormula.getRegisteredFunctionNames('enGB'),
    scalarArgument,
    checkName: (name, expression) => (probe.isItPossibleToAddNamedExpression(name, expression) ? null : 'the engine rejects it'),
    tryBuild: (nb) => {
      try {
        new EngineNotebook(nb).destroy();
        return null;
      } catch (e) {
        return e instanceof Error ? e.message : String(e);
      }
    },
  };
}
