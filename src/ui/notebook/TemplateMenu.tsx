/**
 * "Add template…": inserts a gallery template into the open notebook. A template whose sheet is
 * a link stub here replaces the stub and its links go live; the insertion is one undo step.
 */
import { createSignal, For, Show } from 'solid-js';
import { defineMessages, locale, t } from '../../i18n';
import { findSheet } from '../../model/notebook';
import { notify } from '../services';
import { GALLERY as TEMPLATE_GALLERY } from '../../../templates/gallery';
import type { Workbench } from './workbench';

defineMessages({
  en: {
    'tpl.add': 'Add template…',
    'tpl.replacesStub': 'replaces the link stub',
    'tpl.present': 'already here',
    'tpl.added': 'Added “{title}”.',
    'tpl.sheetExists': 'This notebook already has that template’s sheet.',
  },
  'zh-CN': {
    'tpl.add': '添加模板…',
    'tpl.replacesStub': '替换链接占位表',
    'tpl.present': '已存在',
    'tpl.added': '已添加“{title}”。',
    'tpl.sheetExists': '此笔记本已包含该模板的工作表。',
  },
});

export function TemplateMenu(props: { wb: Workbench; beforeInsert?: () => Promise<unknown> }) {
  const wb = props.wb;
  const [open, setOpen] = createSignal(false);
  const entries = () => TEMPLATE_GALLERY.filter((g) => g.sheets.length > 0);
  const state = (sheets: readonly string[]) => {
    const found = sheets.map((n) => findSheet(wb.session.doc, n));
    if (found.every((s) => s && !s.stub)) return 'present';
    if (found.some((s) => s?.stub)) return 'stub';
    return 'new';
  };
  async function insert(id: string, title: string) {
    setOpen(false);
    const { insertTemplateCommands } = await import('../../../templates/index');
    const r = insertTemplateCommands(wb.session.plain(), id);
    if (!r.ok) {
      notify('error', r.error.code === 'sheetExists' ? t('tpl.sheetExists') : r.error.message);
      return;
    }
    await props.beforeInsert?.();
    if (wb.session.edit(r.value, `template ${id}`)) {
      const first = TEMPLATE_GALLERY.find((g) => g.id === id)?.sheets[0];
      if (first) wb.showSheet(first);
      notify('info', t('tpl.added', { title }));
    }
  }
  return (
    <div class="tool-group menu-anchor">
      <button data-testid="add-template" aria-haspopup="menu" aria-expanded={open()} onClick={() => setOpen(!open())}>{t('tpl.add')}</button>
      <Show when={open()}>
        <div class="menu-backdrop" onClick={() => setOpen(false)} />
        <div class="dropdown" role="menu">
          <For each={entries()}>
            {(g) => {
              const title = () => (locale() === 'en' ? g.title.en : g.title.zh);
              return (
                <button role="menuitem" data-insert-template={g.id} disabled={state(g.sheets) === 'present'} onClick={() => void insert(g.id, title())}>
                  {title()}
                  <Show when={state(g.sheets) !== 'new'}>
                    <small class="muted"> — {state(g.sheets) === 'stub' ? t('tpl.replacesStub') : t('tpl.present')}</small>
                  </Show>
                </button>
              );
            }}
          </For>
        </div>
      </Show>
    </div>
  );
}
