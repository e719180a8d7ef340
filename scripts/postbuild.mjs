// Trunk post-build hook: turns Trunk's output into HipCheck's three ways in.
//
//   index.html   standalone page: an external, integrity-checked module loader (no inline
//                script, so it runs under a strict CSP), a web app manifest, a service worker
//   iframe.html  the same widget configured from its query string, reporting its height to the
//                parent page with postMessage (height only)
//   embed.js     the <hip-check> custom element: open Shadow DOM, styles in a constructable
//                stylesheet, wasm found relative to embed.js
//   texts-*.txt  the results-only text (exercises, plans, summaries), written by build.rs and
//                fetched by the widget when the person starts; its name is its hash
//   questionnaire.json  the FHIR R4 Questionnaire of the answers (for clinics' systems)
//   sw.js        precaches exactly the files of this build (list generated here, never by hand)
//                in a cache named after the build, so a page never mixes two builds
//
// Runs in Trunk's staging directory (TRUNK_STAGING_DIR) so `trunk build` and `trunk serve` both
// produce the complete output. Every script it writes, and wasm-bindgen's, is minified with
// terser (Trunk minifies only the HTML and CSS), and the wasm's imports get short names in the
// module and the bindings together (scripts/short-imports.mjs).
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { minify } from 'terser';
import { shortenImports } from './short-imports.mjs';

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!dir) {
  console.error('postbuild: run as a Trunk hook (TRUNK_STAGING_DIR) or pass the build directory');
  process.exit(1);
}

const files = fs.readdirSync(dir);
const one = (pattern, what) => {
  const found = files.filter((f) => pattern.test(f));
  if (found.length !== 1) {
    console.error(`postbuild: expected one ${what} in ${dir}, found ${found.length}: ${found.join(', ')}`);
    process.exit(1);
  }
  return found[0];
};
const read = (name) => fs.readFileSync(path.join(dir, name));
const write = (name, text) => fs.writeFileSync(path.join(dir, name), text);
const sri = (body) => `sha384-${crypto.createHash('sha384').update(body).digest('base64')}`;
const shortHash = (body) => crypto.createHash('sha256').update(body).digest('hex').slice(0, 16);
const js = async (code, module = true) =>
  (await minify(code, { module, compress: true, mangle: true, format: { comments: false } })).code;

const bindings = one(/^hipcheck-web-[0-9a-f]+\.js$/, 'wasm-bindgen module');
const wasm = one(/^hipcheck-web-[0-9a-f]+_bg\.wasm$/, 'wasm module');
const widgetCss = one(/^main-[0-9a-f]+\.css$/, 'widget stylesheet');
const icon = one(/^icon-[0-9a-f]+\.svg$/, 'icon');
{
  // Before anything else reads them: every later step (hashes, precache list, embed.js copies)
  // sees the files as shipped.
  const shortened = shortenImports(read(wasm), await js(read(bindings).toString('utf8')));
  write(wasm, shortened.wasm);
  write(bindings, shortened.bindings);
}

// ---------------------------------------------------------------- languages
// A build carries one language (HIPCHECK_LANG, as build.rs): English at the top of the output,
// every other language in a folder of its own (`es/`), built first by scripts/build.sh and
// copied in here (HIPCHECK_LANGUAGE_BUILDS="es=PATH"). The loaders send a visitor to their
// language's folder; embed.js carries every language's files.
const SOURCE = process.env.TRUNK_SOURCE_DIR ?? '.';
const LANG = process.env.HIPCHECK_LANG ?? 'en';
// The list of languages comes with their words, below (UI_WORDS).

// ---------------------------------------------------------------- results text
// The wasm names the one file it accepts (kb::TEXTS_FILE); build.rs wrote that file into the
// build script's output folder. Other folders may hold files of older content: only the named
// one is shipped, and the widget checks its hash again when it loads it.
const textsFile = read(wasm).toString('latin1').match(/texts-[0-9a-f]{16}\.txt/)?.[0];
const targetDir = process.env.CARGO_TARGET_DIR ?? path.join(process.env.TRUNK_SOURCE_DIR ?? '.', 'target');
const list = (folder) => (fs.existsSync(folder) ? fs.readdirSync(folder) : []);
const wasmTarget = path.join(targetDir, 'wasm32-unknown-unknown');
// build.rs's outputs named `name`, in every build folder that has one (debug, release, tests).
const buildOutputs = (name) => list(wasmTarget)
  .flatMap((profile) => list(path.join(wasmTarget, profile, 'build'))
    .filter((b) => b.startsWith('hipcheck-'))
    .map((b) => path.join(wasmTarget, profile, 'build', b, 'out', name)))
  .filter((candidate) => fs.existsSync(candidate));
