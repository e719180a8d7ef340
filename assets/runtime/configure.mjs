// The configurator (configure.html, issue 26): a clinic types its details, sees the real widget
// in a live preview, is warned about a link the widget would refuse or a colour that would not
// read, and copies a snippet with every setting written and encoded correctly. Nothing typed
// leaves the page. scripts/postbuild.mjs fills BUILD and writes it as configure.js beside
// configure.html, in the English build only; it is no part of the widget's own pages.
//
// The snippets and the checks are pure functions, unit-tested in Node
// (tests/unit/runtime.test.mjs); the page's behaviour runs only where there is a configurator form.
import { acceptedLink } from './setup.mjs';
import { contrast, hex, nearestReadable, parseHex, ratioText, rgbOf, themeBoth, PALETTES, FILL_RATIO, TEXT_RATIO, WHITE } from './theme.mjs';

// { languages: { en: { name, fallback, book }, … }, resize: the iframe snippet's script
// (examples/iframe-resize.js), frameTitle }
const BUILD = /* filled by scripts/postbuild.mjs */ {};

// The settings in the order the snippets write them; `theme` "auto" and an empty `lang` are the
// defaults and are left out.
const ORDER = ['clinic-name', 'booking-url', 'booking-label', 'phone', 'accent', 'lang', 'theme', 'share-url'];

/** The settings a snippet writes: [name, value] of every one given, trimmed, defaults left out. */
export function snippetSettings(values) {
  return ORDER.map((name) => [name, (values[name] ?? '').trim()])
    .filter(([name, value]) => value && !(name === 'theme' && value === 'auto'));
}

export const escapeHtml = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

// The folder's address with its trailing slash.
const folder = (base) => (base.endsWith('/') ? base : base + '/');

/** What the element shows where its script cannot run: a sentence in the widget's language and
 * the clinic's booking link and phone. */
export function fallbackContent(values, words) {
  const booking = (values['booking-url'] ?? '').trim();
  const phone = (values.phone ?? '').trim();
  const parts = [escapeHtml(words.fallback)];
  if (booking && acceptedLink(booking)) parts.push(`<a href="${escapeHtml(booking)}">${escapeHtml((values['booking-label'] ?? '').trim() || words.book)}</a>`);
  if (phone) parts.push(`<a href="tel:${escapeHtml(phone.replace(/[^\d+]/g, ''))}">${escapeHtml(phone)}</a>`);
  return `<p>${parts.join(' ')}</p>`;
}

/** The `<hip-check>` snippet: the module script and the element with its settings, and the
 * fallback content inside. */
export function elementSnippet(values, base, words) {
  const attributes = snippetSettings(values).map(([name, value]) => `\n    ${name}="${escapeHtml(value)}"`).join('');
  return `<script type="module" src="${escapeHtml(folder(base))}embed.js"></script>\n` +
    `<hip-check${attributes}>\n  ${fallbackContent(values, words)}\n</hip-check>\n`;
}

/** The iframe's address: iframe.html with every setting encoded (a `+`, a `#`, a booking link's
 * own `?` and `&` cannot be misread). */
export function frameAddress(values, base) {
  const query = snippetSettings(values).map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join('&');
  return `${folder(base)}iframe.html${query ? '?' + query : ''}`;
}

/** The iframe snippet: the frame, its size, and the script that sizes it (safe to paste twice). */
export function iframeSnippet(values, base, resize, title) {
  return `<iframe class="hipcheck-frame" title="${escapeHtml(title)}" loading="lazy"\n  src="${escapeHtml(frameAddress(values, base))}"\n  style="display:block;width:100%;height:600px;border:0"></iframe>\n` +
    `<script>\n${resize.trim()}\n</script>\n`;
}

/** The problems of what was typed, each { field, text }: what the widget would refuse or ignore,
 * and what to write instead. */
export function configProblems(values) {
  const problems = [];
  const value = (name) => (values[name] ?? '').trim();
  const link = (name, what, schemes = 'https://') => {
    const given = value(name);
    if (!given || acceptedLink(given) && (name === 'booking-url' || /^https?:/.test(given))) return;
    const fix = /^[\w-]+(\.[\w-]+)+(\/|$)/.test(given) ? `https://${given}` : null;
    problems.push({ field: name, text: `The ${what} "${given}" would be refused: write the whole address, starting with ${schemes}${fix ? ` (${fix})` : ''}.`, fix });
  };
  link('booking-url', 'booking link', 'https:// (or mailto:, tel:)');
  link('share-url', 'share page');
  const base = value('base');
  if (!/^https?:\/\/[^/]+/.test(base)) problems.push({ field: 'base', text: `The folder's address "${base}" must be a whole address such as https://yourclinic.example/hipcheck/.` });
  else if (base.startsWith('http:') && !/^http:\/\/(localhost|127\.0\.0\.1)[:/]/.test(base)) problems.push({ field: 'base', text: 'The folder\'s address starts with http:// — most browsers will block it on an https:// page. Use https://.' });
  if (value('phone') && !/^[+\d][\d\s().-]{5,}$/.test(value('phone'))) problems.push({ field: 'phone', text: `The phone "${value('phone')}" has characters a phone cannot dial: use digits, spaces and a leading +.` });
  return problems;
}

