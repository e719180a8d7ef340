// The benchmark: HipCheck against a React 19 body-map peer (benches/browser/peer), measured in the same
// run on this machine, written to docs/performance.md. Run it with scripts/bench.sh.
//
//   1. first-load bytes (every file the page loads, plus its manifest and service worker):
//      raw, gzip-9 and brotli-11, and the HipCheck / peer ratio;
//   2. navigation → first control interactive, headless Chromium, 1× and 4× CPU slowdown
//      (DevTools Emulation.setCPUThrottlingRate), median of RUNS fresh loads each;
//   3. tap → highlight on the body map at 4× slowdown, p50 and p95 over TAPS taps: from the
//      click (the tap's release) to the DOM showing the new state, and to the first animation
//      frame after it; also from pointerdown, which adds the harness's press→release gap;
//   3b. HipCheck only: tap an answer → the next question on screen, at 4× slowdown (the
//      interview engine decides the next question on every answer);
//   4. Lighthouse 12.2.3 (mobile defaults): performance, accessibility, best practices;
//   5. the engine: criterion natively, and `assess` timed inside the browser.
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import zlib from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { ROOT, DIST, serveStatic, launchBrowser, runLighthouse, notUnder16, walkToAboutPain, walkToResult } from '../../tests/e2e/support.mjs';
import { writeBlogPages, measureBlog } from './blog.mjs';
import { median, percentile } from './stats.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 11);
// 150 taps: with fewer, one slow frame moves the p95 by several milliseconds on this VM.
const TAPS = Number(process.env.BENCH_TAPS ?? 150);
const PEER = path.join(ROOT, 'benches', 'browser', 'peer');
const PEER_DIST = path.join(PEER, 'dist');
const BENCH_DIST = path.join(ROOT, 'target', 'dist-bench');
const skipBuild = process.argv.includes('--no-build');

