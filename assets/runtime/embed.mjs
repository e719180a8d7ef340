// HipCheck's <hip-check> custom element: embed.js. scripts/postbuild.mjs fills BUILD, puts the
// module this one imports into it and minifies it. A clinic's page needs only:
//   <script type="module" src="https://YOUR-SITE/hipcheck/embed.js"></script>
//   <hip-check booking-url="https://..." clinic-name="..." lang="en"></hip-check>
// Open Shadow DOM, styles in a constructable stylesheet, wasm found relative to embed.js.
//
// Nothing runs when this module is imported in Node (tests/unit/runtime.test.mjs): the element is
// defined only where there are custom elements.
import { pickLanguage, followShareLinks, nameClinic, armStartScreen, loadWhenNear } from './loader-common.mjs';
import { watchEvents } from './events.mjs';
import { setupProblems, settingUp, reportSetup, SETUP_CSS } from './setup.mjs';
import { applyTheme } from './theme.mjs';

// { css, resultsCss, handoff, settings, builds }: the widget's styles and the results styles, the
// hand-off module's name, the clinic settings (for the setup problems), and every language's files: this build's, and each language folder's
// (scripts/build.sh), as { bindings, wasm, start, loading, failed, folder } by language.
const BUILD = /* filled by scripts/postbuild.mjs */ {};

// Resets what the host page would otherwise pass in by inheritance; custom properties
// (--hipcheck-*) still pass, which is how a clinic themes the widget.
export const HOST_CSS = ':host{all:initial;display:block}:host([hidden]){display:none}\n';

// The element's language and its files: its lang tag's (the element's, else the host page's),
// else English; `known` says whether the tag named a language of `builds`. An English that is
// not built falls back to the first language's files.
export function chooseBuild(tag, builds) {
  const known = pickLanguage(tag, builds);
  const lang = known ?? 'en';
  return { lang, known: Boolean(known), build: builds[lang] ?? Object.values(builds)[0] };
}

// Once per language for the whole page, however many widgets; a failed download is forgotten so
// that "Try again" downloads again (a module whose download failed stays failed for the page: a
// retry asks for a new one).
const started = {};
let attempts = 0;
function start(lang) {
  const build = BUILD.builds[lang];
  started[lang] ??= import(new URL(build.bindings + (attempts ? '?try=' + attempts : ''), import.meta.url).href).then(async (module) => {
    await module.default({ module_or_path: new URL(build.wasm, import.meta.url) });
    return module;
  }).catch((error) => {
    delete started[lang];
    attempts += 1;
    throw error;
  });
  return started[lang];
}

// The widget's sizes are in rem, and inside a shadow root rem is still the host page's root font
// size: a page with `html { font-size: 62.5% }` would make its text 10 px. The element's
// stylesheet has them in px of the reader's own default size instead (the `medium` keyword: the
// browser's text-size setting, whatever the page's root says).
export function remToPx(css, base) {
  return css.replace(/(\d*\.?\d+)rem\b/g, (_, n) => `${+(n * base).toFixed(3)}px`);
}

function defaultFontSize(root) {
  const probe = document.createElement('div');
  probe.style.fontSize = 'medium';
  root.append(probe);
  const size = parseFloat(getComputedStyle(probe).fontSize);
  probe.remove();
  return size > 0 ? size : 16;
}

// "Print or save as PDF" in the element prints its result alone, not the host page around it
// (a blog post, its theme and the widget would be four A4 pages): while printing, every element
// of the page that is not the widget or one of its ancestors is left out. Ctrl+P on the page
// itself still prints the page.
const PRINT_MARK = 'data-hipcheck-printing';
let printSheet;
function printAlone(element) {
  if (!printSheet) {
    printSheet = new CSSStyleSheet();
    printSheet.replaceSync(`@media print{body *:not([${PRINT_MARK}]){display:none!important}}`);
  }
  const marked = [];
  for (let node = element; node && node !== document.body; node = node.parentElement) {
    node.setAttribute(PRINT_MARK, '');
    marked.push(node);
  }
  document.adoptedStyleSheets = [...document.adoptedStyleSheets.filter((s) => s !== printSheet), printSheet];
  addEventListener('afterprint', () => {
    for (const node of marked) node.removeAttribute(PRINT_MARK);
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== printSheet);
  }, { once: true });
}

