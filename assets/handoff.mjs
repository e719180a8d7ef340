// HipCheck hand-off: what the result screen offers to take the check further, all on this
// device. Downloaded only when a result is shown (docs/architecture.md, "Hand-off"), so none of
// it weighs on the first load.
//
//   share link   the answers in the URL fragment (never sent to any server), versioned
//   FHIR R4      a QuestionnaireResponse to questionnaire.json, the result as a RiskAssessment
//   history      each result kept in localStorage, a chart of pain now, CSV, delete
//   reminder     an .ics file with the plan's re-check dates and nothing else
//
// The pure functions are exported for tests (scripts/fhir-check.mjs, tests/unit/handoff.test.mjs);
// `attach` is the only one that touches the page. Nothing here may throw into the host page:
// every storage, clipboard and download call is guarded.

export const SHARE_PREFIX = '#hipcheck=';
export const SHARE_VERSION = 1;
/// A share fragment above this is not ours (a real one is under 1 KB).
const MAX_FRAGMENT = 8000;
/// The decompressed record may not exceed what storage accepts (src/record.rs).
const MAX_RECORD = 16 * 1024;
export const HISTORY_KEY = 'hipcheck.history';
export const HISTORY_SCHEMA = 1;
/// Enough for a year of weekly checks; the oldest go first.
export const MAX_ENTRIES = 60;
/// Self-care review times (CLINICAL.md §1 levels: "review at 2 and 6 weeks").
export const REVIEW_WEEKS = [2, 6];
/// The ids and codes this module shares with the engine and its FHIR export
/// (src/content/fhir.rs `handoff_vocabulary`: the Questionnaire's URL and version, the level ids
/// in order, the likelihood codes and displays): put in by scripts/postbuild.mjs, and by
/// `useBuild` in tests.
export const VOCABULARY = {};
const system = (name) => `${VOCABULARY.questionnaire_url}#${name}`;
const levels = () => VOCABULARY.levels ?? [];
const CHANGES = ['much-better', 'better', 'same', 'worse', 'much-worse'];

/// Every word of this module per language (content/ui.toml's [handoff], with [app]'s yes, no,
/// unsure, left, right, dismiss and level_names): put in by scripts/postbuild.mjs when it ships
/// the module. `words` picks by the widget's `lang`.
export const WORDS = {};
/// What the build puts in, from `hipcheck content ui-words` (tests, which run the source).
export function useBuild({ languages, vocabulary }) {
  for (const [lang, words] of Object.entries(languages)) WORDS[lang] = words.handoff;
  Object.assign(VOCABULARY, vocabulary);
}
const words = (lang) => WORDS[String(lang).slice(0, 2)] ?? WORDS.en;
const fill = (text, values) => text.replace(/\{(\w+)\}/g, (all, key) => (key in values ? String(values[key]) : all));

// ---------------------------------------------------------------------------- records

/// The saved record (src/record.rs) as data, in record order, read line by line exactly as
/// `record::parse` reads it: a record it refuses for its form is refused here too (null). What
/// only the engine can judge (the ids of areas and findings, an age over 120) is left to the
/// wasm, which validates every record before anything shows it. Both readers run the same
/// corpus, tests/data/records.json.
export function parseRecord(text) {
  text = String(text);
  if (new TextEncoder().encode(text).length > MAX_RECORD) return null;
  // As Rust's str::lines: a line ends at LF, a CR just before that LF is not part of it, and a
  // final LF does not open an empty last line.
  const lines = text.split('\n').map((line, i, all) => (i < all.length - 1 && line.endsWith('\r') ? line.slice(0, -1) : line));
  if (lines.at(-1) === '') lines.pop();
  if (lines[0] !== 'hipcheck 1') return null;
  // Without a runner line the engine assumes a runner (Answers::default), and so does this.
  const record = { runner: true, pain: [], findings: [] };
  const oneOf = (value, allowed) => (allowed.includes(value) ? value : undefined);
  // Rust's u8/u16 parse: an optional plus sign and decimal digits, within the type.
  const whole = (value, max) => (/^\+?[0-9]+$/.test(value) && Number(value) <= max ? Number(value) : undefined);
  for (const line of lines.slice(1)) {
    const words = line.split(' ');
    if (words.length < 2 || words.length > 3) return null;
    const [key, first, second] = words;
    let value;
    if (second === undefined) {
      if (key === 'step') value = record.step === undefined ? oneOf(first, RECORD_STEPS) : undefined;
      else if (key === 'runner') value = first === '1';
      else if (key === 'age' || key === 'pain_now') value = whole(first, 255);
      else if (key === 'duration_weeks') value = whole(first, 65535);
      else if (key === 'sex') value = oneOf(first, ['female', 'male', 'other']);
      else if (key === 'onset') value = oneOf(first, ['sudden', 'gradual']);
      if (value === undefined) return null;
      record[key] = value;
    } else if (key === 'pain') {
      if (!oneOf(second, ['left', 'right']) || record.pain.some((p) => p.region === first && p.side === second)) return null;
      record.pain.push({ region: first, side: second });
    } else if (key === 'finding') {
      if (!oneOf(second, ['yes', 'no', 'unsure']) || record.findings.some((f) => f.id === first)) return null;
      record.findings.push({ id: first, response: second });
    } else {
      return null;
    }
  }
  return record.step === undefined ? null : record;
}
const RECORD_STEPS = ['start', 'safety', 'where', 'symptoms', 'results', 'emergency'];

/// The result as `hipcheck handoff` prints it (src/handoff.rs), for tests without a browser.
export function parseResult(text) {
  const lines = String(text).split('\n').filter((l) => l !== '');
  if (lines[0] !== 'result 1') return null;
  const result = { reasons: [], sources: [], plan: null };
  for (const line of lines.slice(1)) {
    const [key, ...f] = line.split('\t');
    if (key === 'level') [result.level, result.headline, result.howSoon] = f;
    else if (key === 'reason') result.reasons.push(f[0]);
    else if (key === 'source') result.sources.push({ id: f[0], likelihood: f[1], name: f[2] });
    else if (key === 'plan') result.plan = f[0];
  }
  return levels().includes(result.level) ? result : null;
}

/// The result the result screen carries (`data-result`, src/handoff.rs's lines): ids and
/// levels whether or not the results text, which names the sources, has arrived.
export function resultOf(results) {
  return parseResult(results?.dataset.result ?? '');
}

// ---------------------------------------------------------------------------- share link

const toBase64Url = (bytes) => {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};
const fromBase64Url = (text) => {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
};

async function pipe(bytes, stream, limit) {
  const reader = new Blob([bytes]).stream().pipeThrough(stream).getReader();
  const chunks = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    // A small fragment that inflates to megabytes is hostile: stop reading.
    if (size > limit) {
      await reader.cancel();
      throw new Error('too large');
    }
    chunks.push(value);
  }
  return new Uint8Array(await new Blob(chunks).arrayBuffer());
}

/// `#hipcheck=1.<base64url of deflate-raw("<date>\n<record>")>`.
export async function shareFragment(record, date) {
  const text = new TextEncoder().encode(`${date}\n${record}`);
  const packed = await pipe(text, new CompressionStream('deflate-raw'), MAX_RECORD * 2);
  return `${SHARE_PREFIX}${SHARE_VERSION}.${toBase64Url(packed)}`;
}

