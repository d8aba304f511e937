/**
 * What a chart kind reads, as data: each kind declares its range bindings — the keys of a layout
 * item's `ranges` it uses, what each one is (its role), whether the chart needs it, and whether the
 * errors in its cells are the chart's problems — the way Plot's marks declare their channels. One
 * resolver (`resolve.ts`) reads an item's ranges by the declaration; the kind's `build` turns the
 * resolved data into what it draws, without reading any range itself.
 *
 * The keys are the layout's own (`values`, `rowLabels`, `tableX`…): stored notebooks name them.
 */
import type { LayoutItem, Locale } from '../notebook';
import type { Cell } from '../bindingCells';

/**
 * How a binding is read and what the resolver hands over for it:
 * - `labels`: the text of each cell in the UI language (`localizedLabel`), one per cell;
 * - `cells`: each cell (value and format), the ranges of a list one after another, each row by row;
 * - `cell`: the first cell (a KPI, a parameter, a total);
 * - `grid`: the cells as one table; the ranges of a list are joined one under the other (`'rows'`)
 *   or side by side (`'cols'`) — by `join`, else by the item's `options.series` (`'rows'` or not).
 */
export type BindingRole = 'labels' | 'cells' | 'cell' | 'grid';

export interface BindingSpec {
  role: BindingRole;
  /** The chart has nothing to draw without it (an item missing it draws empty, with no problem). */
  required?: boolean;
  /** Errors in its cells are listed as the chart's problems (`Sheet!A1 #DIV/0!`), in declaration order. */
  checked?: boolean;
  /** It names people (the reps): left out where names are hidden (the presenter's privacy mask). */
  personal?: boolean;
  /** `grid` only: how the ranges of a list are joined, whatever `options.series` says. */
  join?: 'rows' | 'cols';
}

/** A kind's bindings by range key, in the order their problems are reported. */
export type KindBindings = Readonly<Record<string, BindingSpec>>;

export interface RoleData {
  labels: string[];
  cells: Cell[];
  cell: Cell | undefined;
  grid: Cell[][];
}

/** An item's ranges read by a declaration. A binding the item does not set reads as empty. */
export interface ResolvedBindings<B extends KindBindings> {
  data: { [K in keyof B]: RoleData[B[K]['role']] };
  /** Each binding's number format: that of its first cell holding a number. */
  formats: { [K in keyof B]: string | undefined };
  /** Each binding's reference as the item stores it (undefined when unset). */
  ref: { [K in keyof B]: string | undefined };
  /** The errors in the cells of the `checked` bindings. */
  problems: string[];
}

/** A chart kind's data side: what it reads, and the pure step from the cells read to what it draws. */
export interface ChartModel<B extends KindBindings = KindBindings, D = unknown> {
  bindings: B;
  build(r: ResolvedBindings<B>, item: LayoutItem, locale: Locale): D;
}

/** Declares a kind's model, keeping the roles' literal types so `build` sees each binding's data type. */
export function chartModel<const B extends KindBindings, D>(bindings: B, build: (r: ResolvedBindings<B>, item: LayoutItem, locale: Locale) => D): ChartModel<B, D> {
  return { bindings, build };
}