// The page's and the hand-off module's words in every language (content/ui.toml and
// content/<lang>/ui.toml), written by build.rs; the newest is this build's.
const newest = (files) => files.sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs)[0];
const uiWordsFile = newest(buildOutputs('ui-words.json'));
if (!uiWordsFile) {
  console.error(`postbuild: no ui-words.json under ${wasmTarget}`);
  process.exit(1);
}
const SHIPPED = JSON.parse(fs.readFileSync(uiWordsFile, 'utf8'));
const UI_WORDS = SHIPPED.languages;
// The languages are src/content/lang.rs's LANGUAGES (one definition), as build.rs wrote them
// with their words.
const LANGS = Object.keys(UI_WORDS);
if (!LANGS.includes(LANG)) {
  console.error(`postbuild: HIPCHECK_LANG=${LANG} is not one of ${LANGS.join(', ')}`);
  process.exit(1);
}
// The languages of this output: this build's, the ones copied in, and English, which is always
// at the top. Each one's folder, seen from this build's folder (a language not built, as in
// `trunk serve`, has none, so nobody is sent to it).
const OTHER_BUILDS = (process.env.HIPCHECK_LANGUAGE_BUILDS ?? '').split(',').filter(Boolean).map((entry) => entry.split('=')[0]);
const PRESENT = LANGS.filter((l) => l === LANG || l === 'en' || (LANG === 'en' && OTHER_BUILDS.includes(l)));
const FOLDERS = Object.fromEntries(PRESENT.map((l) => [l, l === LANG ? './' : LANG === 'en' ? `${l}/` : l === 'en' ? '../' : `../${l}/`]));
const STRINGS = UI_WORDS[LANG].page;
const textsSource = buildOutputs(textsFile ?? '-')[0];
if (!textsSource) {
  console.error(`postbuild: the wasm names ${textsFile ?? 'no results text file'}, not found under ${wasmTarget}`);
  process.exit(1);
}
// Its name is its FNV-1a hash (src/fnv1a.rs), which the widget checks again when it loads the
// file (a damaged or foreign copy is refused: tests/e2e/faults.test.mjs), so it is not
// recomputed here.
const textsBody = fs.readFileSync(textsSource);
fs.writeFileSync(path.join(dir, textsFile), textsBody);
// The FHIR R4 Questionnaire the widget's answers follow (src/content/fhir.rs), written beside it
// by build.rs: clinics' systems read it; scripts/fhir-check.mjs validates it.
// Several build folders may hold one: the newest is this build's (scripts/fhir-check.mjs also
// checks it equals `hipcheck fhir questionnaire`).
const questionnaire = newest(buildOutputs('questionnaire.json'));
if (!questionnaire) {
  console.error(`postbuild: no questionnaire.json under ${wasmTarget}`);
  process.exit(1);
}
fs.copyFileSync(questionnaire, path.join(dir, 'questionnaire.json'));

// The settings a clinic may pass: SETTINGS in src/vocabulary.rs (tests/contract.rs checks they agree).
const SETTINGS = ['booking-url', 'booking-label', 'clinic-name', 'phone', 'lang', 'accent'];

