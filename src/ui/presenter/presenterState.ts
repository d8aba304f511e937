/**
 * The presenter's state for one open notebook: whether it is showing, which slide, the privacy
 * mask, the reference values changes are measured from, and the log drawer. It is shared with the
 * projector window through `viewLink.ts`, so both show the same slide.
 */
import { createMemo, createSignal } from 'solid-js';
import type { NotebookSession } from '../../engine/session';
import { availableSlides, refKey } from '../../model/drivers';
import { splitCellKey } from '../../model/scenarios';
import type { SlideDef } from '../../model/drivers';
import { locale, setLocale } from '../../i18n';
import type { PresenterView } from '../../model/protocol';
import { createViewLink } from './viewLink';
import '../vocabulary';

export function createPresenterState(session: NotebookSession, options: { ask?: boolean } = {}) {
  const [open, setOpen] = createSignal(false);
  const [slideId, setSlideId] = createSignal('overview');
  // A window that asks (the projector) starts masked and draws nothing until it knows the
  // presenter's view (`settled`): it must never show more than the presenter.
  const [mask, setMask] = createSignal(!!options.ask);
  const [settled, setSettled] = createSignal(!options.ask);
  const [reference, setReference] = createSignal<Record<string, number>>({});
  const [logOpen, setLogOpen] = createSignal(false);
  const slides = createMemo<SlideDef[]>(() => availableSlides(session.doc));
  const index = createMemo(() => Math.max(0, slides().findIndex((s) => s.id === slideId())));
  const slide = createMemo<SlideDef | undefined>(() => slides()[index()]);

  const go = (i: number) => {
    const list = slides();
    if (list.length) setSlideId(list[Math.max(0, Math.min(list.length - 1, i))].id);
  };

  const view = (): PresenterView => ({ slide: slide()?.id ?? slideId(), mask: mask(), locale: locale(), reference: reference() });
  const apply = (v: PresenterView) => {
    setSlideId(v.slide);
    setMask(!!v.mask);
    if (v.locale !== locale() && (v.locale === 'en' || v.locale === 'zh-CN')) setLocale(v.locale);
    if (v.reference && typeof v.reference === 'object') setReference(v.reference);
  };
  createViewLink(session.doc.id, view, apply, { ask: options.ask, onSettled: () => setSettled(true) });

  return {
    session,
    open,
    setOpen,
    slides,
    slide,
    index,
    go,
    next: () => go(index() + 1),
    prev: () => go(index() - 1),
    mask,
    setMask,
    settled,
    reference,
    setReference,
    logOpen,
    setLogOpen,
  };
}

export type PresenterState = ReturnType<typeof createPresenterState>;

/** The numbers every KPI of every slide holds now: what "since start" is measured from. */
export function referenceValues(session: NotebookSession, slides: readonly SlideDef[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of slides) {
    for (const k of s.kpis) {
      const key = refKey(session.doc, k.id);
      const c = key && splitCellKey(key);
      const v = c ? session.values[c.sheet]?.[c.addr] : undefined;
      if (key && typeof v === 'number') out[key] = v;
    }
  }
  return out;
}

/**
 * Opens the projector window: the presenter route of this notebook in a second window.
 * `noopener` on purpose: a window that keeps its opener shares the opener's renderer process and
 * main thread, so every change would be drawn twice on one thread; without it the projector gets
 * its own process (and its own engine worker) and the editor window stays as fast as alone.
 * The windows talk over BroadcastChannel only, so nothing needs the opener.
 */
export function openProjectorWindow(notebookId: string): void {
  const url = `${location.origin}${location.pathname}${location.search}#/present/${encodeURIComponent(notebookId)}`;
  window.open(url, '_blank', 'noopener,popup=yes,width=1280,height=720');
}

/** Full screen on or off (browsers allow it only from a user's key press or click). */
export function toggleFullscreen(): void {
  if (document.fullscreenElement) void document.exitFullscreen?.().catch(() => {});
  else void document.documentElement.requestFullscreen?.().catch(() => {});
}
