/** The frame of a side panel beside the grid: a titled aside with a close button. */
import type { JSX } from 'solid-js';
import { t } from '../../i18n';

export function SidePanel(props: { class: string; testid: string; title: string; onClose: () => void; children: JSX.Element }) {
  return (
    <aside class={`side-panel ${props.class}`} data-testid={props.testid} aria-label={props.title}>
      <header>
        <strong>{props.title}</strong>
        <button aria-label={t('common.close')} onClick={() => props.onClose()}>×</button>
      </header>
      {props.children}
    </aside>
  );
}
