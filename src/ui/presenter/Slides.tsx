/**
 * What a slide shows, for the editor's presenter and the projector window alike: big KPI cards
 * (`data-kpi`, `data-value`), one visual (bars, or the rep table of the bonus plan), and the strip
 * of drivers (`data-driver` inputs). Everything reads single cells of the session's value store,
 * so a driver move re-renders only the cards and bars it changed.
 */
import { createMemo, createResource, createSignal, For, onCleanup, Show } from 'solid-js';
import type { JSX } from 'solid-js';
import type { NotebookSession } from '../../engine/session';
import type { CellValue } from '../../model/cell';
import { valueToContract } from '../../model/cell';
import type { BarsDef, DriverDef, KpiDef, PeopleTableDef, SlideDef } from '../../model/drivers';
import { driverByName, driverId, refKey, riseIsGood, vocabularyOf } from '../../model/drivers';
import '../vocabulary';
import { findSheet } from '../../model/notebook';
import { isScenarioOverride, splitCellKey } from '../../model/scenarios';
import { locale, t } from '../../i18n';
import type { DriverControl } from './driverControl';
import { formatDelta, formatDriver, formatKpi, moneyUnit } from '../kpiFormat';
import './messages';
import { maxOf } from '../../model/arrays';

const lang = () => (locale() === 'en' ? 'en' : 'zh');
const unitOf = (session: NotebookSession) => vocabularyOf(session.doc).moneyUnit;

function valueAt(session: NotebookSession, key: string | null): CellValue | undefined {
  if (!key) return undefined;
  const k = splitCellKey(key);
  return k ? session.values[k.sheet]?.[k.addr] : undefined;
}

export function KpiCard(props: { session: NotebookSession; def: KpiDef; reference: Record<string, number> }) {
  const key = createMemo(() => refKey(props.session.doc, props.def.id));
  const value = () => valueAt(props.session, key());
  // colour by meaning: a rising cost is bad news, not green
  const rising = () => riseIsGood(props.def);
  const delta = () => {
    const v = value();
    const k = key();
    const ref = k ? props.reference[k] : undefined;
    if (typeof v !== 'number' || ref === undefined) return null;
    const d = v - ref;
    const text = formatDelta(d, props.def.unit, locale());
    return text === null ? null : { d, text };
  };
  return (
    <div class="pr-kpi" data-kpi={props.def.id} data-value={valueToContract(value())}>
      <div class="pr-kpi-label">
        {props.def.label[lang()]}
        <Show when={props.def.unit === 'money'}><span class="pr-kpi-unit">{moneyUnit(locale(), unitOf(props.session))}</span></Show>
      </div>
      <div class="pr-kpi-value">{formatKpi(value(), props.def.unit, locale())}</div>
      <div
        class="pr-kpi-delta"
        classList={{ up: (delta()?.d ?? 0) > 0, down: (delta()?.d ?? 0) < 0, good: (delta()?.d ?? 0) * (rising() ? 1 : -1) > 0, bad: (delta()?.d ?? 0) * (rising() ? 1 : -1) < 0 }}
      >
        <Show when={delta()} fallback={<>&nbsp;</>}>
          {(d) => <>{d().text} <span class="pr-kpi-since">{t('present.sinceStart')}</span></>}
        </Show>
      </div>
    </div>
  );
}

/** Horizontal bars, one per cell; a `person` visual shows rep ids, masked in privacy mode. */
export function Bars(props: { session: NotebookSession; def: BarsDef; mask: boolean }) {
  const rows = createMemo(() =>
    props.def.bars.map((b, i) => {
      const key = refKey(props.session.doc, b.ref);
      const labelKey = 'cell' in b.label ? refKey(props.session.doc, b.label.cell) : null;
      return { i, key, labelKey, label: 'cell' in b.label ? null : b.label };
    }),
  );
  const values = () => rows().map((r) => valueAt(props.session, r.key));
  const max = () => maxOf(values().map((v) => (typeof v === 'number' ? Math.abs(v) : 0)), 1e-12);
  return (
    <figure class="bars pr-visual">
      <figcaption>{props.def.title[lang()]} <Show when={props.def.unit === 'money'}><span class="unit">{moneyUnit(locale(), unitOf(props.session))}</span></Show></figcaption>
      <For each={rows()}>
        {(r) => {
          const v = () => valueAt(props.session, r.key);
          const name = () => {
            if (r.label) return r.label[lang()];
            if (props.mask && props.def.person) return t('present.rep', { n: r.i + 1 });
            const lv = valueAt(props.session, r.labelKey);
            return lv === undefined || lv === null ? '' : String(valueToContract(lv));
          };
          return (
            <div class="bar-row" data-bar={r.key ?? ''}>
              <span class="bar-label" classList={{ masked: props.mask && !!props.def.person }}>{name()}</span>
              <span class="bar-track">
                <span class="bar-fill" classList={{ neg: typeof v() === 'number' && (v() as number) < 0 }} style={{ width: `${(typeof v() === 'number' ? Math.abs(v() as number) / max() : 0) * 100}%` }} />
              </span>
              <span class="bar-value" data-value={valueToContract(v())}>{formatKpi(v(), props.def.unit, locale())}</span>
            </div>
          );
        }}
      </For>
    </figure>
  );
}