// ---------------------------------------------------------------- hand-off module
// assets/handoff.mjs: share link, FHIR download, history, reminder. Downloaded only when a result
// is shown or a share link is opened, so none of it is in the first load; named by its hash.
// Its words (every language's: the module follows the widget's `lang`) and the ids and codes it
// shares with the engine go into its two slots.
const handoffWords = Object.fromEntries(Object.entries(UI_WORDS).map(([lang, words]) => [lang, words.handoff]));
let handoffSource = fs.readFileSync(path.join(process.env.TRUNK_SOURCE_DIR ?? '.', 'assets', 'handoff.mjs'), 'utf8');
for (const [name, value] of [['WORDS', handoffWords], ['VOCABULARY', SHIPPED.vocabulary]]) {
  const slot = `export const ${name} = {};`;
  if (handoffSource.split(slot).length !== 2) {
    console.error(`postbuild: assets/handoff.mjs must hold '${slot}' once`);
    process.exit(1);
  }
  handoffSource = handoffSource.replace(slot, `export const ${name} = ${JSON.stringify(value)};`);
}
const handoffCode = await js(handoffSource);
const handoffName = `handoff-${shortHash(handoffCode)}.js`;
write(handoffName, handoffCode);
// styles/after-start.css: where it hurts, the one-question screen, the result and the hand-off. The
// page loaders fetch it at the first interaction with the widget (a reader who never touches the
// widget never downloads it); embed.js carries it with the rest of its styles.
const minifyCss = (css) => css.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\s+/g, ' ').replace(/ ?([{};]) ?/g, '$1').trim();
const resultsCss = minifyCss(fs.readFileSync(path.join(process.env.TRUNK_SOURCE_DIR ?? '.', 'styles', 'after-start.css'), 'utf8'));
const resultsCssName = `after-start-${shortHash(resultsCss)}.css`;
write(resultsCssName, resultsCss);

// Used by the page loaders and embed.js: the hand-off module watches the widget from the first
// click in it (or, for a share link, from before it starts: the shared record is one of its
// settings).
const HANDOFF = `new URL('./${handoffName}', import.meta.url).href`;

// ---------------------------------------------------------------- the start screen before the wasm
// assets/start-screen.html is the widget's start screen as Yew renders it (captured from the
// running widget by `HIPCHECK_BLESS=1 node --test tests/e2e/start.test.mjs`; the same test
// fails when the two differ). It goes into index.html, iframe.html and each <hip-check>'s
// shadow root, so a visitor can read, type and choose before any wasm has arrived.
const startScreenFile = LANG === 'en' ? 'start-screen.html' : `start-screen.${LANG}.html`;
const startScreen = fs.readFileSync(path.join(SOURCE, 'assets', startScreenFile), 'utf8').trim();
if (!startScreen.includes('class="hc-form"')) {
  console.error('postbuild: assets/start-screen.html has no start form');
  process.exit(1);
}