let sheet;
function stylesheet(root) {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(remToPx(HOST_CSS + BUILD.css + BUILD.resultsCss, defaultFontSize(root)) + SETUP_CSS);
  }
  return sheet;
}

// The wasm loads when the element comes near the viewport (600 px ahead), on the first
// interaction with it, or at once with loading="eager": a reader who never scrolls down to it
// downloads only this file. The class is made when it is defined (HTMLElement is the browser's).
function hipCheckElement() {
  return class HipCheckElement extends HTMLElement {
    connectedCallback() {
      if (this.shadowRoot) return;
      const root = this.attachShadow({ mode: 'open' });
      root.adoptedStyleSheets = [stylesheet(root)];
      this.begin(root);
    }

    // The element's lang, else the host page's (the nearest lang around it), else English.
    begin(root) {
      const tag = this.closest('[lang]')?.getAttribute('lang');
      const { lang, known, build } = chooseBuild(tag, BUILD.builds);
      if (this.hasAttribute('lang') && !known) console.warn(`HipCheck: lang '${tag}' is not available; using English.`);
      const mount = document.createElement('div');
      mount.innerHTML = build.start;
      nameClinic(mount, this.getAttribute('clinic-name')?.trim());
      // theme="light" or "dark" holds whatever the visitor's setting; "auto" (or none) follows it.
      const theme = this.getAttribute('theme')?.trim();
      if (theme === 'light' || theme === 'dark') mount.dataset.theme = theme;
      root.append(mount);
      // Mistakes in the settings: in the console always, in a box while setting up.
      const setup = settingUp(this.hasAttribute('setup'), location.hash);
      const problems = [
        ...setupProblems([...this.attributes].map((a) => [a.name, a.value]), BUILD.settings),
        ...applyTheme(this, mount, this.getAttribute('accent')?.trim()),
      ];
      reportSetup(root, problems, setup);
      // Before the button's own handler prints (a listener that captures runs first).
      mount.addEventListener('click', (event) => {
        if (event.target.closest?.('button.hc-print')) printAlone(this);
      }, { capture: true });
      // The clinic's events, on this element: names only, never health data.
      watchEvents(mount, (name) => this.dispatchEvent(new CustomEvent(`hipcheck:${name}`, { bubbles: true, composed: true, detail: null })));
      let stopWatching;
      let loading = false;
      const assets = new URL(build.folder, import.meta.url).href;
      // Called by whichever comes first (near the viewport, an interaction, a press of Start).
      const load = () => {
        if (loading) return;
        loading = true;
        stopWatching?.();
        // Only a failure to load is reported here; a panic inside the app shows its own screen.
        Promise.all([start(lang), shared && watch().catch(() => {})]).then(
          ([module]) => takeOver((root) => module.mountHipCheck(root, this, '', assets)),
          (error) => {
            console.error('HipCheck could not start', error);
            loading = false;
            takeOver.failed(build.failed);
            reportSetup(root, [`The app's files could not load from ${assets} (${error?.message ?? error}). Upload the whole folder next to embed.js; the server must send .wasm files as application/wasm, and, from another address, allow this page (CORS).`], setup);
          },
        );
      };
      const takeOver = armStartScreen(mount, load, build.loading);
      // The hand-off module (assets/handoff.mjs): from the first click, or before the app for a
      // share link (the page's fragment, the host page's here). It also switches the language:
      // the element starts again in the other one, and offers the saved answers back.
      let handoff;
      const switchTo = (other) => {
        this.setAttribute('lang', other);
        stopWatching?.();
        root.replaceChildren();
        this.begin(root);
      };
      const watch = (click) => (handoff ??= import(new URL('./' + BUILD.handoff, import.meta.url).href)).then((m) => m.watch(mount, { settings: this, prefix: '', shareUrl: this.getAttribute('share-url'), assets, switchTo }, click));
      const shared = location.hash.startsWith('#hipcheck=');
      root.addEventListener('click', watch, { once: true, capture: true });
      if (this.getAttribute('loading') === 'eager') return load();
      stopWatching = loadWhenNear(this, root, load);
    }
  };
}

if (globalThis.customElements && !customElements.get('hip-check')) {
  customElements.define('hip-check', hipCheckElement());
  // Once per page, however many widgets it holds.
  followShareLinks();
}
