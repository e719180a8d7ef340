// Shared end-to-end plumbing: a static server for dist/ on 127.0.0.1 and Debian's chromium driven
// by playwright-core. Nothing here downloads a browser.
import http from 'node:http';
import fs from 'node:fs/promises';
import path from 'node:path';
import crypto from 'node:crypto';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import os from 'node:os';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { readFileSync, rmSync } from 'node:fs';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
// scripts/test.sh builds into its own folder (HIPCHECK_DIST), so `scripts/serve.sh` can keep
// serving dist/ at the same time.
export const DIST = process.env.HIPCHECK_DIST ? path.resolve(process.env.HIPCHECK_DIST) : path.join(ROOT, 'dist');
export const SCREENSHOTS = path.join(ROOT, 'tests', 'e2e', 'screenshots');

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves files on an ephemeral port of 127.0.0.1. `mounts` is a directory (served at /) or an
 * object mapping URL prefixes to directories ({ '/hipcheck/': DIST }); a mount may be changed
 * later through the returned `mounts` object (the update test swaps builds that way).
 * `headers` are added to every response. Like any static server it sends an ETag (a hash of the
 * file) and answers a matching If-None-Match with 304 and no body; with `production`, brotli
 * and a year's cache for content-hashed names, like a CDN. `log`, an array, gets one
 * { path, status, bytes } per response (bytes: the body as sent), a server log.
 */
export async function serveStatic(mounts = DIST, headers = {}, { production = false, log = null } = {}) {
  const table = typeof mounts === 'string' ? { '/': mounts } : { ...mounts };
  const brotliCache = new Map();
  const server = http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://127.0.0.1');
      const pathname = decodeURIComponent(url.pathname);
      const prefix = Object.keys(table)
        .filter((p) => pathname.startsWith(p))
        .sort((a, b) => b.length - a.length)[0];
      if (!prefix) throw new Error('no mount');
      const root = table[prefix];
      let file = path.normalize(path.join(root, pathname.slice(prefix.length)));
      if (!file.startsWith(root)) {
        res.writeHead(403).end();
        return;
      }
      const stat = await fs.stat(file).catch(() => null);
      if (stat?.isDirectory()) file = path.join(file, 'index.html');
      let body = await fs.readFile(file);
      const etag = `"${crypto.createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`;
      const extra = { etag };
      if (production) {
        // Like a CDN: brotli on the wire, and content-hashed files cached for a year.
        const hashed = /[-.][0-9a-f]{8,}(_bg)?\.|[-.][A-Za-z0-9_-]{8}\.(js|css)$/.test(path.basename(file));
        extra['cache-control'] = hashed ? 'public, max-age=31536000, immutable' : 'no-cache';
        if (/\bbr\b/.test(req.headers['accept-encoding'] ?? '') && /\.(html|js|mjs|css|wasm|svg|json|webmanifest|txt)$/.test(file)) {
          if (!brotliCache.has(file)) brotliCache.set(file, zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }));
          body = brotliCache.get(file);
          extra['content-encoding'] = 'br';
          extra.vary = 'accept-encoding';
        }
      }
      const unchanged = (req.headers['if-none-match'] ?? '').split(/\s*,\s*/).includes(etag);
      res.writeHead(unchanged ? 304 : 200, {
        'content-type': MIME[path.extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-cache',
        ...extra,
        ...headers,
      });
      res.end(unchanged ? undefined : body);
      log?.push({ path: pathname, status: unchanged ? 304 : 200, bytes: unchanged ? 0 : body.length });
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      log?.push({ path: req.url, status: 404, bytes: 0 });
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    mounts: table,
    close: () => new Promise((resolve) => { server.closeAllConnections?.(); server.close(resolve); }),
  };
}

export const EXAMPLES = path.join(ROOT, 'examples');

/** The strict policy of issue 5, as a header. */
export const STRICT_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'; worker-src 'self'; manifest-src 'self'";

/** Records CSP violations in the page (read them with `cspViolations(page)`). */
export async function recordCspViolations(context) {
  await context.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
    });
  });
}

