/**
 * The Ansoff 2×2 as consultants draw it (products down the side, markets across the top; four
 * tiles shaded by planned revenue and labelled with share of gap, cost, probability and risk),
 * and top-down vs bottom-up bars per region inside the ± alert band.
 */
import type { AnsoffTile } from '../../../model/charts/ansoff';
import type { TdBuRow } from '../../../model/charts/tdbu';
import type { DrawContext, Drawn } from './plotKit';
import { FONT_FAMILY, INK, MUTED, NEGATIVE, PALETTE, asSvg, axisFormat, fmt, columnFrame, textWidth } from './plotKit';
import { t } from '../../../i18n';
import { maxOf } from '../../../model/arrays';

const SVG_NS = 'http://www.w3.org/2000/svg';

function el<K extends keyof SVGElementTagNameMap>(name: K, attrs: Record<string, string | number>, parent?: Element): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG_NS, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  parent?.append(node);
  return node;
}

function text(parent: Element, x: number, y: number, content: string, attrs: Record<string, string | number> = {}): SVGTextElement {
  const node = el('text', { x, y, ...attrs }, parent);
  node.textContent = content; // cell text is text, never markup
  return node;
}

/** Blue shades from light to dark by planned revenue. */
function shade(share: number): string {
  const light = [232, 239, 252];
  const dark = [40, 84, 190];
  const k = Math.max(0, Math.min(1, share));
  return `rgb(${light.map((c, i) => Math.round(c + (dark[i] - c) * k)).join(',')})`;
}

export function drawAnsoff(data: { tiles: AnsoffTile[]; formats: Record<string, string | undefined> }, ctx: DrawContext): Drawn {
  const { width: W, height: H, fontSize: fs } = ctx;
  const svg = el('svg', { xmlns: SVG_NS, width: W, height: H, viewBox: `0 0 ${W} ${H}`, 'font-family': FONT_FAMILY, 'font-size': fs });
  svg.style.fontFamily = FONT_FAMILY;
  svg.style.fontSize = `${fs}px`;
  const left = fs * 2.2;
  const top = fs * 2;
  const gap = 6;
  const tw = (W - left - gap) / 2;
  const th = (H - top - gap) / 2;
  const max = maxOf(data.tiles.map((x) => x.planned), 1e-9);
  // axis headings: markets across the top, products down the side (rotated)
  [t('a.existingMarket'), t('a.newMarket')].forEach((label, c) =>
    text(svg, left + c * (tw + gap) + tw / 2, fs * 1.3, label, { 'text-anchor': 'middle', fill: MUTED, 'font-weight': 600 }),
  );
  [t('a.existingProduct'), t('a.newProduct')].forEach((label, r) => {
    const cy = top + r * (th + gap) + th / 2;
    text(svg, fs * 1.2, cy, label, { 'text-anchor': 'middle', fill: MUTED, 'font-weight': 600, transform: `rotate(-90 ${fs * 1.2} ${cy})` });
  });
  for (const tile of data.tiles) {
    const x = left + tile.col * (tw + gap);
    const y = top + tile.row * (th + gap);
    const k = tile.planned / max;
    const g = el('g', { 'data-quadrant': tile.label }, svg);
    el('rect', { x, y, width: tw, height: th, rx: 8, fill: shade(0.15 + 0.85 * k) }, g);
    const ink = k > 0.45 ? '#ffffff' : INK;
    const soft = k > 0.45 ? 'rgba(255,255,255,0.85)' : MUTED;
    const pad = fs * 0.9;
    const line = fs * 1.45;
    text(g, x + pad, y + pad + fs, tile.label, { fill: ink, 'font-weight': 700 });
    text(g, x + pad, y + pad + fs + line * 1.35, fmt(tile.planned, data.formats.planned), { fill: ink, 'font-weight': 700, 'font-size': fs * 1.7 });
    text(g, x + pad, y + pad + fs + line * 2.35, `${fmt(tile.share, data.formats.share)} ${t('a.ofGap')}`, { fill: soft });
    // The detail line fits the tile: smaller type down to 70 %, then two lines.
    const room = tw - 2 * pad;
    const cost = `${t('a.cost')} ${fmt(tile.cost, data.formats.cost)}`;
    const rest = `${t('a.prob')} ${fmt(tile.prob, data.formats.prob)} · ${t('a.risk')} ${tile.risk}`;
    const detail = `${cost} · ${rest}`;
    const small = fs * 0.92;
    const fitted = Math.min(small, (small * room) / Math.max(1, textWidth(detail, small)));
    if (fitted >= fs * 0.7) text(g, x + pad, y + th - pad, detail, { fill: soft, 'font-size': fitted });
    else {
      const two = Math.min(small, (small * room) / Math.max(1, textWidth(cost, small), textWidth(rest, small)));
      text(g, x + pad, y + th - pad - two * 1.25, cost, { fill: soft, 'font-size': two });
      text(g, x + pad, y + th - pad, rest, { fill: soft, 'font-size': two });
    }
  }
  return { svg, legend: [] };
}