/// A fragment read back: `{ record, date }`, or `{ error }` ("damaged" or "newer"). Never throws.
export async function readShare(fragment) {
  try {
    const hash = String(fragment ?? '');
    if (!hash.startsWith(SHARE_PREFIX) || hash.length > MAX_FRAGMENT) return { error: 'damaged' };
    const body = hash.slice(SHARE_PREFIX.length);
    const dot = body.indexOf('.');
    const version = body.slice(0, dot);
    if (!/^\d{1,4}$/.test(version)) return { error: 'damaged' };
    if (Number(version) > SHARE_VERSION) return { error: 'newer' };
    if (Number(version) !== SHARE_VERSION || !/^[A-Za-z0-9_-]+$/.test(body.slice(dot + 1))) return { error: 'damaged' };
    const bytes = await pipe(fromBase64Url(body.slice(dot + 1)), new DecompressionStream('deflate-raw'), MAX_RECORD);
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    const newline = text.indexOf('\n');
    const date = text.slice(0, newline);
    const record = text.slice(newline + 1);
    if (!isoDay(date)) return { error: 'damaged' };
    const schema = record.match(/^hipcheck (\d+)\n/);
    if (!schema) return { error: 'damaged' };
    if (Number(schema[1]) > 1) return { error: 'newer' };
    // The widget validates the record itself (src/record.rs) before showing anything.
    return { record, date };
  } catch {
    return { error: 'damaged' };
  }
}

