/**
 * The presenter in the editor window: full screen over the editor (which keeps its state), one
 * slide at a time with live drivers, scenario chips, the privacy mask, the decision log and a
 * one-keystroke note. Keys: ←/→ (PageUp/PageDown, space) move, 1–9 jump, P privacy, L log,
 * N note on the last change, F full screen, Ctrl+Z / Ctrl+Y undo / redo, Esc leaves.
 */
import { dismissNotice } from '../services';
import { createMemo, createSignal, onCleanup, onMount, Show, For } from 'solid-js';
import type { Decision } from '../../model/decisionLog';
import { locale, setLocale, t } from '../../i18n';
import { ScenarioChips } from '../scenarios/ScenarioSwitcher';
import { createDriverControl } from './driverControl';
import { createReplay, DecisionLogView, describeDecision } from './DecisionLog';
import type { PresenterState } from './presenterState';
import { toggleFullscreen } from './presenterState';
import { SlideView } from './Slides';
import './presenter.css';
import './messages';

const lang = () => (locale() === 'en' ? 'en' : 'zh');

function isTyping(el: EventTarget | null): boolean {
  if (!(el instanceof HTMLElement)) return false;
  if (el instanceof HTMLTextAreaElement || el.isContentEditable) return true;
  return el instanceof HTMLInputElement && el.type !== 'range' && el.type !== 'button' && el.type !== 'checkbox';
}

