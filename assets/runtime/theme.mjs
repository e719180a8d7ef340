// The clinic's colours, kept readable in light and dark mode (issue 26). A clinic sets an accent
// (the `accent` setting, or the --hipcheck-* custom properties); the widget shows it on buttons,
// chips, the picked areas of the body map and its links, against its own backgrounds. From the
// accent this works out, for each mode, the colours WCAG 2.2 AA asks for: the accent as a fill
// at 3 : 1 against the background (1.4.11, the picked areas and the progress bar), text on it at
// 4.5 : 1 (white when white passes, else black), and the accent as text (links, headings of the
// plan) at 4.5 : 1 against the background and the cards. The accent keeps its hue in dark mode
// instead of turning into the default teal; only its lightness moves, and only as far as needed.
// A text or background the clinic set that would be unreadable is refused, with a setup problem.
//
// The pure part works on [r, g, b] (0–255) and is unit-tested in Node; applyTheme reads the
// clinic's colours from the page. Nothing runs when this module is imported.

export const WHITE = [255, 255, 255];
const BLACK = [0, 0, 0];
export const TEXT_RATIO = 4.5;
export const FILL_RATIO = 3;

// The widget's own colours behind everything the clinic colours (styles/main.css, checked against
// it by tests/unit/runtime.test.mjs).
export const PALETTES = {
  light: { background: '#ffffff', surface: '#f4f6f7', text: '#1b1f23', muted: '#4a5560' },
  dark: { background: '#121619', surface: '#1d2327', text: '#e8ecef', muted: '#b4bec6' },
};

/** [r, g, b] of `#rgb` or `#rrggbb`, or null. */
export function parseHex(text) {
  const digits = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(text.trim())?.[1];
  if (!digits) return null;
  const full = digits.length === 3 ? [...digits].map((d) => d + d).join('') : digits;
  return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16));
}

export const hex = (rgb) => '#' + rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('');

const linear = (channel) => {
  const c = channel / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
};

/** WCAG relative luminance. */
export const luminance = ([r, g, b]) => 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);

/** WCAG contrast ratio of two colours, 1 to 21. */
export function contrast(a, b) {
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (high + 0.05) / (low + 0.05);
}

const mix = (from, to, share) => from.map((c, i) => Math.round(c + (to[i] - c) * share));

// Which way a colour must move to stand out on `background`: darker on a light one.
const awayFrom = (background) => (contrast(background, BLACK) >= contrast(background, WHITE) ? BLACK : WHITE);

/** The colour nearest `color` (a shade or tint of it, same hue) with at least `ratio` against
 * every colour of `against`, moving towards black or white, whichever stands out on the first of
 * `against`; null if even black or white does not reach it. */
export function nearestReadable(color, ratio, against) {
  const towards = awayFrom(against[0]);
  for (let step = 0; step <= 100; step += 1) {
    const candidate = mix(color, towards, step / 100);
    if (against.every((other) => contrast(candidate, other) >= ratio)) return candidate;
  }
  return null;
}

/** Text on a fill: white when it reads at 4.5 : 1, else black (which then always does). */
export const textOn = (fill) => (contrast(WHITE, fill) >= TEXT_RATIO ? WHITE : BLACK);

/** A contrast ratio as people read it: "3.0 : 1". */
export const ratioText = (a, b) => contrast(a, b).toFixed(1) + ' : 1';

/** The custom properties that make the clinic's colours readable in `mode` ('light' or 'dark'),
 * as [name, value] pairs, and the setup problems of what it set. `clinic` holds what the clinic
 * set for this mode as [r, g, b]: { accent, onAccent, text, background } (each may be missing);
 * `accent` falls back to `fallbackAccent` (the light accent, for dark mode). Nothing is set when
 * the clinic set nothing: the stylesheet's own colours already pass. */