/** The rep payout table: names and individual pay hidden by the privacy mask; totals always shown. */
export function PeopleTable(props: { session: NotebookSession; def: PeopleTableDef; mask: boolean }) {
  // The table names the spec's rows; rows inserted or deleted since move them.
  const cell = (col: string, row: number) => {
    const k = splitCellKey(refKey(props.session.doc, `${props.def.sheet}!${col}${row}`) ?? '');
    return k ? props.session.values[k.sheet]?.[k.addr] : undefined;
  };
  const show = (c: PeopleTableDef['columns'][number], row: number, i: number): JSX.Element => {
    if (props.mask && c.private === 'name') return <span class="masked">{t('present.rep', { n: i + 1 })}</span>;
    if (props.mask && c.private === 'pay') return <span class="masked" title={t('present.masked')}>•••</span>;
    const v = cell(c.col, row);
    return c.unit === 'text' ? String(valueToContract(v)) : formatKpi(v, c.unit, locale());
  };
  return (
    <figure class="people pr-visual">
      <figcaption>{props.def.title[lang()]} <span class="unit">{moneyUnit(locale(), unitOf(props.session))}</span></figcaption>
      <table data-testid="people-table" classList={{ masked: props.mask }}>
        <thead>
          <tr><For each={props.def.columns}>{(c) => <th classList={{ num: c.unit !== 'text' }}>{c.label[lang()]}</th>}</For></tr>
        </thead>
        <tbody>
          <For each={props.def.rows}>
            {(row, i) => (
              <tr>
                <For each={props.def.columns}>
                  {(c) => (
                    <td classList={{ num: c.unit !== 'text' }} data-person={c.private ?? undefined}>{show(c, row, i())}</td>
                  )}
                </For>
              </tr>
            )}
          </For>
        </tbody>
        <Show when={props.def.total}>
          {(total) => (
            <tfoot>
              <tr>
                <For each={props.def.columns}>
                  {(c, i) => (
                    <td classList={{ num: c.unit !== 'text' }} data-total={c.col}>
                      {i() === 0 ? total().label[lang()] : c.unit === 'text' || c.unit === 'percent' ? '' : formatKpi(cell(c.col, total().row), c.unit, locale())}
                    </td>
                  )}
                </For>
              </tr>
            </tfoot>
          )}
        </Show>
      </table>
    </figure>
  );
}

/** One driver: label, value with its unit, a slider between − and + steppers. Read-only without a control. */
export function DriverField(props: { session: NotebookSession; def: DriverDef; control?: DriverControl }) {
  const key = createMemo(() => refKey(props.session.doc, props.def.ref));
  const id = createMemo(() => driverId(props.session.doc, props.def));
  const raw = () => {
    const k = key() && splitCellKey(key()!);
    return k ? findSheet(props.session.doc, k.sheet)?.cells[k.addr] : undefined;
  };
  const shown = () => props.control?.liveValue(key() ?? '') ?? raw();
  const disabled = () => !props.control || props.session.readOnly();
  const overridden = () => {
    const k = key() && splitCellKey(key()!);
    return !!k && isScenarioOverride(props.session.doc, k.sheet, k.addr);
  };
  const read = (e: Event) => Number((e.currentTarget as HTMLInputElement).value);
  return (
    <div class="driver" classList={{ overridden: overridden() }}>
      <div class="driver-label" title={props.def.label[lang()]}>{props.def.label[lang()]}</div>
      <output class="driver-value" data-driver-value={id()}>{formatDriver(shown(), props.def, locale())}</output>
      <div class="driver-controls">
        <button class="step" tabIndex={-1} disabled={disabled()} aria-label="−" onClick={() => props.control?.nudge(props.def, key()!, -1)}>−</button>
        <input
          type="range"
          data-driver={id()}
          aria-label={props.def.label[lang()]}
          min={props.def.min}
          max={props.def.max}
          step={props.def.step}
          value={typeof shown() === 'number' ? (shown() as number) : props.def.min}
          disabled={disabled()}
          onInput={(e) => key() && props.control?.input(props.def, key()!, read(e))}
          onChange={(e) => key() && props.control?.commit(props.def, key()!, read(e))}
          // After a drag the arrow keys go back to the slides.
          onPointerUp={(e) => e.currentTarget.blur()}
        />
        <button class="step" tabIndex={-1} disabled={disabled()} aria-label="+" onClick={() => props.control?.nudge(props.def, key()!, 1)}>+</button>
      </div>
    </div>
  );
}

