/**
 * The bonus plan's pictures: the payout curve with its threshold jump, target, accelerator and
 * cap marked and the reps as dots at their attainment; and a bullet of projected payout against
 * the budget and the Σ target incentive.
 */
import type { BulletData } from '../../../model/charts/bullet';
import type { PayoutData } from '../../../model/charts/payout';
import type { DrawContext, Drawn } from './plotKit';
import { INK, MUTED, NEGATIVE, PALETTE, WARN, asSvg, axisFormat, fmt, textWidth } from './plotKit';
import { t } from '../../../i18n';
import { maxOf } from '../../../model/arrays';

const PCT = '0%';

export function drawPayout(data: PayoutData, ctx: DrawContext): Drawn {
  const { Plot } = ctx;
  const p = data.params;
  const f = data.format ?? '0.0%';
  const yMax = maxOf([...data.reps.map((r) => r.y), ...data.curve.map((c) => c.y)], p.cap) * 1.12 || 1;
  const curveColor = PALETTE[0];
  const repColor = '#f28e2b';
  const cap = data.capAt !== undefined && data.capAt < data.xMax ? [{ x: data.capAt, y: p.cap }] : [];
  const svg = Plot.plot({
    width: ctx.width,
    height: ctx.height,
    // margins and tick counts from the type size, so that the projector's 22 px ticks neither touch nor clip
    // the widest tick (`220%`: the % sign is wider than a digit) and the tick's own gap
    marginLeft: Math.max(52, textWidth('2200%', ctx.fontSize) + 16),
    marginTop: Math.max(18, ctx.fontSize * 1.4),
    marginBottom: Math.max(40, ctx.fontSize * 3.2),
    marginRight: 16,
    style: ctx.style,
    x: { domain: [data.xMin, data.xMax], grid: true, label: t('p.attain'), tickFormat: (v: number) => fmt(v, PCT), labelAnchor: 'center', labelArrow: 'none', labelOffset: Math.max(34, ctx.fontSize * 2.8), ticks: Math.max(3, Math.floor(ctx.width / (textWidth('100%', ctx.fontSize) * 2.2))) },
    y: { domain: [0, yMax], grid: true, label: t('p.payout'), tickFormat: (v: number) => fmt(v, PCT), labelArrow: 'none', ticks: Math.max(3, Math.floor(ctx.height / (ctx.fontSize * 2.4))) },
    marks: [
      Plot.ruleX([p.threshold], { stroke: WARN, strokeDasharray: '4,3' }),
      Plot.ruleX([p.target], { stroke: MUTED, strokeDasharray: '4,3' }),
      Plot.ruleY([p.cap], { stroke: NEGATIVE, strokeDasharray: '4,3', strokeOpacity: 0.8 }),
      Plot.ruleY([0], { stroke: INK }),
      Plot.line(data.curve, { x: 'x', y: 'y', stroke: curveColor, strokeWidth: ctx.large ? 4 : 2.6 }),
      Plot.dot(data.table, { x: 'x', y: 'y', r: 2.2, fill: curveColor, fillOpacity: 0.5 }),
      Plot.dot(data.reps, {
        x: 'x',
        y: 'y',
        r: ctx.large ? 8 : 5,
        fill: repColor,
        stroke: 'white',
        strokeWidth: 1.2,
        title: (d: PayoutData['reps'][number]) => `${d.label}: ${fmt(d.x, f)} → ${fmt(d.y, f)}`,
      }),
      // labels sit under the curve (the empty side), right of the points they name
      Plot.text([{ x: p.threshold, y: Math.min(p.atThreshold, p.cap) }], { x: 'x', y: 'y', dx: 6, dy: 14, textAnchor: 'start', text: () => t('p.threshold', { a: fmt(p.threshold, f), p: fmt(p.atThreshold, f) }), fill: WARN, fontWeight: 600 }),
      p.target > p.threshold
        ? Plot.text([{ x: p.target, y: Math.min(1, p.cap) }], { x: 'x', y: 'y', dx: 6, dy: 14, textAnchor: 'start', text: () => t('p.target', { a: fmt(p.target, f), p: fmt(1, f) }), fill: MUTED, fontWeight: 600 })
        : null,
      Plot.text(cap, { x: () => data.xMax, y: 'y', dy: -9, textAnchor: 'end', text: () => t('p.cap', { p: fmt(p.cap, f), a: fmt(data.capAt, f) }), fill: NEGATIVE, fontWeight: 600 }),
    ],
  });
  return {
    svg: asSvg(svg),
    legend: [
      { label: t('p.curve'), color: curveColor, shape: 'line' },
      { label: t('p.reps'), color: repColor, shape: 'dot' },
    ],
  };
}

