/**
 * How the notebook view is shown (a UI preference of this browser, not part of any notebook):
 * shown or hidden (toolbar toggle), collapsed to its header, and its height above the grid.
 */
import { createSignal } from 'solid-js';
import { readSetting, writeSetting } from '../services';

interface Saved {
  shown: boolean;
  collapsed: boolean;
  height?: number;
}

function load(): Saved {
  const s = readSetting('notebookView');
  const v = s && typeof s === 'object' ? (s as Partial<Saved>) : null;
  return { shown: v?.shown !== false, collapsed: v?.collapsed === true, height: typeof v?.height === 'number' && Number.isFinite(v.height) ? v.height : undefined };
}

export function defaultHeight(): number {
  const h = globalThis.innerHeight || 900;
  // the grid keeps most of the screen: at 1440×900 the pane starts at 360 px
  return Math.round(Math.min(600, Math.max(260, h * 0.4)));
}

export function createViewState() {
  const saved = load();
  const [shown, setShownSignal] = createSignal(saved.shown);
  const [collapsed, setCollapsedSignal] = createSignal(saved.collapsed);
  const [height, setHeight] = createSignal(saved.height ?? defaultHeight());
  const persist = () => writeSetting('notebookView', { shown: shown(), collapsed: collapsed(), height: height() });
  return {
    shown,
    collapsed,
    height,
    setShown(v: boolean) {
      setShownSignal(v);
      persist();
    },
    setCollapsed(v: boolean) {
      setCollapsedSignal(v);
      persist();
    },
    /** While dragging; `persist()` when the drag ends. */
    setHeight,
    persist,
  };
}

export type ViewState = ReturnType<typeof createViewState>;