/// Only http(s) pages can open a share link; anything else is refused like a bad booking link.
export function safeShareUrl(url) {
  try {
    const parsed = new URL(String(url ?? '').trim());
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
    parsed.hash = '';
    return parsed.href;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------- FHIR R4

const coded = (name, code, display) => ({ valueCoding: { system: system(name), code, display } });
const item = (linkId, answer) => ({ linkId, answer });

/// The same QuestionnaireResponse as `hipcheck fhir` (src/fhir.rs); scripts/fhir-check.mjs
/// compares the two for every vignette.
export function questionnaireResponse(recordText, result, questionnaire) {
  const record = parseRecord(recordText);
  if (!record || !result) return null;
  const group = (linkId) => questionnaire.item.find((g) => g.linkId === linkId)?.item ?? [];
  const about = [];
  if (record.age !== undefined) about.push(item('age', [{ valueInteger: record.age }]));
  if (record.sex) about.push(item('sex', [coded('sex', record.sex, record.sex)]));
  about.push(item('runner', [{ valueBoolean: record.runner === true }]));
  const where = group('where')
    .map((region) => {
      const sides = ['left', 'right'].filter((side) => record.pain.some((p) => p.region === region.linkId && p.side === side));
      return sides.length ? item(region.linkId, sides.map((side) => coded('side', side, side))) : null;
    })
    .filter(Boolean);
  const pain = [];
  if (record.pain_now !== undefined) pain.push(item('pain_now', [{ valueInteger: record.pain_now }]));
  if (record.duration_weeks !== undefined) pain.push(item('duration_weeks', [{ valueDecimal: record.duration_weeks }]));
  if (record.onset) pain.push(item('onset', [coded('onset', record.onset, record.onset)]));
  const DISPLAY = { yes: 'Yes', no: 'No', unsure: 'Not sure' };
  const findings = record.findings.map((f) => item(f.id, [coded('answer', f.response, DISPLAY[f.response])]));
  const items = [['about', about], ['where', where], ['about-pain', pain], ['findings', findings]]
    .filter(([, list]) => list.length)
    .map(([linkId, list]) => ({ linkId, item: list }));
  const predictions = [
    {
      outcome: {
        coding: [{ system: system('level'), code: result.level, display: result.headline }],
        text: `${result.headline}: ${result.howSoon}`,
      },
      rationale: result.reasons.join(' '),
    },
    ...result.sources.map((c) => ({
      outcome: { coding: [{ system: system('condition'), code: c.id, display: c.name }], text: c.name },
      qualitativeRisk: { coding: [{ system: system('likelihood'), code: c.likelihood, display: VOCABULARY.likelihoods.find((l) => l.code === c.likelihood)?.display }] },
    })),
  ];
  return {
    resourceType: 'QuestionnaireResponse',
    questionnaire: `${VOCABULARY.questionnaire_url}|${VOCABULARY.questionnaire_version}`,
    status: 'completed',
    contained: [
      {
        resourceType: 'RiskAssessment',
        id: 'result',
        status: 'final',
        subject: { display: 'The person who completed this self-check' },
        method: { text: 'HipCheck self-check (assessment contract 1): not a diagnosis' },
        prediction: predictions,
      },
    ],
    extension: [{ url: system('result'), valueReference: { reference: '#result' } }],
    item: items,
  };
}

// ---------------------------------------------------------------------------- calendar

const icsDate = (date) => date.toISOString().slice(0, 10).replace(/-/g, '');
const icsStamp = (date) => `${date.toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;

/// RFC 5545 calendar with one all-day event per review time. It carries no answer: only the
/// words "HipCheck re-check" and the dates.
export function reminderCalendar(from, weeks = REVIEW_WEEKS, uid = () => crypto.randomUUID(), summary = WORDS.en.calendar) {
  const day = new Date(Date.UTC(from.getFullYear(), from.getMonth(), from.getDate()));
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//HipCheck//Re-check reminder//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH'];
  for (const week of weeks) {
    const start = new Date(day.getTime() + week * 7 * 86400000);
    const end = new Date(start.getTime() + 86400000);
    lines.push(
      'BEGIN:VEVENT',
      `UID:${uid()}@hipcheck.invalid`,
      `DTSTAMP:${icsStamp(from)}`,
      `DTSTART;VALUE=DATE:${icsDate(start)}`,
      `DTEND;VALUE=DATE:${icsDate(end)}`,
      `SUMMARY:${summary}`,
      'TRANSP:TRANSPARENT',
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      `DESCRIPTION:${summary}`,
      'TRIGGER:PT9H',
      'END:VALARM',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.join('\r\n')}\r\n`;
}

// ---------------------------------------------------------------------------- history

/// One kept check, from the record and the result lines.
/// This page visit: its check, changed and shown again, stays one entry of the day.
const VISIT = Math.random().toString(36).slice(2, 10);

export function historyEntry(recordText, result, now = new Date(), visit = VISIT) {
  const record = parseRecord(recordText);
  if (!record || !result) return null;
  return {
    id: `${now.getTime().toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
    date: localDate(now),
    at: now.getTime(),
    areas: record.pain.map((p) => `${p.region} ${p.side}`),
    pain_now: record.pain_now ?? null,
    level: result.level,
    leading: result.sources[0]?.id ?? null,
    // Empty until the results text names the sources.
    leading_name: result.sources[0]?.name || null,
    plan: result.plan,
    // The plan starts at its first phase; the person moves on using the plan's own criteria.
    phase: result.plan ? 1 : null,
    run_pain: null,
    morning_pain: null,
    change: null,
    key: `${recordText.length}:${hash(recordText)}`,
    // The same visit's check on the same day (answers changed, shown again) updates its entry.
    visit,
  };
}

export const localDate = (d) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

function hash(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16);
}

/// A real calendar day written YYYY-MM-DD (not 2024-02-31).
/// A real calendar day within the plausible window: HipCheck's checks began in 2025, and no
/// check is dated after tomorrow (a day's grace for time zones). Issue 27: 9999-12-31,
/// 2100-01-01 and 0000-01-01 were accepted.
const isoDay = (text) => {
  const day = new Date(`${text}T00:00:00Z`);
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(day.getTime()) && day.toISOString().startsWith(text)
    && text >= '2025-01-01' && text <= tomorrow;
};
const score = (v) => (v === null || (Number.isInteger(v) && v >= 0 && v <= 10));
/// A stored entry is used only if every field has the expected shape; others are dropped.
export function validEntry(e) {
  return (
    e && typeof e === 'object' && typeof e.id === 'string' && e.id.length < 40 &&
    typeof e.date === 'string' && isoDay(e.date) && Number.isFinite(e.at) &&
    Array.isArray(e.areas) && e.areas.length <= 30 && e.areas.every((a) => typeof a === 'string' && a.length < 40) &&
    score(e.pain_now) && score(e.run_pain) && score(e.morning_pain) &&
    levels().includes(e.level) && (e.change === null || CHANGES.includes(e.change)) &&
    (e.leading === null || typeof e.leading === 'string') && (e.leading_name === null || typeof e.leading_name === 'string') &&
    (e.plan === null || typeof e.plan === 'string') && (e.phase === null || Number.isInteger(e.phase)) &&
    typeof e.key === 'string' && (e.visit === undefined || (typeof e.visit === 'string' && e.visit.length < 20))
  );
}

export const HISTORY_ASIDE_KEY = 'hipcheck.history.unreadable';
/// How many unreadable histories are kept aside (the first under HISTORY_ASIDE_KEY, then
/// `.2`, `.3`); with all of them taken, the history is left as it is rather than replaced.
export const MAX_ASIDE = 3;
export const asideKeys = () => Array.from({ length: MAX_ASIDE }, (_, i) => (i ? `${HISTORY_ASIDE_KEY}.${i + 1}` : HISTORY_ASIDE_KEY));
/// A history this large is not ours to rewrite whole: its valid checks are read, the text is
/// kept aside (issue 27: it was dropped with its checks).
const LARGE_HISTORY = 256 * 1024;
const MAX_HISTORY_TEXT = 4 * 1024 * 1024;

/// Reads the history: `{ entries, problem }`, where problem is null, "off", "bad" (unreadable:
/// what could be read is kept) or "newer" (written by a newer HipCheck: left alone).
export function readHistory(storage) {
  let text;
  try {
    text = storage.getItem(HISTORY_KEY);
  } catch {
    return { entries: [], problem: 'off' };
  }
  if (text === null) return { entries: [], problem: null };
  try {
    if (text.length > MAX_HISTORY_TEXT) throw new Error('oversized');
    const data = JSON.parse(text);
    if (Number.isInteger(data?.schema) && data.schema > HISTORY_SCHEMA) return { entries: [], problem: 'newer' };
    if (data?.schema !== HISTORY_SCHEMA || !Array.isArray(data.entries)) throw new Error('not ours');
    const entries = data.entries.filter(validEntry).sort((a, b) => a.at - b.at);
    const whole = entries.length === data.entries.length && text.length <= LARGE_HISTORY;
    return { entries, problem: whole ? null : 'bad' };
  } catch {
    return { entries: [], problem: 'bad' };
  }
}

/// Moves the stored history's text to the first free aside key (or finds it already there):
/// whether it is kept.
function setAside(storage) {
  try {
    const text = storage.getItem(HISTORY_KEY);
    if (text === null) return true;
    const keys = asideKeys();
    if (keys.some((key) => storage.getItem(key) === text)) return true;
    const free = keys.find((key) => storage.getItem(key) === null);
    if (!free) return false;
    storage.setItem(free, text);
    return true;
  } catch {
    return false;
  }
}

/// Applies `change` to the freshest stored history (another tab may have written since this
/// one read) and writes it back: `{ entries, problem, trimmed }`.
export function updateHistory(storage, change) {
  const read = readHistory(storage);
  if (read.problem === 'off' || read.problem === 'newer') return read;
  if (read.problem === 'bad' && !setAside(storage)) {
    // Nowhere to keep it: the history is left exactly as it is, never replaced (issue 27).
    return { entries: read.entries, problem: 'stuck' };
  }
  const changed = change(read.entries.slice());
  const trimmed = changed.length > MAX_ENTRIES;
  const entries = changed.slice(-MAX_ENTRIES);
  try {
    if (entries.length) storage.setItem(HISTORY_KEY, JSON.stringify({ schema: HISTORY_SCHEMA, entries }));
    else storage.removeItem(HISTORY_KEY);
  } catch (error) {
    return { entries: read.entries, problem: error?.name === 'QuotaExceededError' ? 'full' : 'off' };
  }
  return { entries, problem: read.problem, trimmed };
}

/// Adds `entry`, or updates the entry of the same visit and day.
export const sameCheck = (a, b) => a.date === b.date && (a.visit ? a.visit === b.visit : a.key === b.key);
export const addEntry = (entry) => (entries) => {
  const same = entries.findIndex((e) => sameCheck(e, entry));
  if (same >= 0) {
    const kept = entries[same];
    entries[same] = { ...entry, id: kept.id, at: kept.at, run_pain: kept.run_pain, morning_pain: kept.morning_pain, change: kept.change };
  } else {
    entries.push(entry);
  }
  return entries;
};

/// Two tabs saving at once (issue 27): each write re-reads the history first, but another tab
/// can write between that read and the write and so miss a check. A page keeps its own checks
/// (`own`: id → entry) and, when another tab has written, puts back any of them that write
/// dropped. Returns the new state, or null when nothing was missing.
export function keepOwn(storage, own) {
  const read = readHistory(storage);
  if (read.problem) return null;
  const missing = [...own.values()].filter((mine) => !read.entries.some((e) => e.id === mine.id));
  if (!missing.length) return null;
  return updateHistory(storage, (entries) => [...entries, ...missing].sort((a, b) => a.at - b.at));
}

/// Watches the other tabs' writes to the history (the `storage` event fires only in the other
/// tabs) and keeps this page's own checks in it while `alive()`; `changed(state)` after each.
export function guardHistory(storage, own, changed, alive) {
  const listener = (event) => {
    if (!alive()) return removeEventListener('storage', listener);
    if (event.key !== HISTORY_KEY || event.storageArea !== storage) return;
    changed(keepOwn(storage, own) ?? readHistory(storage));
  };
  addEventListener('storage', listener);
}

export function historyCsv(entries, lang = 'en') {
  const w = words(lang);
  const cell = (v) => {
    const text = v === null || v === undefined ? '' : String(v);
    // Quoted always; a leading = + - @ (or a tab or CR before one) would run as a formula in a
    // spreadsheet.
    return `"${(/^[=+\-@\t\r]/.test(text) ? `'${text}` : text).replace(/"/g, '""')}"`;
  };
  const head = ['date', 'areas', 'pain_now', 'level', 'leading_source', 'plan', 'phase', 'run_pain', 'morning_pain', 'change'];
  const rows = entries.map((e) => [e.date, e.areas.join('; '), e.pain_now, e.level, e.leading_name ?? e.leading, e.plan, e.phase, e.run_pain, e.morning_pain, e.change ? w.changes[CHANGES.indexOf(e.change)] : null]);
  return `${[head, ...rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

/// A trend in words, never a verdict.
export function trendText(entries, lang = 'en') {
  const w = words(lang);
  const points = entries.filter((e) => e.pain_now !== null);
  if (!points.length) return '';
  if (points.length === 1) return fill(w.trend_one, { first: points[0].pain_now });
  return fill(w.trend, { first: points[0].pain_now, last: points[points.length - 1].pain_now, n: points.length });
}

// ---------------------------------------------------------------------------- chart

const SVG = 'http://www.w3.org/2000/svg';
/// The level's marker: a different shape per level, so the chart reads without colour.
const MARKERS = [
  'M-5 0a5 5 0 1 0 10 0a5 5 0 1 0-10 0', // self-care: circle
  'M-5-5h10v10h-10z', // soon: square
  'M0-6l6 10h-12z', // within days: triangle
  'M0-7l7 7-7 7-7-7z', // same day: diamond
  'M-6-6l12 12m0-12l-12 12', // emergency: cross
];

export function chartSvg(entries, lang = 'en', sessions = []) {
  const w = words(lang);
  const width = 320;
  const height = 180;
  const left = 34;
  const bottom = 150;
  const top = 14;
  // Checks and sessions on one time line, by day.
  const dayOf = (iso) => {
    const [yy, mm, dd] = iso.split('-').map(Number);
    return Date.UTC(yy, mm - 1, dd) / 86400000;
  };
  const days = [...entries.map((e) => dayOf(e.date)), ...sessions.map((s) => s.day)];
  const first = Math.min(...days);
  const span = Math.max(1, Math.max(...days) - first);
  const atDay = (day) => left + 10 + ((day - first) * (width - left - 44)) / span;
  const x = (i) => atDay(dayOf(entries[i].date));
  const y = (v) => bottom - ((bottom - top) * v) / 10;
  const parts = [];
  for (const v of [0, 5, 10]) {
    parts.push(`<line x1="${left}" x2="${width - 6}" y1="${y(v)}" y2="${y(v)}" class="hc-chart-grid"/>`);
    parts.push(`<text x="${left - 6}" y="${y(v) + 4}" text-anchor="end" class="hc-chart-text">${v}</text>`);
  }
  const points = entries.map((e, i) => (e.pain_now === null ? null : [x(i), y(e.pain_now)]));
  const line = points.filter(Boolean).map(([px, py], i) => `${i ? 'L' : 'M'}${px.toFixed(1)} ${py.toFixed(1)}`).join('');
  if (line) parts.push(`<path d="${line}" class="hc-chart-line"/>`);
  entries.forEach((e, i) => {
    const level = levels().indexOf(e.level);
    if (points[i]) {
      parts.push(`<path transform="translate(${points[i][0].toFixed(1)} ${points[i][1].toFixed(1)})" d="${MARKERS[level]}" class="hc-chart-mark hc-chart-${e.level}"/>`);
    }
    const [, m, d] = e.date.split('-');
    parts.push(`<text x="${x(i).toFixed(1)}" y="${bottom + 18}" text-anchor="middle" class="hc-chart-text">${d}/${m}</text>`);
  });
  // A session's pain during it: a small ring beside the checks' marks.
  for (const s of sessions) {
    parts.push(`<circle cx="${atDay(s.day).toFixed(1)}" cy="${y(s.during).toFixed(1)}" r="3.5" class="hc-chart-session"/>`);
  }
  let legend = levels().map((level, i) => {
    if (!entries.some((e) => e.level === level)) return '';
    return `<li><svg viewBox="-8 -8 16 16" width="16" height="16" aria-hidden="true"><path d="${MARKERS[i]}" class="hc-chart-mark hc-chart-${level}"/></svg> ${w.level_names[i]}</li>`;
  }).join('');
  if (sessions.length) {
    legend += `<li><svg viewBox="-8 -8 16 16" width="16" height="16" aria-hidden="true"><circle r="3.5" class="hc-chart-session"/></svg> ${w.chart_sessions}</li>`;
  }
  return {
    svg: `<svg xmlns="${SVG}" viewBox="0 0 ${width} ${height}" class="hc-chart" aria-hidden="true">${parts.join('')}</svg>`,
    legend: `<ul class="hc-chart-legend">${legend}</ul>`,
  };
}

// ---------------------------------------------------------------------------- the page

const el = (tag, props = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else if (value !== undefined && value !== null && value !== false) node.setAttribute(key, value === true ? '' : value);
  }
  node.append(...children.flat(Infinity).filter((c) => c !== null && c !== undefined && c !== false));
  return node;
};

function download(doc, name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

const localStore = () => {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
};

const questionnaires = new Map();
function loadQuestionnaire(assets) {
  const url = new URL('questionnaire.json', assets).href;
  if (!questionnaires.has(url)) {
    questionnaires.set(url, fetch(url).then((r) => (r.ok ? r.json() : Promise.reject(new Error(r.status)))));
    questionnaires.get(url).catch(() => questionnaires.delete(url));
  }
  return questionnaires.get(url);
}

/// Called by the page loader and embed.js at the first click in the widget, or before it starts
/// when the page was opened from a share link. A share link's record goes to the widget as its
/// `shared` setting; the widget validates it (src/record.rs) and opens on its result, or starts
/// normally, in which case this says the link could not be read. Then every result the widget
/// shows gets the hand-off section in its empty `.hc-handoff` slot.
/// `options`: { settings, prefix, shareUrl, assets, css, folders, page, switchTo }. `click` is
/// the click that loaded this module, which may have been on the language switch.
export function watch(mount, options, click) {
  if (!mount) return Promise.resolve();
  if (isLanguageSwitch(click)) switchLanguage(click, options);
  // Every call waits for the same start (a share link is read once, before the app starts).
  if (!watched.has(mount)) watched.set(mount, begin(mount, options));
  return watched.get(mount);
}
const watched = new WeakMap();

async function begin(mount, options) {
  mount.addEventListener('click', (event) => {
    if (isLanguageSwitch(event)) switchLanguage(event, options);
  });
  let shared;
  let awaitingApp = false;
  if (location.hash.startsWith(SHARE_PREFIX)) {
    const read = await readShare(location.hash);
    options.settings.setAttribute(`${options.prefix}shared`, read.record ?? '');
    shared = read.record ? read : undefined;
    awaitingApp = true;
    // The shared check opens on its result: the results styles are needed at once.
    if (options.css && !document.querySelector(`link[href="${options.css}"]`)) {
      document.head.append(Object.assign(document.createElement('link'), { rel: 'stylesheet', href: options.css }));
    }
  }
  const check = () => {
    if (awaitingApp && mount.dataset.hcApp) {
      awaitingApp = false;
      if (!mount.querySelector('.hc-results')) {
        // A reload then starts the visitor's own check instead of refusing the link again.
        history.replaceState(history.state, '', location.pathname + location.search);
        refused(mount, mount.querySelector('[lang]')?.getAttribute('lang'));
        shared = undefined;
      }
    }
    for (const slot of mount.querySelectorAll('.hc-results .hc-session:empty')) sessionSection(slot);
    for (const slot of mount.querySelectorAll('.hc-results .hc-handoff:empty')) {
      // After the widget has saved this step's record (its save runs after the render).
      setTimeout(() => slot.isConnected && !slot.firstChild && attach(slot, { ...options, shared }));
    }
  };
  const figures = playFigures(mount);
  new MutationObserver(() => {
    check();
    figures();
  }).observe(mount, { childList: true, subtree: true });
  check();
  figures();
}

// ------------------------------------------------------------------------ guided session

export const SESSIONS_KEY = 'hipcheck.sessions';
export const MAX_SESSIONS = 200;
// CLINICAL.md §5 "After a session", as src/engine/session.rs has it (tests/data/next-dose.json
// holds the cases both are checked against).
const DURING_ACCEPTABLE = 5;
const DURING_EASY = 2;
const EASY_IN_A_ROW = 2;
const EASED_IN_A_ROW = 3;

/// The next session's dose from the sessions logged, oldest first (`{ day, during, usual,
/// next_morning, felt_easy }`): 'not-for-bone-stress', 'no-sessions', 'ask-next-morning', 'keep',
/// 'offer-next-step', 'ease' or 'see-physio'.
export function nextDose(painRule, sessions) {
  if (painRule === 'bone') return 'not-for-bone-stress';
  const last = sessions.at(-1);
  if (!last) return 'no-sessions';
  const neededEasing = (s) => s.during > DURING_ACCEPTABLE || (s.next_morning !== null && s.next_morning !== undefined && s.next_morning > s.usual);
  const wasEasy = (s) => s.felt_easy && s.during <= DURING_EASY && !neededEasing(s);
  const lastN = (n, f) => sessions.length >= n && sessions.slice(-n).every(f);
  if (lastN(EASED_IN_A_ROW, neededEasing) || risingWeekToWeek(sessions)) return 'see-physio';
  if (last.during > DURING_ACCEPTABLE) return 'ease';
  if (last.next_morning === null || last.next_morning === undefined) return 'ask-next-morning';
  if (neededEasing(last)) return 'ease';
  return lastN(EASY_IN_A_ROW, wasEasy) ? 'offer-next-step' : 'keep';
}

/// The next-morning pain of the last 7 days above the 7 days before by a whole point or more.
function risingWeekToWeek(sessions) {
  if (!sessions.length) return false;
  const lastDay = Math.max(...sessions.map((s) => s.day));
  const mean = (from, to) => {
    const mornings = sessions.filter((s) => s.day >= from && s.day < to && Number.isInteger(s.next_morning)).map((s) => s.next_morning);
    return mornings.length ? mornings.reduce((a, b) => a + b, 0) / mornings.length : null;
  };
  const now = mean(Math.max(0, lastDay - 6), lastDay + 1);
  const before = mean(Math.max(0, lastDay - 13), Math.max(0, lastDay - 6));
  return now !== null && before !== null && now >= before + 1;
}

/// An exercise card's dose as numbers (`data-session`, src/content/model.rs
/// `SessionDose::encode`: "sets reps hold each-side"), or null when it is not part of a session.
export function sessionDose(text) {
  const n = String(text ?? '').trim().split(/\s+/).map(Number);
  if (n.length !== 4 || n.some((x) => !Number.isInteger(x) || x < 0)) return null;
  const [sets, reps, hold, eachSide] = n;
  return sets && reps ? { sets, reps, hold, eachSide: eachSide === 1 } : null;
}

/// What the person does, in order: a set of repeats to count, or one hold to time, with a rest
/// after each but the last. A hold rests as long as it lasted (at most 30 s); a set, 60 s.
export function sessionSteps(dose) {
  const steps = [];
  for (let set = 1; set <= dose.sets; set++) {
    if (dose.hold) {
      for (let rep = 1; rep <= dose.reps; rep++) {
        steps.push({ kind: 'hold', set, n: rep, total: dose.reps, seconds: dose.hold });
        if (rep < dose.reps) steps.push({ kind: 'rest', seconds: Math.min(dose.hold, 30) });
      }
    } else {
      steps.push({ kind: 'reps', set, total: dose.reps });
    }
    if (set < dose.sets) steps.push({ kind: 'rest', seconds: 60 });
  }
  return steps;
}

/// The sessions kept on this device, oldest first (a damaged or foreign value reads as none).
export function readSessions(storage) {
  try {
    const value = JSON.parse(storage.getItem(SESSIONS_KEY) ?? '[]');
    return Array.isArray(value) ? value.filter((s) => s && Number.isInteger(s.day) && Number.isInteger(s.during)) : [];
  } catch {
    return [];
  }
}

const dayNumber = (date) => Math.floor(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()) / 86400000);

