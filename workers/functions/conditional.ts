/**
 * AVERAGEIFS, which the engine lacks though it has SUMIFS and AVERAGEIF: built on the engine's own
 * conditional-aggregation plugin (taken from its registry), so criteria read exactly as in
 * SUMIFS/COUNTIFS (operators, wildcards, numbers as text) and share its per-range cache.
 */
import { CellError, ErrorType, FunctionArgumentType, HyperFormula } from 'hyperformula';
import type { FunctionPlugin, FunctionPluginDefinition, ImplementedFunctions } from 'hyperformula';

interface Sum {
  sum: number;
  count: number;
}
type Acc = Sum | CellError;

/** The engine's class behind SUMIFS, with the method AVERAGEIF and SUMIFS are computed by. */
type ConditionalBase = new (...args: never[]) => FunctionPlugin & {
  computeConditionalAggregationFunction(values: unknown, conditions: unknown[], name: string, initial: Acc, compose: (a: Acc, b: Acc) => Acc, map: (v: unknown) => Acc): Acc;
  runFunction(args: unknown, state: unknown, metadata: unknown, fn: unknown): unknown;
  metadata(name: string): unknown;
};

const EMPTY: Sum = { sum: 0, count: 0 };

function compose(a: Acc, b: Acc): Acc {
  if (a instanceof CellError) return a;
  if (b instanceof CellError) return b;
  return { sum: a.sum + b.sum, count: a.count + b.count };
}

/** A matched cell: a number counts, an error is the answer, text, logicals and blanks are skipped. */
function single(v: unknown): Acc {
  if (v instanceof CellError) return v;
  if (typeof v === 'number') return { sum: v, count: 1 };
  if (v && typeof v === 'object' && 'val' in v && typeof (v as { val: unknown }).val === 'number') return { sum: (v as { val: number }).val, count: 1 };
  return EMPTY;
}

/** The plugin class, made when installing (the engine's base class is only reachable at run time). */
export function averageIfsPlugin(): FunctionPluginDefinition {
  const Base = HyperFormula.getFunctionPlugin('SUMIFS') as unknown as ConditionalBase;
  const RANGE = { argumentType: FunctionArgumentType.RANGE };
  class AverageIfsPlugin extends Base {
    static implementedFunctions: ImplementedFunctions = {
      AVERAGEIFS: { method: 'averageifs', parameters: [RANGE, RANGE, { argumentType: FunctionArgumentType.NOERROR }], repeatLastArgs: 2 },
    };

    averageifs(ast: { args: unknown }, state: unknown) {
      return this.runFunction(ast.args, state, this.metadata('AVERAGEIFS'), (values: unknown, ...conditions: unknown[]) => {
        const r = this.computeConditionalAggregationFunction(values, conditions, 'AVERAGEIFS', EMPTY, compose, single);
        if (r instanceof CellError) return r;
        return r.count === 0 ? new CellError(ErrorType.DIV_BY_ZERO, 'No cell meets the criteria.') : r.sum / r.count;
      });
    }
  }
  return AverageIfsPlugin as unknown as FunctionPluginDefinition;
}
