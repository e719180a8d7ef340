// The hand-off module's pure parts (assets/handoff.mjs), without a browser: the share link and
// hostile fragments, the calendar file read back by a real iCalendar parser (ical.js), the
// history store against bad, old, foreign, oversized and full storage and two tabs, the CSV and
// the chart. Its FHIR output is checked against the command line's by scripts/fhir-check.mjs.
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import ICAL from 'ical.js';
import {
  shareFragment, readShare, safeShareUrl, reminderCalendar, historyEntry, readHistory, updateHistory,
  addEntry, historyCsv, trendText, chartSvg, HISTORY_KEY, HISTORY_ASIDE_KEY, MAX_ENTRIES, SHARE_PREFIX,
  parseRecord, asideKeys, MAX_ASIDE, keepOwn,
  playFigures,
  nextDose, sessionDose, sessionSteps, secondsLeft, readSessions, SESSIONS_KEY, soreLeg,
} from '../../assets/handoff.mjs';
import '../../scripts/use-build.mjs';

const RED_FLAGS = ['under-16', 'saddle-numbness', 'bladder-bowel-change', 'sexual-function-change', 'both-legs', 'leg-weakness', 'fever-unwell', 'fall-or-injury', 'cannot-bear-weight', 'night-pain', 'cancer-or-weight-loss', 'steroids-or-bone-risk'];
// A typical finished check: a dozen safety answers, a few symptom answers.
const RECORD = `hipcheck 1\nstep results\nrunner 1\nage 48\nsex female\npain side-hip left\n${RED_FLAGS.map((id) => `finding ${id} no\n`).join('')}finding pain-lying-on-side yes\nfinding pain-stairs yes\npain_now 5\nduration_weeks 9\nonset gradual\n`;
const RESULT = { level: 'self-care', headline: 'Safe to start on your own', howSoon: 'No appointment needed now', reasons: [], sources: [{ id: 'gluteal-tendinopathy', likelihood: 'likely', name: 'Sore tendons' }], plan: 'gluteal-tendinopathy' };

class MemoryStorage {
  constructor({ quota = Infinity, blocked = false } = {}) {
    this.items = new Map();
    this.quota = quota;
    this.blocked = blocked;
  }
  getItem(key) {
    if (this.blocked) throw new DOMException('blocked', 'SecurityError');
    return this.items.has(key) ? this.items.get(key) : null;
  }
  setItem(key, value) {
    if (this.blocked) throw new DOMException('blocked', 'SecurityError');
    if (value.length > this.quota) throw new DOMException('full', 'QuotaExceededError');
    this.items.set(key, String(value));
  }
  removeItem(key) {
    this.items.delete(key);
  }
}

const b64url = (bytes) => Buffer.from(bytes).toString('base64url');

test('a share link round-trips the record and the date, and is compact', async () => {
  const fragment = await shareFragment(RECORD, '2026-12-01');
  assert.match(fragment, /^#hipcheck=1\.[A-Za-z0-9_-]+$/);
  // Deflated: shorter than the record itself, about half of its plain base64.
  assert.ok(fragment.length < RECORD.length, `fragment ${fragment.length} chars for a ${RECORD.length}-byte record`);
  assert.deepEqual(await readShare(fragment), { record: RECORD, date: '2026-12-01' });
});

test('damaged, truncated, future-version and hostile fragments give an error, never a throw', async () => {
  const good = await shareFragment(RECORD, '2026-12-01');
  const bomb = `${SHARE_PREFIX}1.${b64url(deflateRawSync(Buffer.alloc(4 * 1024 * 1024, 'a')))}`;
  const cases = {
    empty: ['', 'damaged'],
    'other fragment': ['#results', 'damaged'],
    truncated: [good.slice(0, good.length - 12), 'damaged'],
    'changed byte': [good.slice(0, 20) + (good[20] === 'A' ? 'B' : 'A') + good.slice(21), 'damaged'],
    'not base64url': [`${SHARE_PREFIX}1.<script>alert(1)</script>`, 'damaged'],
    'future version': [good.replace('#hipcheck=1.', '#hipcheck=2.'), 'newer'],
    'version words': [good.replace('#hipcheck=1.', '#hipcheck=one.'), 'damaged'],
    'huge fragment': [`${SHARE_PREFIX}1.${'A'.repeat(20000)}`, 'damaged'],
    'inflates to 4 MB': [bomb, 'damaged'],
    'no date': [`${SHARE_PREFIX}1.${b64url(deflateRawSync(Buffer.from(RECORD)))}`, 'damaged'],
    'bad date': [`${SHARE_PREFIX}1.${b64url(deflateRawSync(Buffer.from(`2026-13-45\n${RECORD}`)))}`, 'damaged'],
    'future record schema': [`${SHARE_PREFIX}1.${b64url(deflateRawSync(Buffer.from(`2026-12-01\n${RECORD.replace('hipcheck 1', 'hipcheck 7')}`)))}`, 'newer'],
    'not a record': [`${SHARE_PREFIX}1.${b64url(deflateRawSync(Buffer.from('2026-12-01\n{"schema":1}')))}`, 'damaged'],
    'invalid UTF-8': [`${SHARE_PREFIX}1.${b64url(deflateRawSync(Buffer.from([0x32, 0x30, 0xff, 0xfe, 0x0a])))}`, 'damaged'],
  };
  for (const [name, [fragment, error]] of Object.entries(cases)) {
    assert.deepEqual(await readShare(fragment), { error }, name);
  }
  // Random junk after the prefix: always an answer, never a throw.
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let i = 0; i < 300; i++) {
    const junk = Array.from({ length: Math.floor(random() * 200) }, () => String.fromCharCode(32 + Math.floor(random() * 90))).join('');
    const read = await readShare(`${SHARE_PREFIX}${i % 2 ? '1.' : ''}${junk}`);
    assert.ok(read.error || read.record.startsWith('hipcheck 1\n'), junk);
  }
});

