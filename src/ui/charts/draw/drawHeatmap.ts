/**
 * A heatmap of a rows × columns grid (regions × months of variance): one cell per value, red below
 * zero and green above on a scale symmetric around zero, the value written in the cell; empty cells
 * (months not closed yet) stay blank.
 */
import type { SeriesData } from '../../../model/charts/series';
import type { DrawContext, Drawn } from './plotKit';
import { asSvg, fmt, INK, keysOf, maxTextWidth, NEGATIVE, POSITIVE } from './plotKit';

export function drawHeatmap(data: SeriesData, ctx: DrawContext): Drawn {
  const { Plot } = ctx;
  const keys = keysOf(data.categories.length);
  const cells = data.series.flatMap((s) =>
    data.categories.map((category, ci) => ({ key: keys[ci], category, series: s.label, value: s.values[ci], text: fmt(s.values[ci], s.cells[ci]?.format ?? data.format) })),
  ).filter((c): c is typeof c & { value: number } => c.value !== null && Number.isFinite(c.value));
  const extent = Math.max(1, ...cells.map((c) => Math.abs(c.value)));
  const svg = Plot.plot({
    width: ctx.width,
    height: ctx.height,
    marginLeft: Math.min(140, maxTextWidth(data.series.map((s) => s.label), ctx.fontSize) + 12),
    marginBottom: 30,
    style: ctx.style,
    x: { domain: keys, tickFormat: (k: string) => data.categories[Number(k)] ?? k, label: null, padding: 0.05 },
    y: { domain: data.series.map((s) => s.label), label: null, padding: 0.05 },
    color: { type: 'linear', domain: [-extent, 0, extent], range: [NEGATIVE, '#f4f4f2', POSITIVE] },
    marks: [
      Plot.cell(cells, { x: 'key', y: 'series', fill: 'value', inset: 0.5, title: (d: (typeof cells)[number]) => `${d.series} · ${d.category}: ${d.text}` }),
      Plot.text(cells, { x: 'key', y: 'series', text: 'text', fill: INK, fontSize: Math.max(9, ctx.fontSize - 2) }),
    ],
  });
  return { svg: asSvg(svg), legend: [{ label: '−', color: NEGATIVE }, { label: '+', color: POSITIVE }] };
}
