/**
 * What a chart kind is to the notebook view: its model (the bindings it reads and how its data is
 * built, `src/model/charts`), how it is drawn, and the sentence that summarises it for screen
 * readers (the chart's `aria-label` and `<title>`).
 */
import type { ChartModel, KindBindings } from '../../../model/charts/bindings';
import type { DrawContext, Drawn } from '../draw/plotKit';

export interface ChartKind<D extends { problems: string[] } = { problems: string[] }> {
  model: ChartModel<KindBindings, D>;
  draw(data: D, ctx: DrawContext): Drawn;
  summary(data: D, title: string): string;
  /** Offered in "Add a chart" (with the label key `kind.<name>`). */
  userKind?: boolean;
}

/** A summary's list: at most `max` entries, then '…'. */
export const list = (xs: string[], max = 6) => (xs.length > max ? [...xs.slice(0, max), '…'] : xs).join(', ');