/// Seconds left of a timer started at `started` (ms), from the clock rather than from ticks, so a
/// throttled background tab still ends on time.
export const secondsLeft = (started, seconds, now = Date.now()) => Math.max(0, Math.ceil(seconds - (now - started) / 1000));

/// Which leg the figures colour (the sore one): on the side of every tapped area when they are
/// all on one side.
export function soreLeg(pain, w) {
  const sides = new Set(pain.map((p) => p.side));
  if (sides.size !== 1) return w.sore_leg;
  return sides.has('left') ? w.sore_leg_left : w.sore_leg_right;
}

/// "Start today's session" in the person's own phase (`.hc-session`, src/ui/widgets/plan_phases.rs):
/// the phase's exercises one screen each, with a repeat counter, a hold timer and rests; then the
/// pain during it, kept on this device, and the next dose by CLINICAL.md §5.
export function sessionSection(slot) {
  const results = slot.closest('.hc-results');
  if (!results || slot.firstChild) return;
  const lang = slot.closest('[lang]')?.getAttribute('lang') ?? 'en';
  const w = words(lang);
  const storage = localStore();
  const cards = [...results.querySelectorAll('.hc-phase-now .hc-exercise[data-session]')]
    .map((card) => ({ card, dose: sessionDose(card.dataset.session) }))
    .filter((e) => e.dose);
  if (!cards.length) return;
  const past = storage ? readSessions(storage) : [];
  const last = past.at(-1);
  slot.append(...[
    el('p', { class: 'hc-hint hc-print-hide' }, soreLeg(parseRecord(results.dataset.record ?? '')?.pain ?? [], w)),
    el('button', { type: 'button', class: 'hc-button hc-primary', onclick: () => runSession(slot, cards, w, lang, storage) }, w.session_start),
    last ? el('p', { class: 'hc-hint' }, fill(w.session_done, { n: past.length, date: displayDate(last.date, document.documentElement, lang) })) : null,
  ].filter(Boolean));
}