export async function cspViolations(page) {
  return page.evaluate(() => window.__csp ?? ['recorder missing']);
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-quic',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}

/**
 * Opens a page that records console errors, uncaught exceptions, failed requests and every
 * request URL, so a test can assert that nothing went wrong and nothing left the origin.
 */
export async function watchedPage(context) {
  const page = await context.newPage();
  const problems = [];
  const requests = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`uncaught: ${err.message}`));
  // A page that navigates away (the English page sending a Spanish browser to es/) has the
  // browser cancel its own requests still in flight: ERR_ABORTED on a request of a document
  // the page has already left is not a failure anyone sees, so it is not counted (it made the
  // Spanish journey fail at random, issue 24). The browser asks for the favicon of a document
  // that has finished loading even while the next navigation is already under way (a reload
  // for a second share link), so a request cancelled before the next document has loaded is
  // left behind too (that made the share-link journey fail at random). Any other failure is.
  let documents = 0;
  let navigating = false;
  const documentOf = new WeakMap();
  page.on('request', (req) => {
    requests.push(req.url());
    documentOf.set(req, documents);
    if (req.isNavigationRequest() && req.frame() === page.mainFrame()) {
      documents += 1;
      navigating = true;
    }
  });
  page.on('domcontentloaded', () => { navigating = false; });
  page.on('requestfailed', (req) => {
    const error = req.failure()?.errorText;
    const leftBehind = !req.isNavigationRequest() && (documentOf.get(req) < documents || navigating);
    if (error === 'net::ERR_ABORTED' && leftBehind) return;
    problems.push(`request failed: ${req.url()} ${error}`);
  });
  page.on('response', (res) => {
    if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  return { page, problems, requests };
}

/** axe-core on the whole page: it must have run its rules and found no violation. */
export async function expectNoAxeViolations(page, where) {
  const results = await new AxeBuilder({ page }).analyze();
  assert.ok(results.passes.length > 10, `axe ran its rules on ${where}`);
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  assert.deepEqual(summary, [], `axe violations on ${where}`);
}

export async function screenshot(page, name) {
  await fs.mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/**
 * Lighthouse 12.2.3 (mobile defaults) against `url` with Debian's chromium; scores 0–100.
 * Asynchronous on purpose: the page is usually served by this same Node process.
 */
export async function runLighthouse(url, categories = ['performance', 'accessibility', 'best-practices']) {
  const out = path.join(os.tmpdir(), `lighthouse-${process.pid}-${Date.now()}.json`);
  await promisify(execFile)(path.join(ROOT, 'node_modules', '.bin', 'lighthouse'), [
    url,
    '--quiet',
    `--only-categories=${categories.join(',')}`,
    '--output=json',
    `--output-path=${out}`,
    '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking --disable-component-update',
  ], { env: { ...process.env, CHROME_PATH: '/usr/bin/chromium' }, maxBuffer: 64 * 1024 * 1024 });
  const report = JSON.parse(readFileSync(out, 'utf8'));
  rmSync(out, { force: true });
  const scores = Object.fromEntries(categories.map((c) => [c, Math.round(report.categories[c].score * 100)]));
  const failing = Object.values(report.audits)
    .filter((a) => a.score !== null && a.score < 1 && ['binary', 'numeric', 'metricSavings'].includes(a.scoreDisplayMode))
    .map((a) => `${a.id} (${a.displayValue ?? a.score})`);
  const audit = (id) => report.audits[id]?.numericValue;
  const metrics = {
    lcp: audit('largest-contentful-paint'),
    tbt: audit('total-blocking-time'),
    bytes: audit('total-byte-weight'),
    requests: (report.audits['network-requests']?.details?.items ?? []).map((r) => ({ url: r.url, transferSize: r.transferSize })),
  };
  return { scores, failing, metrics };
}

/**
 * Without an age, the safety screen first asks whether the check is for someone under 16, and
 * its buttons wait for the answer (CLINICAL.md rule 10). Answers "No".
 */
export async function notUnder16(scope) {
  await scope.getByRole('group', { name: /someone under 16/ }).getByRole('radio', { name: 'No', exact: true }).check();
}

/** The one-question screen's words in a language (`answerQuestions`' `words`). */
export const QUESTIONS_EN = { continue: 'Continue', none: 'None of these apply to me', ready: 'Your result is ready', loading: 'Loading the next question', no: 'No' };
export const QUESTIONS_ES = { continue: 'Continuar', none: 'No me ocurre nada de esto', ready: 'Su resultado está listo', loading: 'Cargando', no: 'No' };
/** The test language's (tests/e2e/pseudo.test.mjs): the English in brackets. */
export const QUESTIONS_XX = { continue: '[Continue]', none: '[None of these apply to me]', ready: '[Your result is ready]', loading: '[Loading', no: '[No]' };

/**
 * "About your pain" and the questions after it. From "about your pain" (`fromAboutPain`, the
 * default), the questions asked together there ("Do any of these apply to you?", issue 23) get
 * the answer of the first key each contains (left unticked when that is "No"), then its finish
 * button ("None of these apply to me", or "Continue" once something is ticked or when there is
 * nothing to tick); then the questions asked one at a time, each with the answer of the first
 * key it contains (default "No"), until the result is ready. Returns every question's text, in
 * the order asked; `onTap` is called after each tap, `onQuestion` with each one-per-screen
 * question.
 */
export async function answerQuestions(scope, answers = {}, { fromAboutPain = true, words = QUESTIONS_EN, onQuestion, onTap } = {}) {
  const tap = async (locator) => { await locator.click(); await onTap?.(); };
  const answerFor = (text) => Object.entries(answers).find(([key]) => text.includes(key))?.[1] ?? words.no;
  const asked = [];
  if (fromAboutPain) await answerTogether(scope, answerFor, words, asked, tap);
  const title = scope.locator('.hc-q-title');
  for (;;) {
    await title.waitFor();
    const text = (await title.textContent()).trim();
    if (text === words.ready) return asked;
    // A symptom question's wording comes with the after-Start text.
    if (text.startsWith(words.loading)) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      continue;
    }
    if (text.includes('could not load')) throw new Error(`the questions could not load (asked so far: ${asked.join(' | ')})`);
    asked.push(text);
    if (asked.length > 60) throw new Error(`the interview does not end: ${asked.join(' | ')}`);
    await onQuestion?.(text);
    await tap(scope.locator('.hc-answers').getByRole('button', { name: answerFor(text), exact: true }));
    for (let i = 0; i < 200 && (await title.textContent()).trim() === text; i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
}

/** "Do any of these apply to you?": a "yes" may bring a follow-up into the list, so it is read
 * again until nothing new appears. */
async function answerTogether(scope, answerFor, words, asked, tap) {
  // The list comes with the after-Start text, as "pain right now" does.
  await scope.locator('.hc-symptoms .hc-pain-now').waitFor();
  const list = scope.locator('.hc-symptoms .hc-group .hc-question');
  const seen = new Set();
  let ticked = false;
  for (let fresh = true; fresh;) {
    fresh = false;
    for (const question of await list.all()) {
      const text = (await question.locator('legend').textContent()).trim();
      if (seen.has(text)) continue;
      seen.add(text);
      fresh = true;
      asked.push(text);
      const answer = answerFor(text);
      if (answer === words.no) continue;
      // click, not check: each answer re-renders the screen.
      await tap(question.getByRole('radio', { name: answer, exact: true }));
      ticked = true;
    }
  }
  const finish = ticked || seen.size === 0 ? words.continue : words.none;
  await tap(scope.getByRole('button', { name: finish, exact: true }).last());
}

/**
 * Start → not under 16 → no red flags → right point of the hip → Continue: "about your pain",
 * the symptom step's first screen. `scope` is a page, frame or element.
 */
export async function walkToAboutPain(scope) {
  await scope.getByRole('button', { name: 'Start' }).click();
  await notUnder16(scope);
  await scope.getByRole('button', { name: 'None of these apply to me' }).first().click();
  await scope.getByRole('tab', { name: 'Side view' }).click();
  await scope.getByRole('button', { name: 'Right · point of the hip', exact: true }).click();
  await scope.getByRole('button', { name: 'Continue' }).click();
}

/**
 * Saves `record` as the widget's saved answers before the first page of `context` loads (once
 * per tab, so a reload sees what the widget saved since).
 */
export async function seedSavedAnswers(context, record) {
  await context.addInitScript((value) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('hipcheck.answers', value);
      sessionStorage.setItem('seeded', '1');
    }
  }, record);
}

/**
 * walkToAboutPain → "lying on the sore side hurts" → result: a self-care gluteal tendinopathy
 * with an exercise plan.
 */
export async function walkToResult(scope) {
  await walkToAboutPain(scope);
  await answerQuestions(scope, { 'lie on the sore side': 'Yes' });
  await scope.getByRole('button', { name: 'See my result' }).click();
  await scope.locator('.hc-banner').waitFor();
}
