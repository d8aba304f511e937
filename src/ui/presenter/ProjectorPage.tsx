/**
 * The projector window (`#/present/<id>`): the clean presenter view in a second window, for the
 * room, while the laptop keeps the editor.
 *
 * How it stays in sync: it runs its own engine on its own copy of the document, and follows the
 * editing window the way a read-only tab does (`storage/tabLock.ts`): on opening it asks the
 * notebook's channel for the whole document ("hello"), then applies every command batch the
 * editor publishes ("edits") to its document and engine. Commands are a few hundred bytes, and
 * both engines compute in parallel, so the projector shows a change about when the editor does
 * (measured: see README of this folder). The view (slide, privacy mask, language, reference
 * values) follows through `viewLink.ts`.
 *
 * Closing either window leaves the other working: the projector has its own engine and document;
 * if no editor answers (closed, or never opened) it loads the notebook from this device's storage
 * and shows it as saved. It never writes to storage.
 */
import { createSignal, onCleanup, onMount, Show, For } from 'solid-js';
import { createNotebookSession } from '../../engine/session';
import type { NotebookSession } from '../../engine/session';
import { startEngineWorker } from '../../engine/engineClient';
import { readOpsbookData, toOpsbookFile } from '../../model/fileFormat';
import type { Notebook } from '../../model/notebook';
import type { NotebookMessage } from '../../model/protocol';
import { asNotebookMessage, notebookChannelName } from '../../model/protocol';
import { activeScenarioId } from '../../model/scenarios';
import { locale, t } from '../../i18n';
import { notebookStore } from '../services';
import { scenarioName } from '../scenarios/actions';
import { createPresenterState, toggleFullscreen } from './presenterState';
import { SlideView } from './Slides';
import './presenter.css';
import './messages';

/** How long to wait for an editing window before reading the notebook from storage. */
const EDITOR_WAIT_MS = 700;

export default function ProjectorPage(props: { id: string }) {
  const [session, setSession] = createSignal<NotebookSession | null>(null);
  const [missing, setMissing] = createSignal(false);
  let current: NotebookSession | null = null;
  let gotDocument = false;

  /** Documents from the channel or storage pass the file schema first (the channel is a door in). */
  function adopt(nb: unknown): void {
    const r = readOpsbookData(toOpsbookFile(nb as Notebook));
    if (!r.ok || r.notebook.id !== props.id) return;
    gotDocument = true;
    if (current) void current.replaceDocument(r.notebook);
    else {
      current = createNotebookSession(r.notebook, { startEngine: startEngineWorker });
      current.setReadOnly(true);
      void current.start();
      setSession(current);
    }
  }

  const channel = typeof BroadcastChannel !== 'undefined' ? new BroadcastChannel(notebookChannelName(props.id)) : null;
  if (channel) {
    channel.onmessage = (e: MessageEvent<unknown>) => {
      const m = asNotebookMessage(e.data);
      if (m?.type === 'document') adopt(m.notebook);
      // Edits that arrive before the document are already in it.
      else if (m?.type === 'edits' && current) current.applyRemote(m.cmds);
    };
    channel.postMessage({ type: 'hello' } satisfies NotebookMessage);
  }
  const timer = setTimeout(async () => {
    if (gotDocument) return;
    const nb = await (await notebookStore()).get(props.id);
    if (gotDocument) return;
    if (nb) adopt(nb);
    else setMissing(true);
  }, EDITOR_WAIT_MS);

  onCleanup(() => {
    clearTimeout(timer);
    channel?.close();
    current?.close();
  });

  return (
    <div class="projector-page" data-testid="projector">
      <Show when={session()} fallback={<p class="pr-empty">{missing() ? t('nb.notFound') : t('present.waiting')}</p>}>
        {(s) => <ProjectorView session={s()} />}
      </Show>
    </div>
  );
}

function ProjectorView(props: { session: NotebookSession }) {
  const session = props.session;
  const st = createPresenterState(session, { ask: true });
  const lang = () => (locale() === 'en' ? 'en' : 'zh');
  const [hint, setHint] = createSignal(true);
  let root!: HTMLDivElement;

  function onKey(e: KeyboardEvent): void {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === 'ArrowRight' || e.key === 'PageDown' || e.key === ' ') st.next();
    else if (e.key === 'ArrowLeft' || e.key === 'PageUp') st.prev();
    else if (/^[1-9]$/.test(e.key)) st.go(Number(e.key) - 1);
    else if (e.key === 'p' || e.key === 'P') st.setMask(!st.mask());
    else if (e.key === 'f' || e.key === 'F') toggleFullscreen();
    else if (e.key === 'Escape' && document.fullscreenElement) toggleFullscreen();
    else return;
    e.preventDefault();
  }
  onMount(() => {
    window.addEventListener('keydown', onKey);
    root.focus();
    const hide = setTimeout(() => setHint(false), 4000);
    onCleanup(() => clearTimeout(hide));
  });
  onCleanup(() => window.removeEventListener('keydown', onKey));
  const title = () => t('present.projectorTitleBar', { title: session.doc.title });
  onMount(() => (document.title = title()));

  return (
    <div class="presenter projector" ref={root} tabIndex={-1} data-testid="projector-view" classList={{ masked: st.mask() }} onDblClick={toggleFullscreen} lang={locale()}>
      <header class="pr-header">
        <div class="pr-title">
          <span class="pr-count">{t('present.slideOf', { n: st.index() + 1, total: st.slides().length })}</span>
          <h1>{st.settled() ? st.slide()?.title[lang()] ?? '' : ''}</h1>
        </div>
        <span class="sr-only" data-testid="engine-status">{session.busy() ? 'busy' : 'ready'}</span>
        <div class="pr-scenario-badge" data-testid="projector-scenario">{scenarioName(session.doc, activeScenarioId(session.doc))}</div>
      </header>
      <main class="pr-main">
        {/* Nothing is drawn before the presenter's view is known: the mask and slide come first. */}
        <Show when={st.settled()} fallback={<p class="pr-empty">{t('present.waiting')}</p>}>
          <Show when={st.slide()} keyed fallback={<p class="pr-empty">{t('present.noSlides')}</p>}>
            {(slide) => <SlideView session={session} slide={slide} mask={st.mask()} reference={st.reference()} />}
          </Show>
        </Show>
      </main>
      <footer class="pr-footer">
        <nav class="pr-dots">
          <For each={st.slides()}>{(s, i) => <button data-slide-button={s.id} classList={{ on: i() === st.index() }} onClick={() => st.go(i())}>{i() + 1}</button>}</For>
        </nav>
        <Show when={hint()}><span class="pr-keys">{t('present.fullscreenHint')}</span></Show>
      </footer>
    </div>
  );
}
