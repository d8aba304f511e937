/**
 * Version history: the notebook's snapshots, newest first — automatic ones (on a rhythm, and
 * before risky operations) and named ones. Restoring first snapshots the current state, so a
 * restore can itself be undone by restoring again.
 */
import { SidePanel } from './SidePanel';
import { createResource, createSignal, For, Show } from 'solid-js';
import { diffNotebooks } from '../../model/diff';
import type { RawContent } from '../../model/cell';
import type { Notebook } from '../../model/notebook';
import { defineMessages, locale, t } from '../../i18n';
import type { Snapshot } from '../services';
import type { NotebookContext } from './extensions';
import { promptDialog } from '../dialogs';
import { notify } from '../services';

defineMessages({
  en: {
    'history.title': 'Versions',
    'history.name': 'Save a named version',
    'history.namePrompt': 'Name this version',
    'history.restore': 'Restore',
    'history.preview': 'What changed',
    'history.same': 'Same as now.',
    'history.cellsChanged': '{n} cells differ from now:',
    'history.sheetsOnlyThen': 'Sheets only in this version: {list}',
    'history.sheetsOnlyNow': 'Sheets added since: {list}',
    'history.more': '… and {n} more',
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
    'history.preview': '有何不同',
    'history.same': '与当前相同。',
    'history.cellsChanged': '{n} 个单元格与当前不同：',
    'history.sheetsOnlyThen': '仅此版本有的工作表：{list}',
    'history.sheetsOnlyNow': '此后新增的工作表：{list}',
    'history.more': '……另有 {n} 处',
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

/** What restoring a version would change: the cells that differ from now, then → now. */
function VersionPreview(props: { then: Notebook; now: Notebook }) {
  const d = diffNotebooks(props.then, props.now);
  const shown = d.cells.slice(0, 30);
  const text = (v: RawContent | undefined) => (v === undefined ? '∅' : String(v));
  return (
    <div class="version-preview" data-testid="version-preview">
      <Show when={d.cells.length || d.sheetsOnlyThen.length || d.sheetsOnlyNow.length} fallback={<p class="muted">{t('history.same')}</p>}>
        <Show when={d.sheetsOnlyThen.length}><p>{t('history.sheetsOnlyThen', { list: d.sheetsOnlyThen.join(', ') })}</p></Show>
        <Show when={d.sheetsOnlyNow.length}><p>{t('history.sheetsOnlyNow', { list: d.sheetsOnlyNow.join(', ') })}</p></Show>
        <Show when={d.cells.length}>
          <p>{t('history.cellsChanged', { n: d.cells.length })}</p>
          <ul>
            <For each={shown}>
              {(c) => <li data-diff={`${c.sheet}!${c.addr}`}><span class="check-where">{c.sheet}!{c.addr}</span> {text(c.then)} → {text(c.now)}</li>}
            </For>
          </ul>
          <Show when={d.cells.length > shown.length}><p class="muted">{t('history.more', { n: d.cells.length - shown.length })}</p></Show>
        </Show>
      </Show>
    </div>
  );
}

export function HistoryPanel(props: NotebookContext & { close(): void }) {
  const [previewing, setPreviewing] = createSignal<string | null>(null);
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
                <div class="version-actions">
                  <button data-action="preview" aria-expanded={previewing() === s.id} onClick={() => setPreviewing(previewing() === s.id ? null : s.id)}>{t('history.preview')}</button>
                  <button data-action="restore" disabled={props.session.readOnly()} onClick={() => void restore(s)}>{t('history.restore')}</button>
                </div>
                <Show when={previewing() === s.id}>
                  <VersionPreview then={s.notebook} now={props.session.plain()} />
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </SidePanel>
  );
}
