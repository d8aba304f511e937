/**
 * The panel's charts as plain SVG (no chart library in this lazy chunk): tornado, histogram with
 * percentile lines, waterfall, line, and a colour scale for two-way tables. Each takes numbers and
 * a formatter and draws at a fixed width; text is set as text nodes, never as HTML.
 */
import { For, Show } from 'solid-js';
import type { JSX } from 'solid-js';
import type { HistogramBin, TornadoBar } from '../../model/whatif';
import { maxOf, minOf } from '../../model/arrays';

const W = 400;
const LOW = '#c2410c';
const HIGH = '#1f6feb';
const UP = '#12813c';
const DOWN = '#c62828';
const MUTED = '#667085';

function extent(xs: number[]): [number, number] {
  const f = xs.filter((x) => Number.isFinite(x));
  if (f.length === 0) return [0, 1];
  let a = minOf(f);
  let b = maxOf(f);
  if (a === b) {
    const pad = Math.abs(a) * 0.05 || 1;
    a -= pad;
    b += pad;
  }
  return [a, b];
}

const scale = (d: [number, number], r: [number, number]) => (x: number) => r[0] + ((x - d[0]) / (d[1] - d[0])) * (r[1] - r[0]);

/** Shortens text to about `px` pixels at 11 px type (CJK characters count double). */
function fit(text: string, px: number): string {
  const units = Math.floor(px / 6.2);
  let used = 0;
  for (let i = 0; i < text.length; i++) {
    used += text.charCodeAt(i) > 0x2e80 ? 2 : 1;
    if (used > units) return `${text.slice(0, Math.max(1, i - 1))}…`;
  }
  return text;
}

/** Bars from the output at the low end to the output at the high end, around the base line. */
export function TornadoChart(props: { bars: TornadoBar[]; base: number | null; format: (v: number) => string }): JSX.Element {
  const row = 22;
  const left = 130;
  const bars = () => props.bars.filter((b) => b.low !== null && b.high !== null);
  const x = () => scale(extent([...bars().flatMap((b) => [b.low as number, b.high as number]), props.base ?? Number.NaN]), [left + 4, W - 8]);
  const height = () => bars().length * row + 34;
  return (
    <svg class="whatif-chart" data-chart-kind="tornado" viewBox={`0 0 ${W} ${height()}`} width="100%" role="img">
      <For each={bars()}>
        {(b, i) => {
          const y = () => 8 + i() * row;
          const lo = () => x()(b.low as number);
          const hi = () => x()(b.high as number);
          const mid = () => x()(props.base ?? ((b.low as number) + (b.high as number)) / 2);
          return (
            <g>
              <text x={left - 4} y={y() + 14} text-anchor="end" font-size="11" fill="#1d2430">{fit(b.label, left - 8)}<title>{b.label}</title></text>
              <rect x={Math.min(lo(), mid())} y={y() + 3} width={Math.max(1, Math.abs(mid() - lo()))} height={row - 6} fill={LOW} opacity="0.85" />
              <rect x={Math.min(hi(), mid())} y={y() + 3} width={Math.max(1, Math.abs(hi() - mid()))} height={row - 6} fill={HIGH} opacity="0.85" />
            </g>
          );
        }}
      </For>
      <Show when={props.base !== null}>
        <line x1={x()(props.base as number)} x2={x()(props.base as number)} y1={4} y2={height() - 24} stroke="#1d2430" stroke-width="1" />
        <text x={x()(props.base as number)} y={height() - 10} text-anchor="middle" font-size="11" fill="#1d2430">{props.format(props.base as number)}</text>
      </Show>
      <text x={left + 4} y={height() - 10} font-size="10" fill={LOW}>■ −Δ</text>
      <text x={W - 8} y={height() - 10} text-anchor="end" font-size="10" fill={HIGH}>+Δ ■</text>
    </svg>
  );
}