// Shared by the page loader and embed.js: the static start screen's behaviour until the wasm
// takes over, and the takeover. A press of Start before then is kept (the button says
// "Loading…" and keeps its focus) and replayed into the app, with what was typed and chosen,
// through the app's own event handlers; focus goes back to the same control.
const STATIC_START = `
// The language of \`languages\` (an object keyed by language code) a lang tag names, if any.
function pickLanguage(tag, languages) {
  return Object.keys(languages).find((l) => l === String(tag).toLowerCase().split('-')[0]);
}
// The address is the truth (issue 27): a share link pasted over a check, or Back from one, must
// show the check the address now holds; only the fragment changed, so the page starts again.
function followShareLinks() {
  addEventListener('hashchange', (event) => {
    if ([event.oldURL, event.newURL].some((url) => new URL(url).hash.startsWith('#hipcheck='))) location.reload();
  });
}
// The clinic's name after HipCheck's in the header, as the app shows it.
function nameClinic(mount, clinic) {
  const brand = mount.querySelector('.hc-brand');
  if (clinic && brand) brand.lastChild.textContent += ' · ' + clinic;
}
function armStartScreen(mount, load, loading) {
  let pending = false;
  const form = () => mount.querySelector('form.hc-form');
  mount.addEventListener('submit', (event) => {
    if (mount.dataset.hcApp) return;
    event.preventDefault();
    pending = true;
    const button = form()?.querySelector('button[type=submit]');
    if (button) {
      button.textContent = loading;
      button.setAttribute('aria-busy', 'true');
    }
    load();
  }, true);
  // The pills' checked look, which the app draws once it runs.
  mount.addEventListener('change', (event) => {
    const input = event.target;
    if (mount.dataset.hcApp || input.type !== 'radio') return;
    for (const other of mount.querySelectorAll('input[name="' + input.name + '"]')) {
      other.parentElement.classList.toggle('hc-checked', other.checked);
    }
  }, true);
  mount.dataset.hcArmed = '1';
  // Names and ids carry the widget's number (hc0-, hc1-…), which differs between the start
  // screen in the page and the app: controls are found again by what follows it.
  const unnumbered = (name) => name.replace(/^hc[0-9]+-/, '');
  let typed = '';
  let chosen = [];
  let focus = null;
  return (mountApp) => {
    const old = form();
    typed = old?.querySelector('.hc-age')?.value ?? '';
    chosen = [...(old?.querySelectorAll('input[type=radio]:checked') ?? [])].map((r) => [unnumbered(r.name), r.value]);
    const active = mount.getRootNode().activeElement;
    focus = active && mount.contains(active)
      ? (active.id ? '[id$="-' + unnumbered(active.id) + '"]'
        : active.name ? 'input[name$="-' + unnumbered(active.name) + '"][value="' + active.value + '"]'
          : active.type === 'submit' ? 'button[type=submit]' : null)
      : null;
    // The app draws into a root of its own, off the page, on its scheduler's next turn; the
    // start screen stays until then and is swapped for it in one step (nothing shifts). Any
    // drawing is swapped in, the crash screen too; only a start screen gets the replay.
    const appRoot = document.createElement('div');
    const swap = () => {
      if (!appRoot.firstChild) return false;
      mount.replaceChildren(appRoot);
      mount.dataset.hcApp = '1';
      const now = appRoot.querySelector('form.hc-form');
      if (now) replayInto(now, appRoot);
      return true;
    };
    const drawn = new MutationObserver(() => swap() && drawn.disconnect());
    drawn.observe(appRoot, { childList: true });
    try {
      mountApp(appRoot);
    } catch (error) {
      // A panic draws the crash screen into the root; this only records it.
      console.error('HipCheck stopped while starting', error);
    }
  };
  function replayInto(now, root) {
    const age = now.querySelector('.hc-age');
    if (age && typed && age.value !== typed) {
      age.value = typed;
      age.dispatchEvent(new Event('input', { bubbles: true }));
    }
    for (const [name, value] of chosen) {
      const radio = now.querySelector('input[name$="-' + name + '"][value="' + value + '"]');
      if (radio && !radio.checked) radio.click();
    }
    // A saved visit is offered first: the press of Start waits for the person's choice
    // (replaying it would start over and overwrite what was saved).
    const resume = root.querySelector('.hc-resume button');
    if (pending && resume) {
      resume.focus();
      return;
    }
    if (focus) now.querySelector(focus)?.focus();
    // The app checks the age when Start is pressed: an invalid one keeps the person on the
    // start screen, with the app's own message.
    if (pending) now.requestSubmit();
  }
}
`;

