// HipCheck's service worker: sw.js, a classic script. scripts/postbuild.mjs fills BUILD with this
// build's files (the list is made there, never by hand), takes the `export`s out and minifies it.
// Precaches exactly this build's files in one cache named after the build. A page is served
// entirely from the cache of the worker that controls it, so it never mixes two builds; a new
// build waits until no page uses the old one, then replaces it and deletes the old cache.
// Named by language too: each language's folder has its own worker, which must not delete the
// other's cache.
//
// Nothing runs when this module is imported in Node (tests/unit/runtime.test.mjs): the worker serves
// only in a service worker's scope.

// { lang, version, files, named, later }: the build's language, its version (a hash of its
// files), the files to precache ('./' first), those of them named after their final bytes, and
// the files kept only once a page has fetched them (the clinic's configurator: no visitor
// downloads it).
const BUILD = /* filled by scripts/postbuild.mjs */ {};

// The cache of a language's build.
export function cacheName(lang, version) {
  return 'hipcheck-' + lang + '-' + version;
}

// The caches a new build deletes: this language's older ones, and those named before languages
// had caches of their own.
export function isStale(key, current, lang) {
  return key !== current && (key.startsWith('hipcheck-' + lang + '-') || /^hipcheck-[0-9a-f]{16}$/.test(key));
}

// The requests the worker answers: reads of its own origin.
export function answers(request, origin) {
  return request.method === 'GET' && new URL(request.url).origin === origin;
}

// The standalone page asked for by its file name: the cached './'.
export function isIndexPage(url) {
  return new URL(url).pathname.endsWith('/index.html');
}

// How a request is found in the cache: the iframe page carries its settings in the query string.
export function matchOptions(request) {
  return { ignoreSearch: request.mode === 'navigate' };
}

// How the worker asks for a file it precaches (issue 24: a first visit downloaded the page's files
// twice). A file named after its final bytes cannot be another build's, so the copy the page has
// just downloaded, in the HTTP cache, is taken as it is ('default'); any other (the pages,
// embed.js, the manifest) is checked with the server first ('no-cache': a 304 without a body when
// unchanged), so a new build's never mixes with an old one's.
export function cacheMode(file, named) {
  return named.includes(file) ? 'default' : 'no-cache';
}

// The worker's three events in `scope` (the worker's global scope).
export function serve(scope, { lang, version, files, named = [], later = [] }) {
  const CACHE = cacheName(lang, version);
  const kept = new Set(later.map((file) => new URL(file, scope.location.href).href));
  scope.addEventListener('install', (event) => {
    event.waitUntil(
      scope.caches.open(CACHE).then((cache) => cache.addAll(files.map((f) => new Request(f, { cache: cacheMode(f, named) })))),
    );
  });

  scope.addEventListener('activate', (event) => {
    event.waitUntil(
      scope.caches
        .keys()
        .then((keys) => Promise.all(keys.filter((k) => isStale(k, CACHE, lang)).map((k) => scope.caches.delete(k))))
        .then(() => scope.clients.claim()),
    );
  });

  scope.addEventListener('fetch', (event) => {
    const request = event.request;
    if (!answers(request, scope.location.origin)) return;
    event.respondWith(
      scope.caches.open(CACHE).then(async (cache) => {
        const hit = await cache.match(request, matchOptions(request)) ?? (isIndexPage(request.url) ? await cache.match('./') : undefined);
        if (hit) return hit;
        const response = await scope.fetch(request);
        const url = new URL(request.url);
        if (response.ok && kept.has(url.origin + url.pathname)) await cache.put(url.origin + url.pathname, response.clone());
        return response;
      }),
    );
  });
}

if (typeof ServiceWorkerGlobalScope === 'function' && self instanceof ServiceWorkerGlobalScope) serve(self, BUILD);