export function themeFor(mode, clinic, fallbackAccent) {
  const palette = Object.fromEntries(Object.entries(PALETTES[mode]).map(([name, value]) => [name, parseHex(value)]));
  const suffix = mode === 'dark' ? '-dark' : '';
  const values = [];
  const problems = [];
  let background = palette.background;
  if (clinic.text || clinic.background) {
    const text = clinic.text ?? palette.text;
    const candidate = clinic.background ?? palette.background;
    const worst = Math.min(contrast(text, candidate), contrast(text, palette.surface), contrast(palette.muted, candidate));
    if (worst >= TEXT_RATIO) {
      background = candidate;
    } else {
      values.push([`--hipcheck-text${suffix}`, hex(palette.text)], [`--hipcheck-background${suffix}`, hex(palette.background)]);
      problems.push(`--hipcheck-text${suffix} ${hex(text)} on --hipcheck-background${suffix} ${hex(candidate)} is refused: some of the widget's text would read at ${worst.toFixed(1)} : 1 (it needs ${TEXT_RATIO} : 1), so its own ${mode} colours are used.` +
        (mode === 'dark' && luminance(candidate) > 0.18 ? ' To keep the widget light for visitors in dark mode, set theme="light" instead.' : ''));
    }
  }
  const accent = clinic.accent ?? fallbackAccent;
  if (!accent) return { values, problems };
  let fill = accent;
  if (contrast(accent, background) < FILL_RATIO) {
    fill = nearestReadable(accent, FILL_RATIO, [background]) ?? awayFrom(background);
    if (clinic.accent) problems.push(`The ${mode} accent ${hex(accent)} is ${ratioText(accent, background)} against the ${mode} background (picked areas and buttons need ${FILL_RATIO} : 1): ${hex(fill)}, the nearest shade that passes, is used.`);
  }
  let onAccent = textOn(fill);
  if (clinic.onAccent) {
    if (contrast(clinic.onAccent, fill) >= TEXT_RATIO) onAccent = clinic.onAccent;
    else problems.push(`--hipcheck-on-accent${suffix} ${hex(clinic.onAccent)} on the accent ${hex(fill)} is ${ratioText(clinic.onAccent, fill)} (text needs ${TEXT_RATIO} : 1): ${hex(onAccent)} is used.`);
  }
  const accentText = nearestReadable(fill, TEXT_RATIO, [background, palette.surface]) ?? palette.text;
  // A pressed or hovered button moves away from its text, so its text reads better, not worse.
  const hover = mix(fill, contrast(onAccent, BLACK) > contrast(onAccent, WHITE) ? BLACK : WHITE, 0.15);
  values.push(
    [`--hipcheck-accent${suffix}`, hex(fill)],
    [`--hipcheck-on-accent${suffix}`, hex(onAccent)],
    [`--hipcheck-accent-text${suffix}`, hex(accentText)],
    [`--hipcheck-accent-hover${suffix}`, hex(hover)],
  );
  return { values, problems };
}

/** Both modes at once: `light` and `dark` hold what the clinic set for each (as `themeFor`'s
 * `clinic`); dark mode falls back to the light accent. */
export function themeBoth(light, dark = {}) {
  const modes = [themeFor('light', light), themeFor('dark', dark, light.accent)];
  return { values: modes.flatMap((mode) => mode.values), problems: modes.flatMap((mode) => mode.problems) };
}

/** The standalone page's rule for an accent written #rrggbb on its mount point (worked out when
 * the page is built: scripts/postbuild.mjs), or null if `accent` is not written so. */
export function mountRule(accent) {
  const rgb = parseHex(accent);
  if (!rgb) return null;
  return `#hipcheck{${themeBoth({ accent: rgb }).values.map(([name, value]) => `${name}:${value}`).join(';')}}`;
}

// [r, g, b] of any CSS colour the browser knows (a name, rgb(), hsl(), oklch()…), or null: drawn
// on a canvas, which gives sRGB whatever the notation.
let pen;
export function rgbOf(value) {
  if (!value || !globalThis.CSS?.supports('color', value)) return null;
  pen ??= new OffscreenCanvas(1, 1).getContext('2d', { willReadFrequently: true });
  pen.clearRect(0, 0, 1, 1);
  pen.fillStyle = value;
  pen.fillRect(0, 0, 1, 1);
  return [...pen.getImageData(0, 0, 1, 1).data.slice(0, 3)];
}

/** Makes the clinic's colours readable in `mount` (the element the widget draws in): reads what
 * the clinic set on `from` (the accent setting `accent`, and the --hipcheck-* properties that
 * reach `from`), sets the worked-out properties on `mount`, and returns the setup problems. */
export function applyTheme(from, mount, accent) {
  const problems = [];
  let accentRgb = null;
  if (accent) {
    accentRgb = rgbOf(accent);
    if (!accentRgb) problems.push(`The accent "${accent}" is not a CSS colour; the default colour is used.`);
  }
  const style = getComputedStyle(from);
  const read = (name) => rgbOf(style.getPropertyValue(name).trim());
  const clinic = (suffix) => ({
    accent: read(`--hipcheck-accent${suffix}`),
    onAccent: read(`--hipcheck-on-accent${suffix}`),
    text: read(`--hipcheck-text${suffix}`),
    background: read(`--hipcheck-background${suffix}`),
  });
  const given = (set) => Object.fromEntries(Object.entries(set).filter(([, value]) => value));
  const worked = themeBoth(given({ ...clinic(''), ...(accentRgb && { accent: accentRgb }) }), given(clinic('-dark')));
  for (const [name, value] of worked.values) mount.style.setProperty(name, value);
  return [...problems, ...worked.problems];
}