export function drawTdBu(data: { rows: TdBuRow[]; band: number; format?: string; devFormat?: string }, ctx: DrawContext): Drawn {
  const { Plot } = ctx;
  const td = t('td.td');
  const bu = t('td.bu');
  const groups = data.rows.map((_, i) => String(i));
  const rows = data.rows.flatMap((r, i) => [
    { g: groups[i], kind: td, value: r.td, text: fmt(r.td, data.format), label: r.label },
    { g: groups[i], kind: bu, value: r.bu, text: fmt(r.bu, data.format), label: r.label },
  ]);
  const bands = data.rows.map((r, i) => ({ g: groups[i], y1: r.td * (1 - data.band), y2: r.td * (1 + data.band) }));
  const devs = data.rows.map((r, i) => ({ g: groups[i], text: `${r.dev > 0 ? '+' : ''}${fmt(r.dev, data.devFormat ?? '0.0%')}${r.alert ? ' ⚠' : ''}`, alert: r.alert }));
  const max = maxOf([...rows.map((r) => r.value), ...bands.map((b) => b.y2)], 0);
  const colors = { domain: [td, bu], range: [PALETTE[0], '#f28e2b'] };
  const bandColor = '#fbe7c6';
  const svg = Plot.plot({
    ...columnFrame(ctx),
    fx: { domain: groups, tickFormat: (g: string) => data.rows[Number(g)]?.label ?? g, label: null, padding: 0.14, axis: 'bottom', tickSize: 0 },
    x: { domain: colors.domain, axis: null, padding: 0.12 },
    y: { domain: [0, max * 1.12], grid: true, label: ctx.unit || null, tickFormat: axisFormat(data.format) },
    color: colors,
    marks: [
      data.band > 0 ? Plot.rectY(bands, { fx: 'g', y1: 'y1', y2: 'y2', fill: bandColor }) : null,
      Plot.barY(rows, { fx: 'g', x: 'kind', y: 'value', fill: 'kind', title: (d: (typeof rows)[number]) => `${d.label} · ${d.kind}: ${d.text}` }),
      Plot.ruleY([0], { stroke: INK }),
      Plot.text(devs.filter((d) => !d.alert), { fx: 'g', frameAnchor: 'top', dy: 8, text: 'text', fill: INK, fontWeight: 600 }),
      Plot.text(devs.filter((d) => d.alert), { fx: 'g', frameAnchor: 'top', dy: 8, text: 'text', fill: NEGATIVE, fontWeight: 700 }),
    ],
  });
  return {
    svg: asSvg(svg),
    legend: [
      { label: td, color: colors.range[0] },
      { label: bu, color: colors.range[1] },
      ...(data.band > 0 ? [{ label: t('td.band', { b: fmt(data.band, '0%') }), color: bandColor }] : []),
    ],
  };
}
