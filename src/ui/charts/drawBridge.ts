/**
 * Bridges and swings: the waterfall (totals from 0, deltas from the running base, dotted
 * connectors) and the tornado (bars from the base to the result at −Δ and +Δ, largest swing on top).
 */
import type { TornadoData, WaterfallData } from '../../model/layout';
import type { DrawContext, Drawn } from './plotKit';
import { INK, MUTED, NEGATIVE, PALETTE, POSITIVE, TOTAL, asSvg, axisFormat, fmt, keysOf, maxTextWidth, signed, textWidth } from './plotKit';
import { t } from '../../i18n';
import { maxOf, minOf } from '../../model/arrays';

export function drawWaterfall(data: WaterfallData, ctx: DrawContext): Drawn {
  const { Plot } = ctx;
  const keys = keysOf(data.steps.length);
  const steps = data.steps.map((s, i) => ({
    ...s,
    key: keys[i],
    lo: Math.min(s.start, s.end),
    hi: Math.max(s.start, s.end),
    color: s.kind === 'total' ? TOTAL : s.value >= 0 ? POSITIVE : NEGATIVE,
    text: s.kind === 'total' ? fmt(s.value, s.cell?.format ?? data.format) : signed(s.value, s.cell?.format ?? data.format),
  }));
  // labels wrap to the width of their bar (in ems), so long step names never collide
  const marginLeft = Math.max(60, textWidth('00,000', ctx.fontSize) + 12);
  const band = ((ctx.width - marginLeft - 16) / Math.max(1, steps.length)) * 0.98;
  const links = steps.slice(0, -1).map((s, i) => ({ x1: s.key, x2: steps[i + 1].key, y: s.end }));
  const svg = Plot.plot({
    width: ctx.width,
    height: ctx.height,
    // room for the widest money tick (`22,000`) at the chart's type size
    marginLeft,
    marginTop: Math.max(22, ctx.fontSize * 1.6),
    marginBottom: Math.max(48, ctx.fontSize * 3.4),
    style: ctx.style,
    x: { domain: keys, axis: null, padding: 0.22 },
    y: { grid: true, nice: true, zero: true, label: ctx.unit || null, tickFormat: axisFormat(data.format) },
    marks: [
      Plot.link(links, { x1: 'x1', x2: 'x2', y1: 'y', y2: 'y', stroke: MUTED, strokeDasharray: '3,3' }),
      Plot.barY(steps, { x: 'key', y1: 'start', y2: 'end', fill: 'color', title: (d: (typeof steps)[number]) => `${d.label}: ${d.text}` }),
      Plot.ruleY([0], { stroke: INK }),
      Plot.text(steps, { x: 'key', y: 'hi', text: 'text', dy: -8, fontWeight: 600, fill: INK }),
      Plot.axisX({ tickFormat: (k: string) => steps[Number(k)]?.label ?? k, tickSize: 0, lineWidth: (band * 0.8) / ctx.fontSize, label: null }),
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
  const pad = (max - min) * 0.2 || Math.abs(data.base) * 0.1 || 1;
  const colors = { domain: [low, high], range: ['#f28e2b', PALETTE[0]] };
  const svg = Plot.plot({
    width: ctx.width,
    height: ctx.height,
    marginLeft: maxTextWidth(labels, ctx.fontSize) + 12,
    marginRight: Math.max(12, textWidth('00,000', ctx.fontSize) / 2 + 6), // the last tick is centred on the edge
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
