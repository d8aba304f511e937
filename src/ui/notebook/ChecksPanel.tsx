/**
 * One summary of every check of the notebook (OK / ⚠ / ERR), always visible in the toolbar and
 * red when anything fails; the panel lists each check with its state and jumps to its cell.
 * The list of check cells lives in `checkList.ts`.
 */
import { SidePanel } from './SidePanel';
import { For, Show } from 'solid-js';
import { defineMessages, locale, t } from '../../i18n';
import type { Checks } from '../workbench/checkList';
import { useNotebook } from '../workbench/context';

defineMessages({
  en: { 'checks.title': 'Checks', 'checks.none': 'This notebook has no check cells.', 'checks.summary': '{ok} OK · {warn} ⚠ · {err} ERR' },
  'zh-CN': { 'checks.title': '校验', 'checks.none': '此笔记本没有校验单元格。', 'checks.summary': '{ok} 通过 · {warn} ⚠ · {err} 错误' },
});

export function ChecksButton(props: { checks: Checks; open: boolean; onToggle: () => void }) {
  const s = () => props.checks.summary();
  const state = () => (s().err ? 'err' : s().warn ? 'warn' : 'ok');
  return (
    <Show when={s().results.length > 0}>
      <button class={`checks-button checks-${state()}`} data-testid="checks-summary" data-err={s().err} data-warn={s().warn} data-ok={s().ok}
        aria-expanded={props.open} onClick={() => props.onToggle()}>
        {t('checks.title')}: {t('checks.summary', { ok: s().ok, warn: s().warn, err: s().err })}
      </button>
    </Show>
  );
}

export function ChecksPanel(props: { onClose: () => void }) {
  const { wb, checks } = useNotebook();
  const lang = () => (locale() === 'en' ? 'en' : 'zh');
  return (
    <SidePanel class="checks-panel" testid="checks-panel" title={t('checks.title')} onClose={() => props.onClose()}>
      <Show when={checks.summary().results.length > 0} fallback={<p class="muted">{t('checks.none')}</p>}>
        <ul>
          <For each={[...checks.summary().results].sort((a, b) => rank(a.state) - rank(b.state))}>
            {(r) => (
              <li class={`check-row check-${r.state}`} data-check={`${r.sheet}!${r.addr}`} data-state={r.state}>
                <button onClick={() => wb.goTo(`${r.sheet}!${r.addr}`)}>
                  <span class="badge">{r.state === 'ok' ? 'OK' : r.state === 'warn' ? '⚠' : 'ERR'}</span>
                  <span class="check-label">{r.label[lang()]}</span>
                  <span class="check-where">{r.sheet}!{r.addr}</span>
                </button>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </SidePanel>
  );
}

function rank(s: string): number {
  return s === 'err' ? 0 : s === 'warn' ? 1 : 2;
}