/** What the accent means for reading, in words: the text on its buttons in each mode and, when
 * white text would not pass, the nearest shade on which it does. `accent` is [r, g, b]; `fill`
 * and `onFill` are the button's colours as the widget will draw them (theme.mjs). */
export function accentAdvice(accent) {
  const worked = Object.fromEntries(themeBoth({ accent }).values);
  const fill = parseHex(worked['--hipcheck-accent']);
  const onFill = parseHex(worked['--hipcheck-on-accent']);
  const lines = [`Buttons: ${hex(onFill) === hex(WHITE) ? 'white' : 'black'} text on ${hex(fill)}, ${ratioText(onFill, fill)} (needs ${TEXT_RATIO} : 1).`];
  let whiteShade = null;
  if (contrast(WHITE, accent) < TEXT_RATIO) {
    whiteShade = nearestReadable(accent, TEXT_RATIO, [WHITE]);
    lines.push(`White text on ${hex(accent)} would be ${ratioText(WHITE, accent)}. For white text, the nearest shade that passes is ${hex(whiteShade)} (${ratioText(WHITE, whiteShade)}).`);
  }
  if (hex(fill) !== hex(accent)) lines.push(`On a white page ${hex(accent)} is too faint for the picked areas of the body map (${ratioText(accent, parseHex(PALETTES.light.background))}; needs ${FILL_RATIO} : 1): HipCheck uses ${hex(fill)}.`);
  const darkFill = worked['--hipcheck-accent-dark'];
  lines.push(darkFill === hex(accent)
    ? `In dark mode your colour is kept as it is.`
    : `In dark mode HipCheck lightens it to ${darkFill} so it shows on the dark background.`);
  return { lines, whiteShade: whiteShade && hex(whiteShade), fill, onFill };
}