function run(command, args, options = {}) {
  console.error(`$ ${command} ${args.join(' ')}`);
  return execFileSync(command, args, { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', ...options });
}

if (!skipBuild) {
  run('trunk', ['build', '--offline', '--release'], { cwd: ROOT });
  // The same build plus the `benchAssess` export, which production builds leave out.
  run('trunk', ['build', '--offline', '--release', '--features', 'bench', '--dist', BENCH_DIST], { cwd: ROOT });
  run('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: PEER });
  run('npm', ['run', 'build'], { cwd: PEER });
}

/** Slows the page's CPU `rate` times (DevTools emulation). */
async function slowDown(context, page, rate) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
}

/** A fresh context (no cache, service workers blocked) and page, its CPU slowed `rate` times. */
async function freshPage(rate) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await slowDown(context, page, rate);
  return { context, page };
}
const brotli = (b) => zlib.brotliCompressSync(b, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const gzip = (b) => zlib.gzipSync(b, { level: 9 }).length;

const BLOG = path.join(ROOT, 'target', 'bench-blog');
writeBlogPages(BLOG, { peerDist: PEER_DIST });
// An earlier build to compare the time to the safety questions with (BENCH_BASELINE_DIST).
const BASELINE = process.env.BENCH_BASELINE_DIST ? path.resolve(process.env.BENCH_BASELINE_DIST) : null;
// The server's log of every response's body bytes (as sent: brotli), for the bytes per visit.
const serverLog = [];
const server = await serveStatic(
  { '/hipcheck/': DIST, '/peer/': PEER_DIST, '/hipcheck-bench/': BENCH_DIST, '/blog/': BLOG, ...(BASELINE ? { '/baseline/': BASELINE } : {}) },
  {},
  { production: true, log: serverLog },
);
const browser = await launchBrowser();

const APPS = {
  hipcheck: {
    name: 'HipCheck',
    url: `${server.url}hipcheck/`,
    dir: DIST,
    // The start screen is in the page; Start works (a press is kept) once the loader has armed it.
    firstControl: '#hipcheck[data-hc-armed] button[type=submit]',
    extra: ['manifest.webmanifest', 'sw.js'],
  },
  peer: {
    name: 'React peer',
    url: `${server.url}peer/`,
    dir: PEER_DIST,
    firstControl: '[data-bench="first-control"]',
    extra: [],
  },
};

// ---------------------------------------------------------------- 1. first-load bytes
/** One file's size raw, gzip-9 and brotli-11. */
function fileSizes(dir, name) {
  const body = fs.readFileSync(path.join(dir, name));
  return { name, raw: body.length, gzip: gzip(body), brotli: brotli(body) };
}

async function firstLoadBytes(app) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const files = new Set();
  page.on('requestfinished', (request) => {
    const url = new URL(request.url());
    if (url.origin === new URL(app.url).origin) files.add(decodeURIComponent(url.pathname));
  });
  await page.goto(app.url, { waitUntil: 'networkidle' });
  await page.waitForSelector(app.firstControl);
  await context.close();
  const prefix = new URL(app.url).pathname;
  const names = new Set([...files].map((p) => p.slice(prefix.length) || 'index.html'));
  for (const extra of app.extra) names.add(extra);
  const rows = [...names].sort().map((name) => fileSizes(app.dir, name));
  const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
  return { rows, total };
}

// ---------------------------------------------------------------- 1b. bytes per visit
// What goes over the wire, from the server's log (issue 24): (a) a first visit that stops at the
// start screen, (b) one that reaches a result (HipCheck: the result, and its service worker's
// precache; the peer: a tap on its map), (c) the second visit of (b)'s visitor. `unique` is each
// file the visit asked for, counted once: a visit that downloads nothing twice has wire = unique.
function tally(entries) {
  const bodies = entries.filter((e) => e.status === 200);
  const perPath = new Map();
  for (const e of bodies) perPath.set(e.path, Math.max(perPath.get(e.path) ?? 0, e.bytes));
  return {
    wire: bodies.reduce((sum, e) => sum + e.bytes, 0),
    unique: [...perPath.values()].reduce((sum, b) => sum + b, 0),
    wasm: bodies.filter((e) => e.path.endsWith('.wasm')).reduce((sum, e) => sum + e.bytes, 0),
    requests: entries.length,
  };
}

async function bytesPerVisit(app) {
  const visit = async (steps) => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    serverLog.splice(0);
    await page.goto(app.url, { waitUntil: 'networkidle' });
    await page.waitForSelector(app.firstControl);
    const measured = await steps(page);
    await context.close();
    return measured;
  };
  const settle = async (page) => {
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(1500);
  };
  const startOnly = await visit(async (page) => {
    await settle(page);
    return tally(serverLog.splice(0));
  });
  const [result, second] = await visit(async (page) => {
    if (app === APPS.hipcheck) {
      await walkToResult(page);
      await page.evaluate(() => navigator.serviceWorker.ready);
    } else {
      await page.locator(app.firstControl).click();
    }
    await settle(page);
    const first = tally(serverLog.splice(0));
    await page.reload({ waitUntil: 'networkidle' });
    await page.waitForSelector(app.firstControl);
    await settle(page);
    return [first, tally(serverLog.splice(0))];
  });
  return { startOnly, result, second };
}

// ---------------------------------------------------------------- 2. first control interactive
async function timeToFirstControl(app, cpuRate) {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const { context, page } = await freshPage(cpuRate);
    await page.addInitScript((selector) => {
      // The moment the control exists and is enabled, measured from navigation start.
      const check = () => {
        const el = document.querySelector(selector);
        if (el && !el.disabled && !window.__firstControl) window.__firstControl = performance.now();
      };
      new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true });
    }, app.firstControl);
    await page.goto(app.url);
    await page.waitForFunction(() => window.__firstControl !== undefined, null, { timeout: 60000 });
    times.push(await page.evaluate(() => window.__firstControl));
    await context.close();
  }
  return { median: median(times), runs: times.length };
}

// ---------------------------------------------------------------- 3. tap → highlight
// Both apps are open at once and the taps alternate between them (HipCheck, peer, peer,
// HipCheck, …), so a change in the machine's load during the run reaches both alike: measured
// one app after the other, the ratio swung by ±25 % between runs of the same builds (issue 24).
// Only the page being tapped is slowed 4×: an idle page under emulated slowdown still costs the
// machine CPU time, which raised every latency by about 3 ms with three pages open.