/** Counts per bin, with the P10 / P50 / P90 lines and the base value. */
export interface HistogramMark {
  label: string;
  value: number | null;
  color?: string;
  /** Which side of its line the label sits on, and in which of two rows (0 top). */
  side?: 'left' | 'right' | 'middle';
  row?: 0 | 1;
}

export function HistogramChart(props: { bins: HistogramBin[]; marks: HistogramMark[]; format: (v: number) => string }): JSX.Element {
  const H = 160;
  const top = 30;
  const bottom = 22;
  const x = () => scale(extent([...props.bins.flatMap((b) => [b.x0, b.x1]), ...props.marks.map((m) => m.value ?? Number.NaN)]), [8, W - 8]);
  const maxCount = () => maxOf(props.bins.map((b) => b.count), 1);
  const y = (c: number) => H - bottom - (c / maxCount()) * (H - top - bottom);
  return (
    <svg class="whatif-chart" data-chart-kind="histogram" viewBox={`0 0 ${W} ${H}`} width="100%" role="img">
      <For each={props.bins}>
        {(b) => {
          const x0 = () => x()(b.x0);
          const w = () => Math.max(1, x()(b.x1) - x()(b.x0) - 1);
          return <rect x={x0()} y={y(b.count)} width={props.bins.length === 1 ? 6 : w()} height={H - bottom - y(b.count)} fill="#93b4f0" />;
        }}
      </For>
      <line x1={8} x2={W - 8} y1={H - bottom} y2={H - bottom} stroke={MUTED} />
      <For each={props.marks.filter((m) => m.value !== null)}>
        {(m) => {
          const at = () => x()(m.value as number);
          const dx = m.side === 'left' ? -3 : m.side === 'right' ? 3 : 0;
          const anchor = m.side === 'left' ? 'end' : m.side === 'right' ? 'start' : 'middle';
          return (
            <g>
              <line x1={at()} x2={at()} y1={top - 4} y2={H - bottom} stroke={m.color ?? '#1d2430'} stroke-dasharray={m.color ? '3 2' : undefined} />
              <text x={at() + dx} y={m.row ? top - 6 : 11} text-anchor={anchor} font-size="10" fill={m.color ?? '#1d2430'}>{m.label}</text>
            </g>
          );
        }}
      </For>
      <text x={8} y={H - 6} font-size="10" fill={MUTED}>{props.bins.length ? props.format(props.bins[0].x0) : ''}</text>
      <text x={W - 8} y={H - 6} text-anchor="end" font-size="10" fill={MUTED}>{props.bins.length ? props.format(props.bins[props.bins.length - 1].x1) : ''}</text>
    </svg>
  );
}

