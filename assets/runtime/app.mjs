// HipCheck's standalone page loader: index.html's one script (external and integrity-checked, so
// the page runs under a strict CSP). scripts/postbuild.mjs fills BUILD, puts the modules this one
// imports into it, minifies it and names it app-HASH.js. The page preloads the bindings (and,
// except the English page, the wasm): loading starts at once.
import { followShareLinks } from './loader-common.mjs';
import { startPage, registerWorker } from './page-loader.mjs';

// This build's files and words: { folders, lang, bindings, wasm, wasmIntegrity, handoff,
// resultsCss, loading, failed } (scripts/postbuild.mjs, pageLoaderBuild). A clinic's accent on the
// mount point (data-accent) is worked out when the page is built, into a stylesheet it links.
const BUILD = /* filled by scripts/postbuild.mjs */ {};

const mount = document.getElementById('hipcheck');
const { elsewhere, load } = startPage(mount, BUILD, {
  base: import.meta.url,
  // The widget's language switch sets lang in the address; the page may name one on the mount.
  setting: new URLSearchParams(location.search).get('lang') ?? mount?.dataset.lang,
  shareUrl: () => location.href,
  page: '',
});
if (mount && !elsewhere) load();
followShareLinks();
registerWorker(elsewhere, import.meta.url, mount);
