/**
 * Charts of series over categories: bars (one series, optionally coloured by a key such as the
 * region, horizontal when there are many categories), stacked bars (with an optional ratio line on
 * a right-hand axis), grouped bars, lines, and paired FY-vs-FY bars.
 */
import type * as PlotNS from '@observablehq/plot';
import type { PairedData, SeriesData } from '../../../model/charts/series';
import type { DrawContext, Drawn, LegendEntry } from './plotKit';
import { INK, MUTED, PALETTE, asSvg, axisFormat, colorScale, fmt, keysOf, maxTextWidth, niceTicks, columnFrame } from './plotKit';
import { maxOf, minOf } from '../../../model/arrays';

interface Row {
  key: string;
  category: string;
  series: string;
  value: number;
  text: string;
}

function rowsOf(data: SeriesData): Row[] {
  return data.categories.flatMap((category, ci) =>
    data.series.map((s) => ({ key: String(ci), category, series: s.label, value: s.values[ci] ?? 0, text: fmt(s.values[ci], s.cells[ci]?.format ?? data.format) })),
  );
}

function squareLegend(domain: string[], range: string[]): LegendEntry[] {
  return domain.map((label, i) => ({ label, color: range[i] }));
}

/** One series: vertical bars, or horizontal ones past 7 categories; coloured by `colors` when bound. */
export function drawBar(data: SeriesData, ctx: DrawContext): Drawn {
  const { Plot } = ctx;
  if (data.series.length > 1) return drawGrouped(data, ctx);
  const s = data.series[0] ?? { label: '', values: [], cells: [] };
  const keys = keysOf(data.categories.length);
  const color = data.colors ? colorScale(data.colors) : null;
  const rows = data.categories.map((category, i) => ({
    key: keys[i],
    category,
    value: s.values[i] ?? 0,
    text: fmt(s.values[i], s.cells[i]?.format ?? data.format),
    note: data.line ? `${data.line.label} ${fmt(data.line.values[i], data.line.format)}`.trim() : '',
    color: data.colors?.[i] ?? s.label,
  }));
  const label = (k: string) => data.categories[Number(k)] ?? k;
  const fill = color ? 'color' : PALETTE[0];
  const title = (d: (typeof rows)[number]) => `${d.category}: ${d.text}${d.note ? ` · ${d.note}` : ''}`;
  const legend = color ? squareLegend(color.domain, color.range) : [{ label: s.label, color: PALETTE[0] }];
  const horizontal = data.categories.length > 7;
  if (horizontal) {
    const left = maxTextWidth(data.categories, ctx.fontSize) + 14;
    const svg = Plot.plot({
      width: ctx.width,
      height: ctx.height,
      marginLeft: left,
      marginRight: maxTextWidth(rows.map((r) => r.text), ctx.fontSize * 0.92) + 12,
      style: ctx.style,
      x: { grid: true, nice: true, label: ctx.unit || null, tickFormat: axisFormat(data.format) },
      y: { domain: keys, tickFormat: label, label: null, padding: 0.18 },
      color: color ?? undefined,
      marks: [
        Plot.barX(rows, { y: 'key', x: 'value', fill, title }),
        Plot.ruleX([0], { stroke: INK }),
        Plot.text(rows, { y: 'key', x: 'value', text: 'text', textAnchor: 'start', dx: 4, fill: INK, fontSize: ctx.fontSize * 0.92 }),
      ],
    });
    return { svg: asSvg(svg), legend };
  }
  const frame = columnFrame(ctx, data.line ? 34 : 22);
  // A bound line's value labels each bar with its name ("毛利率 70.0%"); where that is wider than
  // a bar's slot (a wide CJK font, many bars) each bar keeps the value and the name goes to the legend.
  const slot = (ctx.width - frame.marginLeft - 10) / Math.max(1, rows.length);
  if (data.line?.label && maxTextWidth(rows.map((r) => r.note), ctx.fontSize * 0.9, Infinity) > slot * 0.9) {
    for (const [i, r] of rows.entries()) r.note = fmt(data.line.values[i], data.line.format);
    legend.push({ label: data.line.label, color: MUTED, shape: 'dot' });
  }
  const svg = Plot.plot({
    ...frame,
    x: { domain: keys, tickFormat: label, label: null, padding: 0.3, tickSize: 0 },
    y: { grid: true, nice: true, label: ctx.unit || null, tickFormat: axisFormat(data.format) },
    color: color ?? undefined,
    marks: [
      Plot.barY(rows, { x: 'key', y: 'value', fill, title }),
      Plot.ruleY([0], { stroke: INK }),
      Plot.text(rows, { x: 'key', y: 'value', text: 'text', dy: data.line ? -20 : -8, fontWeight: 600, fill: INK }),
      ...(data.line ? [Plot.text(rows, { x: 'key', y: 'value', text: 'note', dy: -6, fill: MUTED, fontSize: ctx.fontSize * 0.9 })] : []),
    ],
  });
  return { svg: asSvg(svg), legend };
}