function runSession(slot, cards, w, lang, storage) {
  const doc = slot.ownerDocument;
  const live = el('p', { class: 'hc-visually-hidden', 'aria-live': 'polite' });
  const say = (text) => {
    live.textContent = '';
    setTimeout(() => (live.textContent = text), 50);
  };
  const sound = el('input', { type: 'checkbox', checked: true });
  let audio = null;
  try {
    // Unlocked by the tap that started the session, as browsers require.
    audio = new (globalThis.AudioContext ?? globalThis.webkitAudioContext)();
  } catch {
    audio = null;
  }
  const cue = () => {
    if (!sound.checked) return;
    navigator.vibrate?.(200);
    if (!audio) return;
    try {
      const tone = audio.createOscillator();
      tone.connect(audio.destination);
      tone.start();
      tone.stop(audio.currentTime + 0.15);
    } catch {
      // No sound here: the screen and the announcement still say it.
    }
  };
  let wake = null;
  navigator.wakeLock?.request('screen').then((lock) => (wake = lock), () => {});
  let timer = null;
  const stopTimer = () => clearInterval(timer);
  const body = el('div', { class: 'hc-session-body' });
  const dialog = el('section', { class: 'hc-card hc-session-panel', role: 'dialog', 'aria-modal': 'false', 'aria-labelledby': 'hc-session-title', tabindex: '-1' },
    el('h4', { id: 'hc-session-title' }, w.session_title),
    el('p', { class: 'hc-hint' }, w.session_hint),
    body,
    el('label', { class: 'hc-criterion' }, sound, w.session_sound),
    live,
    el('button', { type: 'button', class: 'hc-link', onclick: () => close() }, w.session_close));
  const button = slot.querySelector('button');
  const close = () => {
    stopTimer();
    wake?.release?.().catch?.(() => {});
    audio?.close?.().catch?.(() => {});
    dialog.remove();
    if (button) button.hidden = false;
    button?.focus();
  };
  if (button) button.hidden = true;
  slot.append(dialog);
  const done = [];
  let stopped = false;

  const showExercise = (index) => {
    stopTimer();
    if (index >= cards.length || stopped) return finish();
    const { card, dose } = cards[index];
    const steps = sessionSteps(dose);
    const figure = card.querySelector('.hc-figure')?.cloneNode(true);
    figure?.classList.add('hc-play');
    const name = card.querySelector('h5')?.textContent ?? '';
    const heading = el('h5', { tabindex: '-1' }, name);
    const stage = el('div', { class: 'hc-session-stage' });
    const next = () => {
      done.push(index);
      showExercise(index + 1);
    };
    const runStep = (k) => {
      stopTimer();
      if (k >= steps.length) {
        stage.replaceChildren(el('p', {}, w.session_hold_done), el('button', { type: 'button', class: 'hc-button hc-primary', onclick: next }, w.session_next));
        stage.querySelector('button').focus();
        return;
      }
      const step = steps[k];
      const setLine = dose.sets > 1 && step.kind !== 'rest' ? el('p', { class: 'hc-hint' }, fill(w.session_set, { n: step.set, total: dose.sets })) : null;
      if (step.kind === 'reps') {
        let count = 0;
        const counter = el('button', { type: 'button', class: 'hc-button hc-primary hc-counter', onclick: () => {
          count += 1;
          counter.textContent = fill(w.session_rep, { n: count, total: step.total });
          if (count >= step.total) {
            cue();
            runStep(k + 1);
          }
        } }, fill(w.session_rep, { n: 0, total: step.total }));
        stage.replaceChildren(...[setLine, counter].filter(Boolean));
        counter.focus();
      } else if (step.kind === 'hold') {
        const start = el('button', { type: 'button', class: 'hc-button hc-primary', onclick: () => {
          const started = Date.now();
          let half = false;
          const clock = el('p', { class: 'hc-timer' }, fill(w.session_holding, { s: step.seconds }));
          stage.replaceChildren(...[setLine, clock].filter(Boolean));
          cue();
          say(fill(w.session_holding, { s: step.seconds }));
          timer = setInterval(() => {
            const left = secondsLeft(started, step.seconds);
            clock.textContent = fill(w.session_holding, { s: left });
            if (!half && left <= step.seconds / 2) {
              half = true;
              say(w.session_halfway);
            }
            if (left === 0) {
              cue();
              say(w.session_hold_done);
              runStep(k + 1);
            }
          }, 250);
        } }, fill(w.session_hold, { n: step.n, total: step.total, s: step.seconds }));
        stage.replaceChildren(...[setLine, start].filter(Boolean));
        start.focus();
      } else {
        const started = Date.now();
        const clock = el('p', { class: 'hc-timer' }, fill(w.session_rest, { s: step.seconds }));
        const skip = el('button', { type: 'button', class: 'hc-button', onclick: () => runStep(k + 1) }, w.session_skip_rest);
        stage.replaceChildren(clock, skip);
        say(fill(w.session_rest, { s: step.seconds }));
        skip.focus();
        timer = setInterval(() => {
          const left = secondsLeft(started, step.seconds);
          clock.textContent = fill(w.session_rest, { s: left });
          if (left === 0) {
            cue();
            runStep(k + 1);
          }
        }, 250);
      }
    };
    body.replaceChildren(...[
      el('p', { class: 'hc-hint' }, fill(w.session_exercise, { n: index + 1, total: cards.length })),
      heading,
      figure ?? null,
      el('p', { class: 'hc-dosage' }, card.querySelector('.hc-dosage')?.textContent ?? ''),
      el('ol', {}, [...card.querySelectorAll('.hc-ex-details ol li')].map((li) => el('li', {}, li.textContent))),
      dose.eachSide ? el('p', { class: 'hc-hint' }, w.session_each_side) : null,
      stage,
      el('div', { class: 'hc-actions hc-actions-wrap' },
        el('button', { type: 'button', class: 'hc-button', onclick: () => showExercise(index + 1) }, w.session_skip),
        el('button', { type: 'button', class: 'hc-button hc-warn', onclick: () => {
          stopped = true;
          finish(w.session_stopped);
        } }, w.session_hurts)),
    ].filter(Boolean));
    heading.focus();
    runStep(0);
  };

  const finish = (stopText) => {
    stopTimer();
    const past = storage ? readSessions(storage) : [];
    const previous = past.at(-1);
    const number = (label, value) => el('label', { class: 'hc-field' }, label,
      el('input', { type: 'number', min: '0', max: '10', inputmode: 'numeric', class: 'hc-input', value: value ?? '' }));
    const during = number(w.session_pain, stopped ? 6 : null);
    const usual = number(w.session_usual, previous?.usual ?? 0);
    // Last session's next-morning pain, asked now if it was not known then.
    const morning = previous && !Number.isInteger(previous.next_morning) ? number(w.session_morning, null) : null;
    const easy = el('input', { type: 'checkbox' });
    const advice = el('p', { role: 'status' });
    const save = el('button', { type: 'button', class: 'hc-button hc-primary', onclick: () => {
      const value = (label) => {
        const n = Number(label?.querySelector('input').value);
        return label && label.querySelector('input').value !== '' && Number.isInteger(n) && n >= 0 && n <= 10 ? n : null;
      };
      if (value(during) === null) return label(during);
      const today = new Date();
      const sessions = readSessions(storage ?? { getItem: () => null });
      if (morning && value(morning) !== null && sessions.length) sessions.at(-1).next_morning = value(morning);
      sessions.push({
        date: localDate(today), day: dayNumber(today), during: value(during), usual: value(usual) ?? 0,
        next_morning: null, felt_easy: easy.checked, done: done.length, of: cards.length, stopped,
      });
      try {
        storage?.setItem(SESSIONS_KEY, JSON.stringify(sessions.slice(-MAX_SESSIONS)));
      } catch {
        // Not kept (storage full or blocked): the advice below still stands for today.
      }
      slot.closest('.hc-results')?.dispatchEvent(new CustomEvent('hc-session-saved'));
      const next = nextDose('tendon', sessions);
      advice.textContent = [w.session_saved, { keep: w.next_keep, 'offer-next-step': w.next_step, ease: w.next_ease, 'ask-next-morning': w.next_ask, 'see-physio': w.next_physio }[next]].filter(Boolean).join(' ');
      save.hidden = true;
    } }, w.session_save);
    const label = (field) => field.querySelector('input').focus();
    body.replaceChildren(...[
      stopText ? el('p', { class: 'hc-notice', role: 'alert' }, stopText) : null,
      morning, usual, during,
      el('label', { class: 'hc-criterion' }, easy, w.session_easy),
      save, advice,
    ].filter(Boolean));
    (morning ?? during).querySelector('input').focus();
  };

  showExercise(0);
}