// ---------------------------------------------------------------- the page
function configurator(form) {
  const $ = (id) => document.getElementById(id);
  const fields = [...form.querySelectorAll('input[name], select[name]')];
  const picker = $('cf-accent-picker');
  const accentField = $('cf-accent');
  const snippet = $('cf-snippet');
  const preview = $('cf-preview');
  const darkPreview = $('cf-preview-dark');
  $('cf-base').value = new URL('./', location.href).href;
  for (const [lang, { name }] of Object.entries(BUILD.languages)) $('cf-lang').append(new Option(name, lang));

  const kind = () => document.querySelector('input[name=kind]:checked')?.value ?? 'element';
  const values = () => Object.fromEntries(fields.map((f) => [f.name, f.value]));
  const words = (v) => BUILD.languages[v.lang] ?? BUILD.languages.en;

  let shown = '';
  const showPreview = (v) => {
    const key = JSON.stringify([v, kind(), darkPreview.checked]);
    if (key === shown) return;
    shown = key;
    const settings = snippetSettings(v).filter(([name]) => name !== 'share-url' || acceptedLink(v['share-url']));
    const dark = darkPreview.checked && (v.theme || 'auto') === 'auto';
    if (kind() === 'iframe') {
      const frame = document.createElement('iframe');
      frame.className = 'hipcheck-frame';
      frame.title = BUILD.frameTitle;
      frame.src = frameAddress({ ...v, ...(dark ? { theme: 'dark' } : {}) }, new URL('./', location.href).href);
      preview.replaceChildren(frame);
      return;
    }
    const element = document.createElement('hip-check');
    for (const [name, value] of settings) element.setAttribute(name, value);
    if (dark) element.setAttribute('theme', 'dark');
    element.setAttribute('loading', 'eager');
    preview.replaceChildren(element);
  };
  // The preview frame sizes itself like the pasted snippet's.
  addEventListener('message', (event) => {
    const frame = preview.querySelector('iframe');
    if (frame && event.source === frame.contentWindow && event.data?.type === 'hipcheck:height') frame.style.height = `${Math.ceil(Number(event.data.height))}px`;
  });

  // Each box is redrawn only when what it says changes: a blur ('change') right before a click on
  // one of its buttons must not swap the button away under the pointer.
  const said = {};
  const unchanged = (box, key) => {
    if (said[box] === key) return true;
    said[box] = key;
    return false;
  };
  const showAdvice = (v) => {
    const box = $('cf-contrast');
    if (unchanged('advice', v.accent.trim())) return;
    box.replaceChildren();
    const given = v.accent.trim();
    if (!given) return;
    const rgb = rgbOf(given);
    if (!rgb) {
      box.textContent = `"${given}" is not a colour: write it as #rrggbb, for example #0b6e69.`;
      return;
    }
    const { lines, whiteShade, fill, onFill } = accentAdvice(rgb);
    const sample = document.createElement('span');
    sample.className = 'cf-swatch';
    sample.textContent = 'Start';
    sample.style.background = hex(fill);
    sample.style.color = hex(onFill);
    sample.setAttribute('aria-hidden', 'true');
    const first = document.createElement('p');
    first.append(sample, lines[0]);
    box.append(first, ...lines.slice(1).map((line) => Object.assign(document.createElement('p'), { textContent: line })));
    if (whiteShade) {
      const use = Object.assign(document.createElement('button'), { type: 'button', className: 'cf-link-button', textContent: `Use ${whiteShade} (white text)` });
      use.addEventListener('click', () => {
        accentField.value = whiteShade;
        picker.value = whiteShade;
        update();
        accentField.focus();
      });
      box.append(use);
    }
  };

  const showProblems = (v) => {
    const problems = configProblems(v);
    if (unchanged('problems', JSON.stringify(problems))) return;
    for (const field of fields) field.removeAttribute('aria-invalid');
    const box = $('cf-problems');
    box.replaceChildren();
    if (problems.length === 0) return;
    const list = document.createElement('ul');
    for (const problem of problems) {
      form.querySelector(`[name="${problem.field}"]`)?.setAttribute('aria-invalid', 'true');
      const item = Object.assign(document.createElement('li'), { textContent: problem.text });
      if (problem.fix) {
        const fix = Object.assign(document.createElement('button'), { type: 'button', className: 'cf-link-button', textContent: `Use ${problem.fix}` });
        fix.addEventListener('click', () => {
          form.querySelector(`[name="${problem.field}"]`).value = problem.fix;
          update();
        });
        item.append(' ', fix);
      }
      list.append(item);
    }
    box.append(Object.assign(document.createElement('strong'), { textContent: 'Check before you copy:' }), list);
  };

  let timer;
  const update = () => {
    const v = values();
    const base = v.base.trim() || new URL('./', location.href).href;
    snippet.value = kind() === 'iframe' ? iframeSnippet(v, base, BUILD.resize, BUILD.frameTitle) : elementSnippet(v, base, words(v));
    showAdvice(v);
    showProblems(v);
    $('cf-copied').textContent = '';
    // The preview waits for a pause in typing: a widget per key press would flicker.
    clearTimeout(timer);
    timer = setTimeout(() => showPreview(v), 300);
  };
  form.addEventListener('input', (event) => {
    if (event.target === picker) accentField.value = picker.value;
    if (event.target === accentField) {
      const rgb = rgbOf(accentField.value.trim());
      if (rgb) picker.value = hex(rgb);
    }
    update();
  });
  form.addEventListener('change', update);
  form.addEventListener('submit', (event) => event.preventDefault());
  for (const input of document.querySelectorAll('input[name=kind]')) input.addEventListener('change', update);
  darkPreview.addEventListener('change', update);
  $('cf-copy').addEventListener('click', async () => {
    snippet.select();
    let copied = false;
    try {
      await navigator.clipboard.writeText(snippet.value);
      copied = true;
    } catch {
      copied = document.execCommand?.('copy') ?? false;
    }
    $('cf-copied').textContent = copied ? 'Copied. Paste it into your page.' : 'Select the code above and copy it (Ctrl+C or ⌘C).';
  });
  update();
  showPreview(values());

  // Offline like the widget: the widget's worker keeps this page's three files and embed.js once
  // it controls the page (they are not in its precache, which every visitor downloads).
  if ('serviceWorker' in navigator) {
    const keep = () => {
      for (const file of ['configure.html', 'configure.js', 'configure.css', 'embed.js']) fetch(new URL(file, location.href)).catch(() => {});
    };
    navigator.serviceWorker.register(new URL('./sw.js', location.href), { scope: './' }).catch(() => {});
    if (navigator.serviceWorker.controller) keep();
    else navigator.serviceWorker.addEventListener('controllerchange', keep, { once: true });
  }
}

const form = globalThis.document?.getElementById('cf-form');
if (form) configurator(form);
