/**
 * A notebook page: loads the document from storage, starts its session (engine worker + stores),
 * autosaves every change, and lays out toolbar, formula bar, grid, sheet tabs and status.
 */
import { createEffect, createResource, createSignal, For, onCleanup, Show } from 'solid-js';
import { ABOVE_GRID, SIDE_PANELS, TOOLBAR_ITEMS } from './extensions';
import '../charts/register';
import type { NotebookContext } from './extensions';
import { createOwned, NotebookProvider } from '../workbench/context';
import type { JSX } from 'solid-js';
import { createNotebookSession } from '../../engine/session';
import type { NotebookSession } from '../../engine/session';
import { onPolicyControl, startEngineWorker } from '../../engine/engineClient';
import { HistoryPanel } from './HistoryPanel';
import { TemplateMenu } from './TemplateMenu';
import { ImportReportPanel } from './importReport';
import { importReportOf } from '../workbench/importReportData';
import { t } from '../../i18n';
import { navigate } from '../router';
import { createAutosave, createHistory, createTabLock, notebookStore, notify, takeHandedOff } from '../services';
import { Grid } from '../grid/Grid';
import { FormulaBar } from './FormulaBar';
import { SheetTabs } from './SheetTabs';
import { sessionProblemText } from '../problemMessages';
import { Toolbar } from './Toolbar';
import { StatusBar } from './StatusBar';
import { createWorkbench } from '../workbench/workbench';
import type { Workbench } from '../workbench/workbench';
import { ChecksButton, ChecksPanel } from './ChecksPanel';
import { createChecks } from '../workbench/checkList';
import type { Notebook } from '../../model/notebook';
import { validateNotebook } from '../../model/validate';
import { notebookProblemText } from '../notebookProblems';
import '../whatif/register';
import '../presenter/register';
import '../rounds/register';
import '../clientPlan/register';
import '../months/register';

export function NotebookPage(props: { id: string; sheet?: string }) {
  // The revision read with the notebook: autosave's writes are refused once another writer moved past it.
  const [nb] = createResource(() => props.id, async (id) => {
    const handed = takeHandedOff(id);
    if (handed) return { notebook: handed.notebook, rev: undefined, fresh: true, checked: handed.checked };
    const store = await notebookStore();
    const [notebook, rev] = await Promise.all([store.get(id), store.revision(id)]);
    return notebook ? { notebook, rev } : null;
  });
  return (
    <Show when={!nb.loading} fallback={<div class="page-message">{t('nb.loading')}</div>}>
      <Show when={nb()} fallback={<div class="page-message" data-testid="not-found">{t('nb.notFound')}</div>}>
        {(loaded) => {
          // Stored before the stored-notebook check existed, or by another build: say what is
          // wrong instead of freezing on it. The stored copy is left as it is.
          const problems = loaded().checked ? [] : validateNotebook(loaded().notebook);
          return problems.length ? (
            <div class="page-message" data-testid="unusable" role="alert">{t('nb.unusable', { detail: problems.slice(0, 3).map(notebookProblemText).join('; ') })}</div>
          ) : (
            <OpenNotebook notebook={loaded().notebook} rev={loaded().rev} fresh={loaded().fresh} sheet={props.sheet} />
          );
        }}
      </Show>
    </Show>
  );
}