/** An app's page, ready on its body map, with the targets' centres and the latency recorder. */
async function openTapPage(app) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: false, serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(app.url);
  await page.waitForSelector(app.firstControl);
  let targets;
  let changed;
  if (app === APPS.hipcheck) {
    await page.getByRole('button', { name: 'Start' }).click();
    await notUnder16(page);
    await page.getByRole('button', { name: 'None of these apply to me' }).first().click();
    targets = page.locator('.hc-region');
    await targets.first().waitFor();
    changed = { selector: '.hc-map-svg', attribute: 'aria-pressed' };
  } else {
    // Only muscles whose bounding-box centre lies inside the shape, so every tap hits.
    await page.evaluate(() => {
      for (const polygon of document.querySelectorAll('svg.rbh polygon')) {
        const box = polygon.getBBox();
        const centre = new DOMPoint(box.x + box.width / 2, box.y + box.height / 2);
        if (polygon.isPointInFill(centre)) polygon.setAttribute('data-bench-target', '');
      }
    });
    targets = page.locator('svg.rbh polygon[data-bench-target]');
    changed = { selector: '[data-bench="selected-count"]', attribute: null };
  }
  await page.evaluate(({ selector, attribute }) => {
    window.__latencies = [];
    let down = null;
    let click = null;
    let handler = null;
    document.addEventListener('pointerdown', (e) => { down = e.timeStamp; }, true);
    document.addEventListener('click', (e) => { click = e.timeStamp; handler = performance.now(); }, true);
    const observer = new MutationObserver(() => {
      if (down === null || click === null) return;
      const [t0, t1, t2, dom] = [down, click, handler, performance.now()];
      down = click = null;
      requestAnimationFrame(() => {
        const frame = performance.now();
        window.__latencies.push({ tap: window.__tap, own: dom - t2, dom: dom - t1, frame: frame - t1, fromDown: frame - t0 });
      });
    });
    const target = document.querySelector(selector);
    observer.observe(target, attribute
      ? { subtree: true, attributes: true, attributeFilter: [attribute] }
      : { subtree: true, childList: true, characterData: true });
  }, changed);
  const centres = [];
  for (let i = 0; i < (await targets.count()); i++) {
    const box = await targets.nth(i).boundingBox();
    if (box) centres.push({ x: box.x + box.width / 2, y: box.y + box.height / 2 });
  }
  const cdp = await context.newCDPSession(page);
  return { context, page, centres, cdp, taps: 0 };
}

async function tapLatencies(apps) {
  const pages = [];
  for (const app of apps) pages.push(await openTapPage(app));
  for (let i = 0; i < TAPS; i++) {
    for (const tapPage of i % 2 ? [...pages].reverse() : pages) {
      const { page, centres, cdp } = tapPage;
      const { x, y } = centres[(i * 7) % centres.length];
      // Which round a latency belongs to, so a tap that timed out cannot shift the pairs.
      await page.evaluate((round) => { window.__tap = round; }, i);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      await page.mouse.click(x, y);
      tapPage.taps += 1;
      await page.waitForFunction((n) => window.__latencies.length >= n, tapPage.taps, { timeout: 10000 }).catch(() => {});
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    }
  }
  const all = [];
  for (const { context, page } of pages) {
    all.push(await page.evaluate(() => window.__latencies));
    await context.close();
  }
  return all.map((latencies, index) => {
    const of = (key) => latencies.map((l) => l[key]);
    // The tap-by-tap difference from the first app's tap of the same round, just before or
    // after it (same load).
    const firstByRound = new Map(all[0].map((l) => [l.tap, l.dom]));
    const paired = latencies.filter((l) => firstByRound.has(l.tap)).map((l) => l.dom - firstByRound.get(l.tap));
    return {
      taps: latencies.length,
      own: { p50: percentile(of('own'), 50), p95: percentile(of('own'), 95) },
      dom: { p50: percentile(of('dom'), 50), p95: percentile(of('dom'), 95) },
      p50: percentile(of('frame'), 50),
      p95: percentile(of('frame'), 95),
      fromDown: { p50: percentile(of('fromDown'), 50), p95: percentile(of('fromDown'), 95) },
      minusFirst: index === 0 ? null : { p50: percentile(paired, 50), pairs: paired.length },
    };
  });
}

