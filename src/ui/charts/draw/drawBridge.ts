/**
 * Bridges and swings: the waterfall (totals from 0, deltas from the running base, dotted
 * connectors) and the tornado (bars from the base to the result at −Δ and +Δ, largest swing on top).
 */
import type { TornadoData } from '../../../model/charts/tornado';
import type { WaterfallData } from '../../../model/charts/waterfall';
import type { DrawContext, Drawn } from './plotKit';
import { INK, MUTED, NEGATIVE, PALETTE, POSITIVE, TOTAL, asSvg, axisFormat, fmt, keysOf, maxTextWidth, signed, textWidth } from './plotKit';
import { t } from '../../../i18n';
import { maxOf, minOf } from '../../../model/arrays';

const stepText = (s: WaterfallData['steps'][number], format?: string) => (s.kind === 'total' ? fmt(s.value, format) : signed(s.value, format));

/** `#,##0.00` → `#,##0` (percentages keep theirs). */
const withoutDecimals = (format?: string) => (format && !format.includes('%') ? format.replace(/#,##0\.0+/g, '#,##0') : format);

export function drawWaterfall(data: WaterfallData, ctx: DrawContext): Drawn {
  const { Plot } = ctx;
  const keys = keysOf(data.steps.length);
  const steps = data.steps.map((s, i) => ({
    ...s,
    key: keys[i],
    lo: Math.min(s.start, s.end),
    hi: Math.max(s.start, s.end),
    color: s.kind === 'total' ? TOTAL : s.value >= 0 ? POSITIVE : NEGATIVE,
    text: stepText(s, s.cell?.format ?? data.format),
  }));
  const fs = ctx.fontSize;
  const marginLeft = Math.max(60, textWidth('00,000', fs) + 12);
  const band = ((ctx.width - marginLeft - 16) / Math.max(1, steps.length)) * 0.98;
  // Value labels fit their bar: first without the decimals (noise at this width), then smaller type.
  const widest = () => Math.max(0, ...steps.map((s) => textWidth(s.text, fs)));
  if (widest() > band * 0.95) for (const s of steps) s.text = stepText(s, withoutDecimals(s.cell?.format ?? data.format));
  const valueFs = Math.max(fs * 0.7, Math.min(fs, (fs * band * 0.95) / Math.max(1, widest())));
  // Step names wrap to the width of their bar; a word longer than the bar shrinks the type to fit.
  // Still too long at 70 % (Diversification in a narrow bar): every other name one row lower, so
  // each has two bars' width.
  const longestWord = Math.max(0, ...steps.flatMap((s) => s.label.split(/\s+/).map((w) => textWidth(w, fs))));
  const stagger = longestWord * 0.7 > band * 0.9;
  const room = band * (stagger ? 1.8 : 0.9);
  const tickFs = Math.max(fs * 0.7, Math.min(fs, (fs * room) / Math.max(1, longestWord)));
  const lowered = stagger ? tickFs * 2.6 : 0;
  const tickLabel = (k: string) => steps[Number(k)]?.label ?? k;
  const axis = (ticks: string[], dy: number) => Plot.axisX(ticks, { tickFormat: tickLabel, tickSize: 0, fontSize: tickFs, lineWidth: room / tickFs, label: null, dy });
  const links = steps.slice(0, -1).map((s, i) => ({ x1: s.key, x2: steps[i + 1].key, y: s.end }));
  const svg = Plot.plot({
    width: ctx.width,
    height: ctx.height,
    // room for the widest money tick (`22,000`) at the chart's type size
    marginLeft,
    // the unit (`↑ 万元`) a line of type clear of the top tick
    marginTop: Math.max(22, ctx.fontSize * (ctx.unit ? 2.2 : 1.6)),
    marginBottom: Math.max(48, ctx.fontSize * 3.4) + lowered,
    style: ctx.style,
    x: { domain: keys, axis: null, padding: 0.22 },
    // as many ticks as the height holds at the type size (the staggered names take some of it)
    y: { grid: true, nice: true, zero: true, label: ctx.unit || null, tickFormat: axisFormat(data.format), ticks: Math.max(3, Math.floor((ctx.height - lowered - ctx.fontSize * 6) / (ctx.fontSize * 2.4))) },
    marks: [
      Plot.link(links, { x1: 'x1', x2: 'x2', y1: 'y', y2: 'y', stroke: MUTED, strokeDasharray: '3,3' }),
      Plot.barY(steps, { x: 'key', y1: 'start', y2: 'end', fill: 'color', title: (d: (typeof steps)[number]) => `${d.label}: ${d.text}` }),
      Plot.ruleY([0], { stroke: INK }),
      Plot.text(steps, { x: 'key', y: 'hi', text: 'text', dy: -8, fontWeight: 600, fill: INK, fontSize: valueFs }),
      ...(stagger ? [axis(keys.filter((_, i) => i % 2 === 0), 0), axis(keys.filter((_, i) => i % 2 === 1), lowered)] : [axis(keys, 0)]),
    ],
  });
  return {
    svg: asSvg(svg),
    legend: [
      { label: t('w.total'), color: TOTAL },
      { label: t('w.up'), color: POSITIVE },
      { label: t('w.down'), color: NEGATIVE },
    ],
  };
}

export function drawTornado(data: TornadoData, ctx: DrawContext): Drawn {
  const { Plot } = ctx;
  const labelOf = (b: TornadoData['bars'][number]) => {
    const d = b.delta && typeof b.delta.value === 'number' ? ` ±${fmt(b.delta.value, b.delta.format)}` : '';
    return `${b.label}${d}`;
  };
  const labels = data.bars.map(labelOf);
  const low = t('t.low');
  const high = t('t.high');
  const rows = data.bars.flatMap((b, i) => [
    { y: labels[i], side: low, x2: b.low, text: fmt(b.low, data.format) },
    { y: labels[i], side: high, x2: b.high, text: fmt(b.high, data.format) },
  ]);
  const xs = [data.base, ...rows.map((r) => r.x2)];
  const [min, max] = [minOf(xs), maxOf(xs)];
  const marginLeft = maxTextWidth(labels, ctx.fontSize, ctx.width * 0.42) + 12;
  const marginRight = Math.max(12, textWidth('00,000', ctx.fontSize) / 2 + 6); // the last tick is centred on the edge
  // Room beyond the longest bar on each side for its value label, so no label runs into the names.
  const plotWidth = Math.max(1, ctx.width - marginLeft - marginRight);
  const labelWidth = maxTextWidth(rows.map((r) => r.text), ctx.fontSize * 0.9) + 8;
  const range = max - min;
  const fitPad = plotWidth > 2.5 * labelWidth ? (labelWidth * range) / (plotWidth - 2 * labelWidth) : range;
  const pad = Math.max(range * 0.2, fitPad) || Math.abs(data.base) * 0.1 || 1;
  const colors = { domain: [low, high], range: ['#f28e2b', PALETTE[0]] };
  const svg = Plot.plot({
    width: ctx.width,
    height: ctx.height,
    marginLeft,
    marginRight,
    marginTop: ctx.fontSize * 1.5,
    // the unit sits centred under the ticks, not on top of the last one
    marginBottom: ctx.fontSize * 3.2,
    style: ctx.style,
    x: { domain: [min - pad, max + pad], grid: true, label: ctx.unit || null, labelAnchor: 'center', labelOffset: ctx.fontSize * 2.8, labelArrow: 'none', tickFormat: axisFormat(data.format), ticks: 5 },
    y: { domain: labels, label: null, padding: 0.25, tickSize: 0 },
    color: colors,
    marks: [
      Plot.barX(rows, { y: 'y', x1: data.base, x2: 'x2', fill: 'side', title: (d: (typeof rows)[number]) => `${d.y} ${d.side}: ${d.text}` }),
      Plot.ruleX([data.base], { stroke: INK, strokeWidth: 1.5 }),
      Plot.text(rows.filter((r) => r.x2 < data.base), { y: 'y', x: 'x2', text: 'text', textAnchor: 'end', dx: -4, fill: INK, fontSize: ctx.fontSize * 0.9 }),
      Plot.text(rows.filter((r) => r.x2 >= data.base), { y: 'y', x: 'x2', text: 'text', textAnchor: 'start', dx: 4, fill: INK, fontSize: ctx.fontSize * 0.9 }),
      Plot.text([data.base], { x: (d: number) => d, frameAnchor: 'top', dy: -16, text: () => t('t.base', { v: fmt(data.base, data.format) }), fontWeight: 600, fill: INK }),
    ],
  });
  return { svg: asSvg(svg), legend: colors.domain.map((label, i) => ({ label, color: colors.range[i] })) };
}