/** Start bar, one floating bar per step (green up, red down), end bar. */
export function WaterfallChart(props: { start: number; end: number; steps: { label: string; delta: number }[]; startLabel: string; endLabel: string; format: (v: number) => string }): JSX.Element {
  const H = 190;
  const bottom = 46;
  const levels = () => {
    let run = props.start;
    return props.steps.map((s) => {
      const from = run;
      run += s.delta;
      return { ...s, from, to: run };
    });
  };
  // The changes are small next to the totals: the axis spans the levels (padded), not zero to
  // the top, and the two totals stand on its floor.
  const domain = (): [number, number] => {
    const [a, b] = extent([props.start, props.end, ...levels().flatMap((l) => [l.from, l.to])]);
    const pad = (b - a) * 0.6;
    return [a - pad, b + pad * 0.4];
  };
  const y = () => scale(domain(), [H - bottom, 14]);
  const n = () => props.steps.length + 2;
  const bw = () => Math.min(40, (W - 40) / n() - 4);
  const cx = (i: number) => 32 + ((W - 40) / n()) * (i + 0.5);
  const label = (text: string, i: number) => (
    <text x={cx(i)} y={H - bottom + 12} font-size="9" fill="#1d2430" text-anchor="end" transform={`rotate(-30 ${cx(i)} ${H - bottom + 12})`}>{text.length > 16 ? `${text.slice(0, 15)}…` : text}</text>
  );
  const bar = (from: number, to: number, i: number, color: string) => (
    <rect x={cx(i) - bw() / 2} y={Math.min(y()(from), y()(to))} width={bw()} height={Math.max(1, Math.abs(y()(to) - y()(from)))} fill={color} />
  );
  return (
    <svg class="whatif-chart" data-chart-kind="waterfall" viewBox={`0 0 ${W} ${H}`} width="100%" role="img">
      {bar(domain()[0], props.start, 0, '#667085')}
      {label(props.startLabel, 0)}
      <For each={levels()}>
        {(l, i) => (
          <g>
            {bar(l.from, l.to, i() + 1, l.delta >= 0 ? UP : DOWN)}
            {label(l.label, i() + 1)}
          </g>
        )}
      </For>
      {bar(domain()[0], props.end, n() - 1, '#1d2430')}
      {label(props.endLabel, n() - 1)}
      <text x={cx(0)} y={y()(props.start) - 3} font-size="9" text-anchor="middle" fill="#1d2430">{props.format(props.start)}</text>
      <text x={cx(n() - 1)} y={y()(props.end) - 3} font-size="9" text-anchor="middle" fill="#1d2430">{props.format(props.end)}</text>
    </svg>
  );
}

/** One series over the input values (a one-way data table's first output). */
export function LineChart(props: { xs: number[]; ys: (number | null)[]; baseX?: number; formatX: (v: number) => string; formatY: (v: number) => string }): JSX.Element {
  const H = 150;
  const x = () => scale(extent(props.xs), [40, W - 10]);
  const y = () => scale(extent(props.ys.map((v) => v ?? Number.NaN)), [H - 24, 10]);
  const path = () =>
    props.xs
      .map((xv, i) => (props.ys[i] === null ? null : `${x()(xv).toFixed(1)},${y()(props.ys[i] as number).toFixed(1)}`))
      .filter(Boolean)
      .join(' L');
  const ys = () => props.ys.filter((v): v is number => v !== null);
  return (
    <svg class="whatif-chart" data-chart-kind="line" viewBox={`0 0 ${W} ${H}`} width="100%" role="img">
      <path d={`M${path()}`} fill="none" stroke={HIGH} stroke-width="2" />
      <For each={props.xs}>{(xv, i) => (props.ys[i()] === null ? null : <circle cx={x()(xv)} cy={y()(props.ys[i()] as number)} r="2.5" fill={HIGH} />)}</For>
      <Show when={props.baseX !== undefined}>
        <line x1={x()(props.baseX as number)} x2={x()(props.baseX as number)} y1={8} y2={H - 24} stroke={MUTED} stroke-dasharray="3 2" />
      </Show>
      <text x={40} y={H - 8} font-size="10" fill={MUTED}>{props.xs.length ? props.formatX(props.xs[0]) : ''}</text>
      <text x={W - 10} y={H - 8} font-size="10" text-anchor="end" fill={MUTED}>{props.xs.length ? props.formatX(props.xs[props.xs.length - 1]) : ''}</text>
      <Show when={ys().length}>
        <text x={4} y={14} font-size="10" fill={MUTED}>{props.formatY(maxOf(ys()))}</text>
        <text x={4} y={H - 26} font-size="10" fill={MUTED}>{props.formatY(minOf(ys()))}</text>
      </Show>
    </svg>
  );
}

/** A light-to-dark background for a value within [min, max] (two-way tables as heatmaps). */
export function heat(v: number | null, min: number, max: number): string {
  if (v === null || !(max > min)) return 'transparent';
  const t = (v - min) / (max - min);
  return `rgba(31, 111, 235, ${(0.08 + 0.5 * t).toFixed(3)})`;
}
