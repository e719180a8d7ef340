// The runtime programs of assets/runtime/ without a browser: every file parses (node --check), each
// program assembles the way scripts/postbuild.mjs makes it (its BUILD filled, its imports put in,
// no import or export left) and still parses and minifies, the standalone loader carries none of
// the iframe's code, a broken build slot or import stops the build, the pure helpers of the
// loaders, the start screen and <hip-check>, and the service worker as shipped (assembled and
// minified) run against a fake worker scope. The loaders' and the element's behaviour in a page
// is tests/e2e/'s.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { minify } from 'terser';
import { assemble, SLOT } from '../../assets/runtime/assemble.mjs';
import {
  pickLanguage, unnumbered, radioSelector, focusSelector, armStartScreen, nameClinic, followShareLinks,
} from '../../assets/runtime/loader-common.mjs';
import {
  chooseLanguage, languagePage, framingOrigin, onOrigin, querySettings, ignoresSettings, startPage,
} from '../../assets/runtime/page-loader.mjs';
import { chooseBuild, HOST_CSS, remToPx } from '../../assets/runtime/embed.mjs';
import { meant, setupProblems, acceptedLink, settingUp, frameProblems } from '../../assets/runtime/setup.mjs';
import { cacheName, isStale, answers, matchOptions, serve } from '../../assets/runtime/sw.mjs';
import { contrast, hex, parseHex, nearestReadable, textOn, themeFor, mountRule, PALETTES } from '../../assets/runtime/theme.mjs';
import { snippetSettings, elementSnippet, frameAddress, iframeSnippet, configProblems, accentAdvice } from '../../assets/runtime/configure.mjs';

const RUNTIME = fileURLToPath(new URL('../../assets/runtime/', import.meta.url));
const runtime = (name) => path.join(RUNTIME, name);
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'hipcheck-runtime-'));
test.after(() => fs.rmSync(scratch, { recursive: true, force: true }));

// What scripts/postbuild.mjs does to each program after assembling it.
const MINIFY = { compress: true, mangle: true, format: { comments: false } };
// `node --check` on `code` written to a file named `name` (.mjs: a module; .js: a classic script,
// as this package has no "type"); throws with node's message when it does not parse.
const nodeCheck = (name, code) => {
  const file = path.join(scratch, name);
  fs.writeFileSync(file, code);
  execFileSync(process.execPath, ['--check', file], { stdio: 'pipe' });
};

// Build values shaped as scripts/postbuild.mjs makes them (an English build with Spanish in es/).
const SETTINGS = ['booking-url', 'booking-label', 'clinic-name', 'phone', 'lang', 'accent', 'theme'];
const PAGE = {
  folders: { en: './', es: 'es/' },
  lang: 'en',
  bindings: 'hipcheck-web-0123456789abcdef.js',
  wasm: 'hipcheck-web-0123456789abcdef_bg.wasm',
  wasmIntegrity: 'sha384-TESTtestTESTtestTESTtestTESTtestTESTtestTESTtestTESTtestTESTtest',
  handoff: 'handoff-0123456789abcdef.js',
  resultsCss: 'after-start-0123456789abcdef.css',
  loading: 'Loading…',
  failed: 'HipCheck could not load. Try again later; it\'s "fine" </script>',
};
const EMBED = {
  css: '.hc-form{color:red}',
  resultsCss: '.hc-result{color:blue}',
  settings: SETTINGS,
  handoff: PAGE.handoff,
  builds: {
    en: { bindings: './hipcheck-web-1.js', wasm: './hipcheck-web-1_bg.wasm', start: '<div class="hc-form"></div>', loading: 'Loading…', failed: 'Could not load', folder: './' },
    es: { bindings: './es/hipcheck-web-2.js', wasm: './es/hipcheck-web-2_bg.wasm', start: '<div class="hc-form"></div>', loading: 'Cargando…', failed: 'No se pudo cargar', folder: './es/' },
  },
};
const FILES = ['./', 'after-start-0123456789abcdef.css', 'app-0123456789abcdef.js', 'embed.js', 'iframe.html'];
const WORKER = { lang: 'en', version: 'fedcba9876543210', files: FILES, named: ['after-start-0123456789abcdef.css', 'app-0123456789abcdef.js'] };
// Each program: its module, its build values, and whether it ships as a module.
const PROGRAMS = {
  'app.mjs': [PAGE, true],
  'frame.mjs': [{ ...PAGE, settings: SETTINGS }, true],
  'embed.mjs': [EMBED, true],
  'sw.mjs': [WORKER, false],
  'configure.mjs': [{ languages: { en: { name: 'English', fallback: 'Could not load.', book: 'Book' } }, resize: '(() => {})();', frameTitle: 'HipCheck' }, true],
};
const shipped = async (name) => {
  const [build, module] = PROGRAMS[name];
  const program = assemble(runtime(name), build);
  return { program, minified: (await minify(program, { module, ...MINIFY, ...(module ? {} : { toplevel: true }) })).code };
};

// ---------------------------------------------------------------- syntax
test('every runtime file parses (node --check), and the check fails on a broken file', () => {
  const files = fs.readdirSync(RUNTIME).filter((f) => /\.m?js$/.test(f)).sort();
  assert.deepEqual(files, ['app.mjs', 'assemble.mjs', 'configure.mjs', 'embed.mjs', 'events.mjs', 'frame.mjs', 'loader-common.mjs', 'page-loader.mjs', 'setup.mjs', 'sw.mjs', 'theme.mjs']);
  for (const file of files) {
    assert.doesNotThrow(() => execFileSync(process.execPath, ['--check', runtime(file)], { stdio: 'pipe' }), file);
  }
  const broken = fs.readFileSync(runtime('loader-common.mjs'), 'utf8').replace('export function nameClinic(mount, clinic) {', 'export function nameClinic(mount, clinic) {{');
  assert.throws(() => nodeCheck('broken.mjs', broken), /SyntaxError/);
});

