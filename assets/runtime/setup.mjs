// Setup problems a clinic can see (issue 26): a misspelt or unknown attribute, a booking link the
// widget will refuse, files that could not load. Always in the console, with what to change; and,
// while setting up (the attribute `setup`, or `#hipcheck-setup` in the page's address), in a
// clearly marked box inside the widget. Visitors never see the box.
//
// Nothing runs when this module is imported: tests/unit/runtime.test.mjs imports it in Node.

// The names the widget knows: the clinic's settings (`settings`, SETTINGS in src/vocabulary.rs,
// which the build passes in as BUILD.settings) and the element's own; and what a clinic may write
// for them by mistake.
const known = (settings) => [...settings, 'share-url', 'loading', 'setup'];
const LIKELY = {
  color: 'accent', colour: 'accent', 'accent-color': 'accent', language: 'lang', locale: 'lang',
  booking: 'booking-url', 'book-url': 'booking-url', url: 'booking-url', href: 'booking-url', link: 'booking-url',
  label: 'booking-label', 'button-label': 'booking-label', name: 'clinic-name', clinic: 'clinic-name',
  tel: 'phone', telephone: 'phone', 'phone-number': 'phone', share: 'share-url', lazy: 'loading',
};
// Attributes every HTML element may carry: not the widget's to judge.
const GLOBAL = /^(id|class|style|hidden|title|dir|tabindex|slot|part|translate|inert|is|role|nonce|(data|aria)-.+|on.+)$/;
const letters = (name) => name.toLowerCase().replace(/[^a-z]/g, '');

/** The setting an unknown attribute `name` most likely meant, or undefined. */
export function meant(name, settings) {
  return LIKELY[name] ?? known(settings).find((own) => letters(own) === letters(name));
}

/** The setup problems of an element's attributes ([name, value] pairs), each a sentence saying
 * what to change. */
export function setupProblems(attributes, settings) {
  const own = known(settings);
  const problems = [];
  for (const [name] of attributes) {
    if (own.includes(name) || GLOBAL.test(name)) continue;
    const guess = meant(name, settings);
    problems.push(guess
      ? `The attribute "${name}" is not one HipCheck knows: did you mean "${guess}"? (Attribute names are lower case, with hyphens.)`
      : `The attribute "${name}" is not one HipCheck knows; it is ignored. Its settings are ${own.slice(0, -1).join(', ')}.`);
  }
  const theme = attributes.find(([name]) => name === 'theme')?.[1]?.trim();
  if (theme && !['light', 'dark', 'auto'].includes(theme)) {
    problems.push(`The theme "${theme}" is not one HipCheck knows: write theme="light", "dark" or "auto" (the visitor's choice, the default).`);
  }
  const booking = attributes.find(([name]) => name === 'booking-url')?.[1]?.trim();
  if (booking && !acceptedLink(booking)) {
    problems.push(`The booking link "${booking}" is refused, so there is no booking button: write the whole address, starting with https:// (or mailto:, tel:).`);
  }
  return problems;
}

/** The setup problems of an iframe's address: its settings (`params`, a URLSearchParams) as
 * `setupProblems` sees attributes, and the marks of an address written without encoding: a `+`
 * read as a space, a `#` that cut a colour off into the fragment, a booking link's own `&`
 * parameters (UTM tags) read as the frame's. */
export function frameProblems(params, hash, settings) {
  const problems = setupProblems([...params].filter(([name]) => !/^utm_/.test(name)), settings);
  if (/^ /.test(params.get('phone') ?? '')) {
    problems.push('The phone number lost its "+": in the iframe\'s address write it as %2B (for example phone=%2B44%2020%207946%200000).');
  }
  if (params.get('accent') === '' && /^#[0-9a-f]{3,8}\b/i.test(hash)) {
    problems.push(`The accent colour was cut off: in the iframe's address write its "#" as %23 (accent=%23${hash.slice(1).split(/[&#]/)[0]}).`);
  }
  if ([...params.keys()].some((name) => /^utm_/.test(name))) {
    problems.push('The booking link\'s own parameters (utm_…) were read as the frame\'s: encode the whole booking link (":" as %3A, "/" as %2F, "?" as %3F, "&" as %26, "=" as %3D).');
  }
  return problems;
}

/** Whether the widget takes `link` as its booking link (src/ui/config.rs accepts the same). */
export function acceptedLink(link) {
  try {
    return ['https:', 'http:', 'mailto:', 'tel:'].includes(new URL(link).protocol);
  } catch {
    return false;
  }
}

/** Whether setup problems are shown inside the widget: only while the clinic sets it up (`asked`:
 * the element's attribute or the frame's parameter `setup`, or #hipcheck-setup in `hash`). */
export function settingUp(asked, hash) {
  return asked || /(^#|[#&])hipcheck-setup\b/.test(hash);
}

export const SETUP_CSS = '.hc-setup{display:block;border:3px dashed #a4001d;border-radius:8px;background:#fff5f5;color:#1d1d1d;font:15px/1.45 system-ui,sans-serif;padding:10px 14px;margin:0 0 12px;overflow-wrap:anywhere}.hc-setup strong{display:block;margin-bottom:4px}.hc-setup ul{margin:0;padding-left:20px}\n';

/** Reports `problems`: each in the console, and in a box at the top of `root` when setting up. */
export function reportSetup(root, problems, showBox, heading = 'Setup problem (only shown while setting up)') {
  for (const problem of problems) console.warn(`HipCheck setup: ${problem}`);
  if (!showBox || problems.length === 0) return;
  let box = root.querySelector('.hc-setup');
  if (!box) {
    box = document.createElement('div');
    box.className = 'hc-setup';
    box.setAttribute('role', 'note');
    const title = document.createElement('strong');
    title.textContent = heading;
    box.append(title, document.createElement('ul'));
    root.prepend(box);
  }
  for (const problem of problems) {
    const item = document.createElement('li');
    item.textContent = problem;
    box.querySelector('ul').append(item);
  }
}
