import { render } from 'solid-js/web';
import { App } from './ui/shell/App';
import './ui/styles.css';

render(() => <App />, document.getElementById('root')!);

// Offline after the first visit: the service worker precaches every file of the build (see
// src/sw/sw.ts). Only built apps have one; the dev server serves modules that change all the time.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('./sw.js', { scope: './' }).catch((e: unknown) => {
      // The app works without it (only not offline), e.g. on a file:// page or in a private window.
      console.warn('Opsbook: no offline copy:', e);
    });
  });
}