export function DriverStrip(props: { session: NotebookSession; names: readonly string[]; control?: DriverControl }) {
  const defs = createMemo(() =>
    props.names
      .map((n) => driverByName(n, props.session.doc))
      .filter((d): d is DriverDef => {
        if (!d) return false;
        const key = refKey(props.session.doc, d.ref);
        const k = key && splitCellKey(key);
        const sheet = k && findSheet(props.session.doc, k.sheet);
        return !!sheet && !sheet.stub && typeof sheet.cells[k.addr] === 'number';
      }),
  );
  return (
    <section class="driver-strip" aria-label={t('present.drivers')}>
      <For each={defs()}>{(d) => <DriverField session={props.session} def={d} control={props.control} />}</For>
    </section>
  );
}

export function SlideView(props: {
  session: NotebookSession;
  slide: SlideDef;
  mask: boolean;
  reference: Record<string, number>;
  control?: DriverControl;
}) {
  return (
    <article class="slide" data-slide={props.slide.id}>
      <div class="pr-kpi-grid" classList={{ many: props.slide.kpis.length > 5 }} style={{ '--kpis': String(props.slide.kpis.length) }}>
        <For each={props.slide.kpis}>{(k) => <KpiCard session={props.session} def={k} reference={props.reference} />}</For>
      </div>
      <div class="slide-visual">
        <Show when={props.slide.people}>{(p) => <PeopleTable session={props.session} def={p()} mask={props.mask} />}</Show>
        <Show when={!props.slide.people && props.slide.bars}>{(b) => <Bars session={props.session} def={b()} mask={props.mask} />}</Show>
        <Show when={props.slide.chart}>{(id) => <ChartSlot session={props.session} id={id()} mask={props.mask} />}</Show>
      </div>
      <DriverStrip session={props.session} names={props.slide.drivers} control={props.control} />
    </article>
  );
}

/** The notebook view's charts (`src/ui/charts`), loaded with the first slide that shows one. */
const loadCharts = () => import('../charts');
type ChartsModule = Awaited<ReturnType<typeof loadCharts>>;

/** One chart of the sheet's layout (the user's own view if they changed it), sized to its box. */
function ChartSlot(props: { session: NotebookSession; id: string; mask: boolean }) {
  const [mod] = createResource<ChartsModule | null>(() => loadCharts().catch(() => null));
  const item = createMemo(() => {
    const m = mod();
    if (!m) return null;
    const sheet = props.id.slice(0, props.id.indexOf('.'));
    const it = m.layoutItemsOf(props.session, sheet).find((i) => i.id === props.id && !i.hidden);
    if (!it) return null;
    // Privacy: the reps stay as dots, without their names.
    return props.mask ? m.withoutPersonal(it) : it;
  });
  const [height, setHeight] = createSignal(0);
  let ro: ResizeObserver | undefined;
  const measure = (box: HTMLDivElement) => {
    ro?.disconnect();
    ro = new ResizeObserver(() => setHeight(Math.max(120, box.clientHeight - 90)));
    ro.observe(box);
  };
  onCleanup(() => ro?.disconnect());
  return (
    <Show when={item()}>
      {(it) => (
        <div class="pr-chart" ref={measure}>
          <Show when={height() > 0}>
            {(() => {
              const ChartView = mod()!.ChartView;
              return <ChartView session={props.session} item={it()} height={height()} large />;
            })()}
          </Show>
        </div>
      )}
    </Show>
  );
}
