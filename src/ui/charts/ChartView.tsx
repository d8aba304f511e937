/**
 * One chart of the layout, live: its data is a memo over exactly the cells it binds, so an edit
 * re-extracts only the charts whose cells changed; when the data (or size, or language) really
 * changed, the drawing is redone in the next animation frame after the engine has answered (see
 * `scheduler.ts`) by replacing the SVG in place — the card, its menu and the page around it stay.
 *
 * The root carries `data-chart="<item id>"`, `data-kind`, and `data-renders` (how many times it
 * has been drawn) and `data-draw-ms` (how long the last drawing took), for tests and the bench.
 * Reusable: the presenter view renders the same component with `large`.
 */
import { createEffect, createMemo, createSignal, For, onCleanup, onMount, Show } from 'solid-js';
import type { JSX } from 'solid-js';
import type { NotebookSession } from '../../engine/session';
import type { LayoutItem } from '../../model/notebook';
import { locale, t } from '../../i18n';
import { chartData } from '../../model/charts/resolve';
import { CHART_KINDS, itemTitle } from './kinds';
import type { LegendEntry, PlotModule } from './draw/plotKit';
import { createContext, fmt, loadPlot, projectorFormats } from './draw/plotKit';
import { sessionReader } from './reader';
import { cancelDraw, scheduleDraw } from './scheduler';
import { downloadPng, downloadSvg, standaloneSvg } from './exportChart';
import { notify } from '../services';
import './messages';
import './charts.css';

export interface ChartAction {
  id: string;
  label: string;
  run(): void;
  disabled?: boolean;
}

export interface ChartViewProps {
  session: NotebookSession;
  item: LayoutItem;
  /** Height of the drawing in pixels (default 260). */
  height?: number;
  /** Bigger type and marks (the presenter view). */
  large?: boolean;
  /** Actions of the card's menu besides the downloads (hide, move, edit…). */
  actions?: ChartAction[];
}

const SVG_NS = 'http://www.w3.org/2000/svg';
let instances = 0;

type Extracted = { data: { problems: string[]; balance?: number; format?: string } } | { error: string };