// ---------------------------------------------------------------- page loaders (index, iframe)
// Two loaders, so the standalone page carries none of the iframe's code. The standalone page
// starts loading the wasm at once (its head preloads it); the iframe page only when the frame
// comes near the top page's viewport, on the first interaction, or at once with
// ?loading=eager.
const wasmIntegrity = sri(read(wasm));
const pageLoader = (inIframe) => js(`// HipCheck ${inIframe ? 'iframe' : 'page'} loader (generated by scripts/postbuild.mjs).
${STATIC_START}
const mount = document.getElementById('hipcheck');
${inIframe ? `const params = new URLSearchParams(location.search);
// The clinic's settings come with the address only inside the frame of the clinic's page: opened
// on its own, anyone could write a booking link or a share page into the address and lend it
// the clinic's origin (issue 27). A share page must also be on the framing page's origin.
const framedBy = window.parent !== window ? (location.ancestorOrigins?.[0] ?? (document.referrer && new URL(document.referrer).origin)) : null;
const sameOrigin = (url) => { try { return Boolean(framedBy) && new URL(url).origin === framedBy; } catch { return false; } };
if (mount && framedBy) {
  // Configured from the query string, with the same names as <hip-check>.
  for (const name of ${JSON.stringify(SETTINGS)}) {
    if (params.has(name)) mount.setAttribute('data-' + name, params.get(name));
  }
} else if (mount && ${JSON.stringify(SETTINGS)}.some((name) => name !== 'lang' && params.has(name))) {
  console.warn('HipCheck: iframe.html opened on its own ignores the clinic settings in its address; they apply only inside the frame of the clinic page.');
}
const shareUrl = framedBy && params.has('share-url') ? (sameOrigin(params.get('share-url')) ? params.get('share-url') : (console.error(\`HipCheck: share-url '\${params.get('share-url')}' refused: it must be on the origin of the page that frames the widget (\${framedBy}).\`), null)) : null;` : ''}
${inIframe ? `// The standalone page's clinic is named at build time; the frame's comes with its query.
if (mount) nameClinic(mount, mount.getAttribute('data-clinic-name')?.trim());` : ''}
// The visitor's language: the lang setting (the widget's language switch sets it in the
// address), else the browser's languages. Another language's page is in its own folder.
const FOLDERS = ${JSON.stringify(FOLDERS)};
const pick = (tag) => pickLanguage(tag, FOLDERS);
const setting = ${inIframe ? "params.get('lang')" : "new URLSearchParams(location.search).get('lang') ?? mount?.dataset.lang"};
${inIframe ? "if (setting && !pick(setting)) console.warn(`HipCheck: lang '${setting}' is not available.`);" : ''}
// A language's own folder is already a choice: only the default (English) page goes by the browser.
const lang = pick(setting) ?? ${LANG === 'en' ? 'navigator.languages.map(pick).find(Boolean) ?? ' : ''}${JSON.stringify(LANG)};
const elsewhere = lang !== ${JSON.stringify(LANG)};
if (elsewhere) location.replace(new URL(FOLDERS[lang] + ${inIframe ? "'iframe.html'" : "''"}, import.meta.url).href + location.search + location.hash);
const resultsCss = new URL('./${resultsCssName}', import.meta.url).href;
let started;
let handoff;
const watch = (click) => (handoff ??= import(${HANDOFF})).then((m) => m.watch(mount, { settings: mount, prefix: 'data-', shareUrl: ${inIframe ? 'shareUrl' : 'location.href'}, assets: new URL('./', import.meta.url).href, css: resultsCss, folders: FOLDERS, page: ${inIframe ? "'iframe.html'" : "''"} }, click));
const load = () => {
  const assets = new URL('./', import.meta.url).href;
  started ??= (async () => {
    const module = await import('./${bindings}');
    await module.default({ module_or_path: fetch(new URL('./${wasm}', import.meta.url), { integrity: '${wasmIntegrity}' }) });
    // A share link's record must be in the settings before the app starts (if the module cannot
    // load, the app starts without it).
    if (location.hash.startsWith('#hipcheck=')) await watch().catch(() => {});
    return module;
  })().then(
    // Only a failure to load is reported here; a panic inside the app shows its own screen.
    (module) => takeOver((root) => module.mountHipCheck(root, mount, 'data-', assets)),
    (error) => {
      console.error('HipCheck could not start', error);
      mount.textContent = ${JSON.stringify(STRINGS.failed_page)};
    },
  );
};
const takeOver = mount ? armStartScreen(mount, load, ${JSON.stringify(STRINGS.loading)}) : () => {};
// The results styles at the first click in the widget (Enter and Space on a button are clicks
// too); a shared check, which opens on its result, gets them from the hand-off module.
mount?.addEventListener('click', (event) => {
  document.head.append(Object.assign(document.createElement('link'), { rel: 'stylesheet', href: resultsCss }));
  watch(event);
}, { once: true, capture: true });
${inIframe ? `if (mount) {
  if (elsewhere) {
    // On the way to the visitor's language.
  } else if (params.get('loading') === 'eager') {
    load();
  } else {
    const near = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        near.disconnect();
        load();
      }
    }, { rootMargin: '600px 0px' });
    near.observe(mount);
    for (const type of ['pointerdown', 'focusin', 'keydown']) mount.addEventListener(type, load, { once: true, capture: true });
  }
}
if (window.parent !== window) {
  // Height only: no answer ever leaves the frame. The embedding snippet checks our origin.
  let last = 0;
  new ResizeObserver(() => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height !== last) {
      last = height;
      window.parent.postMessage({ type: 'hipcheck:height', height }, '*');
    }
  }).observe(document.documentElement);
}` : 'if (mount && !elsewhere) load();'}
followShareLinks();
if (!elsewhere && 'serviceWorker' in navigator) {
  navigator.serviceWorker.register(new URL('./sw.js', import.meta.url), { scope: './' }).catch(() => {});
}
`);
const loader = await pageLoader(false);
const loaderName = `app-${shortHash(loader)}.js`;
write(loaderName, loader);
const frameLoader = await pageLoader(true);
const frameLoaderName = `frame-${shortHash(frameLoader)}.js`;
write(frameLoaderName, frameLoader);

// ---------------------------------------------------------------- embed.js (custom element)
const css = read(widgetCss).toString('utf8');
// This build's files as another build's embed.js needs them, and the other languages' builds,
// copied into their folders.
const ownBuild = { bindings: `./${bindings}`, wasm: `./${wasm}`, start: startScreen, loading: STRINGS.loading, failed: STRINGS.failed_embed };
// Only another language's build is copied into the English one, which reads this.
if (LANG !== 'en') write('lang.json', JSON.stringify({ lang: LANG, ...ownBuild }));
const BUILDS = { [LANG]: { ...ownBuild, folder: './' } };
for (const entry of (process.env.HIPCHECK_LANGUAGE_BUILDS ?? '').split(',').filter(Boolean)) {
  const [other, from] = entry.split('=');
  if (!LANGS.includes(other) || other === LANG || !fs.existsSync(path.join(from, 'lang.json'))) {
    console.error(`postbuild: HIPCHECK_LANGUAGE_BUILDS entry '${entry}' is not a built language folder`);
    process.exit(1);
  }
  fs.cpSync(from, path.join(dir, other), { recursive: true });
  const built = JSON.parse(fs.readFileSync(path.join(dir, other, 'lang.json'), 'utf8'));
  fs.rmSync(path.join(dir, other, 'lang.json'));
  BUILDS[other] = { ...built, bindings: `./${other}/${built.bindings.slice(2)}`, wasm: `./${other}/${built.wasm.slice(2)}`, folder: `./${other}/` };
  delete BUILDS[other].lang;
}
const embed = `// HipCheck <hip-check> custom element (generated by scripts/postbuild.mjs).
// <script type="module" src="https://YOUR-SITE/hipcheck/embed.js"></script>
// <hip-check booking-url="https://..." clinic-name="..." lang="en"></hip-check>
// Resets what the host page would otherwise pass in by inheritance; custom properties
// (--hipcheck-*) still pass, which is how a clinic themes the widget.
const CSS = ${JSON.stringify(':host{all:initial;display:block}:host([hidden]){display:none}\n' + css + resultsCss)};

// Every language's files: this build's, and each language folder's (scripts/build.sh).
const BUILDS = ${JSON.stringify(BUILDS)};
const pick = (tag) => pickLanguage(tag, BUILDS);
const started = {};
function start(lang) {
  const build = BUILDS[lang];
  started[lang] ??= import(new URL(build.bindings, import.meta.url).href).then(async (module) => {
    await module.default({ module_or_path: new URL(build.wasm, import.meta.url) });
    return module;
  });
  return started[lang];
}

let sheet;
function stylesheet() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
  }
  return sheet;
}

${STATIC_START}
// The wasm loads when the element comes near the viewport (600 px ahead), on the first
// interaction with it, or at once with loading="eager": a reader who never scrolls down to it
// downloads only this file.
class HipCheckElement extends HTMLElement {
  connectedCallback() {
    if (this.shadowRoot) return;
    const root = this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [stylesheet()];
    this.begin(root);
  }

  // The element's lang, else the host page's (the nearest lang around it), else English.
  begin(root) {
    const tag = this.closest('[lang]')?.getAttribute('lang');
    const lang = pick(tag) ?? 'en';
    if (this.hasAttribute('lang') && !pick(tag)) console.warn(\`HipCheck: lang '\${tag}' is not available; using English.\`);
    const build = BUILDS[lang] ?? Object.values(BUILDS)[0];
    const mount = document.createElement('div');
    mount.innerHTML = build.start;
    nameClinic(mount, this.getAttribute('clinic-name')?.trim());
    const accent = this.getAttribute('accent')?.trim();
    if (accent && globalThis.CSS.supports('color', accent)) this.style.setProperty('--hipcheck-accent', accent);
    root.append(mount);
    let near;
    let loading = false;
    const assets = new URL(build.folder, import.meta.url).href;
    // Called by whichever comes first (near the viewport, an interaction, a press of Start).
    const load = () => {
      if (loading) return;
      loading = true;
      near?.disconnect();
      // Only a failure to load is reported here; a panic inside the app shows its own screen.
      Promise.all([start(lang), shared && watch().catch(() => {})]).then(
        ([module]) => takeOver((root) => module.mountHipCheck(root, this, '', assets)),
        (error) => {
          console.error('HipCheck could not start', error);
          mount.textContent = build.failed;
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
      near?.disconnect();
      root.replaceChildren();
      this.begin(root);
    };
    const watch = (click) => (handoff ??= import(${HANDOFF})).then((m) => m.watch(mount, { settings: this, prefix: '', shareUrl: this.getAttribute('share-url'), assets, switchTo }, click));
    const shared = location.hash.startsWith('#hipcheck=');
    root.addEventListener('click', watch, { once: true, capture: true });
    if (this.getAttribute('loading') === 'eager') return load();
    near = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) load();
    }, { rootMargin: '600px 0px' });
    near.observe(this);
    for (const type of ['pointerdown', 'focusin', 'keydown']) root.addEventListener(type, load, { once: true, capture: true });
  }
}

if (!customElements.get('hip-check')) {
  customElements.define('hip-check', HipCheckElement);
  // Once per page, however many widgets it holds.
  followShareLinks();
}
`;
write('embed.js', await js(embed));

// ---------------------------------------------------------------- HTML pages
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'; worker-src 'self'; manifest-src 'self'";
// index.html is written in English; another language's build puts its own words in.
const ENGLISH = UI_WORDS.en.page;
let indexHtml = read('index.html').toString('utf8');
if (LANG !== 'en') {
  const before = indexHtml;
  indexHtml = indexHtml.replace(/<html lang="?en"?>/, `<html lang="${LANG}">`);
  for (const key of ['title', 'description', 'heading', 'noscript', 'demo_clinic']) {
    if (!indexHtml.includes(ENGLISH[key])) {
      console.error(`postbuild: index.html no longer has its ${key} ('${ENGLISH[key]}'); update content/ui.toml [page]`);
      process.exit(1);
    }
    indexHtml = indexHtml.replaceAll(ENGLISH[key], STRINGS[key]);
  }
  if (indexHtml === before || !indexHtml.includes(`lang="${LANG}"`)) {
    console.error('postbuild: could not put the language into index.html');
    process.exit(1);
  }
}
// The English page is also where a visitor of another language arrives and is sent on from, so
// it does not preload its wasm (110 KB they would not use): its loader starts the download.
const PRELOADS = [
  `<link rel="modulepreload" href="${bindings}" integrity="${sri(read(bindings))}">`,
  LANG === 'en' ? '' : `<link rel="preload" href="${wasm}" as="fetch" type="application/wasm" crossorigin integrity="${wasmIntegrity}">`,
].filter(Boolean);
const head = [
  `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
  `<link rel="manifest" href="manifest.webmanifest">`,
  ...PRELOADS,
  `<script type="module" src="${loaderName}" integrity="${sri(loader)}"></script>`,
].join('\n    ');
if (!indexHtml.includes('</head>')) {
  console.error('postbuild: index.html has no </head>');
  process.exit(1);
}
// Trunk has minified the page: attributes may be unquoted and in any order.
const mountTag = indexHtml.match(/<div [^>]*\bid="?hipcheck"?[^>]*><\/div>/)?.[0];
if (!mountTag) {
  console.error('postbuild: index.html has no empty <div id="hipcheck"></div>');
  process.exit(1);
}
// The clinic's name in the header, as the app will show it, so nothing moves when it takes over.
const demoClinic = mountTag.match(/data-clinic-name=(?:"([^"]*)"|([^\s>]+))/);
const namedStartScreen = demoClinic
  ? startScreen.replace('</span>HipCheck</p>', `</span>HipCheck · ${demoClinic[1] ?? demoClinic[2]}</p>`)
  : startScreen;
if (demoClinic && namedStartScreen === startScreen) {
  console.error('postbuild: could not name the clinic in the start screen (has its header changed?)');
  process.exit(1);
}
const standalone = indexHtml
  .replace('</head>', `    ${head}\n  </head>`)
  .replace(mountTag, mountTag.replace('></div>', `>${namedStartScreen}</div>`));
write('index.html', standalone);
const iframe = standalone
  .replace(new RegExp(`<html lang="?${LANG}"?>`), `<html lang="${LANG}" data-embed="iframe">`)
  .replace(/ data-booking-url=("[^"]*"|[^\s>]*)/, '')
  .replace(/ data-clinic-name=("[^"]*"|[^\s>]*)/, '')
  .replace(namedStartScreen, startScreen)
  .replace('<body>', '<body class="hc-in-iframe">');
// The iframe page waits for the frame to come near the viewport: nothing is preloaded.
let lazyIframe = iframe.replace(
  `<script type="module" src="${loaderName}" integrity="${sri(loader)}"></script>`,
  `<script type="module" src="${frameLoaderName}" integrity="${sri(frameLoader)}"></script>`,
);
for (const preload of PRELOADS) lazyIframe = lazyIframe.replace(`\n    ${preload}`, '');
if (!lazyIframe.includes(frameLoaderName)) {
  console.error('postbuild: could not give iframe.html its own loader');
  process.exit(1);
}
for (const [marker, what] of [['data-embed="iframe"', 'the iframe marker'], ['hc-in-iframe', 'the iframe body class']]) {
  if (!iframe.includes(marker)) {
    console.error(`postbuild: could not add ${what} to iframe.html (has index.html's markup changed?)`);
    process.exit(1);
  }
}
if (/data-booking-url|data-clinic-name/.test(iframe) || (demoClinic && iframe.includes(namedStartScreen))) {
  console.error('postbuild: iframe.html still carries the demo clinic settings');
  process.exit(1);
}
if (PRELOADS.some((p) => lazyIframe.includes(p))) {
  console.error('postbuild: could not take the preloads out of iframe.html');
  process.exit(1);
}
write('iframe.html', lazyIframe);

// ---------------------------------------------------------------- manifest
write(
  'manifest.webmanifest',
  JSON.stringify(
    {
      name: STRINGS.manifest_name,
      short_name: 'HipCheck',
      description: STRINGS.manifest_description,
      lang: LANG,
      start_url: './',
      scope: './',
      display: 'standalone',
      background_color: '#ffffff',
      theme_color: '#0b6e69',
      icons: [{ src: icon, sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
    },
    null,
    2,
  ),
);

// ---------------------------------------------------------------- service worker
const precache = fs
  .readdirSync(dir)
  // The Questionnaire too: the FHIR download and a shared check's answers read it offline.
  .filter((f) => fs.statSync(path.join(dir, f)).isFile() && f !== 'sw.js' && f !== 'lang.json')
  .sort();
const version = shortHash(precache.map((f) => `${f}:${shortHash(read(f))}`).join('\n'));
const sw = `// HipCheck service worker (generated by scripts/postbuild.mjs): build ${version}.
// Precaches exactly this build's files in one cache named after the build. A page is served
// entirely from the cache of the worker that controls it, so it never mixes two builds; a new
// build waits until no page uses the old one, then replaces it and deletes the old cache.
// Named by language too: each language's folder has its own worker, which must not delete the
// other's cache.
const CACHE = 'hipcheck-${LANG}-${version}';
const FILES = ${JSON.stringify(['./', ...precache])};

self.addEventListener('install', (event) => {
  event.waitUntil(
    // Fetched fresh, not from the HTTP cache: Trunk's file names are not hashes of the final
    // bytes (wasm-opt and terser run after naming), so a cached copy could be another build's.
    caches.open(CACHE).then((cache) => cache.addAll(FILES.map((f) => new Request(f, { cache: 'reload' })))),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      // This language's older caches, and those named before languages had caches of their own.
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE && (k.startsWith('hipcheck-${LANG}-') || /^hipcheck-[0-9a-f]{16}$/.test(k))).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    caches.open(CACHE).then(async (cache) => {
      // The iframe page carries its settings in the query string.
      const hit = await cache.match(request, { ignoreSearch: request.mode === 'navigate' });
      return hit ?? fetch(request);
    }),
  );
});
`;
write('sw.js', await js(sw, false));

console.log(`postbuild: ${loaderName}, ${frameLoaderName}, ${handoffName}, ${textsFile}, embed.js, iframe.html, manifest.webmanifest, sw.js (build ${version}, ${precache.length + 1} precached)`);