/** Stacked bars with the total on top; a bound `line` (a ratio) gets its own right-hand axis. */
export function drawStacked(data: SeriesData, ctx: DrawContext): Drawn {
  const { Plot } = ctx;
  const rows = rowsOf(data);
  const keys = keysOf(data.categories.length);
  const color = colorScale(data.series.map((s) => s.label));
  const totals = data.categories.map((_, ci) => {
    const v = data.series.reduce((a, s) => a + (s.values[ci] ?? 0), 0);
    return { key: String(ci), value: v, top: data.series.reduce((a, s) => a + Math.max(0, s.values[ci] ?? 0), 0), text: fmt(v, data.format) };
  });
  const maxTop = maxOf(totals.map((x) => x.top), 0);
  const marks: PlotNS.Markish[] = [
    Plot.barY(rows, { x: 'key', y: 'value', fill: 'series', order: color.domain, title: (d: Row) => `${d.category} · ${d.series}: ${d.text}`, insetLeft: 0.5, insetRight: 0.5 }),
    Plot.ruleY([0], { stroke: INK }),
    Plot.text(totals, { x: 'key', y: 'top', text: 'text', dy: -8, fontWeight: 600, fill: INK }),
  ];
  const legend = squareLegend(color.domain, color.range);
  // A bound ratio (the expense ratio) is a labelled line in a band above the bars: its own
  // scale, not read against the money axis, so the left axis stops at the bars' range.
  const ratio = data.line && data.line.values.some((v) => v !== null) ? data.line : null;
  const top = maxTop > 0 ? maxTop : 1;
  let domain: [number, number] | undefined;
  if (ratio) {
    const values = ratio.values.filter((v): v is number => v !== null);
    const [lo, hi] = [minOf(values), maxOf(values)];
    const y = (v: number) => top * 1.2 + (hi > lo ? (v - lo) / (hi - lo) : 0.5) * top * 0.22;
    const pts = ratio.values.flatMap((v, i) => (v === null ? [] : [{ key: String(i), y: y(v), text: fmt(v, ratio.format) }]));
    const lineColor = '#111827';
    marks.push(
      Plot.line(pts, { x: 'key', y: 'y', stroke: lineColor, strokeWidth: 1.6, strokeDasharray: '5,3' }),
      Plot.dot(pts, { x: 'key', y: 'y', r: 3.5, fill: lineColor, stroke: 'white' }),
      Plot.text(pts, { x: 'key', y: 'y', text: 'text', dy: -11, fill: lineColor, fontWeight: 600, fontSize: ctx.fontSize * 0.95 }),
    );
    legend.push({ label: ratio.label, color: lineColor, shape: 'line' });
    domain = [minOf(rows.map((r) => r.value), 0), top * 1.5];
  }
  const ticks = niceTicks(top, 5).filter((v) => v <= top * 1.06);
  const svg = Plot.plot({
    ...columnFrame(ctx),
    x: { domain: keys, tickFormat: (k: string) => data.categories[Number(k)] ?? k, label: null, padding: 0.3, tickSize: 0 },
    y: domain
      ? { domain, ticks, grid: true, label: ctx.unit || null, tickFormat: axisFormat(data.format) }
      : { grid: true, nice: true, label: ctx.unit || null, tickFormat: axisFormat(data.format) },
    color,
    marks,
  });
  return { svg: asSvg(svg), legend };
}

/** Clustered bars: one group per category, one bar per series. */
export function drawGrouped(data: SeriesData, ctx: DrawContext): Drawn {
  const { Plot } = ctx;
  const rows = rowsOf(data);
  const keys = keysOf(data.categories.length);
  const color = colorScale(data.series.map((s) => s.label));
  const svg = Plot.plot({
    ...columnFrame(ctx, 24),
    fx: { domain: keys, tickFormat: (k: string) => data.categories[Number(k)] ?? k, label: null, padding: 0.12, axis: 'bottom', tickSize: 0 },
    x: { domain: color.domain, axis: null, padding: 0.08 },
    y: { grid: true, nice: true, label: ctx.unit || null, tickFormat: axisFormat(data.format) },
    color,
    marks: [
      Plot.barY(rows, { fx: 'key', x: 'series', y: 'value', fill: 'series', title: (d: Row) => `${d.category} · ${d.series}: ${d.text}` }),
      Plot.ruleY([0], { stroke: INK }),
    ],
  });
  return { svg: asSvg(svg), legend: squareLegend(color.domain, color.range) };
}

