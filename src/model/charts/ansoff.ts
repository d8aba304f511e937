/**
 * The Ansoff 2×2: the quadrant table (C_Ansoff rows 55–58) in the order of the quadrant lookup
 * (C11:C14) — penetration (existing|existing), market development (existing|new), product
 * development (new|existing), diversification (new|new) — each tile with its `labels`, `planned`
 * revenue, `share` of the gap, `cost`, `riskAdj` revenue, `prob`ability and `risk`.
 */
import { chartModel } from './bindings';
import type { Cell } from '../bindingCells';
import { toNumber } from '../bindingCells';

export interface AnsoffTile {
  label: string;
  /** 0 = existing products (top), 1 = new products; 0 = existing markets (left), 1 = new markets. */
  row: 0 | 1;
  col: 0 | 1;
  planned: number;
  share: number;
  cost: number;
  riskAdj: number;
  prob: number;
  risk: string;
  cells: Record<string, Cell | undefined>;
}

export interface AnsoffData {
  tiles: AnsoffTile[];
  formats: Record<string, string | undefined>;
  problems: string[];
}

const TILE_FIELDS = ['planned', 'share', 'cost', 'riskAdj', 'prob'] as const;
const field = { role: 'cells', checked: true } as const;

export const ansoffModel = chartModel(
  { labels: { role: 'labels' }, planned: { ...field, required: true }, share: field, cost: field, riskAdj: field, prob: field, risk: { role: 'labels' } },
  (r): AnsoffData => {
    const d = r.data;
    const tiles = [0, 1, 2, 3].map((i) => ({
      label: d.labels[i] ?? '',
      row: (i >> 1) as 0 | 1,
      col: (i & 1) as 0 | 1,
      planned: toNumber(d.planned[i]?.value) ?? 0,
      share: toNumber(d.share[i]?.value) ?? 0,
      cost: toNumber(d.cost[i]?.value) ?? 0,
      riskAdj: toNumber(d.riskAdj[i]?.value) ?? 0,
      prob: toNumber(d.prob[i]?.value) ?? 0,
      risk: d.risk[i] ?? '',
      cells: Object.fromEntries(TILE_FIELDS.map((k) => [k, d[k][i]])),
    }));
    return { tiles, formats: Object.fromEntries(TILE_FIELDS.map((k) => [k, r.formats[k]])), problems: r.problems };
  },
);