test('a share link is only made to an http(s) page, without any earlier fragment', () => {
  assert.equal(safeShareUrl('https://clinic.example/hip-check?x=1#old'), 'https://clinic.example/hip-check?x=1');
  for (const bad of ['javascript:alert(1)', 'data:text/html,hi', 'mailto:a@b.c', 'file:///etc/passwd', 'not a url', '', null]) {
    assert.equal(safeShareUrl(bad), null, String(bad));
  }
});

test('the reminder is valid iCalendar with the re-check dates and no answers', () => {
  const text = reminderCalendar(new Date(2026, 11, 1, 18, 30), [2, 6], (() => { let n = 0; return () => `id-${n++}`; })());
  assert.ok(text.split('\r\n').every((line) => line.length <= 75), 'RFC 5545 lines are at most 75 octets');
  assert.ok(text.endsWith('\r\n') && !/[^\r]\n/.test(text), 'CRLF line endings');
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
  assert.deepEqual(events.map((e) => e.startDate.toString()), ['2026-12-15', '2027-01-12']);
  assert.ok(events.every((e) => e.summary === 'HipCheck re-check' && e.startDate.isDate));
  assert.deepEqual(new Set(events.map((e) => e.uid)).size, 2);
  const alarms = calendar.getAllSubcomponents('vevent').flatMap((e) => e.getAllSubcomponents('valarm'));
  assert.equal(alarms.length, 2);
  // Nothing from the check: no area, no answer, no level.
  for (const word of ['pain', 'side-hip', 'gluteal', 'self-care', 'female', 'finding']) assert.ok(!text.toLowerCase().includes(word), word);
});

test('history: added once per check and day, bounded, and safe against bad storage', () => {
  const storage = new MemoryStorage();
  const day1 = new Date(2026, 10, 1, 9);
  const entry = historyEntry(RECORD, RESULT, day1);
  assert.equal(entry.pain_now, 5);
  assert.deepEqual(entry.areas, ['side-hip left']);
  assert.equal(entry.leading, 'gluteal-tendinopathy');
  updateHistory(storage, addEntry(entry));
  // The same check shown again the same day (a reload): one entry.
  updateHistory(storage, addEntry(historyEntry(RECORD, RESULT, new Date(2026, 10, 1, 10))));
  assert.equal(readHistory(storage).entries.length, 1);
  // Another day: a new entry.
  updateHistory(storage, addEntry(historyEntry(RECORD, RESULT, new Date(2026, 10, 15))));
  assert.equal(readHistory(storage).entries.length, 2);

  // Bounded: the oldest go first.
  const full = new MemoryStorage();
  let last;
  for (let i = 0; i < MAX_ENTRIES + 5; i++) last = updateHistory(full, addEntry(historyEntry(RECORD.replace('pain_now 5', `pain_now ${i % 11}`), RESULT, new Date(2026, 0, 1 + i))));
  assert.equal(last.entries.length, MAX_ENTRIES);
  assert.equal(last.trimmed, true);
  assert.equal(readHistory(full).entries[0].date, '2026-01-06');
});

