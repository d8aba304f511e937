/**
 * Hash routes, so any static host serves every address: `#/` is home, `#/nb/<id>/<sheet>` a
 * notebook at a sheet. Reloading an address reopens the same notebook at the same sheet.
 */
import { createSignal } from 'solid-js';

export type Route = { page: 'home' } | { page: 'notebook'; id: string; sheet?: string } | { page: 'print'; id: string } | { page: 'present'; id: string };

export function parseHash(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'nb' && parts[1]) return { page: 'notebook', id: parts[1], sheet: parts[2] };
  if (parts[0] === 'print' && parts[1]) return { page: 'print', id: parts[1] };
  if (parts[0] === 'present' && parts[1]) return { page: 'present', id: parts[1] };
  return { page: 'home' };
}

export function routeHash(r: Route): string {
  if (r.page === 'home') return '#/';
  if (r.page === 'print') return `#/print/${encodeURIComponent(r.id)}`;
  if (r.page === 'present') return `#/present/${encodeURIComponent(r.id)}`;
  return `#/nb/${encodeURIComponent(r.id)}${r.sheet ? `/${encodeURIComponent(r.sheet)}` : ''}`;
}

const [route, setRoute] = createSignal<Route>(parseHash(location.hash));
window.addEventListener('hashchange', () => setRoute(parseHash(location.hash)));
export { route };

export function navigate(r: Route, opts: { replace?: boolean } = {}): void {
  const hash = routeHash(r);
  if (hash === location.hash) return;
  if (opts.replace) history.replaceState(null, '', hash);
  else history.pushState(null, '', hash);
  setRoute(parseHash(hash));
}