test('each program assembles into one file with its BUILD filled and no import or export left', async () => {
  for (const name of Object.keys(PROGRAMS)) {
    const { program, minified } = await shipped(name);
    assert.doesNotMatch(program, /^[ \t]*(?:import|export)\b(?![.(])/m, name);
    assert.ok(!program.includes(SLOT), `${name} still holds its empty slot`);
    assert.equal(program.split('const BUILD = ').length, 2, `${name}: one BUILD`);
    // The values are in as data, quotes and all.
    assert.ok(program.includes(`const BUILD = ${JSON.stringify(PROGRAMS[name][0])};`), name);
    // Parses as what it ships as: the loaders and embed.js as modules, sw.js as a classic script.
    if (PROGRAMS[name][1]) {
      nodeCheck(`${name}.assembled.mjs`, program);
      nodeCheck(`${name}.minified.mjs`, minified);
    } else {
      assert.doesNotThrow(() => new vm.Script(program), name);
      assert.doesNotThrow(() => new vm.Script(minified), name);
      nodeCheck('sw.js', minified);
    }
    assert.ok(minified.length < program.length / 1.5, `${name} minifies (${program.length} → ${minified.length})`);
  }
  // A module an entry imports comes in once, however many of its modules import it.
  const { program } = await shipped('frame.mjs');
  assert.equal(program.split('function armStartScreen(').length, 2);
  assert.equal(program.split('function startPage(').length, 2);
});

test('the standalone page\'s loader carries none of the iframe\'s code; the iframe\'s has it', async () => {
  const app = (await shipped('app.mjs')).minified;
  const frame = (await shipped('frame.mjs')).minified;
  for (const iframeOnly of ['hipcheck:height', 'share-url', 'ancestorOrigins', 'IntersectionObserver', 'iframe.html', 'booking-url']) {
    assert.ok(!app.includes(iframeOnly), `app loader has '${iframeOnly}'`);
    assert.ok(frame.includes(iframeOnly), `frame loader lacks '${iframeOnly}'`);
  }
  // What they share is in both: the start screen's takeover, the integrity-checked wasm, the worker.
  for (const shared of ['hc-resume', 'integrity', 'sw.js', 'hashchange', PAGE.wasmIntegrity]) {
    assert.ok(app.includes(shared) && frame.includes(shared), shared);
  }
  // embed.js carries no page loader.
  const embed = (await shipped('embed.mjs')).minified;
  assert.ok(embed.includes('hip-check') && !embed.includes('serviceWorker') && !embed.includes('getElementById'));
  // The colour maths comes with the element and the frame; the standalone page's accent is
  // worked out when it is built.
  assert.ok(!app.includes('OffscreenCanvas') && frame.includes('OffscreenCanvas') && embed.includes('OffscreenCanvas'));
  // The clinic's events are for embeddings: the element and the frame, not the standalone page.
  assert.ok(!app.includes('hc-cta') && frame.includes('hc-cta') && embed.includes('hc-cta'));
});

test('a missing or doubled build slot, an unknown import or another export stops the build', () => {
  const dir = fs.mkdtempSync(path.join(scratch, 'assemble-'));
  const write = (name, text) => fs.writeFileSync(path.join(dir, name), text);
  write('lib.mjs', 'export function helper() {\n  return 1;\n}\nexport const TWO = 2;\n');
  write('ok.mjs', `import { helper, TWO } from './lib.mjs';\n${SLOT}\nconsole.log(helper() + TWO, BUILD.x);\n`);
  assert.equal(
    assemble(path.join(dir, 'ok.mjs'), { x: 'a$&b' }),
    'function helper() {\n  return 1;\n}\nconst TWO = 2;\n\nconst BUILD = {"x":"a$&b"};\nconsole.log(helper() + TWO, BUILD.x);\n',
  );
  const cases = {
    'none.mjs': ['const BUILD = {};\n', /exactly once \(found 0\)/],
    'two.mjs': [`${SLOT}\n${SLOT}\n`, /exactly once \(found 2\)/],
    'unknown.mjs': [`import { helper, missing } from './lib.mjs';\n${SLOT}\n`, /does not export 'missing'/],
    'renamed.mjs': [`import { helper as h } from './lib.mjs';\n${SLOT}\n`, /not a plain name/],
    'default.mjs': [`${SLOT}\nexport default BUILD;\n`, /export default BUILD/],
    'package.mjs': [`import { minify } from 'terser';\n${SLOT}\n`, /import \{ minify \} from 'terser'/],
    'slot-in-lib.mjs': [`import { own } from './slotted.mjs';\n${SLOT}\n`, /a module it imports holds a build slot/],
  };
  write('slotted.mjs', `${SLOT}\nexport const own = 1;\n`);
  for (const [name, [text, message]] of Object.entries(cases)) {
    write(name, text);
    assert.throws(() => assemble(path.join(dir, name), {}), message, name);
  }
  assert.throws(() => assemble(path.join(dir, 'ok.mjs'), undefined), /no build values/);
});

// ---------------------------------------------------------------- the start screen (loader-common.mjs)
test('pickLanguage names a language of the object by the primary subtag of a lang tag, else nothing', () => {
  const languages = { en: {}, es: {} };
  assert.equal(pickLanguage('es', languages), 'es');
  assert.equal(pickLanguage('es-MX', languages), 'es');
  assert.equal(pickLanguage('EN-gb', languages), 'en');
  assert.equal(pickLanguage('fr-CA', languages), undefined);
  assert.equal(pickLanguage('e', languages), undefined);
  assert.equal(pickLanguage('spanish', languages), undefined);
  assert.equal(pickLanguage('eng', languages), undefined);
  assert.equal(pickLanguage('esp-ES', languages), undefined);
  assert.equal(pickLanguage(undefined, languages), undefined);
  assert.equal(pickLanguage(null, languages), undefined);
  assert.equal(pickLanguage('', languages), undefined);
  assert.equal(pickLanguage('es', { en: {} }), undefined);
});

test('controls are found again in the app by what follows the widget number', () => {
  assert.equal(unnumbered('hc0-age'), 'age');
  assert.equal(unnumbered('hc12-pain-side'), 'pain-side');
  assert.equal(unnumbered('hc1-hc2-x'), 'hc2-x');
  assert.equal(unnumbered('age'), 'age');
  assert.equal(unnumbered('hcx-age'), 'hcx-age');
  assert.equal(radioSelector('sex', 'female'), 'input[name$="-sex"][value="female"]');
  assert.equal(focusSelector({ id: 'hc0-age', name: 'age', type: 'number' }), '[id$="-age"]');
  assert.equal(focusSelector({ id: '', name: 'hc3-sex', value: 'male', type: 'radio' }), 'input[name$="-sex"][value="male"]');
  assert.equal(focusSelector({ id: '', name: '', type: 'submit' }), 'button[type=submit]');
  assert.equal(focusSelector({ id: '', name: '', type: 'button' }), null);
});

// Issue 24: a press on the diagram keeps the focus where it was; a press anywhere else in the
// widget (a button, a field) moves it as usual.
test('a press on the diagram does not move the focus, a press elsewhere does', () => {
  const handlers = {};
  const mount = { dataset: {}, addEventListener: (type, handler) => { handlers[type] = handler; }, querySelector: () => null };
  armStartScreen(mount, () => {}, 'Loading…');
  const press = (inDiagram) => {
    let prevented = false;
    handlers.mousedown({ target: { closest: (selector) => (selector === '.hc-map-svg' && inDiagram ? {} : null) }, preventDefault: () => { prevented = true; } });
    return prevented;
  };
  assert.equal(press(true), true);
  assert.equal(press(false), false);
  // A press on the document itself (no element: no closest) is left alone.
  handlers.mousedown({ target: {}, preventDefault: () => assert.fail('prevented a press outside any element') });
});

test('nothing runs when the modules are imported; the start screen arms only the mount it is given', () => {
  // Importing them above touched no page: there is none in Node, and they did not throw.
  assert.equal(typeof document, 'undefined');
  const listeners = [];
  const mount = { dataset: {}, addEventListener: (type, _, capture) => listeners.push([type, capture]), querySelector: () => null };
  const takeOver = armStartScreen(mount, () => {}, 'Loading…');
  assert.equal(typeof takeOver, 'function');
  assert.deepEqual(listeners, [['submit', true], ['change', true], ['mousedown', undefined]]);
  assert.equal(mount.dataset.hcArmed, '1');
  // nameClinic writes after HipCheck's name only when both a clinic and the header are there.
  const brand = { lastChild: { textContent: 'HipCheck' } };
  nameClinic({ querySelector: () => brand }, 'Example Physio');
  assert.equal(brand.lastChild.textContent, 'HipCheck · Example Physio');
  nameClinic({ querySelector: () => brand }, '');
  assert.equal(brand.lastChild.textContent, 'HipCheck · Example Physio');
  assert.doesNotThrow(() => nameClinic({ querySelector: () => null }, 'Example Physio'));
  assert.equal(typeof followShareLinks, 'function');
  assert.equal(typeof startPage, 'function');
});

// ---------------------------------------------------------------- page loaders (page-loader.mjs)
test('the visitor\'s language: the setting, else (on the English page only) the browser\'s, else the page\'s', () => {
  const fromEnglish = { en: './', es: 'es/' };
  const fromSpanish = { es: './', en: '../' };
  assert.equal(chooseLanguage('es', ['en-US'], fromEnglish, 'en'), 'es');
  assert.equal(chooseLanguage('en', ['es-ES'], fromEnglish, 'en'), 'en');
  assert.equal(chooseLanguage(null, ['fr-FR', 'es-MX', 'en'], fromEnglish, 'en'), 'es');
  assert.equal(chooseLanguage(undefined, ['fr-FR', 'de'], fromEnglish, 'en'), 'en');
  assert.equal(chooseLanguage('fr', ['es'], fromEnglish, 'en'), 'es');
  assert.equal(chooseLanguage(null, [], fromEnglish, 'en'), 'en');
  // A language's own folder is already a choice.
  assert.equal(chooseLanguage(null, ['en-US'], fromSpanish, 'es'), 'es');
  assert.equal(chooseLanguage('en', ['es'], fromSpanish, 'es'), 'en');
  // A language that is not in this output (trunk serve builds one) is never chosen.
  assert.equal(chooseLanguage('es', ['es'], { en: './' }, 'en'), 'en');
});

test('another language\'s page is in its folder, seen from the loader', () => {
  const base = 'https://clinic.example/hipcheck/app-0123456789abcdef.js';
  assert.equal(languagePage({ en: './', es: 'es/' }, 'es', '', base), 'https://clinic.example/hipcheck/es/');
  assert.equal(languagePage({ en: './', es: 'es/' }, 'es', 'iframe.html', base), 'https://clinic.example/hipcheck/es/iframe.html');
  assert.equal(languagePage({ es: './', en: '../' }, 'en', 'iframe.html', 'https://clinic.example/hipcheck/es/frame-1.js'), 'https://clinic.example/hipcheck/iframe.html');
});

test('the framing page\'s origin, and share pages only on it', () => {
  assert.equal(framingOrigin({ framed: false, ancestorOrigins: ['https://clinic.example'], referrer: 'https://clinic.example/' }), null);
  assert.equal(framingOrigin({ framed: true, ancestorOrigins: ['https://clinic.example', 'https://top.example'], referrer: 'https://other.example/' }), 'https://clinic.example');
  // Browsers without location.ancestorOrigins: the referrer's origin.
  assert.equal(framingOrigin({ framed: true, ancestorOrigins: undefined, referrer: 'https://clinic.example/physio/hip?x=1' }), 'https://clinic.example');
  assert.ok(!framingOrigin({ framed: true, ancestorOrigins: undefined, referrer: '' }));

  const origin = 'https://clinic.example';
  assert.equal(onOrigin('https://clinic.example/hipcheck/share.html', origin), true);
  assert.equal(onOrigin('https://clinic.example:443/x', origin), true);
  assert.equal(onOrigin('http://clinic.example/x', origin), false);
  assert.equal(onOrigin('https://clinic.example.evil.test/x', origin), false);
  assert.equal(onOrigin('https://evil.test/?https://clinic.example', origin), false);
  assert.equal(onOrigin('share.html', origin), false);
  assert.equal(onOrigin('javascript:alert(1)', origin), false);
  assert.equal(onOrigin('https://clinic.example/x', null), false);
  assert.equal(onOrigin('https://clinic.example/x', ''), false);
});

test('the clinic settings of the query string, and those an unframed iframe.html ignores', () => {
  const params = new URLSearchParams('clinic-name=Example+Physio&lang=es&unknown=1&booking-url=https%3A%2F%2Fbook.example%2F');
  assert.deepEqual(querySettings(params, SETTINGS), [
    ['booking-url', 'https://book.example/'], ['clinic-name', 'Example Physio'], ['lang', 'es'],
  ]);
  assert.deepEqual(querySettings(new URLSearchParams('unknown=1'), SETTINGS), []);
  assert.equal(ignoresSettings(params, SETTINGS), true);
  assert.equal(ignoresSettings(new URLSearchParams('lang=es&loading=eager'), SETTINGS), false);
  assert.equal(ignoresSettings(new URLSearchParams('accent=%23c00'), SETTINGS), true);
});

// ---------------------------------------------------------------- <hip-check> (embed.mjs)
test('the element\'s language and files: its tag\'s, else English\'s, else the first built', () => {
  assert.deepEqual(chooseBuild('es-MX', EMBED.builds), { lang: 'es', known: true, build: EMBED.builds.es });
  assert.deepEqual(chooseBuild('en', EMBED.builds), { lang: 'en', known: true, build: EMBED.builds.en });
  assert.deepEqual(chooseBuild('fr', EMBED.builds), { lang: 'en', known: false, build: EMBED.builds.en });
  assert.deepEqual(chooseBuild(undefined, EMBED.builds), { lang: 'en', known: false, build: EMBED.builds.en });
  // A Spanish build's own embed.js has no English beside it.
  assert.deepEqual(chooseBuild('fr', { es: EMBED.builds.es }), { lang: 'en', known: false, build: EMBED.builds.es });
  assert.match(HOST_CSS, /^:host\{all:initial;display:block\}:host\(\[hidden\]\)\{display:none\}\n$/);
});

test('the element\'s sizes in px of the reader\'s default size, never the host page\'s rem', () => {
  assert.equal(remToPx('.a{font-size:1.5rem;margin:0 .25rem}@media (max-width:24rem){.b{padding:2rem}}', 16),
    '.a{font-size:24px;margin:0 4px}@media (max-width:384px){.b{padding:32px}}');
  assert.equal(remToPx('.a{width:1rem}', 20), '.a{width:20px}');
  // Other units and words that merely contain "rem" are left alone.
  assert.equal(remToPx('.premium{width:2em;--x:remove}', 16), '.premium{width:2em;--x:remove}');
});

test('setup problems: misspelt and unknown attributes, a refused booking link, and when the box shows', () => {
  // HTML lower-cases attribute names: bookingUrl arrives as bookingurl.
  assert.equal(meant('bookingurl', SETTINGS), 'booking-url');
  assert.equal(meant('booking_url', SETTINGS), 'booking-url');
  assert.equal(meant('color', SETTINGS), 'accent');
  assert.equal(meant('language', SETTINGS), 'lang');
  assert.equal(meant('sparkles', SETTINGS), undefined);
  const problems = setupProblems([['bookingurl', 'https://clinic.example/book'], ['color', '#f26b21'], ['id', 'x'], ['data-x', '1'], ['aria-label', 'y'], ['sparkles', '1'], ['booking-url', 'www.clinic.example/book'], ['accent', '#000']], SETTINGS);
  assert.equal(problems.length, 4, problems.join('\n'));
  assert.match(problems[0], /"bookingurl".*did you mean "booking-url"/);
  assert.match(problems[1], /"color".*did you mean "accent"/);
  assert.match(problems[2], /"sparkles".*ignored/);
  assert.match(problems[3], /"www\.clinic\.example\/book" is refused.*https:\/\//);
  assert.deepEqual(setupProblems([['booking-url', 'https://clinic.example/book'], ['lang', 'es'], ['setup', '']], SETTINGS), []);
  for (const ok of ['https://a.example/b', 'http://a.example', 'mailto:x@a.example', 'tel:+442079460000']) assert.ok(acceptedLink(ok), ok);
  for (const refused of ['www.a.example/b', 'javascript:alert(1)', 'a.example', '']) assert.ok(!acceptedLink(refused), refused);
  assert.ok(settingUp(true, ''));
  assert.ok(settingUp(false, '#hipcheck-setup'));
  assert.ok(!settingUp(false, ''));
  assert.ok(!settingUp(false, '#hipcheck=abc'));
});

test('setup problems of an iframe address written without encoding', () => {
  // As a clinic pastes it: booking link with its own UTM tags, a "+" and a "#" left as they are.
  const search = '?booking-url=https://clinic.example/book?utm_source=hipcheck&utm_medium=widget&phone=+44 20 7946 0000&accent=';
  const problems = frameProblems(new URLSearchParams(search), '#f26b21', SETTINGS);
  assert.equal(problems.length, 3, problems.join('\n'));
  assert.match(problems[0], /phone number lost its "\+".*%2B/);
  assert.match(problems[1], /accent colour was cut off.*%23f26b21/);
  assert.match(problems[2], /utm_.*encode the whole booking link/);
  const encoded = '?booking-url=https%3A%2F%2Fclinic.example%2Fbook%3Futm_source%3Dhipcheck&phone=%2B44%2020%207946%200000&accent=%23f26b21&clinic-name=Example%20Physio';
  assert.deepEqual(frameProblems(new URLSearchParams(encoded), '', SETTINGS), []);
  assert.match(frameProblems(new URLSearchParams('?bookingurl=https://a.example&colour=red'), '', SETTINGS).join('\n'), /"bookingurl".*"booking-url"[\s\S]*"colour".*"accent"/);
});

// ---------------------------------------------------------------- service worker (sw.mjs)
test('the worker\'s cache names, the caches it deletes and the requests it answers', () => {
  assert.equal(cacheName('es', '0123456789abcdef'), 'hipcheck-es-0123456789abcdef');
  const current = 'hipcheck-en-0123456789abcdef';
  assert.equal(isStale(current, current, 'en'), false);
  assert.equal(isStale('hipcheck-en-fedcba9876543210', current, 'en'), true);
  // The Spanish folder's worker's cache is not the English worker's to delete.
  assert.equal(isStale('hipcheck-es-fedcba9876543210', current, 'en'), false);
  assert.equal(isStale('hipcheck-es-fedcba9876543210', 'hipcheck-es-0123456789abcdef', 'es'), true);
  // Caches named before languages had their own.
  assert.equal(isStale('hipcheck-fedcba9876543210', current, 'en'), true);
  assert.equal(isStale('hipcheck-fedcba987654321', current, 'en'), false);
  assert.equal(isStale('other-app-cache', current, 'en'), false);
  assert.equal(isStale('hipcheck-english-x', current, 'en'), false);

  const origin = 'https://clinic.example';
  assert.equal(answers({ method: 'GET', url: 'https://clinic.example/hipcheck/index.html' }, origin), true);
  assert.equal(answers({ method: 'POST', url: 'https://clinic.example/hipcheck/index.html' }, origin), false);
  assert.equal(answers({ method: 'GET', url: 'https://cdn.example/lib.js' }, origin), false);
  assert.deepEqual(matchOptions({ mode: 'navigate' }), { ignoreSearch: true });
  assert.deepEqual(matchOptions({ mode: 'cors' }), { ignoreSearch: false });
});

// A service worker's global scope, enough for sw.js: its events, caches, clients and fetch.
class FakeWorkerScope {
  constructor(keys) {
    this.location = new URL('https://clinic.example/hipcheck/sw.js');
    this.listeners = {};
    this.claimed = 0;
    this.fetched = [];
    this.deleted = [];
    this.stores = new Map(keys.map((k) => [k, new Map()]));
    const scope = this;
    this.caches = {
      async open(name) {
        if (!scope.stores.has(name)) scope.stores.set(name, new Map());
        const store = scope.stores.get(name);
        return {
          async addAll(requests) {
            for (const r of requests) store.set(r.url, { request: r, body: `cached ${r.url}` });
          },
          async put(url, body) {
            store.set(url, { body });
          },
          async match(request, { ignoreSearch } = {}) {
            const url = new URL(typeof request === 'string' ? request : request.url, scope.location);
            if (ignoreSearch) url.search = '';
            return store.get(url.href)?.body;
          },
        };
      },
      async keys() {
        return [...scope.stores.keys()];
      },
      async delete(name) {
        scope.deleted.push(name);
        return scope.stores.delete(name);
      },
    };
    this.clients = { claim: async () => { this.claimed += 1; } };
  }
  addEventListener(type, listener) {
    (this.listeners[type] ??= []).push(listener);
  }
  fetch(request) {
    this.fetched.push(request.url);
    return Promise.resolve(`network ${request.url}`);
  }
  // Dispatches `type` with `fields`; resolves with what the worker waited for or responded.
  async dispatch(type, fields = {}) {
    let waited;
    let response;
    const event = { ...fields, waitUntil: (p) => { waited = p; }, respondWith: (p) => { response = p; } };
    for (const listener of this.listeners[type] ?? []) listener(event);
    return { waited: await waited, response: response === undefined ? undefined : await response, responded: response !== undefined };
  }
}

test('sw.js as shipped precaches the build, deletes only its language\'s old caches and serves from the cache', async () => {
  const { minified } = await shipped('sw.mjs');
  const before = ['hipcheck-en-0000000000000000', 'hipcheck-es-0000000000000000', 'hipcheck-0000000000000000', 'someone-else'];
  const scope = new FakeWorkerScope(before);
  // Resolved against the worker's address, as in a worker.
  const base = scope.location.href;
  class ScopedRequest extends Request {
    constructor(input, init) {
      super(new URL(input, base), init);
    }
  }
  vm.createContext(Object.assign(scope, { Request: ScopedRequest, URL }));
  // The context's global is the worker's global scope (self).
  const global = vm.runInContext('this', scope);
  scope.self = global;
  scope.ServiceWorkerGlobalScope = class {
    static [Symbol.hasInstance](object) {
      return object === global;
    }
  };
  new vm.Script(minified).runInContext(scope);
  assert.deepEqual(Object.keys(scope.listeners).sort(), ['activate', 'fetch', 'install']);

  const cache = `hipcheck-en-${WORKER.version}`;
  await scope.dispatch('install');
  const stored = [...scope.stores.get(cache).values()];
  assert.deepEqual(stored.map((e) => e.request.url), FILES.map((f) => new URL(f, base).href));
  // A file named after its final bytes may come from the HTTP cache (the page has just
  // downloaded it); any other is checked with the server (a 304 when unchanged).
  assert.deepEqual(stored.map((e) => [e.request.url.split('/').pop(), e.request.cache]), FILES.map((f) => [f === './' ? '' : f, WORKER.named.includes(f) ? 'default' : 'no-cache']));
  assert.ok(stored.some((e) => e.request.cache === 'default') && stored.some((e) => e.request.cache === 'no-cache'));

  await scope.dispatch('activate');
  assert.deepEqual(scope.deleted.sort(), ['hipcheck-0000000000000000', 'hipcheck-en-0000000000000000']);
  assert.deepEqual([...scope.stores.keys()].sort(), ['hipcheck-en-fedcba9876543210', 'hipcheck-es-0000000000000000', 'someone-else']);
  assert.equal(scope.claimed, 1);

  // The iframe page with its settings is the cached iframe.html; a file with a query is not.
  const page = await scope.dispatch('fetch', { request: { method: 'GET', mode: 'navigate', url: 'https://clinic.example/hipcheck/iframe.html?lang=es&clinic-name=X' } });
  assert.equal(page.response, 'cached https://clinic.example/hipcheck/iframe.html');
  const script = await scope.dispatch('fetch', { request: { method: 'GET', mode: 'cors', url: 'https://clinic.example/hipcheck/embed.js?v=2' } });
  assert.equal(script.response, 'network https://clinic.example/hipcheck/embed.js?v=2');
  // index.html is not precached: asked for by name, the page is the cached './'.
  const byName = await scope.dispatch('fetch', { request: { method: 'GET', mode: 'navigate', url: 'https://clinic.example/hipcheck/index.html' } });
  assert.equal(byName.response, 'cached https://clinic.example/hipcheck/');
  const file = await scope.dispatch('fetch', { request: { method: 'GET', mode: 'cors', url: 'https://clinic.example/hipcheck/embed.js' } });
  assert.equal(file.response, 'cached https://clinic.example/hipcheck/embed.js');
  assert.deepEqual(scope.fetched, ['https://clinic.example/hipcheck/embed.js?v=2']);
  // Other origins and other methods go to the network untouched.
  assert.equal((await scope.dispatch('fetch', { request: { method: 'GET', mode: 'cors', url: 'https://cdn.example/x.js' } })).responded, false);
  assert.equal((await scope.dispatch('fetch', { request: { method: 'POST', mode: 'cors', url: 'https://clinic.example/hipcheck/x' } })).responded, false);
});

test('the worker serves nothing outside a worker scope, and serve() wires exactly its three events', async () => {
  // Imported above in Node: no scope, no listeners, no throw. In a scope, serve() adds them.
  const scope = new FakeWorkerScope([]);
  serve(scope, { lang: 'es', version: '0123456789abcdef', files: [] });
  assert.deepEqual(Object.keys(scope.listeners).sort(), ['activate', 'fetch', 'install']);
  await scope.dispatch('install');
  assert.deepEqual([...scope.stores.keys()], ['hipcheck-es-0123456789abcdef']);
});

test('the worker keeps the configurator once a page has fetched it, and nothing else outside its list', async () => {
  const scope = new FakeWorkerScope([]);
  scope.fetch = (request) => {
    scope.fetched.push(request.url);
    return Promise.resolve({ ok: true, clone: () => `kept ${request.url}` });
  };
  serve(scope, { lang: 'en', version: '0123456789abcdef', files: [], later: ['configure.html', 'configure.js'] });
  await scope.dispatch('install');
  // Not precached: no visitor downloads the configurator.
  const store = scope.stores.get('hipcheck-en-0123456789abcdef');
  assert.deepEqual([...store.keys()], []);
  const open = (url, mode = 'navigate') => scope.dispatch('fetch', { request: { method: 'GET', mode, url } });
  assert.equal((await open('https://clinic.example/hipcheck/configure.html')).response.ok, true);
  // From then on (offline too) it comes from the cache.
  assert.equal((await open('https://clinic.example/hipcheck/configure.html')).response, 'kept https://clinic.example/hipcheck/configure.html');
  assert.equal((await open('https://clinic.example/hipcheck/configure.js?x=1', 'cors')).response.ok, true);
  assert.ok(store.has('https://clinic.example/hipcheck/configure.js'));
  await open('https://clinic.example/hipcheck/other.html');
  assert.ok(!store.has('https://clinic.example/hipcheck/other.html'));
  assert.equal(scope.fetched.length, 3);
});

// ---------------------------------------------------------------- theme (issue 26)
const rgb = (text) => parseHex(text);
const valuesOf = (worked) => Object.fromEntries(worked.values);

test('contrast is WCAG 2.2\'s: black on white 21 : 1, the default teal and white 6.1 : 1', () => {
  assert.equal(contrast(rgb('#000'), rgb('#fff')), 21);
  assert.equal(contrast(rgb('#0b6e69'), rgb('#ffffff')).toFixed(2), '6.09');
  // White on the clinic's orange of the issue: 3.0 : 1, below AA.
  assert.equal(contrast(rgb('#f26b21'), rgb('#ffffff')).toFixed(1), '3.0');
  assert.equal(hex(rgb('#F26B21')), '#f26b21');
  assert.equal(parseHex('orange'), null);
});

test('text on the accent is white when white reads at 4.5 : 1, else black', () => {
  assert.deepEqual(textOn(rgb('#0b6e69')), [255, 255, 255]);
  assert.deepEqual(textOn(rgb('#f26b21')), [0, 0, 0]);
  // Every grey gets a text colour at AA (the worst case is 4.58 : 1).
  for (let level = 0; level <= 255; level += 1) {
    const grey = [level, level, level];
    assert.ok(contrast(textOn(grey), grey) >= 4.5, `grey ${level}`);
  }
});

test('the nearest readable shade keeps the hue and moves only as far as needed', () => {
  const orange = rgb('#f26b21');
  const darker = nearestReadable(orange, 4.5, [rgb('#ffffff')]);
  assert.ok(contrast(darker, rgb('#ffffff')) >= 4.5);
  // One step less would not pass: it is the nearest.
  const lighter = darker.map((c, i) => Math.round(c + (orange[i] - c) * 0.2));
  assert.ok(contrast(lighter, rgb('#ffffff')) < 4.5);
  // Red stays the largest channel, blue the smallest: still an orange.
  assert.ok(darker[0] > darker[1] && darker[1] > darker[2]);
  // On a dark background it lightens instead.
  const navy = rgb('#1a237e');
  const tint = nearestReadable(navy, 3, [rgb(PALETTES.dark.background)]);
  assert.ok(contrast(tint, rgb(PALETTES.dark.background)) >= 3 && tint[2] > navy[2]);
  // A background in the middle can make it impossible.
  assert.equal(nearestReadable(rgb('#777777'), 21, [rgb('#777777')]), null);
});

test('a clinic accent survives dark mode, each pair at AA in both modes', () => {
  for (const accent of ['#f26b21', '#1a237e', '#ffd600', '#0b6e69', '#8a1c7c', '#000000', '#ffffff']) {
    for (const mode of ['light', 'dark']) {
      const palette = PALETTES[mode];
      const worked = themeFor(mode, mode === 'light' ? { accent: rgb(accent) } : {}, rgb(accent));
      const suffix = mode === 'dark' ? '-dark' : '';
      const v = valuesOf(worked);
      const fill = rgb(v[`--hipcheck-accent${suffix}`]);
      assert.ok(contrast(fill, rgb(palette.background)) >= 3, `${accent} ${mode}: fill`);
      const onAccent = rgb(v[`--hipcheck-on-accent${suffix}`]);
      assert.ok(contrast(onAccent, fill) >= 4.5, `${accent} ${mode}: text on it`);
      assert.ok(contrast(onAccent, rgb(v[`--hipcheck-accent-hover${suffix}`])) >= contrast(onAccent, fill), `${accent} ${mode}: hovered`);
      for (const behind of [palette.background, palette.surface]) {
        assert.ok(contrast(rgb(v[`--hipcheck-accent-text${suffix}`]), rgb(behind)) >= 4.5, `${accent} ${mode}: as text`);
      }
    }
  }
  // The orange is kept as it is in both modes (it passes 3 : 1 on white and on the dark
  // background): not replaced by the default teal.
  assert.equal(valuesOf(themeFor('dark', {}, rgb('#f26b21')))['--hipcheck-accent-dark'], '#f26b21');
  assert.equal(valuesOf(themeFor('light', { accent: rgb('#f26b21') }))['--hipcheck-accent'], '#f26b21');
  assert.equal(valuesOf(themeFor('light', { accent: rgb('#f26b21') }))['--hipcheck-on-accent'], '#000000');
  // The default teal's light mode is untouched, and nothing at all is set without a clinic colour.
  assert.equal(valuesOf(themeFor('light', { accent: rgb('#0b6e69') }))['--hipcheck-on-accent'], '#ffffff');
  assert.deepEqual(themeFor('light', {}), { values: [], problems: [] });
  assert.deepEqual(themeFor('dark', {}, undefined), { values: [], problems: [] });
});

test('a clinic colour that would be unreadable is refused with a setup problem', () => {
  // The case: the -dark variables set to light values.
  const light = themeFor('dark', { text: rgb('#222222'), background: rgb('#ffffff') }, rgb('#0b6e69'));
  const v = valuesOf(light);
  assert.equal(v['--hipcheck-text-dark'], PALETTES.dark.text);
  assert.equal(v['--hipcheck-background-dark'], PALETTES.dark.background);
  assert.match(light.problems[0], /--hipcheck-text-dark #222222 on --hipcheck-background-dark #ffffff is refused.*theme="light"/);
  // Text the clinic put on its accent at 1.5 : 1.
  const onAccent = themeFor('light', { accent: rgb('#ffd600'), onAccent: rgb('#ffffff') });
  assert.match(onAccent.problems.join('\n'), /--hipcheck-on-accent #ffffff on the accent/);
  assert.equal(valuesOf(onAccent)['--hipcheck-on-accent'], '#000000');
  // A yellow too light to see on white as a picked area is darkened, and said so.
  assert.match(onAccent.problems.join('\n'), /The light accent #ffd600 is 1\.\d : 1/);
  // A readable pair is kept and nothing is said.
  const cream = themeFor('light', { text: rgb('#1b1f23'), background: rgb('#fffaf0') });
  assert.deepEqual(cream, { values: [], problems: [] });
});

test('theme.mjs\'s palettes are the stylesheet\'s colours', () => {
  const css = fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'styles', 'main.css'), 'utf8');
  const light = css.slice(0, css.indexOf('@media (prefers-color-scheme: dark)'));
  const dark = css.slice(css.indexOf('[data-theme=dark] .hc-app {'));
  const value = (block, name) => new RegExp(`--hc-${name}: (?:var\\(--hipcheck-[a-z-]+, )?(#[0-9a-f]{6})`).exec(block)?.[1];
  for (const [mode, block] of [['light', light], ['dark', dark]]) {
    assert.equal(value(block, 'bg'), PALETTES[mode].background, mode);
    assert.equal(value(block, 'surface'), PALETTES[mode].surface, mode);
    assert.equal(value(block, 'text'), PALETTES[mode].text, mode);
    assert.equal(value(block, 'muted'), PALETTES[mode].muted, mode);
  }
});

// ---------------------------------------------------------------- configurator (issue 26)
const WORDS = { fallback: 'The hip pain self-check could not load here.', book: 'Book an appointment' };
const TYPED = {
  'clinic-name': ' Orange & Co "Physio" ',
  'booking-url': 'https://orange.example/book?utm_source=hipcheck&utm_medium=widget',
  'booking-label': '',
  phone: '+44 20 7946 0000',
  accent: '#f26b21',
  lang: '',
  theme: 'auto',
  'share-url': '',
};

test('the snippets write only what was typed, defaults left out', () => {
  assert.deepEqual(snippetSettings(TYPED).map(([name]) => name), ['clinic-name', 'booking-url', 'phone', 'accent']);
  assert.deepEqual(snippetSettings({ ...TYPED, theme: 'dark', lang: 'es' }).map(([name]) => name).slice(-2), ['lang', 'theme']);
});

test('the iframe address carries every setting exactly, whatever its characters', () => {
  const address = frameAddress(TYPED, 'https://clinic.example/hipcheck');
  assert.ok(address.startsWith('https://clinic.example/hipcheck/iframe.html?clinic-name='));
  // Read back as the frame reads it: each value as typed (trimmed), nothing split or lost.
  const params = new URL(address).searchParams;
  assert.deepEqual([...params], snippetSettings(TYPED));
  assert.equal(params.get('phone'), '+44 20 7946 0000');
  assert.equal(params.get('accent'), '#f26b21');
  assert.equal(params.get('booking-url'), TYPED['booking-url']);
  assert.equal(new URL(address).hash, '');
  // And the snippet, parsed as HTML would (attribute entities), gives the same address.
  const snippet = iframeSnippet(TYPED, 'https://clinic.example/hipcheck/', '(() => {})();', 'HipCheck');
  const src = /src="([^"]*)"/.exec(snippet)[1].replace(/&amp;/g, '&');
  assert.equal(src, address);
  assert.match(snippet, /<script>\n\(\(\) => \{\}\)\(\);\n<\/script>/);
});

test('the element snippet escapes what was typed and carries fallback content with the booking link', () => {
  const snippet = elementSnippet(TYPED, 'https://clinic.example/hipcheck/', WORDS);
  assert.match(snippet, /^<script type="module" src="https:\/\/clinic\.example\/hipcheck\/embed\.js"><\/script>\n<hip-check/);
  assert.match(snippet, /clinic-name="Orange &amp; Co &quot;Physio&quot;"/);
  assert.match(snippet, /booking-url="https:\/\/orange\.example\/book\?utm_source=hipcheck&amp;utm_medium=widget"/);
  assert.match(snippet, /<p>The hip pain self-check could not load here\. <a href="https:\/\/orange\.example[^"]*">Book an appointment<\/a> <a href="tel:\+442079460000">\+44 20 7946 0000<\/a><\/p>/);
  assert.doesNotMatch(snippet, /theme=|lang=|share-url=/);
  // A refused link is not put in the fallback either.
  assert.doesNotMatch(elementSnippet({ ...TYPED, 'booking-url': 'javascript:alert(1)' }, 'https://c.example/h/', WORDS), /<a href="javascript/);
});

test('the configurator names what the widget would refuse, with a fix where there is one', () => {
  const base = 'https://clinic.example/hipcheck/';
  assert.deepEqual(configProblems({ ...TYPED, base }), []);
  const www = configProblems({ ...TYPED, base, 'booking-url': 'www.orange.example/book' });
  assert.equal(www.length, 1);
  assert.equal(www[0].field, 'booking-url');
  assert.equal(www[0].fix, 'https://www.orange.example/book');
  const script = configProblems({ ...TYPED, base, 'booking-url': 'javascript:alert(1)' });
  assert.equal(script[0].fix, null);
  assert.equal(configProblems({ ...TYPED, base, 'share-url': 'mailto:x@example.com' })[0].field, 'share-url');
  assert.equal(configProblems({ ...TYPED, base: 'hipcheck/' })[0].field, 'base');
  assert.match(configProblems({ ...TYPED, base: 'http://clinic.example/hipcheck/' })[0].text, /Use https/);
  assert.deepEqual(configProblems({ ...TYPED, base: 'http://127.0.0.1:8080/' }), []);
  assert.equal(configProblems({ ...TYPED, base, phone: 'call us' })[0].field, 'phone');
});

test('the accent advice: the text on it, and for white text the nearest shade that passes', () => {
  const orange = accentAdvice(parseHex('#f26b21'));
  assert.match(orange.lines[0], /^Buttons: black text on #f26b21, 6\.\d : 1/);
  assert.ok(contrast(parseHex(orange.whiteShade), [255, 255, 255]) >= 4.5);
  assert.match(orange.lines.join(' '), /White text on #f26b21 would be 3\.0 : 1/);
  assert.match(orange.lines.at(-1), /kept as it is/);
  const teal = accentAdvice(parseHex('#0b6e69'));
  assert.equal(teal.whiteShade, null);
  assert.match(teal.lines[0], /^Buttons: white text/);
  assert.match(accentAdvice(parseHex('#1a237e')).lines.at(-1), /lightens it to #[0-9a-f]{6}/);
  // A yellow too faint for a white page: the advice speaks of the button the widget draws, the
  // darker shade with its own text colour, not of the yellow.
  const yellow = accentAdvice(parseHex('#ffd600'));
  assert.notEqual(hex(yellow.fill), '#ffd600');
  assert.ok(contrast(yellow.onFill, yellow.fill) >= 4.5);
  assert.ok(yellow.lines[0].startsWith(`Buttons: ${hex(yellow.onFill) === '#ffffff' ? 'white' : 'black'} text on ${hex(yellow.fill)}, `));
  assert.match(yellow.lines.join(' '), /too faint .* HipCheck uses #[0-9a-f]{6}/);
});

test('the standalone page\'s accent becomes one rule of its stylesheet when it is built', () => {
  assert.equal(mountRule('#f26b21'), '#hipcheck{--hipcheck-accent:#f26b21;--hipcheck-on-accent:#000000;' +
    `--hipcheck-accent-text:${valuesOf(themeFor('light', { accent: rgb('#f26b21') }))['--hipcheck-accent-text']};` +
    `--hipcheck-accent-hover:${valuesOf(themeFor('light', { accent: rgb('#f26b21') }))['--hipcheck-accent-hover']};` +
    '--hipcheck-accent-dark:#f26b21;--hipcheck-on-accent-dark:#000000;' +
    `--hipcheck-accent-text-dark:${valuesOf(themeFor('dark', {}, rgb('#f26b21')))['--hipcheck-accent-text-dark']};` +
    `--hipcheck-accent-hover-dark:${valuesOf(themeFor('dark', {}, rgb('#f26b21')))['--hipcheck-accent-hover-dark']}}`);
  assert.equal(mountRule('orange'), null);
  assert.equal(mountRule('#f26b2'), null);
});