/// Exercise figures that move (`.hc-moves`, src/ui/widgets/figure.rs) play their movement when
/// most of one comes on screen, again each time it comes back, and when tapped; the styles
/// play it only for a person who allows motion (styles/after-start.css). Returns what to call
/// when the widget has drawn new figures.
export function playFigures(root, Observer = globalThis.IntersectionObserver) {
  const play = (figure) => {
    figure.classList.remove('hc-play');
    // Reading the layout between the two makes the animation start again.
    figure.getBoundingClientRect();
    figure.classList.add('hc-play');
  };
  root.addEventListener('click', (event) => {
    const figure = event.target?.closest?.('.hc-moves');
    if (figure) play(figure);
  });
  if (typeof Observer !== 'function') return () => {};
  const onScreen = new Observer((entries) => {
    for (const entry of entries) {
      if (entry.isIntersecting) play(entry.target);
      else entry.target.classList.remove('hc-play');
    }
  }, { threshold: 0.6 });
  const observed = new WeakSet();
  return () => {
    for (const figure of root.querySelectorAll('.hc-moves')) {
      if (observed.has(figure)) continue;
      observed.add(figure);
      onScreen.observe(figure);
    }
  };
}

const isLanguageSwitch = (event) => Boolean(event?.target?.closest?.('[data-hc-lang]'));

/// The header's language button: another language is another build. The page goes to that
/// language's page (with `lang` in its address); an embedded widget starts again in it. Either way the saved answers are offered back, and the safety questions are asked
/// again in the new language.
function switchLanguage(event, options) {
  const lang = event.target.closest('[data-hc-lang]').dataset.hcLang;
  if (options.switchTo) return options.switchTo(lang);
  const folder = options.folders?.[lang];
  if (folder === undefined) return;
  // The choice goes into the address, where the loader reads it first.
  const url = new URL(folder + (options.page ?? ''), options.assets);
  const search = new URLSearchParams(location.search);
  search.set('lang', lang);
  url.search = search.toString();
  // A shared check stays open in the other language.
  url.hash = location.hash;
  location.assign(url.href);
}

/// Result screens on the page, for printing: what is a tap away on screen (later phases, the
/// sources' reasons) is on paper too, in browsers without `::details-content` as well.
const printable = new Set();
let printListening = false;
function printEverything() {
  if (printListening) return;
  printListening = true;
  addEventListener('beforeprint', () => {
    for (const results of printable) {
      if (!results.isConnected) printable.delete(results);
      for (const details of results.querySelectorAll('details:not([open]):not(.hc-ex-details):not(.hc-references)')) {
        details.open = true;
        details.dataset.hcPrinted = '';
      }
    }
  });
  addEventListener('afterprint', () => {
    for (const results of printable) {
      for (const details of results.querySelectorAll('details[data-hc-printed]')) {
        details.open = false;
        delete details.dataset.hcPrinted;
      }
    }
  });
}