// ---------------------------------------------------------------- 3b. answer → next question
// HipCheck only. Each round is a fresh visit walked to the first symptom question at 1×, then
// every answer ("No") until the result is ready is tapped at 4×: from the click to the next
// question's wording in the DOM, and to the first animation frame after it.
const QUESTION_ROUNDS = Number(process.env.BENCH_QUESTION_ROUNDS ?? 8);
async function nextQuestionLatency(app) {
  const latencies = [];
  for (let round = 0; round < QUESTION_ROUNDS; round++) {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(app.url);
    await walkToAboutPain(page);
    // "About your pain" ends with the questions asked together (issue 23): none of them apply.
    await page.getByRole('button', { name: /^(None of these apply to me|Continue)$/ }).first().click();
    await page.locator('.hc-answers').waitFor();
    await slowDown(context, page, 4);
    await page.evaluate(() => {
      window.__latencies = [];
      let click = null;
      document.addEventListener('click', (e) => { click = e.timeStamp; }, true);
      const step = document.querySelector('.hc-symptoms');
      new MutationObserver(() => {
        const title = document.querySelector('.hc-q-title')?.textContent;
        if (click === null || title === window.__title) return;
        window.__title = title;
        const [t1, dom] = [click, performance.now()];
        click = null;
        requestAnimationFrame(() => window.__latencies.push({ dom: dom - t1, frame: performance.now() - t1 }));
      }).observe(step, { subtree: true, childList: true, characterData: true });
      window.__title = document.querySelector('.hc-q-title')?.textContent;
    });
    for (let i = 0; i < 40; i++) {
      if ((await page.locator('.hc-q-title').textContent()).trim() === 'Your result is ready') break;
      await page.locator('.hc-answers').getByRole('button', { name: 'No', exact: true }).click();
      await page.waitForFunction((n) => window.__latencies.length >= n, i + 1, { timeout: 10000 });
    }
    latencies.push(...(await page.evaluate(() => window.__latencies)));
    await context.close();
  }
  const of = (key) => latencies.map((l) => l[key]);
  return {
    answers: latencies.length,
    dom: { p50: percentile(of('dom'), 50), p95: percentile(of('dom'), 95) },
    frame: { p50: percentile(of('frame'), 50), p95: percentile(of('frame'), 95) },
  };
}

// ---------------------------------------------------------------- 3c. Start pressed at once
// HipCheck only: navigation → the safety questions on screen, for a person who presses Start
// the moment it works (median of RUNS fresh loads), for this build and, with
// BENCH_BASELINE_DIST, an earlier one (whose Start appears only when the wasm has rendered it).
// Runs alternate between the builds, so that a slow spell of the machine hits both alike.
async function timeToSafety(targets, rate) {
  const times = targets.map(() => []);
  for (let i = 0; i < RUNS; i++) {
    for (const [t, { url, control }] of targets.entries()) {
      const { context, page } = await freshPage(rate);
      await page.goto(url);
      await page.locator(control).click();
      await page.locator('.hc-safety .hc-step-heading').waitFor();
      times[t].push(await page.evaluate(() => performance.now()));
      await context.close();
    }
  }
  return times.map(median);
}

// ---------------------------------------------------------------- 4. Lighthouse
async function lighthouse(app) {
  const { scores } = await runLighthouse(app.url);
  return { performance: scores.performance, accessibility: scores.accessibility, bestPractices: scores['best-practices'] };
}

// ---------------------------------------------------------------- 5. the engine
async function engineInBrowser() {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(APPS.hipcheck.url.replace('/hipcheck/', '/hipcheck-bench/'));
  await page.waitForSelector(APPS.hipcheck.firstControl);
  const bindings = await page.evaluate(() => [...document.querySelectorAll('link[rel=modulepreload]')].map((l) => l.href)[0]);
  const micros = await page.evaluate(async (href) => {
    const module = await import(href);
    module.benchAssess(2000); // warm-up
    const runs = [];
    for (let i = 0; i < 5; i++) runs.push(module.benchAssess(20000));
    runs.sort((a, b) => a - b);
    return runs[2];
  }, bindings);
  await context.close();
  return micros;
}

function engineNative() {
  const output = run('cargo', ['bench', '--bench', 'assess', '--', '--warm-up-time', '1', '--measurement-time', '5'], { cwd: ROOT });
  const match = output.match(/assess one vignette[^\n]*\n\s*time:\s*\[([\d.]+) (\S+) ([\d.]+) (\S+) ([\d.]+) (\S+)\]/);
  if (!match) throw new Error(`no criterion figure in:\n${output}`);
  const toMicros = (value, unit) => Number(value) * ({ ns: 0.001, 'µs': 1, us: 1, ms: 1000 }[unit] ?? NaN);
  return { low: toMicros(match[1], match[2]), median: toMicros(match[3], match[4]), high: toMicros(match[5], match[6]) };
}