export function drawBullet(data: BulletData, ctx: DrawContext): Drawn {
  const { Plot } = ctx;
  const max = Math.max(data.value, data.budget, data.target) * 1.15 || 1;
  const h = ctx.height;
  const over = data.value > data.budget;
  const valueColor = over ? NEGATIVE : PALETTE[0];
  const budgetColor = '#dfe5ee';
  const targetColor = INK;
  const lines = [
    { x: data.budget, text: `${t('b.budget')} ${fmt(data.budget, data.format)}`, dy: -h * 0.27, fill: MUTED },
    { x: data.value, text: `${t('b.projected')} ${fmt(data.value, data.format)} (${fmt(data.budget ? data.value / data.budget : 0, '0.0%')})`, dy: 0, fill: INK },
    { x: data.target, text: `${t('b.target')} ${fmt(data.target, data.format)}`, dy: h * 0.27, fill: INK },
  ];
  // A label goes on the side of its mark that has room for it (the target's to the right, unless
  // the rule is near the end).
  const plotWidth = Math.max(1, ctx.width - 40);
  const fits = (x: number, text: string, side: 'start' | 'end') => {
    const room = side === 'start' ? (1 - x / max) * plotWidth : (x / max) * plotWidth;
    return textWidth(text, ctx.fontSize) + 10 <= room;
  };
  const budgetSide = fits(data.budget, lines[0].text, 'end') ? 'end' : 'start';
  const targetSide = fits(data.target, lines[2].text, 'start') ? 'start' : 'end';
  const svg = Plot.plot({
    width: ctx.width,
    height: ctx.height,
    marginLeft: 16,
    marginRight: 24,
    marginTop: 16,
    marginBottom: 40,
    style: ctx.style,
    x: { domain: [0, max], grid: true, label: ctx.unit || null, tickFormat: axisFormat(data.format), labelAnchor: 'right' },
    y: { axis: null, domain: [0, 1] },
    marks: [
      Plot.rectX([data.budget], { x1: 0, x2: (d: number) => d, y1: 0.22, y2: 0.78, fill: budgetColor }),
      Plot.rectX([data.value], { x1: 0, x2: (d: number) => d, y1: 0.38, y2: 0.62, fill: valueColor }),
      Plot.ruleX([data.target], { y1: 0.12, y2: 0.88, stroke: targetColor, strokeWidth: 3 }),
      Plot.text(lines.slice(0, 1), { x: 'x', y: 0.5, dy: lines[0].dy, text: 'text', textAnchor: budgetSide, dx: budgetSide === 'end' ? -4 : 4, fill: MUTED, fontWeight: 600 }),
      data.value / max > 0.5
        ? Plot.text(lines.slice(1, 2), { x: 'x', y: 0.5, text: 'text', textAnchor: 'end', dx: -8, fill: '#ffffff', fontWeight: 700 })
        : Plot.text(lines.slice(1, 2), { x: 'x', y: 0.5, text: 'text', textAnchor: 'start', dx: 8, fill: valueColor, fontWeight: 700 }),
      Plot.text(lines.slice(2, 3), { x: 'x', y: 0.5, dy: lines[2].dy, text: 'text', textAnchor: targetSide, dx: targetSide === 'start' ? 6 : -6, fill: INK, fontWeight: 600 }),
    ],
  });
  return {
    svg: asSvg(svg),
    legend: [
      { label: t('b.projected'), color: valueColor },
      { label: t('b.budget'), color: budgetColor },
      { label: t('b.target'), color: targetColor, shape: 'rule' },
    ],
  };
}
