/**
 * The service worker: after the first visit Opsbook opens and runs with no network at all.
 *
 * At build time `scripts/vite-sw-plugin.ts` compiles this file to `sw.js` and puts two constants
 * in front of it: every file the build emitted (`index.html`, the JS chunks including the engine
 * worker and the lazily loaded template and import chunks, CSS) and a version made from a hash of
 * that list. Installing fetches the whole list into one cache named after the version, so a
 * half-filled cache never serves; activating (once no tab runs the old version) deletes the caches
 * of older versions.
 *
 * Requests are answered cache-first for precached files, with the network as the fallback for
 * anything else; opening the app (its folder or `index.html`, with any hash route) gets the cached
 * `index.html`. Nothing here talks to another origin: requests to other origins are not touched,
 * and the page's Content-Security-Policy forbids them anyway. Every answer carries that policy as
 * a header too, so it also binds the engine worker (a meta tag binds only the page).
 *
 * No imports: the plugin compiles this one file on its own.
 */

/** Paths relative to the service worker's own folder, e.g. `index.html`, `assets/index-abc.js`. */
declare const __OPSBOOK_PRECACHE__: readonly string[];
/** A hash of the precache list; a new build with other files gets a new cache. */
declare const __OPSBOOK_VERSION__: string;
/** The Content-Security-Policy of `index.html`'s meta tag ('' if it has none). */
declare const __OPSBOOK_CSP__: string;

const CACHE_PREFIX = 'opsbook-precache-';
const CACHE_NAME = CACHE_PREFIX + __OPSBOOK_VERSION__;

// `self` is typed as a Window in the DOM lib the rest of the app compiles against.
const sw = self as unknown as ServiceWorkerGlobalScope;

/** Absolute URLs of the precached files, resolved against the worker's own address. */
const PRECACHE_URLS = new Set(__OPSBOOK_PRECACHE__.map((path) => new URL(path, sw.location.href).href));
const INDEX_URL = new URL('index.html', sw.location.href).href;

sw.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE_NAME);
      // `cache: 'reload'` skips the HTTP cache so a new version never precaches stale files.
      await cache.addAll([...PRECACHE_URLS].map((url) => new Request(url, { cache: 'reload' })));
      // No skipWaiting(): a new version waits until every tab of the old one is closed, because an
      // open tab still loads its own lazy chunks, which the new version's cache does not hold.
    })(),
  );
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(names.filter((n) => n.startsWith(CACHE_PREFIX) && n !== CACHE_NAME).map((n) => caches.delete(n)));
      // Take over pages opened before the worker was installed, so the first visit is enough.
      await sw.clients.claim();
    })(),
  );
});

sw.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== sw.location.origin) return;
  url.hash = '';
  url.search = '';
  // The app is one page (its routes live in the hash): opening its folder or index.html gets the
  // cached page. Other pages a host serves next to it are not ours to answer.
  if (request.mode === 'navigate' && (url.href === sw.registration.scope || url.href === INDEX_URL)) {
    event.respondWith(fromCacheOrNetwork(request, INDEX_URL));
    return;
  }
  if (PRECACHE_URLS.has(url.href)) event.respondWith(fromCacheOrNetwork(request, url.href));
});

/** The cached copy of `cachedUrl`, else the network (e.g. the cache was cleared by the browser). */
async function fromCacheOrNetwork(request: Request, cachedUrl: string): Promise<Response> {
  const cache = await caches.open(CACHE_NAME);
  const hit = await cache.match(cachedUrl);
  if (hit) return withPolicy(hit);
  try {
    return withPolicy(await fetch(request));
  } catch (e) {
    // Offline and not cached: any older version's copy beats an error page.
    const older = await caches.match(cachedUrl);
    if (older) return withPolicy(older);
    throw e;
  }
}

/**
 * The page's policy as a response header. A meta tag only binds the page: a worker takes its
 * policy from the headers of its own script, and without one the engine worker could reach any
 * origin. Static hosts rarely send the header, so the service worker adds it.
 */
function withPolicy(response: Response): Response {
  if (!__OPSBOOK_CSP__ || (response.type !== 'basic' && response.type !== 'default')) return response;
  const headers = new Headers(response.headers);
  headers.set('Content-Security-Policy', __OPSBOOK_CSP__);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