/** Everything that lives as long as one notebook is open. */
function OpenNotebook(props: { notebook: Notebook; rev?: number; fresh?: boolean; sheet?: string }): JSX.Element {
  const autosave = createAutosave(notebookStore, {
    rev: props.rev,
    onRenamedElsewhere: (title) => session.setTitle(title),
  });
  const history = createHistory(notebookStore, props.notebook.id);
  const afterChange: ((doc: Notebook) => void)[] = [(doc) => void history.noteEdit(doc)];
  // Other tabs on this notebook: one edits, the others follow (see storage/tabLock.ts).
  const tabs = createTabLock(props.notebook.id, {
    onRemoteEdits: (cmds) => session.applyRemote(cmds),
    onRemoteDocument: (nb) => void session.replaceDocument(nb),
    onRoleChange: (role) => {
      session.setReadOnly(role === 'follower');
      if (role === 'follower') notify('info', t('tabs.nowFollowing'));
    },
    currentDocument: () => session.plain(),
  });
  const session: NotebookSession = createNotebookSession(props.notebook, {
    startEngine: startEngineWorker,
    onCommit: (cmds) => tabs.publish(cmds),
    onDocumentChange: (doc) => {
      autosave.schedule(doc);
      for (const fn of afterChange) fn(doc);
    },
    onProblem: (p) => notify('error', sessionProblemText(p)),
  });
  void session.start();
  // A notebook handed over new is stored now, while its engine builds: its copy for IndexedDB
  // no longer holds the first values back.
  if (props.fresh) {
    autosave.schedule(session.plain());
    void autosave.flush();
  }
  void tabs.start();
  // First visit: an engine started before the service worker took control runs without the
  // page's policy (its script came straight from a host that may send none). Rebuild it from the
  // document as soon as control arrives, so no engine keeps running outside the policy.
  const stopPolicyWatch = onPolicyControl(() => {
    const current = session.engine();
    if (current && !current.underPolicy) void session.start();
  });
  onCleanup(stopPolicyWatch);
  const wb: Workbench = createWorkbench(session, props.sheet);
  const checks = createChecks(wb);
  afterChange.push(checks.rescan);
  const [panel, setPanel] = createSignal<string | null>(null);
  const togglePanel = (id: string) => setPanel(panel() === id ? null : id);
  if (importReportOf(props.notebook)?.unsupportedCount) setPanel('import-report');
  async function restore(nb: Notebook, reason: string): Promise<void> {
    await history.take(session.plain(), reason);
    await session.replaceDocument({ ...nb, id: session.doc.id, updatedAt: Date.now() });
    wb.showSheet(session.doc.sheets.some((s) => s.name === wb.sheetName()) ? wb.sheetName() : session.doc.sheets[0].name);
    autosave.schedule(session.plain());
    tabs.publishDocument(session.plain());
  }
  const onClosed: (() => void)[] = [];
  const ctx: NotebookContext = { wb, session, checks, togglePanel, panel, onDocumentChange: (fn) => afterChange.push(fn), history, restore, onClose: (fn) => onClosed.push(fn), own: createOwned() };
  const [gridEl, setGridEl] = createSignal<HTMLElement | null>(null);
  const focusGrid = () => (gridEl()?.querySelector('.grid-input') as HTMLElement | null)?.focus({ preventScroll: true });

  // The address follows the sheet shown, so a reload reopens it.
  createEffect(() => navigate({ page: 'notebook', id: session.doc.id, sheet: wb.sheetName() }, { replace: true }));

  // Last chance to write pending edits when the tab goes away.
  const flush = () => void autosave.flush();
  window.addEventListener('pagehide', flush);
  window.addEventListener('beforeunload', flush);
  document.addEventListener('visibilitychange', flush);
  onCleanup(() => {
    window.removeEventListener('pagehide', flush);
    window.removeEventListener('beforeunload', flush);
    document.removeEventListener('visibilitychange', flush);
    void autosave.flush();
    for (const fn of onClosed) fn();
    tabs.close();
    session.close();
  });

  // Ctrl+Z / Ctrl+Y (Ctrl+Shift+Z) wherever the focus is on the page but in a text field — after a
  // click on a sheet tab or a toolbar button too, as in Excel. The grid handles its own keys first.
  const onPageKey = (e: KeyboardEvent) => {
    if (e.defaultPrevented || !(e.ctrlKey || e.metaKey) || e.altKey) return;
    const el = e.target as HTMLElement | null;
    if (el?.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]')) return;
    const k = e.key.toLowerCase();
    if (k === 'z' && !e.shiftKey) wb.undo();
    else if (k === 'y' || (k === 'z' && e.shiftKey)) wb.redo();
    else return;
    e.preventDefault();
  };

  // Test and script hook: the open session (read-only use; the UI never needs it).
  (window as unknown as { __opsbook?: unknown }).__opsbook = { session, wb };

  return (
    <NotebookProvider value={ctx}>
    <div class="notebook-page" data-notebook-id={session.doc.id} onKeyDown={onPageKey}>
      <Toolbar>
        <TemplateMenu beforeInsert={() => history.take(session.plain(), 'beforeTemplate')} />
        <span class="spacer" />
        <For each={TOOLBAR_ITEMS}>{(item) => item.render(ctx)}</For>
        <ChecksButton checks={checks} open={panel() === 'checks'} onToggle={() => togglePanel('checks')} />
        <Show when={importReportOf(session.doc)}>
          {(r) => <button data-testid="import-report-button" onClick={() => togglePanel('import-report')}>{t('report.button', { n: r().unsupportedCount + r().warnings.length })}</button>}
        </Show>
        <button data-testid="history" aria-expanded={panel() === 'history'} onClick={() => togglePanel('history')}>{t('history.title')}</button>
      </Toolbar>
      <Show when={tabs.role() === 'follower'}>
        <div class="readonly-banner" data-testid="readonly-banner" role="status">
          <span>{t('tabs.following')}</span>
          <button class="primary" data-testid="take-over" onClick={() => void tabs.takeOver()}>{t('tabs.takeOver')}</button>
        </div>
      </Show>
      <FormulaBar focusGrid={focusGrid} />
      <div class="workspace">
        <div class="main-column">
          <For each={ABOVE_GRID}>{(item) => item.render(ctx)}</For>
          <div class="grid-host" ref={setGridEl}>
            <Grid />
          </div>
        </div>
        <Show when={panel() === 'checks'}>
          <ChecksPanel onClose={() => setPanel(null)} />
        </Show>
        <Show when={panel() === 'import-report'}>
          <ImportReportPanel {...ctx} close={() => setPanel(null)} />
        </Show>
        <Show when={panel() === 'history'}>
          <HistoryPanel {...ctx} close={() => setPanel(null)} />
        </Show>
        <For each={SIDE_PANELS}>
          {(p) => <Show when={panel() === p.id}>{p.render({ ...ctx, close: () => setPanel(null) })}</Show>}
        </For>
      </div>
      <SheetTabs onShown={focusGrid} />
      <StatusBar saveStatus={autosave.status} saveError={autosave.lastError} />
    </div>
    </NotebookProvider>
  );
}
