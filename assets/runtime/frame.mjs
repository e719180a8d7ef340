// HipCheck's iframe page loader: iframe.html's one script. scripts/postbuild.mjs fills BUILD, puts
// the modules this one imports into it, minifies it and names it frame-HASH.js. The widget is
// configured from the query string, with the same names as <hip-check>; the wasm loads only when
// the frame comes near the top page's viewport, on the first interaction, or at once with
// ?loading=eager; the frame reports its height, and nothing else, to the parent page.
import { followShareLinks, nameClinic, pickLanguage, loadWhenNear } from './loader-common.mjs';
import { startPage, registerWorker, framingOrigin, onOrigin, querySettings, ignoresSettings } from './page-loader.mjs';
import { watchEvents } from './events.mjs';
import { frameProblems, settingUp, reportSetup, SETUP_CSS } from './setup.mjs';
import { applyTheme } from './theme.mjs';

// This build's files and words: app.mjs's, and the clinic settings the query string may carry
// (scripts/postbuild.mjs, pageLoaderBuild).
const BUILD = /* filled by scripts/postbuild.mjs */ {};

const mount = document.getElementById('hipcheck');
const params = new URLSearchParams(location.search);
// The clinic's settings come with the address only inside the frame of the clinic's page: opened
// on its own, anyone could write a booking link or a share page into the address and lend it
// the clinic's origin (issue 27). A share page must also be on the framing page's origin.
const framedBy = framingOrigin({ framed: window.parent !== window, ancestorOrigins: location.ancestorOrigins, referrer: document.referrer });
if (mount && framedBy) {
  for (const [name, value] of querySettings(params, BUILD.settings)) mount.setAttribute('data-' + name, value);
} else if (mount && ignoresSettings(params, BUILD.settings)) {
  console.warn('HipCheck: iframe.html opened on its own ignores the clinic settings in its address; they apply only inside the frame of the clinic page.');
}
const shareUrl = framedBy && params.has('share-url')
  ? (onOrigin(params.get('share-url'), framedBy)
    ? params.get('share-url')
    : (console.error(`HipCheck: share-url '${params.get('share-url')}' refused: it must be on the origin of the page that frames the widget (${framedBy}).`), null))
  : null;
// The standalone page's clinic is named at build time; the frame's comes with its query.
if (mount) nameClinic(mount, mount.getAttribute('data-clinic-name')?.trim());
const setting = params.get('lang');
if (setting && !pickLanguage(setting, BUILD.folders)) console.warn(`HipCheck: lang '${setting}' is not available.`);
const { elsewhere, load } = startPage(mount, BUILD, { base: import.meta.url, setting, shareUrl: () => shareUrl, page: 'iframe.html' });
if (mount) {
  if (elsewhere) {
    // On the way to the visitor's language.
  } else if (params.get('loading') === 'eager') {
    load();
  } else {
    loadWhenNear(mount, mount, load);
  }
}
if (window.parent !== window) {
  if (mount) {
    // Mistakes in the frame's address: in the console always, in a box above the widget while
    // setting up (the parameter `setup`, or #hipcheck-setup).
    const problems = [...frameProblems(params, location.hash, BUILD.settings), ...(framedBy ? applyTheme(mount, mount, mount.dataset.accent) : [])];
    const showBox = settingUp(params.has('setup'), location.hash);
    if (showBox && problems.length) {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(SETUP_CSS);
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    }
    reportSetup(mount.parentElement, problems, showBox);
    // The clinic's events, as messages to the framing page: names only, never health data.
    watchEvents(mount, (name) => window.parent.postMessage({ type: `hipcheck:${name}` }, '*'));
  }
  // Height only: no answer ever leaves the frame. The embedding snippet checks our origin.
  let last = 0;
  new ResizeObserver(() => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height !== last) {
      last = height;
      window.parent.postMessage({ type: 'hipcheck:height', height }, '*');
    }
  }).observe(document.documentElement);
}
followShareLinks();
registerWorker(elsewhere, import.meta.url, mount);