export function ChartView(props: ChartViewProps): JSX.Element {
  const reader = sessionReader(props.session);
  const key = `${props.item.id}#${++instances}`;
  const kind = () => CHART_KINDS[props.item.kind];
  const title = createMemo(() => itemTitle(props.item, locale()));
  const extracted = createMemo<Extracted>(
    () => {
      const k = kind();
      if (!k) return { error: `unknown chart kind: ${props.item.kind}` };
      try {
        return { data: chartData(k.model, props.item, reader, locale()) };
      } catch (e) {
        return { error: e instanceof Error ? e.message : String(e) };
      }
    },
    { error: '' },
    { equals: (a, b) => JSON.stringify(a) === JSON.stringify(b) },
  );
  const [plot, setPlot] = createSignal<PlotModule | null>(null);
  const [width, setWidth] = createSignal(0);
  const [legend, setLegend] = createSignal<LegendEntry[]>([]);
  const [summary, setSummary] = createSignal('');
  const [failure, setFailure] = createSignal<string | null>(null);
  const [menuOpen, setMenuOpen] = createSignal(false);
  let root!: HTMLElement;
  let body!: HTMLDivElement;
  let svg: SVGSVGElement | null = null;
  let renders = 0;
  // What the SVG on screen was drawn from: a request whose inputs came back to these (values moved
  // by an insert, then put back by the engine's answer) draws nothing.
  let drawnFrom = '';

  loadPlot().then(setPlot, (e: unknown) => setFailure(e instanceof Error ? e.message : String(e)));

  onMount(() => {
    const ro = new ResizeObserver((entries) => {
      const w = Math.floor(entries[0].contentRect.width / 4) * 4;
      if (w > 0 && w !== width()) setWidth(w);
    });
    ro.observe(body);
    onCleanup(() => ro.disconnect());
  });
  onCleanup(() => cancelDraw(key));

  function draw(P: PlotModule, data: unknown, w: number, h: number, large: boolean, heading: string): void {
    const lang = locale();
    const unit = props.item.options?.unit as string | undefined;
    const from = JSON.stringify([props.item.kind, props.item.options, data, w, h, large, heading, lang]);
    if (svg && from === drawnFrom) return;
    const started = performance.now();
    try {
      const ctx = createContext(P, w, h, lang, large, unit);
      const drawn = kind().draw((large ? projectorFormats(data) : data) as never, ctx);
      const text = kind().summary(data as never, heading);
      drawn.svg.setAttribute('role', 'img');
      drawn.svg.setAttribute('aria-label', text);
      const tt = document.createElementNS(SVG_NS, 'title');
      tt.textContent = text;
      drawn.svg.prepend(tt);
      body.replaceChildren(drawn.svg);
      svg = drawn.svg;
      drawnFrom = from;
      setLegend(drawn.legend);
      setSummary(text);
      setFailure(null);
    } catch (e) {
      setFailure(e instanceof Error ? e.message : String(e));
    }
    root.dataset.renders = String(++renders);
    root.dataset.drawMs = (performance.now() - started).toFixed(1);
  }

  createEffect(() => {
    const x = extracted();
    const P = plot();
    const w = width();
    const h = props.height ?? 260;
    const large = !!props.large;
    const heading = title();
    locale();
    if (!P || w < 60 || !('data' in x)) return;
    // Drawn once the engine has answered (values still in flux are not drawn), in the next frame.
    scheduleDraw(key, () => draw(P, x.data, w, h, large, heading), props.session.busy);
  });

  function exportAs(type: 'svg' | 'png'): void {
    setMenuOpen(false);
    if (!svg) return;
    const file = standaloneSvg(svg, title(), summary(), legend());
    if (type === 'svg') downloadSvg(title(), file);
    else downloadPng(title(), file).catch((e: unknown) => notify('error', t('chart.drawFailed', { message: e instanceof Error ? e.message : String(e) })));
  }

  const notes = createMemo(() => {
    const x = extracted();
    if ('error' in x) return [t('chart.drawFailed', { message: x.error })];
    const out: string[] = [];
    if (x.data.problems.length) out.push(t('nbv.problems', { list: x.data.problems.join(', ') }));
    if (x.data.balance !== undefined && Math.abs(x.data.balance) > 0.005) out.push(t('nbv.unbalanced', { amount: fmt(x.data.balance, x.data.format) }));
    const f = failure();
    if (f) out.push(t('chart.drawFailed', { message: f }));
    return out;
  });

  return (
    <figure class="chart-card" classList={{ large: !!props.large }} ref={root} data-chart={props.item.id} data-kind={props.item.kind} data-renders="0">
      <figcaption class="chart-head">
        <span class="chart-title" title={title()}>{title()}</span>
        <div class="chart-menu-anchor">
          <button class="chart-menu-btn" data-action="menu" aria-haspopup="menu" aria-expanded={menuOpen()} title={t('chart.menu')} aria-label={t('chart.menu')} onClick={() => setMenuOpen(!menuOpen())}>⋯</button>
          <Show when={menuOpen()}>
            <div class="menu-backdrop" onClick={() => setMenuOpen(false)} />
            <div class="dropdown chart-menu" role="menu">
              <button role="menuitem" data-action="export-svg" onClick={() => exportAs('svg')}>{t('chart.exportSvg')}</button>
              <button role="menuitem" data-action="export-png" onClick={() => exportAs('png')}>{t('chart.exportPng')}</button>
              <For each={props.actions ?? []}>
                {(a) => (
                  <button role="menuitem" data-action={a.id} disabled={a.disabled} onClick={() => { setMenuOpen(false); a.run(); }}>{a.label}</button>
                )}
              </For>
            </div>
          </Show>
        </div>
      </figcaption>
      <Show when={legend().length > 0}>
        <ul class="chart-legend" aria-hidden="true">
          <For each={legend()}>
            {(e) => (
              <li>
                <span class={`swatch swatch-${e.shape ?? 'square'}`} style={{ background: e.shape === 'line' || e.shape === 'rule' ? 'transparent' : e.color, 'border-color': e.color }} />
                {e.label}
              </li>
            )}
          </For>
        </ul>
      </Show>
      <div class="chart-body" ref={body} style={{ height: `${props.height ?? 260}px` }}>
        <div class="chart-loading">{t('nbv.loading')}</div>
      </div>
      <Show when={notes().length > 0}>
        <div class="chart-notes" role="status">
          <For each={notes()}>{(n) => <div>{n}</div>}</For>
        </div>
      </Show>
    </figure>
  );
}
