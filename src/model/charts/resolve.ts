/**
 * The one resolver of chart bindings: reads a layout item's ranges as its kind declares them
 * (`bindings.ts`) — sheet references, ranges, workbook names, comma lists — through a
 * `CellReader`, and collects the errors of the checked bindings as the chart's problems.
 */
import { pushAll } from '../arrays';
import type { LayoutItem, Locale } from '../notebook';
import type { ChartModel, KindBindings, ResolvedBindings } from './bindings';
import type { Cell, CellReader } from '../bindingCells';
import { firstFormat, problemsOf, readRanges } from '../bindingCells';
import { cellLabel } from '../cellLabels';

/**
 * The ranges of a list as one grid: `'rows'` puts them one under the other (`C38:E40,C44:E45` → 5
 * rows), `'cols'` side by side (`F23:F34,O23:O34` → 2 columns).
 */
function joinGrid(parts: Cell[][][], join: 'rows' | 'cols'): Cell[][] {
  if (join === 'rows') return parts.flat();
  const grid: Cell[][] = [];
  for (const part of parts) part.forEach((row, i) => pushAll((grid[i] ??= []), row));
  return grid;
}

export function resolveBindings<B extends KindBindings>(item: LayoutItem, bindings: B, reader: CellReader, locale: Locale): ResolvedBindings<B> {
  const data: Record<string, unknown> = {};
  const formats: Record<string, string | undefined> = {};
  const ref: Record<string, string | undefined> = {};
  const problems: string[] = [];
  for (const [key, spec] of Object.entries(bindings)) {
    ref[key] = item.ranges[key];
    const parts = readRanges(item.ranges[key], item.sheet, reader) ?? [];
    let cells: Cell[];
    if (spec.role === 'grid') {
      const grid = joinGrid(parts, spec.join ?? (item.options?.series === 'rows' ? 'rows' : 'cols'));
      data[key] = grid;
      cells = grid.flat();
    } else {
      cells = parts.flatMap((rows) => rows.flat());
      if (spec.role === 'cell') cells = cells.slice(0, 1);
      data[key] = spec.role === 'cell' ? cells[0] : spec.role === 'labels' ? cells.map((c) => cellLabel(c, locale)) : cells;
    }
    formats[key] = firstFormat(cells);
    if (spec.checked) pushAll(problems, problemsOf(cells));
  }
  return { data, formats, ref, problems } as ResolvedBindings<B>;
}

/** A chart's data: its item's ranges resolved by the kind's bindings, then built. */
export function chartData<B extends KindBindings, D>(model: ChartModel<B, D>, item: LayoutItem, reader: CellReader, locale: Locale): D {
  return model.build(resolveBindings(item, model.bindings, reader, locale), item, locale);
}
