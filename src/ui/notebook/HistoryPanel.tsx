/**
 * Version history: the notebook's snapshots, newest first — automatic ones (on a rhythm, and
 * before risky operations) and named ones. Restoring first snapshots the current state, so a
 * restore can itself be undone by restoring again.
 */
import { SidePanel } from './SidePanel';
import { createResource, For, Show } from 'solid-js';
import { defineMessages, locale, t } from '../../i18n';
import type { Snapshot } from '../../storage/db';
import type { NotebookContext } from './extensions';
import { promptDialog } from '../dialogs';
import { notify } from '../services';

defineMessages({
  en: {
    'history.title': 'Versions',
    'history.name': 'Save a named version',
    'history.namePrompt': 'Name this version',
    'history.restore': 'Restore',
    'history.restored': 'Restored the version of {when}. The state before it was saved as a version too.',
    'history.none': 'No versions yet. Versions are saved automatically as you work, and before inserting a template, applying a scenario or restoring.',
    'history.cells': '{sheets} sheets · {cells} cells',
    'history.reason.auto': 'Automatic',
    'history.reason.named': 'Named',
    'history.reason.beforeRestore': 'Before a restore',
    'history.reason.beforeTemplate': 'Before inserting a template',
    'history.reason.beforeScenario': 'Before applying a scenario',
  },
  'zh-CN': {
    'history.title': '版本',
    'history.name': '保存命名版本',
    'history.namePrompt': '为此版本命名',
    'history.restore': '恢复',
    'history.restored': '已恢复 {when} 的版本。恢复前的状态也已保存为一个版本。',
    'history.none': '还没有版本。工作时会自动保存版本；插入模板、应用情景或恢复之前也会保存。',
    'history.cells': '{sheets} 个工作表 · {cells} 个单元格',
    'history.reason.auto': '自动',
    'history.reason.named': '命名',
    'history.reason.beforeRestore': '恢复之前',
    'history.reason.beforeTemplate': '插入模板之前',
    'history.reason.beforeScenario': '应用情景之前',
  },
});

export function HistoryPanel(props: NotebookContext & { close(): void }) {
  const [list, { refetch }] = createResource(() => props.history.list());
  const when = (ms: number) => new Date(ms).toLocaleString(locale());
  const cells = (s: Snapshot) => s.notebook.sheets.reduce((n, sh) => n + Object.keys(sh.cells).length, 0);

  async function nameVersion() {
    const name = await promptDialog(t('history.namePrompt'), when(Date.now()));
    if (!name?.trim()) return;
    await props.history.take(props.session.plain(), 'named', name.trim());
    void refetch();
  }

  async function restore(s: Snapshot) {
    await props.restore(s.notebook, 'beforeRestore');
    notify('info', t('history.restored', { when: when(s.at) }));
    void refetch();
  }

  return (
    <SidePanel class="history-panel" testid="history-panel" title={t('history.title')} onClose={() => props.close()}>
      <div class="panel-actions">
        <button data-testid="name-version" disabled={props.session.readOnly()} onClick={() => void nameVersion()}>{t('history.name')}</button>
      </div>
      <Show when={(list() ?? []).length > 0} fallback={<p class="muted panel-note">{t('history.none')}</p>}>
        <ul>
          <For each={list()}>
            {(s) => (
              <li class="version" data-snapshot={s.id}>
                <div>
                  <strong>{s.name ?? t(`history.reason.${s.reason}`)}</strong>
                  <div class="muted">{when(s.at)} · {t('history.cells', { sheets: s.notebook.sheets.length, cells: cells(s) })}</div>
                </div>
                <button data-action="restore" disabled={props.session.readOnly()} onClick={() => void restore(s)}>{t('history.restore')}</button>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </SidePanel>
  );
}
