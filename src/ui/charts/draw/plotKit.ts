/**
 * What every chart drawing shares: the lazily loaded Plot module, the drawing context (size,
 * language, number formatting from the cells' own formats, units), palette and small helpers.
 * Plot is imported with `import()` only, so it lands in its own chunk and the app shell stays small.
 */
import type * as PlotNS from '@observablehq/plot';
import type { Locale } from '../../../model/notebook';
import { formatNumber } from '../../../i18n/numberFormat';
import { t } from '../../../i18n';
import { maxOf } from '../../../model/arrays';

export type PlotModule = typeof PlotNS;

let plotPromise: Promise<PlotModule> | null = null;

/** Plot, loaded on first use (one chunk, fetched once). */
export function loadPlot(): Promise<PlotModule> {
  plotPromise ??= import('@observablehq/plot');
  return plotPromise;
}

export interface LegendEntry {
  label: string;
  color: string;
  /** How the swatch is drawn: a filled square (bars), a line, a dot, a dashed rule. */
  shape?: 'square' | 'line' | 'dot' | 'rule';
}

export interface Drawn {
  svg: SVGSVGElement;
  legend: LegendEntry[];
}

export interface DrawContext {
  Plot: PlotModule;
  width: number;
  height: number;
  locale: Locale;
  /** Presenter view: bigger type and marks. */
  large: boolean;
  /** The unit of the chart's money axis, in the UI language ('万元'), or ''. */
  unit: string;
  fontSize: number;
  style: Partial<CSSStyleDeclaration>;
}

export const FONT_FAMILY = 'system-ui, -apple-system, "Segoe UI", "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif';

export const INK = '#1d2430';
export const MUTED = '#667085';
export const PALETTE = ['#3867d6', '#f28e2b', '#20a37b', '#a463c9', '#e05260', '#4bb3c8', '#9c8a4a', '#ff9da7'];
export const POSITIVE = '#2f9e6b';
export const NEGATIVE = '#d9534f';
export const TOTAL = '#4a5568';
export const WARN = '#b26a00';

export function createContext(Plot: PlotModule, width: number, height: number, locale: Locale, large: boolean, unitKey: string | undefined): DrawContext {
  // Presenter: 22 px, so that the smallest labels (0.85 em) stay ≥ 18 px on a 1920×1080 projector.
  const fontSize = large ? 22 : 12;
  return {
    Plot,
    width,
    height,
    locale,
    large,
    unit: unitKey ? t(`unit.${unitKey}`) : '',
    fontSize,
    style: { fontFamily: FONT_FAMILY, fontSize: `${fontSize}px`, color: INK, background: 'transparent', overflow: 'visible' },
  };
}

/** A value as its cell shows it (the cell's format), '' for nothing. */
/** Size, margins and style of a column chart with a money axis on the left (the usual frame). */
export function columnFrame(ctx: DrawContext, marginTop = 22) {
  // The unit (`↑ 万元`) sits above the axis: a line of type clear of the top tick.
  const top = ctx.unit ? Math.max(marginTop, ctx.fontSize * 2.2) : marginTop;
  return { width: ctx.width, height: ctx.height, marginLeft: Math.max(56, textWidth('00,000', ctx.fontSize) + 12), marginTop: top, marginBottom: Math.max(30, ctx.fontSize * 1.8), style: ctx.style };
}

export function fmt(v: number | null | undefined, code?: string): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '';
  return formatNumber(v, code || undefined);
}

/**
 * Number formats for a projector: money with two decimals (`#,##0.00"万元"`) loses them — on a
 * screen across the room `8,546.52` is noise where `8,547` is the figure; percentages keep theirs.
 * Applied to every `format` field of a chart's data when the chart is drawn large.
 */
export function projectorFormats<T>(data: T): T {
  // a format is a `format` / `…Format` field, or any entry of a `formats` map
  const isFormat = (key?: string) => !!key && (key === 'format' || key.endsWith('Format') || key === 'formats');
  const walk = (v: unknown, format: boolean): unknown => {
    if (typeof v === 'string') return format && !v.includes('%') ? v.replace(/#,##0\.0+/g, '#,##0') : v;
    if (Array.isArray(v)) return v.map((x) => walk(x, false));
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, format || isFormat(k))]));
    return v;
  };
  return walk(data, false) as T;
}

/** Axis ticks: the cell's kind of number without its decimals (`#,##0.00` → `#,##0`, `0.0%` → `0%`). */
export function axisFormat(code?: string): (v: number) => string {
  const pct = !!code && code.includes('%');
  return (v: number) => formatNumber(v, pct ? '0%' : '#,##0');
}

/** A signed delta for labels (`+1,140.00`, `−475.00`). */
export function signed(v: number, code?: string): string {
  const text = fmt(Math.abs(v), code);
  return v < 0 ? `−${text}` : `+${text}`;
}

/** A rough text width in pixels (CJK ≈ 1 em, others ≈ 0.6 em), for margins that fit labels. */
export function textWidth(text: string, fontSize: number): number {
  let w = 0;
  for (const ch of text) w += /[\u2E80-\u9FFF\uFF00-\uFFEF]/.test(ch) ? fontSize : fontSize * 0.6;
  return w;
}

export function maxTextWidth(texts: string[], fontSize: number, cap = 220): number {
  return Math.min(cap, maxOf(texts.map((x) => textWidth(x, fontSize)), 0));
}

/** Index keys for band scales, so repeated labels stay separate bars. */
export const keysOf = (n: number): string[] => Array.from({ length: n }, (_, i) => String(i));

/** Up to `count` round tick values from 0 to `max`. */
export function niceTicks(max: number, count = 4): number[] {
  if (!(max > 0)) return [0];
  const raw = max / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let v = 0; v <= max + step * 1e-9; v += step) out.push(Number(v.toPrecision(12)));
  return out;
}

/** Colours for keys in order of first appearance (regions, series). */
export function colorScale(keys: readonly string[]): { domain: string[]; range: string[] } {
  const domain = [...new Set(keys)];
  return { domain, range: domain.map((_, i) => PALETTE[i % PALETTE.length]) };
}

export function asSvg(node: Element): SVGSVGElement {
  if (node instanceof SVGSVGElement) return node;
  const svg = node.querySelector('svg');
  if (!svg) throw new Error('Plot returned no SVG');
  return svg;
}
