/** The app shell: routes between home and a notebook, and hosts dialogs and notices. */
import { lazy, Match, Show, Switch } from 'solid-js';
import { route } from '../router';
import { HomePage } from '../home/HomePage';
// The editor and the print view load on first use: the shell is the home page.
const NotebookPage = lazy(() => import('../notebook/NotebookPage').then((m) => ({ default: m.NotebookPage })));
const PrintView = lazy(() => import('../print/PrintView').then((m) => ({ default: m.PrintView })));
import { DialogHost } from '../dialogs';
import { dismissNotice, notice } from '../services';
import { t } from '../../i18n';
import '../messages';

/** The projector window (a second window of the presenter), loaded only there. */
const ProjectorPage = lazy(() => import('../presenter/ProjectorPage'));

// Load the engine while the rest starts: at once when the app opens on a notebook, when idle
// otherwise. When the service worker takes control later (a first visit), the spare is replaced:
// its script must come through the service worker, which adds the policy header a host may lack.
const prewarm = () => void import('../../engine/engineClient').then((m) => m.prewarmEngine());
if (route().page === 'home') (globalThis.requestIdleCallback ?? setTimeout)(prewarm);
else prewarm();
navigator.serviceWorker?.addEventListener('controllerchange', () =>
  void import('../../engine/engineClient').then((m) => m.replaceSpareEngine()),
);

export function App() {
  return (
    <>
      <Switch>
        <Match when={route().page === 'home'}>
          <HomePage />
        </Match>
        <Match when={route().page === 'notebook' && route()}>
          {(r) => {
            const id = () => (r() as { id: string }).id;
            return <Show when={id()} keyed>{(nbId) => <NotebookPage id={nbId} sheet={(route() as { sheet?: string }).sheet} />}</Show>;
          }}
        </Match>
        <Match when={route().page === 'print' && route()}>
          {(r) => <Show when={(r() as { id: string }).id} keyed>{(nbId) => <PrintView id={nbId} />}</Show>}
        </Match>
        <Match when={route().page === 'present' && route()}>
          {(r) => <Show when={(r() as { id: string }).id} keyed>{(nbId) => <ProjectorPage id={nbId} />}</Show>}
        </Match>
      </Switch>
      {/* the projector window shows the slides only */}
      <Show when={route().page !== 'present' && notice()}>
        {(n) => (
          <div class={`notice notice-${n().kind}`} role={n().kind === 'error' ? 'alert' : 'status'} data-testid="notice">
            <span>{n().text}</span>
            <button aria-label={t('common.close')} onClick={dismissNotice}>×</button>
          </div>
        )}
      </Show>
      <DialogHost />
    </>
  );
}
