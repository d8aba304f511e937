/**
 * Home: the user's notebooks (open, rename, duplicate, delete with confirmation), the template
 * gallery, and file import. Every entry of the gallery carries `data-template="<id>"`.
 */
import { createResource, createSignal, For, lazy, Show } from 'solid-js';
import { t, locale, setLocale } from '../../i18n';
import { newId } from '../../model/notebook';
import type { Notebook } from '../../model/notebook';
import type { NotebookSummary } from '../services';
import { navigate } from '../router';
import { handOff, notebookStore, notify } from '../services';
import { confirmDialog, promptDialog } from '../dialogs';
import { createFromGallery, GALLERY } from './gallery';

const SetupDialog = lazy(() => import('../clientPlan/SetupDialog').then((m) => ({ default: m.SetupDialog })));

export function HomePage() {
  const [list, { refetch }] = createResource(async () => (await notebookStore()).list());
  const [setup, setSetup] = createSignal(false);

  async function createFrom(id: string) {
    // A plan for a client asks for the client's lists first.
    if (id === 'client-plan') return setSetup(true);
    const nb = await createFromGallery(id, locale());
    if (nb) open(nb, true);
  }

  /**
   * Opens a new notebook at once; its page stores it as soon as its engine is building (the save's
   * copy of a large plan would otherwise hold the first values back). `checked`: built by the app
   * or read through the validating reader.
   */
  function open(nb: Notebook, checked: boolean) {
    handOff(nb, checked);
    navigate({ page: 'notebook', id: nb.id });
  }

  async function rename(s: NotebookSummary) {
    const title = await promptDialog(t('home.rename'), s.title);
    if (!title?.trim()) return;
    // One transaction and a new revision: a tab with the notebook open takes the title in.
    await (await notebookStore()).rename(s.id, title.trim());
    void refetch();
  }

  async function duplicate(s: NotebookSummary) {
    const store = await notebookStore();
    const nb = await store.get(s.id);
    if (!nb) return;
    const now = Date.now();
    await store.put({ ...nb, id: newId('nb'), title: t('home.copyOf', { title: nb.title }), createdAt: now, updatedAt: now });
    void refetch();
  }

  async function remove(s: NotebookSummary) {
    if (!(await confirmDialog(t('home.confirmDelete', { title: s.title }), t('home.delete')))) return;
    await (await notebookStore()).delete(s.id);
    void refetch();
  }

  async function onFile(input: HTMLInputElement) {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const { importFile, distinctTitle } = await import('./importFile');
    const r = await importFile(file);
    if (!r.ok) {
      notify('error', r.message);
      return;
    }
    r.notebook.title = distinctTitle(r.notebook.title, ((await (await notebookStore()).list()) ?? []).map((s) => s.title));
    notify('info', r.notes.length ? r.notes.join(' ') : t('file.imported', { title: r.notebook.title }));
    // A .json went through the validating reader; an .xlsx is checked by its page.
    open(r.notebook, r.checked === true);
  }

  const when = (ms: number) => new Date(ms).toLocaleString(locale());

  return (
    <main class="home" data-testid="home-page">
      <Show when={setup()}>
        <SetupDialog onClose={() => setSetup(false)} onCreate={(nb) => { setSetup(false); open(nb, true); }} />
      </Show>
      <header class="home-header">
        <h1>Opsbook <small>{t('app.tagline')}</small></h1>
        <button class="lang" data-testid="language" onClick={() => setLocale(locale() === 'en' ? 'zh-CN' : 'en')}>{locale() === 'en' ? '中文' : 'EN'}</button>
      </header>
      <section>
        <h2>{t('home.gallery')}</h2>
        <div class="gallery">
          <For each={GALLERY}>
            {(g) => (
              <button class="gallery-card" data-template={g.id} onClick={() => void createFrom(g.id)}>
                <strong>{g.title[locale()]}</strong>
                <span>{g.description[locale()]}</span>
              </button>
            )}
          </For>
        </div>
      </section>
      <section>
        <div class="section-head">
          <h2>{t('home.notebooks')}</h2>
          {/* The browser's own file button speaks the browser's language: hidden, the label is the button. */}
          <label class="import file-pick">
            {t('home.import')}
            <input type="file" data-testid="import-file" accept=".json,.opsbook.json,.xlsx,application/json" onChange={(e) => void onFile(e.currentTarget)} />
          </label>
        </div>
        <Show when={(list() ?? []).length > 0} fallback={<p class="muted">{t('home.empty')}</p>}>
          <ul class="notebook-list">
            <For each={list()}>
              {(s) => (
                <li data-notebook={s.id}>
                  <a href={`#/nb/${encodeURIComponent(s.id)}`} class="nb-title">{s.title}</a>
                  <span class="muted">{t('home.sheets', { n: s.sheetCount })} · {t('home.updated', { when: when(s.updatedAt) })}</span>
                  <span class="actions">
                    <button onClick={() => navigate({ page: 'notebook', id: s.id })}>{t('home.open')}</button>
                    <button data-action="rename" onClick={() => void rename(s)}>{t('home.rename')}</button>
                    <button data-action="duplicate" onClick={() => void duplicate(s)}>{t('home.duplicate')}</button>
                    <button data-action="delete" class="danger" onClick={() => void remove(s)}>{t('home.delete')}</button>
                  </span>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </section>
    </main>
  );
}