test('history: bad, old, foreign and oversized records are set aside with a message, a newer one left alone', () => {
  const entry = historyEntry(RECORD, RESULT, new Date(2026, 10, 1));
  const stored = {
    'not JSON': '{"schema":1,"entries":[',
    'old schema': JSON.stringify({ schema: 0, entries: [entry] }),
    'foreign app': JSON.stringify({ todos: ['milk'] }),
    oversized: JSON.stringify({ schema: 1, entries: [entry], pad: 'x'.repeat(300 * 1024) }),
    'hostile entry': JSON.stringify({ schema: 1, entries: [{ ...entry, level: '<img src=x onerror=alert(1)>' }] }),
  };
  for (const [name, text] of Object.entries(stored)) {
    const storage = new MemoryStorage();
    storage.setItem(HISTORY_KEY, text);
    assert.equal(readHistory(storage).problem, 'bad', name);
    // Writing the current check still works and replaces what could not be read.
    const written = updateHistory(storage, addEntry(entry));
    assert.equal(written.entries.length, 1, name);
    assert.equal(readHistory(storage).problem, null, name);
  }
  // What could not be read is kept aside, not overwritten.
  const damaged = new MemoryStorage();
  damaged.setItem(HISTORY_KEY, '{"schema":1,"entries":[');
  updateHistory(damaged, addEntry(entry));
  assert.equal(damaged.getItem(HISTORY_ASIDE_KEY), '{"schema":1,"entries":[');
  // A newer HipCheck's history is left alone: nothing is written over it.
  const newer = new MemoryStorage();
  const theirs = JSON.stringify({ schema: 2, entries: [{ anything: true }] });
  newer.setItem(HISTORY_KEY, theirs);
  assert.equal(readHistory(newer).problem, 'newer');
  assert.equal(updateHistory(newer, addEntry(entry)).problem, 'newer');
  assert.equal(newer.getItem(HISTORY_KEY), theirs);
  // A date that only looks like one is refused (and does not break the chart).
  const odd = new MemoryStorage();
  odd.setItem(HISTORY_KEY, JSON.stringify({ schema: 1, entries: [entry, { ...entry, id: 'y', date: ['2026-11-02'] }, { ...entry, id: 'z', date: '2026-02-31' }] }));
  assert.deepEqual(readHistory(odd), { entries: [entry], problem: 'bad' });
  // One bad entry among good ones: the good ones are kept.
  const mixed = new MemoryStorage();
  mixed.setItem(HISTORY_KEY, JSON.stringify({ schema: 1, entries: [entry, { ...entry, id: 'x', pain_now: 42 }] }));
  assert.deepEqual(readHistory(mixed), { entries: [entry], problem: 'bad' });
});

test('history: full or blocked storage reports it and loses nothing already kept', () => {
  const storage = new MemoryStorage();
  const first = historyEntry(RECORD, RESULT, new Date(2026, 10, 1));
  updateHistory(storage, addEntry(first));
  storage.quota = 10;
  const full = updateHistory(storage, addEntry(historyEntry(RECORD, RESULT, new Date(2026, 10, 20))));
  assert.equal(full.problem, 'full');
  assert.deepEqual(readHistory(storage).entries, [first]);
  const blocked = new MemoryStorage({ blocked: true });
  assert.equal(readHistory(blocked).problem, 'off');
  assert.equal(updateHistory(blocked, addEntry(first)).problem, 'off');
});

test('history: two tabs writing at once keep both checks', () => {
  const shared = new MemoryStorage();
  // Each tab is a visit of its own.
  const tabA = historyEntry(RECORD, RESULT, new Date(2026, 10, 1), 'tab-a');
  const tabB = historyEntry(RECORD.replace('pain_now 5', 'pain_now 3'), RESULT, new Date(2026, 10, 1, 0, 5), 'tab-b');
  // Tab A read the history before tab B wrote; its write re-reads, so B's entry survives.
  const seenByA = readHistory(shared);
  updateHistory(shared, addEntry(tabB));
  updateHistory(shared, addEntry(tabA));
  assert.equal(seenByA.entries.length, 0);
  assert.deepEqual(readHistory(shared).entries.map((e) => e.pain_now).sort(), [3, 5]);
  // Deleting in one tab only deletes that entry.
  updateHistory(shared, (entries) => entries.filter((e) => e.id !== tabA.id));
  assert.deepEqual(readHistory(shared).entries.map((e) => e.pain_now), [3]);
});

