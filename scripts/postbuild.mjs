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
// The scripts it writes are assets/runtime/'s modules with this build's values put in (see
// "runtime programs" below).
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
import { assemble, fillSlot } from '../assets/runtime/assemble.mjs';
import { startScreen } from './start-screen.mjs';
import { mountRule } from '../assets/runtime/theme.mjs';

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
const js = async (code, module = true, options = {}) =>
  (await minify(code, { module, compress: true, mangle: true, format: { comments: false }, ...options })).code;

let bindings = one(/^hipcheck-web-[0-9a-f]+\.js$/, 'wasm-bindgen module');
let wasm = one(/^hipcheck-web-[0-9a-f]+_bg\.wasm$/, 'wasm module');
const widgetCss = one(/^main-[0-9a-f]+\.css$/, 'widget stylesheet');
const icon = one(/^icon-[0-9a-f]+\.svg$/, 'icon');
{
  // Before anything else reads them: every later step (hashes, precache list, embed.js copies)
  // sees the files as shipped.
  const shortened = shortenImports(read(wasm), await js(read(bindings).toString('utf8')));
  write(wasm, shortened.wasm);
  write(bindings, shortened.bindings);
  // Named after their final bytes: Trunk named them before wasm-opt and the step above, so two
  // builds could ship different bytes under one name, and nothing could trust a cached copy.
  // Named so, a copy the browser holds is this build's, and the service worker may take the
  // page's own downloads from the HTTP cache instead of downloading them again (issue 24).
  const finalHash = shortHash(Buffer.concat([shortened.wasm, Buffer.from(shortened.bindings)]));
  const renamed = { bindings: `hipcheck-web-${finalHash}.js`, wasm: `hipcheck-web-${finalHash}_bg.wasm` };
  fs.renameSync(path.join(dir, bindings), path.join(dir, renamed.bindings));
  fs.renameSync(path.join(dir, wasm), path.join(dir, renamed.wasm));
  ({ bindings, wasm } = renamed);
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

// The settings a clinic may pass: SETTINGS in src/vocabulary.rs (tests/rust/contract.rs checks they agree).
const SETTINGS = ['booking-url', 'booking-label', 'clinic-name', 'phone', 'lang', 'accent', 'theme'];

// ---------------------------------------------------------------- hand-off module
// assets/handoff.mjs: share link, FHIR download, history, reminder. Downloaded only when a result
// is shown or a share link is opened, so none of it is in the first load; named by its hash.
// Its words (every language's: the module follows the widget's `lang`) and the ids and codes it
// shares with the engine go into its two slots.
const handoffWords = Object.fromEntries(Object.entries(UI_WORDS).map(([lang, words]) => [lang, words.handoff]));
let handoffSource = fs.readFileSync(path.join(process.env.TRUNK_SOURCE_DIR ?? '.', 'assets', 'handoff.mjs'), 'utf8');
for (const [name, value] of [['WORDS', handoffWords], ['VOCABULARY', SHIPPED.vocabulary]]) {
  handoffSource = fillSlot(handoffSource, `export const ${name} = {};`, `export const ${name} = ${JSON.stringify(value)};`, 'assets/handoff.mjs');
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

// ---------------------------------------------------------------- the start screen before the wasm
// The widget's start screen in this language, made from its words by scripts/start-screen.mjs
// (tests/e2e/start.test.mjs checks it is the markup the app renders). It goes into index.html,
// iframe.html and each <hip-check>'s shadow root, so a visitor can read, type and choose before
// any wasm has arrived.
const LANGUAGE_NAMES = Object.fromEntries(LANGS.map((l) => [l, UI_WORDS[l].app.language_name]));
let ownStartScreen;
try {
  ownStartScreen = startScreen({ lang: LANG, words: UI_WORDS[LANG].app, languages: LANGUAGE_NAMES });
} catch (error) {
  console.error(`postbuild: ${error.message}`);
  process.exit(1);
}

// ---------------------------------------------------------------- runtime programs
// The page loaders, embed.js and sw.js are modules of assets/runtime/ (ordinary code, unit-tested
// in Node by tests/unit/runtime.test.mjs). Each holds one build slot, `const BUILD = /* filled by
// scripts/postbuild.mjs */ {};`, which gets this build's values (file names, integrity, words,
// folders, files to precache); the modules it imports are put into it (assets/runtime/assemble.mjs),
// and it is minified like every other script. A module without its slot, or with two, stops the
// build. The start screen's behaviour until the wasm takes over, and the takeover, is
// loader-common.mjs, shared by the page loaders and embed.js.
const RUNTIME = path.join(SOURCE, 'assets', 'runtime');
const runtimeProgram = (name, build) => {
  try {
    return assemble(path.join(RUNTIME, name), build);
  } catch (error) {
    console.error(`postbuild: ${error.message}`);
    process.exit(1);
  }
};

// ---------------------------------------------------------------- page loaders (index, iframe)
// Two loaders, so the standalone page carries none of the iframe's code: assets/runtime/app.mjs
// (index.html: starts loading the wasm at once, its head preloads it) and assets/runtime/frame.mjs
// (iframe.html: only when the frame comes near the top page's viewport, on the first interaction,
// or at once with ?loading=eager), with what they share in page-loader.mjs and loader-common.mjs.
const wasmIntegrity = sri(read(wasm));
// What the start screen says when the app's files did not arrive, and its "Try again" (issue 24).
const FAILED = { failed: STRINGS.failed_page, tryAgain: UI_WORDS[LANG].app.try_again };
const pageLoaderBuild = {
  // The languages of this output and their folders (a language's page is in its own folder).
  folders: FOLDERS,
  lang: LANG,
  bindings,
  wasm,
  wasmIntegrity,
  handoff: handoffName,
  resultsCss: resultsCssName,
  loading: STRINGS.loading,
  failed: FAILED,
};
const loader = await js(runtimeProgram('app.mjs', pageLoaderBuild));
const loaderName = `app-${shortHash(loader)}.js`;
write(loaderName, loader);
const frameLoader = await js(runtimeProgram('frame.mjs', { ...pageLoaderBuild, settings: SETTINGS }));
const frameLoaderName = `frame-${shortHash(frameLoader)}.js`;
write(frameLoaderName, frameLoader);

// ---------------------------------------------------------------- embed.js (custom element)
const css = read(widgetCss).toString('utf8');
// This build's files as another build's embed.js needs them, and the other languages' builds,
// copied into their folders.
const ownBuild = { bindings: `./${bindings}`, wasm: `./${wasm}`, start: ownStartScreen, loading: STRINGS.loading, failed: FAILED };
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
// assets/runtime/embed.mjs: the widget's styles and the results styles, the hand-off module, and
// every language's files.
write('embed.js', await js(runtimeProgram('embed.mjs', { css, resultsCss, handoff: handoffName, settings: SETTINGS, builds: BUILDS })));

// ---------------------------------------------------------------- HTML pages
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'; worker-src 'self'; manifest-src 'self'";
// index.html is written in English; another language's build puts its own words in.
const ENGLISH = UI_WORDS.en.page;
// Trunk leaves its own directive for the wasm (`<link data-trunk rel=rust …>`) in the page when it
// injects no scripts: a dead element every visitor downloads (about 90 B brotli), so it goes.
let indexHtml = read('index.html').toString('utf8').replace(/<link [^>]*\brel="?rust"?[^>]*>/, '');
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
// The standalone page's accent (data-accent on its mount point, #rrggbb): its readable shades for
// light and dark mode (assets/runtime/theme.mjs) are worked out here, into a stylesheet of its
// own that only index.html links, so the page needs no code for them and shows them from its
// first paint. Not into page-*.css: index.html carries that file's integrity as Trunk wrote it,
// and iframe.html shares it (the frame takes its accent from its own address).
const pageAccent = mountTag.match(/data-accent=(?:"([^"]*)"|([^\s>]+))/);
let accentLink = '';
if (pageAccent) {
  const rule = mountRule(pageAccent[1] ?? pageAccent[2]);
  if (!rule) {
    console.error(`postbuild: index.html's data-accent must be a colour written #rrggbb, not '${pageAccent[1] ?? pageAccent[2]}'`);
    process.exit(1);
  }
  const accentCss = `accent-${shortHash(rule)}.css`;
  write(accentCss, rule);
  accentLink = `\n    <link rel="stylesheet" href="${accentCss}" integrity="${sri(rule)}">`;
}
// The clinic's name in the header, as the app will show it, so nothing moves when it takes over.
const demoClinic = mountTag.match(/data-clinic-name=(?:"([^"]*)"|([^\s>]+))/);
const namedStartScreen = demoClinic
  ? startScreen({ lang: LANG, words: UI_WORDS[LANG].app, languages: LANGUAGE_NAMES, clinic: demoClinic[1] ?? demoClinic[2] })
  : ownStartScreen;
const standalone = indexHtml
  .replace('</head>', `    ${head}${accentLink}\n  </head>`)
  .replace(mountTag, mountTag.replace('></div>', `>${namedStartScreen}</div>`));
write('index.html', standalone);
const iframe = standalone
  .replace(new RegExp(`<html lang="?${LANG}"?>`), `<html lang="${LANG}" data-embed="iframe">`)
  .replace(/ data-booking-url=("[^"]*"|[^\s>]*)/, '')
  .replace(/ data-clinic-name=("[^"]*"|[^\s>]*)/, '')
  .replace(/ data-accent=("[^"]*"|[^\s>]*)/, '')
  .replace(accentLink, '')
  .replace(namedStartScreen, ownStartScreen)
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
if (/data-booking-url|data-clinic-name|data-accent/.test(iframe) || (demoClinic && iframe.includes(namedStartScreen))) {
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

// ---------------------------------------------------------------- the clinic's configurator
// configure.html (assets/configure/): the clinic types its settings, previews the real widget
// (this folder's embed.js and iframe.html) and copies a snippet. In the English build only (it
// previews every language), and no part of any visitor's page or of the precache: the worker
// keeps its files once the configurator has been opened (sw.mjs, `later`).
const CONFIGURATOR = ['configure.html', 'configure.css', 'configure.js'];
if (LANG === 'en') {
  const configure = path.join(SOURCE, 'assets', 'configure');
  fs.copyFileSync(path.join(configure, 'configure.html'), path.join(dir, 'configure.html'));
  write('configure.css', minifyCss(fs.readFileSync(path.join(configure, 'configure.css'), 'utf8')));
  const resize = fs.readFileSync(path.join(SOURCE, 'examples', 'iframe-resize.js'), 'utf8');
  const languages = Object.fromEntries(LANGS.map((l) => [l, {
    name: UI_WORDS[l].app.language_name,
    fallback: UI_WORDS[l].page.fallback,
    book: UI_WORDS[l].app.book_default_label,
  }]));
  write('configure.js', await js(runtimeProgram('configure.mjs', { languages, resize, frameTitle: 'HipCheck hip pain self-check' })));
}

// ---------------------------------------------------------------- service worker
const precache = fs
  .readdirSync(dir)
  // The Questionnaire too: the FHIR download and a shared check's answers read it offline.
  // Not index.html: it is './', which the worker serves for it too. Not embed.js: the pages this
  // worker controls never load it (a clinic's page that does is outside its scope), and every
  // visitor would download it (issue 24); the configurator's preview keeps it (`later`).
  .filter((f) => fs.statSync(path.join(dir, f)).isFile() && !['sw.js', 'lang.json', 'index.html', 'embed.js'].includes(f) && !CONFIGURATOR.includes(f))
  .sort();
const version = shortHash(precache.map((f) => `${f}:${shortHash(read(f))}`).join('\n'));
// assets/runtime/sw.mjs, as a classic script: this language's cache of this build's files. Its
// top-level names are minified too (the worker's script is alone in its global scope).
// The files this script named after their final bytes (shortHash above), which the worker may
// take from the HTTP cache. Trunk's own names (the stylesheets, the icon) hash its input, not
// what it wrote, so they are checked with the server instead.
const namedByFinalBytes = precache.filter((f) => /^(app|frame|handoff|accent|after-start|texts|hipcheck-web)-[0-9a-f]{16}(_bg)?\.(js|css|txt|wasm)$/.test(f));
write('sw.js', await js(runtimeProgram('sw.mjs', { lang: LANG, version, files: ['./', ...precache], named: namedByFinalBytes, later: LANG === 'en' ? [...CONFIGURATOR, 'embed.js'] : [] }), false, { toplevel: true }));

console.log(`postbuild: ${loaderName}, ${frameLoaderName}, ${handoffName}, ${textsFile}, embed.js, iframe.html, manifest.webmanifest, sw.js (build ${version}, ${precache.length + 1} precached)`);