const results = {};
for (const [key, app] of Object.entries(APPS)) {
  const step = async (name, measure) => {
    const t0 = Date.now();
    const value = await measure();
    console.error(`  ${app.name}: ${name} (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
    return value;
  };
  results[key] = {
    bytes: await step('first-load bytes', () => firstLoadBytes(app)),
    visits: await step('bytes per visit', () => bytesPerVisit(app)),
    interactive1x: await step('first control, 1×', () => timeToFirstControl(app, 1)),
    interactive4x: await step('first control, 4×', () => timeToFirstControl(app, 4)),
    lighthouse: await step('Lighthouse', () => lighthouse(app)),
  };
}
{
  const t0 = Date.now();
  [results.hipcheck.tap, results.peer.tap] = await tapLatencies([APPS.hipcheck, APPS.peer]);
  console.error(`  both: tap latency, alternating (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
}
const nextQuestion = await nextQuestionLatency(APPS.hipcheck);
console.error('  HipCheck: navigation → safety questions');
const safetyTargets = [
  { url: APPS.hipcheck.url, control: APPS.hipcheck.firstControl },
  ...(BASELINE ? [{ url: `${server.url}baseline/`, control: '#hipcheck button[type=submit]' }] : []),
];
const [now1x, before1x = null] = await timeToSafety(safetyTargets, 1);
const [now4x, before4x = null] = await timeToSafety(safetyTargets, 4);
const toSafety = { now1x, now4x, before1x, before4x };
console.error('  blog post: Lighthouse and readers');
const blog = await measureBlog({ baseUrl: server.url, browser, runLighthouse });
console.error('  HipCheck: answer → next question');
const browserAssess = await engineInBrowser();
await browser.close();
await server.close();
const native = engineNative();

// ---------------------------------------------------------------- report
const h = results.hipcheck;
const p = results.peer;
const kb = (n) => (n / 1024).toFixed(1);
const ratio = (a, b) => (a / b).toFixed(2);
const ms = (n) => n.toFixed(0);
const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
const chromium = run('/usr/bin/chromium', ['--version']).trim();
const bytesTable = (r) =>
  [
    '| file | raw B | gzip B | brotli B |',
    '|---|---:|---:|---:|',
    ...r.rows.map((x) => `| \`${x.name}\` | ${x.raw} | ${x.gzip} | ${x.brotli} |`),
    `| **total** | **${r.total.raw}** | **${r.total.gzip}** | **${r.total.brotli}** |`,
  ].join('\n');

/** The wasm's code and data sections, each compressed on its own: where the first load goes. */
function wasmSections(dir) {
  const name = fs.readdirSync(dir).find((f) => /_bg\.wasm$/.test(f));
  const bytes = fs.readFileSync(path.join(dir, name));
  const sections = { code: 0, data: 0 };
  const parts = { code: [], data: [] };
  let at = 8; // magic and version
  const leb = () => {
    let value = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = bytes[at++];
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
    }
  };
  while (at < bytes.length) {
    const id = bytes[at++];
    const size = leb();
    const kind = id === 10 ? 'code' : id === 11 ? 'data' : null;
    if (kind) parts[kind].push(bytes.subarray(at, at + size));
    at += size;
  }
  for (const kind of ['code', 'data']) {
    const body = Buffer.concat(parts[kind]);
    sections[kind] = { raw: body.length, brotli: brotli(body) };
  }
  return { name, total: { raw: bytes.length, brotli: brotli(bytes) }, ...sections };
}
const wasm = wasmSections(DIST);

const resultsTextFiles = fs
  .readdirSync(DIST)
  .filter((f) => /^texts-[0-9a-f]+\.txt$/.test(f))
  .map((name) => fileSizes(DIST, name));

// What the standalone page needs before its Start works: the page with its start screen, the
// stylesheets, and the loader that keeps a press (the wasm comes after).
const beforeControl = h.bytes.rows.filter((r) => /\.html$|\.css$|^app-[0-9a-f]+\.js$/.test(r.name));
const beforeControlBrotli = beforeControl.reduce((sum, r) => sum + r.brotli, 0);
const b = blog;
const points = (x, y) => `${x - y >= 0 ? '+' : ''}${x - y}`;
const msOr = (x) => (x === null ? '—' : `${ms(x)} ms`);
const report = `# Performance

Measured by \`scripts/bench.sh\` (benches/browser/run.mjs) on ${new Date().toISOString().slice(0, 10)}: both apps
built and measured in the same run, served from 127.0.0.1 with brotli and long cache headers
like a CDN would, in ${chromium} (headless). Machine: ${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}.
The peer is benches/browser/peer: React ${JSON.parse(fs.readFileSync(path.join(PEER, 'node_modules', 'react', 'package.json'))).version}, react-body-highlighter, Vite — a body map with four symptom
checkboxes and no reasoning.

## Summary

| measure | HipCheck | React peer | HipCheck / peer | goal |
|---|---:|---:|---:|---|
| first load, brotli | ${kb(h.bytes.total.brotli)} KB | ${kb(p.bytes.total.brotli)} KB | ${ratio(h.bytes.total.brotli, p.bytes.total.brotli)} | ≤ 120 KB and ≤ peer |
| first load, gzip | ${kb(h.bytes.total.gzip)} KB | ${kb(p.bytes.total.gzip)} KB | ${ratio(h.bytes.total.gzip, p.bytes.total.gzip)} | |
| first load, raw | ${kb(h.bytes.total.raw)} KB | ${kb(p.bytes.total.raw)} KB | ${ratio(h.bytes.total.raw, p.bytes.total.raw)} | |
| bytes needed before the first control works, brotli (${beforeControl.map((r) => r.name.replace(/-[0-9a-f]+\./, '-….')).join(', ')} / the peer's whole first load) | ${kb(beforeControlBrotli)} KB | ${kb(p.bytes.total.brotli)} KB | ${ratio(beforeControlBrotli, p.bytes.total.brotli)} | ≤ 0.25 |
| first control interactive, 1× CPU (median of ${h.interactive1x.runs}) | ${ms(h.interactive1x.median)} ms | ${ms(p.interactive1x.median)} ms | ${ratio(h.interactive1x.median, p.interactive1x.median)} | |
| first control interactive, 4× slowdown (median of ${h.interactive4x.runs}) | ${ms(h.interactive4x.median)} ms | ${ms(p.interactive4x.median)} ms | ${ratio(h.interactive4x.median, p.interactive4x.median)} | |
| the app's own work (click dispatched → DOM updated) p50 / p95, 4× slowdown | ${h.tap.own.p50.toFixed(1)} / ${h.tap.own.p95.toFixed(1)} ms | ${p.tap.own.p50.toFixed(1)} / ${p.tap.own.p95.toFixed(1)} ms | | |
| tap → highlight in the DOM p50, 4× slowdown (${h.tap.taps} / ${p.tap.taps} taps) | ${h.tap.dom.p50.toFixed(1)} ms | ${p.tap.dom.p50.toFixed(1)} ms | ${ratio(h.tap.dom.p50, p.tap.dom.p50)} | ≤ 1.00 |
| tap → highlight in the DOM, the peer's tap minus HipCheck's beside it (p50 of ${p.tap.minusFirst.pairs} pairs; above 0: HipCheck faster) | ${p.tap.minusFirst.p50.toFixed(1)} ms | | | ≥ 0 |
| tap → highlight in the DOM p95, 4× slowdown | ${h.tap.dom.p95.toFixed(1)} ms | ${p.tap.dom.p95.toFixed(1)} ms | ${ratio(h.tap.dom.p95, p.tap.dom.p95)} | |
| tap → next frame p50, 4× slowdown | ${h.tap.p50.toFixed(1)} ms | ${p.tap.p50.toFixed(1)} ms | ${ratio(h.tap.p50, p.tap.p50)} | |
| tap → next frame p95, 4× slowdown | ${h.tap.p95.toFixed(1)} ms | ${p.tap.p95.toFixed(1)} ms | ${ratio(h.tap.p95, p.tap.p95)} | ≤ 16 ms |
| pointerdown → next frame p50 / p95, 4× slowdown | ${h.tap.fromDown.p50.toFixed(1)} / ${h.tap.fromDown.p95.toFixed(1)} ms | ${p.tap.fromDown.p50.toFixed(1)} / ${p.tap.fromDown.p95.toFixed(1)} ms | | |
| navigation → safety questions, Start pressed as soon as it works, 1× / 4× (median of ${RUNS}) | ${ms(toSafety.now1x)} / ${ms(toSafety.now4x)} ms | — | | no worse than before: ${msOr(toSafety.before1x)} / ${msOr(toSafety.before4x)}${BASELINE ? '' : ' (not measured: set BENCH_BASELINE_DIST)'} |
| answer → next question in the DOM p50 / p95, 4× slowdown (${nextQuestion.answers} answers) | ${nextQuestion.dom.p50.toFixed(1)} / ${nextQuestion.dom.p95.toFixed(1)} ms | — | | |
| answer → next question, next frame p50 / p95, 4× slowdown | ${nextQuestion.frame.p50.toFixed(1)} / ${nextQuestion.frame.p95.toFixed(1)} ms | — | | ≤ 50 ms |
| Lighthouse performance (mobile) | ${h.lighthouse.performance} | ${p.lighthouse.performance} | | ≥ 98 |
| Lighthouse accessibility | ${h.lighthouse.accessibility} | ${p.lighthouse.accessibility} | | 100 (CI) |
| Lighthouse best practices | ${h.lighthouse.bestPractices} | ${p.lighthouse.bestPractices} | | |
| \`assess\` natively (criterion, median) | ${native.median.toFixed(2)} µs | — | | ≤ 20 µs |
| \`assess\` in the browser (wasm, median of 5 × 20 000) | ${browserAssess.toFixed(2)} µs | — | | |

## Bytes per visit

Everything the server sent (response bodies, brotli), from its own log: a first visit that stops
at the start screen; a first visit that reaches a result (HipCheck: the result and its service
worker's offline copy; the peer: a tap on its map); the second visit of that visitor. "Files
needed" counts each file the visit asked for once: a visit that downloads nothing twice sends
exactly that.

| visit | HipCheck sent | HipCheck files needed | sent / needed | HipCheck wasm | peer sent | goal |
|---|---:|---:|---:|---:|---:|---|
| (a) first visit, start screen only | ${kb(h.visits.startOnly.wire)} KB | ${kb(h.visits.startOnly.unique)} KB | ${ratio(h.visits.startOnly.wire, h.visits.startOnly.unique)} | ${kb(h.visits.startOnly.wasm)} KB | ${kb(p.visits.startOnly.wire)} KB | sent ≤ 1.05 × needed |
| (b) first visit to a result | ${kb(h.visits.result.wire)} KB | ${kb(h.visits.result.unique)} KB | ${ratio(h.visits.result.wire, h.visits.result.unique)} | ${kb(h.visits.result.wasm)} KB | ${kb(p.visits.result.wire)} KB | each file once |
| (c) second visit | ${kb(h.visits.second.wire)} KB (${h.visits.second.requests} requests) | — | — | ${kb(h.visits.second.wasm)} KB | ${kb(p.visits.second.wire)} KB (${p.visits.second.requests} requests) | 0 B of wasm |

## A clinic's blog post

benches/browser/blog.mjs writes a blog post (an 8-minute article with four photos of about 90 KB each)
three times: with HipCheck's \`<hip-check>\` after the article, with the React peer's script and
mount point in the same place, and with neither. Lighthouse 12.2.3 mobile, median of three runs
each, is the reader who never scrolls; a Playwright reader scrolls to the widget and starts it
(HipCheck: presses Start and waits for the safety questions; peer: waits for its first control).
Widget bytes are the transferred (brotli) bytes of the widget's own files.

| page | Lighthouse performance | LCP | TBT | page bytes | widget bytes, never scrolls (Lighthouse / Playwright) | widget bytes, scrolls and starts |
|---|---:|---:|---:|---:|---:|---:|
| no widget | ${b.none.performance} | ${ms(b.none.lcp)} ms | ${ms(b.none.tbt)} ms | ${kb(b.none.pageBytes)} KB | — | — |
| HipCheck | ${b.hipcheck.performance} (${points(b.hipcheck.performance, b.none.performance)}) | ${ms(b.hipcheck.lcp)} ms | ${ms(b.hipcheck.tbt)} ms (${points(Math.round(b.hipcheck.tbt), Math.round(b.none.tbt))}) | ${kb(b.hipcheck.pageBytes)} KB | ${kb(b.hipcheck.widgetBytes)} / ${kb(b.hipcheck.neverScrolledBytes)} KB | ${kb(b.hipcheck.scrolledBytes)} KB |
| React peer | ${b.peer.performance} (${points(b.peer.performance, b.none.performance)}) | ${ms(b.peer.lcp)} ms | ${ms(b.peer.tbt)} ms (${points(Math.round(b.peer.tbt), Math.round(b.none.tbt))}) | ${kb(b.peer.pageBytes)} KB | ${kb(b.peer.widgetBytes)} / ${kb(b.peer.neverScrolledBytes)} KB | ${kb(b.peer.scrolledBytes)} KB |

Goals (issue 15): a reader who never scrolls downloads ≤ 15 KB of HipCheck, and the post's
Lighthouse performance stays within 1 point of the post without a widget (TBT +0 ms).

## First-load files

HipCheck (standalone page):

${bytesTable(h.bytes)}

Not in the first load: the results text (exercise instructions, plans, condition summaries,
citations), which the widget fetches once the person presses Start:
${resultsTextFiles.map((f) => `\`${f.name}\` ${f.raw} B raw, ${f.gzip} B gzip, ${f.brotli} B brotli`).join('; ')}.