/** Lines with a dot per value (a user's line chart). */
export function drawLine(data: SeriesData, ctx: DrawContext): Drawn {
  const { Plot } = ctx;
  // An empty cell is a gap in the line, as Excel shows it (actuals stop at the last closed month).
  const rows = rowsOf(data).filter((r, i) => Number.isFinite(r.value) && data.series[i % data.series.length]?.values[Number(r.key)] !== null);
  const keys = keysOf(data.categories.length);
  const color = colorScale(data.series.map((s) => s.label));
  const dashedLabels = new Set((data.dashed ?? []).map((i) => data.series[i]?.label));
  const svg = Plot.plot({
    ...columnFrame(ctx, 16),
    x: { type: 'point', domain: keys, tickFormat: (k: string) => data.categories[Number(k)] ?? k, label: null, padding: 0.3 },
    y: { grid: true, nice: true, label: ctx.unit || null, tickFormat: axisFormat(data.format) },
    color,
    marks: [
      Plot.line(rows.filter((r) => !dashedLabels.has(r.series)), { x: 'key', y: 'value', stroke: 'series', strokeWidth: 2.2 }),
      // A forecast series continues its actuals as a dashed line.
      Plot.line(rows.filter((r) => dashedLabels.has(r.series)), { x: 'key', y: 'value', stroke: 'series', strokeWidth: 2.2, strokeDasharray: '6,4' }),
      Plot.dot(rows, { x: 'key', y: 'value', fill: 'series', r: 3.5, title: (d: Row) => `${d.category} · ${d.series}: ${d.text}` }),
    ],
  });
  return { svg: asSvg(svg), legend: color.domain.map((label, i) => ({ label, color: color.range[i], shape: 'line' as const })) };
}

/**
 * FY-vs-FY pairs: rows of the grid come in pairs (FY2025, FY2026) per group (coverage,
 * penetration, HV share); one panel per group, the earlier year as a wide light bar and the later
 * one as a narrower dark bar in front, labelled.
 */
export function drawPaired(data: PairedData, ctx: DrawContext): Drawn {
  const { Plot } = ctx;
  const keys = keysOf(data.categories.length);
  const rows = data.series.flatMap((s, si) =>
    data.categories.map((category, ci) => ({
      group: String(Math.floor(si / 2)),
      which: si % 2,
      key: keys[ci],
      category,
      value: s.values[ci] ?? 0,
      text: fmt(s.values[ci], s.cells[ci]?.format ?? data.format),
    })),
  );
  const groups = data.groups.map((_, i) => String(i));
  const panel = (ctx.width - 48) / Math.max(1, groups.length);
  const band = (panel * 0.8) / Math.max(1, data.categories.length);
  const inset = Math.max(2, band * 0.2);
  const [light, dark] = ['#b9c9ec', PALETTE[0]];
  const before = rows.filter((r) => r.which === 0);
  const after = rows.filter((r) => r.which === 1);
  const tip = (d: (typeof rows)[number]) => `${data.groups[Number(d.group)]} · ${d.category} · ${data.pair[d.which]}: ${d.text}`;
  const svg = Plot.plot({
    width: ctx.width,
    height: ctx.height,
    marginLeft: 44,
    marginTop: 26,
    marginBottom: 30,
    style: ctx.style,
    fx: { domain: groups, tickFormat: (g: string) => data.groups[Number(g)] ?? g, label: null, padding: 0.1, axis: 'top', tickSize: 0 },
    x: { domain: keys, tickFormat: (k: string) => data.categories[Number(k)] ?? k, label: null, padding: 0.2, tickSize: 0 },
    y: { grid: true, nice: true, label: null, tickFormat: axisFormat(data.format) },
    marks: [
      Plot.frame({ stroke: '#eef1f5' }),
      Plot.barY(before, { fx: 'group', x: 'key', y: 'value', fill: light, title: tip }),
      Plot.barY(after, { fx: 'group', x: 'key', y: 'value', fill: dark, insetLeft: inset, insetRight: inset, title: tip }),
      Plot.ruleY([0], { stroke: INK }),
      Plot.text(after, { fx: 'group', x: 'key', y: 'value', text: 'text', dy: -7, fill: INK, fontSize: ctx.fontSize * 0.85, fontWeight: 600 }),
    ],
  });
  return { svg: asSvg(svg), legend: [{ label: data.pair[0] ?? '', color: light }, { label: data.pair[1] ?? '', color: dark }] };
}