test('CSV: one row per check, quoted, spreadsheet formulas defused', () => {
  const entry = { ...historyEntry(RECORD, RESULT, new Date(2026, 10, 1)), leading_name: '=HYPERLINK("http://evil")', change: 'better', run_pain: 2 };
  const csv = historyCsv([entry]);
  const [head, row] = csv.trim().split('\r\n');
  assert.equal(head, '"date","areas","pain_now","level","leading_source","plan","phase","run_pain","morning_pain","change"');
  assert.ok(row.startsWith('"2026-11-01","side-hip left","5","self-care","\'=HYPERLINK(""http://evil"")"'));
  assert.ok(row.endsWith('"2","","A little better"'));
});

test('the trend is described, never judged, and the chart reads without colour', () => {
  const entries = [5, 4, 2].map((pain, i) => historyEntry(RECORD.replace('pain_now 5', `pain_now ${pain}`), { ...RESULT, level: ['soon', 'self-care', 'self-care'][i] }, new Date(2026, 10, 1 + 14 * i)));
  const trend = trendText(entries);
  assert.equal(trend, 'Pain now went from 5 to 2 over 3 checks.');
  assert.doesNotMatch(trend, /better|worse|improv|good|bad/i);
  const { svg, legend } = chartSvg(entries);
  assert.equal((svg.match(/class="hc-chart-mark/g) ?? []).length, 3);
  // Two levels, two marker shapes, both named in the legend.
  assert.equal(new Set(svg.match(/d="M[^"]+" class="hc-chart-mark/g)).size, 2);
  assert.match(legend, /Self-care/);
  assert.match(legend, /See someone soon/);
  // Every check has its date on the axis.
  for (const label of ['01/11', '15/11', '29/11']) assert.ok(svg.includes(`>${label}<`), label);
});

// Issue 27, 5: the record reader follows src/record.rs (str::lines drops a CR before the LF).
// The same corpus tests/rust/records.rs gives src/record.rs's parse: one format, read alike.
test('every record of the shared corpus reads as written down (tests/data/records.json)', () => {
  const { cases } = JSON.parse(readFileSync(new URL('../data/records.json', import.meta.url), 'utf8'));
  assert.ok(cases.length >= 30);
  for (const { name, record, read } of cases) {
    assert.deepEqual(parseRecord(record), read, name);
  }
});

test('a record with CRLF line ends reads as the same record', () => {
  assert.deepEqual(parseRecord(RECORD.replace(/\n/g, '\r\n')), parseRecord(RECORD));
  assert.equal(parseRecord(RECORD.replace(/\n/g, '\r\n')).findings.at(-1).response, 'yes');
});

test('a share link dated outside 2025 to tomorrow is refused', async () => {
  const link = (date) => `${SHARE_PREFIX}1.${deflateRawSync(Buffer.from(`${date}\n${RECORD}`)).toString('base64url')}`;
  for (const date of ['9999-12-31', '2100-01-01', '0000-01-01', '2024-12-31']) {
    assert.deepEqual(await readShare(link(date)), { error: 'damaged' }, date);
  }
  const today = new Date().toISOString().slice(0, 10);
  assert.deepEqual(await readShare(link(today)), { record: RECORD, date: today });
});

test('CSV: a cell starting with a tab or CR is defused like a formula', () => {
  for (const lead of ['\t', '\r']) {
    const entry = { ...historyEntry(RECORD, RESULT, new Date(2026, 10, 1)), leading_name: `${lead}=1+1` };
    assert.match(historyCsv([entry]), new RegExp(`"'${lead === '\t' ? '\\t' : '\\r'}=1\\+1"`));
  }
});

// Issue 27, 3: a history too big or unreadable is kept aside, never deleted with its checks.
test('history: a large history keeps its valid checks and its text aside; unreadable ones take the next aside slot; with all taken nothing is replaced', () => {
  const entry = historyEntry(RECORD, RESULT, new Date(2026, 10, 1));
  const later = historyEntry(RECORD.replace('pain_now 5', 'pain_now 2'), RESULT, new Date(2026, 10, 20));
  // Over 256 KB but valid: its checks are kept, its text set aside.
  const large = new MemoryStorage();
  const big = JSON.stringify({ schema: 1, entries: [entry], pad: 'x'.repeat(300 * 1024) });
  large.setItem(HISTORY_KEY, big);
  assert.deepEqual(readHistory(large).entries, [entry]);
  const written = updateHistory(large, addEntry(later));
  assert.deepEqual(written.entries.map((e) => e.pain_now), [5, 2]);
  assert.equal(large.getItem(HISTORY_ASIDE_KEY), big);
  // A second, then a third unreadable history: each to a slot of its own.
  const storage = new MemoryStorage();
  for (let i = 1; i <= MAX_ASIDE; i++) {
    storage.setItem(HISTORY_KEY, `{"schema":1,"entries":[${i}`);
    assert.equal(updateHistory(storage, addEntry(entry)).problem, 'bad');
    assert.equal(storage.getItem(asideKeys()[i - 1]), `{"schema":1,"entries":[${i}`);
  }
  // All slots taken: the unreadable history stays exactly as it is, and the caller is told.
  storage.setItem(HISTORY_KEY, '{"schema":1,"entries":[4');
  assert.equal(updateHistory(storage, addEntry(entry)).problem, 'stuck');
  assert.equal(storage.getItem(HISTORY_KEY), '{"schema":1,"entries":[4');
});

// Issue 27, 4: a write from another tab that missed this page's check (both read before either
// wrote) is followed by this page putting its check back: 20 interleaved saves per tab keep 40.
test('history: two tabs that each miss the other\'s writes still keep every check', () => {
  const shared = new MemoryStorage();
  const ownA = new Map();
  const ownB = new Map();
  for (let i = 0; i < 20; i++) {
    const a = historyEntry(RECORD.replace('pain_now 5', `pain_now ${i % 11}`), RESULT, new Date(2026, 0, 1 + i), `a${i}`);
    const b = historyEntry(RECORD.replace('pain_now 5', `pain_now ${(i + 3) % 11}`), RESULT, new Date(2026, 1, 1 + i), `b${i}`);
    // Both tabs read, then both write: B's write is computed from the history before A's.
    const before = readHistory(shared).entries;
    updateHistory(shared, addEntry(a));
    ownA.set(a.id, a);
    shared.setItem(HISTORY_KEY, JSON.stringify({ schema: 1, entries: addEntry(b)(before.slice()) }));
    ownB.set(b.id, b);
    // The storage event reaches A, which puts its check back.
    keepOwn(shared, ownA);
    keepOwn(shared, ownB);
  }
  assert.equal(readHistory(shared).entries.length, 40);
  // Without putting them back, the race loses A's checks.
  const lossy = new MemoryStorage();
  for (let i = 0; i < 20; i++) {
    const before = readHistory(lossy).entries;
    updateHistory(lossy, addEntry(historyEntry(RECORD, RESULT, new Date(2026, 0, 1 + i), `a${i}`)));
    lossy.setItem(HISTORY_KEY, JSON.stringify({ schema: 1, entries: addEntry(historyEntry(RECORD, RESULT, new Date(2026, 1, 1 + i), `b${i}`))(before.slice()) }));
  }
  assert.ok(readHistory(lossy).entries.length < 40);
});

test('an exercise figure plays when most of it comes on screen, again when it comes back, and when tapped', () => {
  const classes = new Set(['hc-figure', 'hc-moves']);
  const figure = {
    classList: { add: (c) => classes.add(c), remove: (c) => classes.delete(c) },
    getBoundingClientRect: () => ({}),
  };
  const listeners = {};
  const root = { addEventListener: (type, f) => { listeners[type] = f; }, querySelectorAll: () => [figure] };
  let seen;
  const observed = [];
  class Observer {
    constructor(callback, options) {
      seen = callback;
      assert.equal(options.threshold, 0.6);
    }
    observe(element) { observed.push(element); }
  }
  const refresh = playFigures(root, Observer);
  refresh();
  refresh();
  assert.deepEqual(observed, [figure], 'each figure is watched once');
  assert.ok(!classes.has('hc-play'), 'nothing plays before it is on screen');
  seen([{ isIntersecting: true, target: figure }]);
  assert.ok(classes.has('hc-play'));
  seen([{ isIntersecting: false, target: figure }]);
  assert.ok(!classes.has('hc-play'), 'off screen it stops, to play again when it comes back');
  listeners.click({ target: { closest: (selector) => (selector === '.hc-moves' ? figure : null) } });
  assert.ok(classes.has('hc-play'), 'a tap plays it');
  // Without IntersectionObserver a tap still plays it.
  classes.delete('hc-play');
  playFigures(root, undefined)();
  listeners.click({ target: { closest: () => figure } });
  assert.ok(classes.has('hc-play'));
});

test('the guided session gives the shared cases the engine\'s advice (CLINICAL.md §5)', () => {
  const { cases } = JSON.parse(readFileSync(new URL('../data/next-dose.json', import.meta.url), 'utf8'));
  assert.ok(cases.length >= 10);
  for (const c of cases) {
    const sessions = c.sessions.map(([day, during, usual, next_morning, felt_easy]) => ({ day, during, usual, next_morning, felt_easy }));
    assert.equal(nextDose(c.pain_rule, sessions), c.next, c.name);
  }
});

test('a session dose reads as the build writes it, and becomes counted sets, timed holds and rests', () => {
  assert.deepEqual(sessionDose('3 6 0 1'), { sets: 3, reps: 6, hold: 0, eachSide: true });
  for (const bad of ['', '3 6 0', '3 x 0 0', '0 6 0 0', '3 0 0 0', '-1 6 0 0']) assert.equal(sessionDose(bad), null, bad);
  assert.deepEqual(sessionSteps({ sets: 2, reps: 8, hold: 0 }).map((s) => s.kind), ['reps', 'rest', 'reps']);
  const holds = sessionSteps({ sets: 1, reps: 3, hold: 45 });
  assert.deepEqual(holds.map((s) => `${s.kind}${s.seconds}`), ['hold45', 'rest30', 'hold45', 'rest30', 'hold45']);
  // Timers run from the clock: a tab throttled for 20 s still ends a 30 s hold on time.
  assert.equal(secondsLeft(1000, 30, 1000), 30);
  assert.equal(secondsLeft(1000, 30, 21000), 10);
  assert.equal(secondsLeft(1000, 30, 99000), 0);
});

test('the sessions kept on this device read back, and a damaged value reads as none', () => {
  const store = (value) => ({ getItem: (key) => (key === SESSIONS_KEY ? value : null) });
  assert.deepEqual(readSessions(store('[{"day":3,"during":2,"usual":1}]')), [{ day: 3, during: 2, usual: 1 }]);
  assert.deepEqual(readSessions(store('{not json')), []);
  assert.deepEqual(readSessions(store('{"day":3}')), []);
  assert.deepEqual(readSessions(store('[{"day":"3","during":2}]')), []);
});

test('the chart puts guided sessions on the checks\' time line, each a ring at its pain during', () => {
  const entries = [{ date: '2026-11-01', level: 'self-care', pain_now: 5 }, { date: '2026-11-29', level: 'self-care', pain_now: 2 }];
  const day = (iso) => Date.UTC(...iso.split('-').map((n, i) => Number(n) - (i === 1 ? 1 : 0))) / 86400000;
  const sessions = [{ day: day('2026-11-08'), during: 4 }, { day: day('2026-11-15'), during: 2 }];
  const { svg, legend } = chartSvg(entries, 'en', sessions);
  const rings = [...svg.matchAll(/<circle cx="([\d.]+)" cy="([\d.]+)"[^>]*class="hc-chart-session"/g)].map((m) => [Number(m[1]), Number(m[2])]);
  assert.equal(rings.length, 2);
  const marks = [...svg.matchAll(/translate\(([\d.]+) ([\d.]+)\)/g)].map((m) => Number(m[1]));
  // A week after the first check is a quarter of the way to the second (28 days).
  assert.ok(Math.abs((rings[0][0] - marks[0]) / (marks[1] - marks[0]) - 0.25) < 0.01, `${rings[0][0]} between ${marks}`);
  assert.ok(rings[0][1] < rings[1][1], 'more pain sits higher (4 above 2)');
  assert.match(legend, /Guided sessions: pain during/);
  assert.doesNotMatch(chartSvg(entries, 'en').legend, /Guided sessions/, 'no sessions, no legend line');
});

test('the figures\' coloured leg is named on the side tapped, when every area is on one side', () => {
  const w = { sore_leg: 'sore', sore_leg_left: 'left', sore_leg_right: 'right' };
  assert.equal(soreLeg([{ region: 'side-hip', side: 'left' }, { region: 'buttock', side: 'left' }], w), 'left');
  assert.equal(soreLeg([{ region: 'side-hip', side: 'right' }], w), 'right');
  assert.equal(soreLeg([{ region: 'side-hip', side: 'right' }, { region: 'buttock', side: 'left' }], w), 'sore');
  assert.equal(soreLeg([], w), 'sore');
});