/// Renders the hand-off section into `slot` (an empty element Yew never fills).
function attach(slot, options) {
  try {
    const results = slot.closest('.hc-results');
    if (results) {
      printEverything();
      printable.add(results);
    }
    const record = options.shared?.record ?? results?.dataset.record;
    const result = resultOf(results);
    if (!record || !result) return;
    const lang = slot.closest('[lang]')?.getAttribute('lang') ?? 'en';
    const w = words(lang);
    const ctx = { ...options, record, result, uid: `hcx${Math.random().toString(36).slice(2, 8)}` };
    slot.replaceChildren();
    if (options.shared) return sharedView(slot, ctx, w);
    ownView(slot, ctx, w, lang);
  } catch (error) {
    console.error('HipCheck: the hand-off section could not be shown', error);
  }
}


/// The widget refused a shared record, or the loader could not read the fragment.
export function refused(mount, lang = 'en') {
  const w = words(lang);
  const notice = el('div', { class: 'hc-notice hc-share-refused', role: 'alert' },
    el('p', {}, w.link_refused),
    el('button', { type: 'button', class: 'hc-link', onclick: () => notice.remove() }, w.dismiss));
  // Inside the widget (so it has the widget's look), under its header, outside what Yew redraws.
  const header = mount.querySelector('.hc-app > .hc-header');
  if (header) header.after(notice);
  else mount.prepend(notice);
}

function sharedView(slot, ctx, w) {
  const dateText = displayDate(ctx.shared.date, slot);
  const own = () => location.assign(location.href.split('#')[0]);
  const ownButton = () => el('div', { class: 'hc-actions' }, el('button', { type: 'button', class: 'hc-button hc-primary', onclick: own }, w.own_check));
  // First, above the result, so nobody takes it for their own.
  const top = slot.closest('.hc-results')?.querySelector('.hc-handoff-top');
  top?.replaceChildren(el('section', { class: 'hc-shared', 'aria-labelledby': `${ctx.uid}-shared` },
    el('h2', { id: `${ctx.uid}-shared` }, fill(w.shared_heading, { date: dateText })),
    el('p', {}, w.shared_text),
    ownButton()));
  const answers = el('details', { class: 'hc-shared-answers' }, el('summary', {}, w.shared_answers));
  slot.append(el('section', { class: 'hc-section', 'aria-label': w.shared_answers }, answers, ownButton()));
  // The results above come from the record; this list shows each answer as it was given,
  // safety questions first, with the questions' wording from the Questionnaire.
  const record = parseRecord(ctx.record);
  loadQuestionnaire(ctx.assets).then((q) => {
    const findings = q.item.find((g) => g.linkId === 'findings')?.item ?? [];
    const regions = q.item.find((g) => g.linkId === 'where')?.item ?? [];
    const textOf = (list, id) => list.find((i) => i.linkId === id)?.text ?? id;
    const kind = (id) => findings.find((i) => i.linkId === id)?.code?.[0]?.code;
    const ordered = [...record.findings].sort((a, b) => (kind(a.id) === 'red-flag' ? 0 : 1) - (kind(b.id) === 'red-flag' ? 0 : 1));
    answers.append(
      el('ul', {}, record.pain.map((p) => el('li', {}, `${w[p.side] ?? p.side}: ${textOf(regions, p.region)}`))),
      el('dl', { class: 'hc-shared-list' }, ordered.map((f) => [el('dt', {}, textOf(findings, f.id)), el('dd', {}, w[f.response] ?? f.response)])),
    );
  }, () => {
    answers.append(el('ul', {}, record.findings.map((f) => el('li', {}, `${f.id}: ${w[f.response] ?? f.response}`))));
  });
}

function displayDate(iso, node, forced) {
  const lang = forced ?? node.closest('[lang]')?.getAttribute('lang') ?? 'en';
  try {
    return new Date(`${iso}T12:00:00`).toLocaleDateString(lang, { day: 'numeric', month: 'long', year: 'numeric' });
  } catch {
    return iso;
  }
}

function ownView(slot, ctx, w, lang) {
  const doc = slot.ownerDocument;
  const status = el('p', { class: 'hc-handoff-status', role: 'status' });
  const say = (text) => {
    status.textContent = '';
    // A fresh text node, so the same message twice is announced twice.
    setTimeout(() => (status.textContent = text), 50);
  };
  const today = new Date();
  const date = localDate(today);
  const result = ctx.result;
  const actions = el('div', { class: 'hc-actions hc-actions-wrap' });
  const shareUrl = ctx.shareUrl ? safeShareUrl(ctx.shareUrl) : null;
  if (ctx.shareUrl && !shareUrl) {
    console.error(`HipCheck: share-url '${ctx.shareUrl}' refused: only https: and http: pages can open a share link.`);
  }
  const manual = el('div', { class: 'hc-share-manual' });
  if (shareUrl) {
    actions.append(el('button', {
      // hc-share: the clinic's "share" event (assets/runtime/events.mjs).
      type: 'button', class: 'hc-button hc-primary hc-share', onclick: async () => {
        manual.replaceChildren();
        try {
          const link = shareUrl + (await shareFragment(ctx.record, date));
          if (navigator.share && navigator.canShare?.({ url: link })) {
            try {
              await navigator.share({ title: 'HipCheck', url: link });
              return say(w.shared_sent);
            } catch (error) {
              if (error?.name === 'AbortError') return;
            }
          }
          try {
            await navigator.clipboard.writeText(link);
            say(w.shared_copied);
          } catch {
            const field = el('input', { type: 'text', readonly: true, value: link, class: 'hc-input', 'aria-label': w.share_manual });
            manual.append(el('label', {}, w.share_manual), field);
            field.focus();
            field.select();
          }
        } catch {
          say(w.failed);
        }
      },
    }, w.share));
  }
  actions.append(el('button', {
    type: 'button', class: 'hc-button', onclick: async () => {
      try {
        const q = await loadQuestionnaire(ctx.assets);
        // Read again: the sources may have arrived with the results text since.
        const response = questionnaireResponse(ctx.record, resultOf(slot.closest('.hc-results')) ?? ctx.result, q);
        response.authored = today.toISOString();
        const file = `hipcheck-${date}.fhir.json`;
        download(doc, file, 'application/fhir+json', `${JSON.stringify(response, null, 2)}\n`);
        say(fill(w.fhir_done, { file }));
      } catch {
        say(w.failed);
      }
    },
  }, w.fhir));
  if (result?.plan) {
    actions.append(el('button', {
      type: 'button', class: 'hc-button', onclick: () => {
        try {
          const file = `hipcheck-recheck-${date}.ics`;
          download(doc, file, 'text/calendar', reminderCalendar(today, REVIEW_WEEKS, undefined, w.calendar));
          say(fill(w.reminder_done, { file }));
        } catch {
          say(w.failed);
        }
      },
    }, w.reminder));
  }
  const section = el('section', { class: 'hc-section hc-handoff-section no-print', 'aria-labelledby': `${ctx.uid}-handoff` },
    el('h3', { id: `${ctx.uid}-handoff` }, w.heading),
    // One paragraph: what stays private, and when to check again.
    el('p', { class: 'hc-hint' }, w.privacy, result?.plan ? ` ${fill(w.reminder_hint, { weeks: `${REVIEW_WEEKS.slice(0, -1).join(', ')} ${w.and} ${REVIEW_WEEKS.at(-1)}` })}` : null),
    actions, manual, status);
  slot.append(section);
  historySection(slot, ctx, w, lang, say);
}

