// What the two page loaders share: app.mjs (index.html, the standalone page) and frame.mjs
// (iframe.html). Two loaders, so the standalone page carries none of the iframe's code; the
// iframe's pure helpers are here for the tests, and a loader that does not use them does not
// carry them either (the minifier drops what is not used). scripts/postbuild.mjs puts this module
// into each loader: one file per page, no extra request.
//
// Nothing runs when this module is imported: tests/unit/runtime.test.mjs imports it in Node.
import { pickLanguage, armStartScreen } from './loader-common.mjs';

// The visitor's language: the lang setting (the widget's language switch sets it in the address),
// else the browser's languages. A language's own folder is already a choice: only the default
// (English) page goes by the browser. `folders` is keyed by the languages of this output.
export function chooseLanguage(setting, browserLanguages, folders, own) {
  const pick = (tag) => pickLanguage(tag, folders);
  return pick(setting) ?? (own === 'en' ? browserLanguages.map(pick).find(Boolean) : undefined) ?? own;
}

// The address of `page` ('' for the standalone page, 'iframe.html') in `lang`'s folder, seen from
// the loader at `base`; the caller adds the query and the fragment.
export function languagePage(folders, lang, page, base) {
  return new URL(folders[lang] + page, base).href;
}

// The origin of the page that frames the widget: null when not in a frame, and falsy when the
// browser tells neither its ancestors nor the referrer.
export function framingOrigin({ framed, ancestorOrigins, referrer }) {
  return framed ? (ancestorOrigins?.[0] ?? (referrer && new URL(referrer).origin)) : null;
}

// Whether `url` is an absolute address on `origin` (a share page must be on the framing page's).
export function onOrigin(url, origin) {
  try {
    return Boolean(origin) && new URL(url).origin === origin;
  } catch {
    return false;
  }
}

// The clinic's settings the query string holds, as [name, value], in the order of `names`.
export function querySettings(params, names) {
  return names.filter((name) => params.has(name)).map((name) => [name, params.get(name)]);
}

// Whether an iframe.html opened on its own was given clinic settings it ignores (lang is not one:
// it applies everywhere).
export function ignoresSettings(params, names) {
  return names.some((name) => name !== 'lang' && params.has(name));
}

// The loaders' common part, from the choice of language to the first click. `build` is the
// loader's BUILD (scripts/postbuild.mjs); `base` is the loader's own address (import.meta.url);
// `setting` the lang setting, `shareUrl()` the hand-off module's share page when it starts, and
// `page` this page's name in a language folder. Returns whether the visitor is on the way to another language's
// page, and `load`, which starts the wasm.
export function startPage(mount, build, { base, setting, shareUrl, page }) {
  const FOLDERS = build.folders;
  const lang = chooseLanguage(setting, navigator.languages, FOLDERS, build.lang);
  const elsewhere = lang !== build.lang;
  if (elsewhere) location.replace(languagePage(FOLDERS, lang, page, base) + location.search + location.hash);
  const resultsCss = new URL('./' + build.resultsCss, base).href;
  let started;
  let attempts = 0;
  let handoff;
  // The hand-off module watches the widget from the first click in it (or, for a share link,
  // from before it starts: the shared record is one of its settings).
  const watch = (click) => (handoff ??= import(new URL('./' + build.handoff, base).href)).then((m) => m.watch(mount, { settings: mount, prefix: 'data-', shareUrl: shareUrl(), assets: new URL('./', base).href, css: resultsCss, folders: FOLDERS, page }, click));
  const load = () => {
    const assets = new URL('./', base).href;
    started ??= (async () => {
      // A module whose download failed stays failed for this page: a retry asks for a new one.
      const module = await import(new URL('./' + build.bindings + (attempts ? '?try=' + attempts : ''), base).href);
      await module.default({ module_or_path: fetch(new URL('./' + build.wasm, base), { integrity: build.wasmIntegrity }) });
      // A share link's record must be in the settings before the app starts (if the module
      // cannot load, the app starts without it).
      if (location.hash.startsWith('#hipcheck=')) await watch().catch(() => {});
      return module;
    })().then(
      // Only a failure to load is reported here; a panic inside the app shows its own screen.
      (module) => takeOver((root) => module.mountHipCheck(root, mount, 'data-', assets)),
      (error) => {
        console.error('HipCheck could not start', error);
        started = undefined;
        attempts += 1;
        takeOver.failed(build.failed);
      },
    );
  };
  const takeOver = mount ? armStartScreen(mount, load, build.loading) : () => {};
  // The results styles at the first click in the widget (Enter and Space on a button are clicks
  // too); a shared check, which opens on its result, gets them from the hand-off module.
  mount?.addEventListener('click', (event) => {
    document.head.append(Object.assign(document.createElement('link'), { rel: 'stylesheet', href: resultsCss }));
    watch(event);
  }, { once: true, capture: true });
  return { elsewhere, load };
}

// The service worker of this page's folder (sw.mjs), unless the visitor is on the way elsewhere:
// registered at the first click in the widget, with the hand-off module, so neither the worker
// nor its precache competes with the first load (a visitor who only reads the start screen
// needs no offline copy). Without a mount (a page that names none) at once.
export function registerWorker(elsewhere, base, mount) {
  if (elsewhere || !('serviceWorker' in navigator)) return;
  const register = () => navigator.serviceWorker.register(new URL('./sw.js', base), { scope: './' }).catch(() => {});
  if (mount) mount.addEventListener('click', register, { once: true, capture: true });
  else register();
}