export default function PresenterOverlay(props: { state: PresenterState; onExit(): void; openProjector(): void }) {
  const st = props.state;
  const session = st.session;
  const control = createDriverControl(session, { log: () => true });
  const replay = createReplay(session);
  const [noteFor, setNoteFor] = createSignal<Decision | null>(null);
  const lastDecision = createMemo(() => {
    const log = session.doc.decisions ?? [];
    for (let i = log.length - 1; i >= 0; i--) if (!log[i].undone) return log[i];
    return null;
  });
  let root!: HTMLDivElement;

  const exit = () => {
    control.settle();
    replay.stop();
    if (document.fullscreenElement) void document.exitFullscreen?.().catch(() => {});
    props.onExit();
  };

  function onKey(e: KeyboardEvent): void {
    if (isTyping(e.target)) return;
    const onSlider = e.target instanceof HTMLInputElement && e.target.type === 'range';
    const mod = e.ctrlKey || e.metaKey;
    let handled = true;
    if (mod && e.key.toLowerCase() === 'z' && !e.shiftKey) {
      control.settle();
      session.undo();
    } else if (mod && (e.key.toLowerCase() === 'y' || (e.key.toLowerCase() === 'z' && e.shiftKey))) {
      control.settle();
      session.redo();
    } else if (mod || e.altKey) handled = false;
    else if (e.key === 'Escape') {
      if (noteFor()) setNoteFor(null);
      else if (st.logOpen()) st.setLogOpen(false);
      else exit();
    } else if (!onSlider && (e.key === 'ArrowRight' || e.key === 'ArrowDown')) st.next();
    else if (!onSlider && (e.key === 'ArrowLeft' || e.key === 'ArrowUp')) st.prev();
    else if (e.key === 'PageDown' || e.key === ' ') st.next();
    else if (e.key === 'PageUp') st.prev();
    else if (e.key === 'Home') st.go(0);
    else if (e.key === 'End') st.go(st.slides().length - 1);
    else if (/^[1-9]$/.test(e.key)) st.go(Number(e.key) - 1);
    else if (e.key === 'p' || e.key === 'P') st.setMask(!st.mask());
    else if (e.key === 'l' || e.key === 'L') st.setLogOpen(!st.logOpen());
    else if (e.key === 'f' || e.key === 'F') toggleFullscreen();
    else if ((e.key === 'n' || e.key === 'N') && lastDecision()) setNoteFor(lastDecision());
    else handled = false;
    if (handled) {
      e.preventDefault();
      e.stopPropagation();
    }
  }

  onMount(() => {
    window.addEventListener('keydown', onKey, true);
    document.body.classList.add('presenting');
    // Nothing of the editor's stays on top of the slides: a notice from before (an import, a save) goes.
    dismissNotice();
    root.focus({ preventScroll: true });
  });
  onCleanup(() => {
    window.removeEventListener('keydown', onKey, true);
    document.body.classList.remove('presenting');
  });

  return (
    <div class="presenter" ref={root} tabIndex={-1} role="dialog" aria-modal="true" data-testid="presenter" classList={{ masked: st.mask() }} lang={locale()}>
      <header class="pr-header">
        <div class="pr-title">
          <span class="pr-count">{t('present.slideOf', { n: st.index() + 1, total: st.slides().length })}</span>
          <h1>{st.slide()?.title[lang()] ?? ''}</h1>
        </div>
        <ScenarioChips session={session} log beforeSwitch={() => control.settle()} />
      </header>
      <Show when={session.readOnly()}><div class="pr-banner">{t('present.readOnly')}</div></Show>
      <main class="pr-main">
        <Show when={st.slide()} keyed fallback={<p class="pr-empty">{t('present.noSlides')}</p>}>
          {(slide) => <SlideView session={session} slide={slide} mask={st.mask()} reference={st.reference()} control={control} />}
        </Show>
      </main>
      <footer class="pr-footer">
        <button class="pr-arrow" aria-label={t('present.prev')} title={t('present.prev')} disabled={st.index() === 0} onClick={() => st.prev()}>‹</button>
        <nav class="pr-dots" title={t('present.keys')}>
          <For each={st.slides()}>
            {(s, i) => (
              <button data-slide-button={s.id} classList={{ on: i() === st.index() }} onClick={() => st.go(i())} title={`${i() + 1}. ${s.title[lang()]}`}>
                {i() + 1}
              </button>
            )}
          </For>
        </nav>
        <button class="pr-arrow" aria-label={t('present.next')} title={t('present.next')} disabled={st.index() >= st.slides().length - 1} onClick={() => st.next()}>›</button>
        <span class="pr-keys">{lastDecision() && !noteFor() ? t('present.noteHint') : ''}</span>
        <div class="pr-tools">
          <button data-testid="privacy-toggle" aria-pressed={st.mask()} classList={{ on: st.mask() }} title={t('present.privacyTitle')} onClick={() => st.setMask(!st.mask())}>
            {t('present.privacy')}
          </button>
          <button data-testid="decision-log-toggle" aria-pressed={st.logOpen()} classList={{ on: st.logOpen() }} title={t('present.logTitle')} onClick={() => st.setLogOpen(!st.logOpen())}>
            {t('present.log')} <span class="pr-badge">{(session.doc.decisions ?? []).filter((d) => !d.undone).length}</span>
          </button>
          <button data-testid="projector-window" title={t('present.projectorTitle')} onClick={() => props.openProjector()}>{t('present.projector')}</button>
          <button title={t('present.undo')} aria-label={t('present.undo')} disabled={!session.canUndo()} onClick={() => { control.settle(); session.undo(); }}>↶</button>
          <button title={t('present.redo')} aria-label={t('present.redo')} disabled={!session.canRedo()} onClick={() => { control.settle(); session.redo(); }}>↷</button>
          <button data-testid="present-language" onClick={() => setLocale(locale() === 'en' ? 'zh-CN' : 'en')}>{locale() === 'en' ? '中文' : 'EN'}</button>
          <button data-testid="present-exit" title={t('present.exitTitle')} onClick={exit}>✕ {t('present.exit')}</button>
        </div>
      </footer>
      <Show when={noteFor()}>
        {(d) => (
          <div class="pr-note">
            <input
              data-testid="decision-note"
              ref={(el) => queueMicrotask(() => el.focus())}
              value={d().note ?? ''}
              placeholder={t('present.notePlaceholder', { what: describeDecision(session.doc, d()).what })}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  control.note(d().id, e.currentTarget.value);
                  setNoteFor(null);
                  root.focus({ preventScroll: true });
                } else if (e.key === 'Escape') {
                  setNoteFor(null);
                  root.focus({ preventScroll: true });
                }
                e.stopPropagation();
              }}
            />
          </div>
        )}
      </Show>
      <Show when={st.logOpen()}>
        <aside class="pr-log">
          <header><strong>{t('log.title')}</strong><button onClick={() => st.setLogOpen(false)} aria-label={t('common.close')}>×</button></header>
          <DecisionLogView session={session} replay={replay} onNote={(d) => setNoteFor(d)} log />
        </aside>
      </Show>
    </div>
  );
}