function historySection(slot, ctx, w, lang, say) {
  const storage = localStore();
  const entry = historyEntry(ctx.record, ctx.result);
  const box = el('section', { class: 'hc-section hc-history no-print', 'aria-labelledby': `${ctx.uid}-history` });
  slot.append(box);
  if (!storage || !entry) {
    box.append(el('h3', { id: `${ctx.uid}-history` }, w.history_heading), el('p', { role: 'status' }, w.storage_off));
    return;
  }
  const before = readHistory(storage);
  const previous = before.entries.filter((e) => !sameCheck(e, entry)).at(-1);
  let state = updateHistory(storage, addEntry(entry));
  // This page's own check, put back if another tab's write drops it.
  const own = new Map();
  const remember = () => {
    const kept = state.entries.find((e) => sameCheck(e, entry));
    own.clear();
    if (kept) own.set(kept.id, kept);
  };
  remember();
  guardHistory(storage, own, (next) => {
    state = { ...next, entries: next.entries ?? state.entries };
    draw();
  }, () => box.isConnected);
  const messages = [];
  if (before.problem === 'bad' && state.problem !== 'stuck') messages.push(w.storage_bad);
  if (state.problem === 'stuck') messages.push(fill(w.storage_stuck, { n: MAX_ASIDE }));
  if (before.problem === 'newer') messages.push(w.storage_newer);
  if (state.problem === 'off') messages.push(w.storage_off);
  if (state.problem === 'full') messages.push(w.storage_full);
  if (state.trimmed) messages.push(fill(w.storage_trimmed, { n: MAX_ENTRIES }));
  const mine = () => state.entries.find((e) => sameCheck(e, entry));

  const save = (field, value) => {
    state = updateHistory(storage, (entries) => entries.map((e) => (sameCheck(e, entry) ? { ...e, [field]: value } : e)));
    remember();
    const problem = { full: w.storage_full, off: w.storage_off, stuck: fill(w.storage_stuck, { n: MAX_ASIDE }) }[state.problem];
    if (problem) say(problem);
    draw();
  };
  const recheck = previous && mine() ? recheckQuestions(w, previous, mine(), save, slot, ctx.uid) : null;
  const body = el('div', { class: 'hc-history-body' });
  const draw = () => {
    body.replaceChildren(...historyView(w, lang, state.entries, {
      remove: (id) => {
        own.delete(id);
        state = updateHistory(storage, (entries) => entries.filter((e) => e.id !== id));
        draw();
        box.querySelector('h3')?.focus();
      },
      // Asked in place, not with a browser dialog (which a host page may block).
      removeAll: (row) => {
        const yes = el('button', {
          type: 'button', class: 'hc-button hc-primary', onclick: () => {
            own.clear();
            state = updateHistory(storage, () => []);
            // Everything HipCheck keeps: the saved answers too.
            try {
              storage.removeItem('hipcheck.answers');
              storage.removeItem('hipcheck.plan-phase');
              for (const key of asideKeys()) storage.removeItem(key);
            } catch {
              // Storage that cannot be written here kept nothing either.
            }
            draw();
            say(w.deleted_all);
            box.querySelector('h3')?.focus();
          },
        }, w.confirm_yes);
        const question = el('p', { tabindex: '-1' }, w.confirm_all);
        const keep = () => {
          draw();
          box.querySelector('[data-delete-all]')?.focus();
        };
        row.replaceChildren(question, yes, el('button', { type: 'button', class: 'hc-button', onclick: keep }, w.confirm_no));
        // The question first, so it is read before either answer.
        question.focus();
      },
      csv: () => {
        try {
          download(slot.ownerDocument, `hipcheck-checks-${localDate(new Date())}.csv`, 'text/csv', historyCsv(state.entries, lang));
        } catch {
          say(w.failed);
        }
      },
    }, readSessions(storage)));
  };
  // A guided session saved on this page (runSession) puts its point on the chart at once.
  slot.closest('.hc-results')?.addEventListener('hc-session-saved', () => box.isConnected && draw());
  box.append(...[
    el('h3', { id: `${ctx.uid}-history`, tabindex: '-1' }, w.history_heading),
    messages.length ? el('p', { class: 'hc-notice', role: 'status' }, messages.join(' ')) : null,
    recheck,
    body,
  ].filter(Boolean));
  draw();
  // Another tab added or deleted a check: show the stored history as it is now.
  globalThis.addEventListener?.('storage', (event) => {
    if (event.key !== HISTORY_KEY && event.key !== null) return;
    if (!slot.isConnected) return;
    state = { ...readHistory(storage), trimmed: false };
    draw();
  });
}

function recheckQuestions(w, previous, current, save, slot, uid) {
  const id = (name) => `${uid}-${name}`;
  const select = (name, label) => el('div', { class: 'hc-field' },
    el('label', { for: id(name) }, label),
    el('select', { id: id(name), class: 'hc-input', onchange: (e) => save(name, e.target.value === '' ? null : Number(e.target.value)) },
      el('option', { value: '' }, w.not_answered),
      Array.from({ length: 11 }, (_, v) => el('option', { value: String(v), selected: current[name] === v }, String(v)))));
  const change = el('fieldset', { class: 'hc-field' },
    el('legend', {}, w.change),
    CHANGES.map((c, i) => el('label', { class: 'hc-pill' },
      el('input', { type: 'radio', name: `${uid}-change`, value: c, checked: current.change === c, onchange: () => save('change', c) }),
      ` ${w.changes[i]}`)));
  return el('div', { class: 'hc-recheck-questions' },
    el('h4', {}, fill(w.recheck_heading, { date: displayDate(previous.date, slot) })),
    select('run_pain', w.run_pain), select('morning_pain', w.morning_pain), change);
}

function historyView(w, lang, entries, on, sessions = []) {
  if (!entries.length) return [];
  // A chart of one point is a dot that says nothing and costs a phone 300 px of the result
  // (issue 22): it comes with the second check or the first guided session; the sentence under
  // it says the same meanwhile.
  let figure = null;
  let legend = null;
  if (entries.length + sessions.length > 1) {
    const chart = chartSvg(entries, lang, sessions);
    const sessionsSaid = sessions.length ? ` ${fill(w.chart_sessions_said, { n: sessions.length, last: sessions.at(-1).during })}` : '';
    figure = el('figure', { class: 'hc-chart-figure', role: 'img', 'aria-label': `${w.chart_label}. ${trendText(entries, lang)}${sessionsSaid}` });
    figure.innerHTML = chart.svg;
    legend = el('div', { 'aria-hidden': 'true' });
    legend.innerHTML = chart.legend;
  }
  // One card per check, newest first: readable at 320 px, where a table of eight columns is not.
  const fact = (label, value) => [el('dt', {}, label), el('dd', {}, value === null || value === undefined ? '–' : String(value))];
  const cards = [...entries].reverse().map((e) => el('li', { class: 'hc-check-entry' },
    el('h4', {}, displayDate(e.date, document.documentElement, lang)),
    el('dl', {},
      fact(w.col_pain, e.pain_now === null ? null : `${e.pain_now}/10`),
      fact(w.col_level, w.level_names[levels().indexOf(e.level)]),
      fact(w.col_source, e.leading_name),
      fact(w.col_areas, e.areas.length),
      fact(w.col_run, e.run_pain === null ? null : `${e.run_pain}/10`),
      fact(w.col_morning, e.morning_pain === null ? null : `${e.morning_pain}/10`),
      fact(w.col_change, e.change ? w.changes[CHANGES.indexOf(e.change)] : null)),
    el('button', { type: 'button', class: 'hc-button hc-small', 'aria-label': fill(w.delete_check, { date: displayDate(e.date, document.documentElement, lang) }), onclick: () => on.remove(e.id) }, w.delete)));
  return [
    // It explains the chart, which comes with the second check.
    figure ? el('p', { class: 'hc-hint' }, w.history_intro) : null,
    ...(figure ? [figure, legend] : []),
    el('p', {}, trendText(entries, lang)),
    // With one check, the card repeats the result just above it: a tap away (issue 22).
    el('details', { class: 'hc-check-history', open: entries.length > 1 },
      el('summary', {}, `${w.table_label} (${entries.length})`),
      el('ol', { class: 'hc-check-list', 'aria-label': w.table_label }, cards)),
    el('div', { class: 'hc-actions hc-actions-wrap' },
      el('button', { type: 'button', class: 'hc-button', onclick: on.csv }, w.csv),
      el('button', { type: 'button', class: 'hc-button', 'data-delete-all': true, onclick: (e) => on.removeAll(e.currentTarget.parentElement) }, w.delete_all)),
  ].filter(Boolean);
}