React peer:

${bytesTable(p.bytes)}

## Where HipCheck's bytes go

The wasm's sections compressed on their own (brotli): code ${kb(wasm.code.brotli)} KB
(${kb(wasm.code.raw)} KB raw), data ${kb(wasm.data.brotli)} KB (${kb(wasm.data.raw)} KB raw: the
compiled knowledge base, the interface wording, the diagram's outlines), of ${kb(wasm.total.brotli)} KB
for the whole file. By twiggy on 2026-11-26, the code is about a third Yew (virtual DOM, scheduler,
listeners), a third our views, and a third the standard library, the allocator and glue; the
engine is about 9 KB raw.

What was cut to get under the 120 KB budget (2026-11-26, first load 148.9 → 117.1 KB brotli),
each figure measured on its own change: results-only text to a file fetched after Start
(−14.8 KB); thirteen Yew components without their own state turned into plain view functions
(−7.2); \`str::to_lowercase\`'s Unicode tables (−5.0); the answers' \`BTreeMap\` (−3.1); Trunk's
HTML/CSS minification and terser on every script (−2.7); the talc allocator instead of dlmalloc
(−1.9); two-byte text handles (−0.4); \`benchAssess\` only in the benchmark's build (−0.4); one
shared list builder (−0.3). Added back: every plan line about getting seen or stopping compiled
in, so that it never waits for the download, with the fetch's timeout, the retry states and
their focus handling (+3.4).

## How each figure is taken

- **Bytes**: every same-origin file the page requested until the network was idle and the first
  control existed, plus the web app manifest and service worker; sizes from the files on disk,
  compressed here with gzip level 9 and brotli quality 11.
- **First control interactive**: a fresh browser context each run (no cache, service workers
  blocked); the time from navigation start until HipCheck's Start button works / the peer's
  first toggle exists and is enabled, from a MutationObserver installed before any page script.
  HipCheck's start screen is in the page's HTML; its Start works once the page loader has armed
  it (\`data-hc-armed\`: a press is then kept and honoured when the wasm arrives), which is the
  moment measured. Until 2026-12-01 the Start button appeared only when the wasm had rendered it.
- **Navigation → safety questions**: a fresh context each run; Start is clicked the moment it
  works, and the time is taken when the safety questions' heading is on screen. With
  \`BENCH_BASELINE_DIST\` (an earlier build), its runs alternate with this build's.
- **Tap → highlight**: real mouse clicks from the DevTools protocol on the diagram's regions
  (HipCheck) or the model's muscles (peer). Both apps are open at once and the taps alternate
  between them (HipCheck, peer, peer, HipCheck, …), each page slowed 4× only while it is
  tapped, so the machine's changing load reaches both alike (until 2026-12-05 each app was
  measured in turn, and the ratio swung by ±25 % between runs of the same builds). Both apps
  act on \`click\`, which fires when the finger lifts, so the latency runs from the
  \`click\` event's timestamp to the moment the
  pressed state (HipCheck \`aria-pressed\`) or the selected count (peer) changed in the DOM
  and to the first animation frame after that (what the eye can see). The app's own work is
  the part from the moment the browser dispatches the click to the DOM change; before it, the
  click waits in the browser's input queue.
  Frames come every 16.7 ms whatever the app does, so waiting for the next one alone has a
  p95 near 16 ms. The last row starts at \`pointerdown\` instead, which adds the time the
  harness holds the button down (several ms at 4× slowdown) and was this report's measure
  until 2026-11-26.
- **Answer → next question** (HipCheck only): ${QUESTION_ROUNDS} fresh visits, each walked at 1× to
  the first symptom question for a side-of-hip pain, then every "No" until the result is ready
  clicked at 4× slowdown; from the click's timestamp to the next question's wording in the DOM
  (the engine's interview runs on every answer) and to the first animation frame after it.
- **Lighthouse** 12.2.3 with its default mobile settings (simulated slow 4G, 4× CPU).
- **Engine**: \`cargo bench --bench assess\` (criterion, all ${fs.readdirSync(path.join(ROOT, 'tests', 'vignettes')).length} vignettes in turn), and the exported
  \`benchAssess\` running three typical answer sets inside the page.
`;
fs.writeFileSync(path.join(ROOT, 'docs', 'performance.md'), report);
console.log(report);
