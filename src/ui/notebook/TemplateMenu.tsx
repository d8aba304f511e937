/**
 * "Add template…": inserts a gallery template into the open notebook. A template whose sheet is
 * a link stub here replaces the stub and its links go live; the insertion is one undo step.
 */
import { createSignal, For, Show } from 'solid-js';
import { defineMessages, locale, t } from '../../i18n';
import { findSheet } from '../../model/notebook';
import { notify } from '../services';
import { confirmListDialog } from '../dialogs';
import type { StubEdit } from '../../../templates/index';
import { GALLERY as TEMPLATE_GALLERY } from '../../../templates/gallery';
import { useWorkbench } from '../workbench/context';

defineMessages({
  en: {
    'tpl.add': 'Add template…',
    'tpl.replacesStub': 'replaces the link stub',
    'tpl.present': 'already here',
    'tpl.added': 'Added “{title}”.',
    'tpl.sheetExists': 'This notebook already has that template’s sheet.',
    'tpl.replaceAsk': 'Adding “{title}” replaces the link stub. The real sheet computes these cells, so the {n} value(s) typed into the stub will be replaced:',
    'tpl.replaceOk': 'Replace and add',
    'tpl.replaceLine': '{ref} {label}: {value} → {replacement}',
    'tpl.computed': 'computed ({formula})',
  },
  'zh-CN': {
    'tpl.add': '添加模板…',
    'tpl.replacesStub': '替换链接占位表',
    'tpl.present': '已存在',
    'tpl.added': '已添加“{title}”。',
    'tpl.sheetExists': '此笔记本已包含该模板的工作表。',
    'tpl.replaceAsk': '添加“{title}”将替换链接占位表。真实工作表会计算这些单元格，占位表中输入的 {n} 个值将被替换：',
    'tpl.replaceOk': '替换并添加',
    'tpl.replaceLine': '{ref} {label}：{value} → {replacement}',
    'tpl.computed': '计算值（{formula}）',
  },
});

function describeEdit(e: StubEdit): string {
  const label = [locale() === 'en' ? e.meaning.en || e.meaning.zh : e.meaning.zh || e.meaning.en, e.meaning.unit && `(${e.meaning.unit})`].filter(Boolean).join(' ');
  const replacement = typeof e.replacement === 'string' && e.replacement.startsWith('=') ? t('tpl.computed', { formula: e.replacement }) : String(e.replacement ?? '—');
  return t('tpl.replaceLine', { ref: `${e.sheet}!${e.addr}`, label, value: String(e.value), replacement });
}

export function TemplateMenu(props: { beforeInsert?: () => Promise<unknown> }) {
  const wb = useWorkbench();
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
    const { insertTemplateCommands, replacedStubValues } = await import('../../../templates/index');
    const doc = wb.session.plain();
    // What was typed into a stub is replaced by the real sheet: say which values, and ask first.
    const lost = replacedStubValues(doc, id);
    if (lost.length > 0 && !(await confirmListDialog(t('tpl.replaceAsk', { title, n: lost.length }), lost.map(describeEdit), t('tpl.replaceOk'), { testId: 'confirm-template', okTestId: 'confirm-template-ok' }))) return;
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
