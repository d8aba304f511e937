/**
 * A KPI card: a headline number with its label, unit and a secondary figure, live with the value
 * store. Carries the automation contract `data-kpi="<NAME or Sheet!A1>"` and `data-value` (the raw
 * value as a cell's `data-value` reads). Reusable: the presenter view renders it with `large`.
 */
import { createMemo, Show } from 'solid-js';
import type { JSX } from 'solid-js';
import type { NotebookSession } from '../../engine/session';
import { valueToContract } from '../../model/cell';
import { checkState } from '../../model/checks';
import type { Bilingual } from '../../model/bilingual';
import { pickText } from '../../model/bilingual';
import { kpiModel } from '../../model/charts/kpi';
import { chartData } from '../../model/charts/resolve';
import type { LayoutItem } from '../../model/notebook';
import { formatValue } from '../../i18n/numberFormat';
import { locale, t } from '../../i18n';
import { sessionReader } from './reader';
import './messages';
import './charts.css';

export interface KpiCardProps {
  session: NotebookSession;
  item: LayoutItem;
  large?: boolean;
  /** Called with `Sheet!A1` of the value when the card is activated (the notebook view selects the cell). */
  onActivate?: (ref: string) => void;
}

export function KpiCard(props: KpiCardProps): JSX.Element {
  const reader = sessionReader(props.session);
  const kpi = createMemo(() => chartData(kpiModel, props.item, reader, locale()));
  const sub = () => kpi().sub;
  const label = () => props.item.title || pickText(props.item.options?.label as Bilingual | undefined, locale()) || kpi().key;
  const unit = () => {
    const u = props.item.options?.unit as string | undefined;
    const code = kpi().cell?.format ?? '';
    const text = u ? t(`unit.${u}`) : '';
    return text && !code.includes(text) ? text : '';
  };
  const value = () => kpi().cell?.value;
  const shown = () => formatValue(value(), kpi().cell?.format);
  const state = () => checkState(value());
  const subState = () => checkState(sub()?.value);
  const ref = () => (kpi().cell ? `${kpi().cell!.sheet}!${kpi().cell!.addr}` : '');
  const activate = () => ref() && props.onActivate?.(ref());
  return (
    <div
      class="kpi-card"
      classList={{ large: !!props.large, [`check-${state()}`]: !!state(), clickable: !!props.onActivate }}
      data-kpi={kpi().key}
      data-value={valueToContract(value())}
      role={props.onActivate ? 'button' : 'group'}
      tabIndex={props.onActivate ? 0 : undefined}
      aria-label={`${label()}: ${shown()} ${unit()}`.trim()}
      title={ref()}
      onClick={activate}
      onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && (e.preventDefault(), activate())}
    >
      <div class="kpi-label">{label()}</div>
      <div class="kpi-value">
        <span class="kpi-number">{shown() || '—'}</span>
        <Show when={unit()}>
          <span class="kpi-unit">{unit()}</span>
        </Show>
      </div>
      <Show when={sub()}>
        {(s) => (
          <div class="kpi-sub" classList={{ [`check-${subState()}`]: !!subState() }}>
            <span class="kpi-sub-value">{formatValue(s().value, s().format)}</span> {pickText(props.item.options?.subLabel as Bilingual | undefined, locale())}
          </div>
        )}
      </Show>
    </div>
  );
}
