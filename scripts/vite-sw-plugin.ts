/**
 * Writes the service worker (`sw.js`) at build time, with the list of every file the build emits
 * for it to precache: `index.html`, every JS chunk (the main bundle, the engine worker, lazily
 * loaded chunks), CSS, and files copied from `public/`. The cache is versioned by a hash of the
 * list and of every listed file's bytes, so any change to any file makes a new cache.
 *
 * The worker's source is `src/sw/sw.ts`, a single file without imports; it is compiled here on its
 * own, with the list, the version and the page's Content-Security-Policy put in front of it as
 * constants.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { transformWithOxc } from 'vite';
import type { Plugin, ResolvedConfig } from 'vite';

export interface ServiceWorkerPluginOptions {
  /** The service worker's source, relative to the project root. */
  src?: string;
  /** Its file name in the output folder. */
  fileName?: string;
}

/** Files that are never precached: source maps and Vite's own manifests. */
function isPrecached(path: string): boolean {
  return !path.endsWith('.map') && !path.startsWith('.vite/');
}

/** The version: a short hash over the sorted list and each file's bytes. */
export function precacheVersion(files: { path: string; bytes: Uint8Array | string }[]): string {
  const hash = createHash('sha256');
  for (const f of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    hash.update(f.path).update('\0').update(f.bytes).update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

/**
 * The Content-Security-Policy of an HTML page's meta tag, or '' without one. The meta tag in
 * `index.html` is the one place the policy is written; the service worker and the preview server
 * repeat it as a header, which is what binds workers.
 */
export function contentSecurityPolicy(html: string): string {
  for (const [tag] of html.matchAll(/<meta\b[^>]*>/gi)) {
    if (!/http-equiv\s*=\s*["']?Content-Security-Policy["']?/i.test(tag)) continue;
    const m = /\bcontent\s*=\s*(?:"([^"]*)"|'([^']*)')/i.exec(tag);
    if (m) return (m[1] ?? m[2]).replace(/\s+/g, ' ').trim();
  }
  return '';
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'));
}

export function serviceWorkerPlugin(options: ServiceWorkerPluginOptions = {}): Plugin {
  const fileName = options.fileName ?? 'sw.js';
  let config: ResolvedConfig;
  return {
    name: 'opsbook:service-worker',
    apply: 'build',
    configResolved(c) {
      config = c;
    },
    generateBundle: {
      // After Vite has emitted index.html and the worker chunks into the bundle.
      order: 'post',
      async handler(_outputOptions, bundle) {
        const files: { path: string; bytes: Uint8Array | string }[] = [];
        for (const [path, item] of Object.entries(bundle)) {
          if (!isPrecached(path) || path === fileName) continue;
          files.push({ path, bytes: item.type === 'chunk' ? item.code : item.source });
        }
        // `public/` is copied as-is, outside the bundle.
        if (config.publicDir) {
          for (const path of await listFiles(config.publicDir)) {
            if (isPrecached(path) && path !== fileName && !(path in bundle)) {
              files.push({ path, bytes: await readFile(join(config.publicDir, path)) });
            }
          }
        }
        if (!files.some((f) => f.path === 'index.html')) {
          this.error(`the service worker needs index.html in the bundle; found ${files.map((f) => f.path).join(', ')}`);
        }
        const indexHtml = files.find((f) => f.path === 'index.html')!;
        const csp = contentSecurityPolicy(typeof indexHtml.bytes === 'string' ? indexHtml.bytes : new TextDecoder().decode(indexHtml.bytes));
        if (!csp) this.warn('index.html has no Content-Security-Policy meta tag: the service worker adds no policy header');
        const list = files.map((f) => f.path).sort();
        const version = precacheVersion(files);
        const srcPath = resolve(config.root, options.src ?? 'src/sw/sw.ts');
        const compiled = await transformWithOxc(await readFile(srcPath, 'utf8'), srcPath, { lang: 'ts', target: 'es2022' });
        const code =
          `// Opsbook service worker, version ${version}: ${list.length} precached files.\n` +
          `const __OPSBOOK_PRECACHE__ = ${JSON.stringify(list, null, 1)};\n` +
          `const __OPSBOOK_VERSION__ = ${JSON.stringify(version)};\n` +
          `const __OPSBOOK_CSP__ = ${JSON.stringify(csp)};\n` +
          compiled.code;
        this.emitFile({ type: 'asset', fileName, source: code });
      },
    },
  };
}
