/**
 * The engine's side of an `.xlsx` import: the functions it implements, its verdict on each
 * workbook name, and a throwaway build of the result (formulas that break the build keep Excel's
 * value). The import worker and `npm run compat` both import through this, so the compatibility
 * figures measure the app's own path.
 */
import { HyperFormula } from 'hyperformula';
import type { XlsxImportOptions } from '../src/io/xlsxImport';
import { ENGINE_CONFIG, EngineNotebook } from './engineCore';

export function engineImportOptions(): Pick<XlsxImportOptions, 'supportedFunctions' | 'checkName' | 'tryBuild'> {
  const probe = HyperFormula.buildEmpty(ENGINE_CONFIG);
  return {
    supportedFunctions: HyperFormula.getRegisteredFunctionNames('enGB'),
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
