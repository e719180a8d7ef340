// Hand-off journeys (issue 13): share a check and open it elsewhere, a hostile link, the FHIR
// download checked by FHIR.js and against the command line, three checks and their chart, the
// calendar file read by ical.js, and "delete all". Every request stays on the widget's origin.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { deflateRawSync } from 'node:zlib';
import { Fhir } from 'fhir';
import ICAL from 'ical.js';
import { expectNoAxeViolations, ROOT, watchedPage, screenshot, walkToAboutPain, answerQuestions, seedSavedAnswers, walkToResult } from './support.mjs';
import { siteAndBrowser } from './fixture.mjs';
import { shareFragment } from '../../assets/handoff.mjs';

const env = siteAndBrowser();
const CLI = process.env.HIPCHECK_CLI ?? path.join(ROOT, 'target', 'debug', 'hipcheck');
const OWN_RECORD = 'hipcheck 1\nstep where\nrunner 1\nage 30\npain buttock left\n';

function sameOrigin(requests, where) {
  const foreign = requests.filter((url) => !url.startsWith(env.site.url) && !url.startsWith('blob:') && !url.startsWith('data:'));
  assert.deepEqual(foreign, [], `${where}: every request stays on the widget's origin`);
}

/** A check from Start (or from "Check again") to the result, with `pain` as pain now. */
async function check(page, pain, { again = false } = {}) {
  if (again) {
    await page.getByRole('button', { name: 'Check again' }).click();
    // Red flags are asked again (the area's come with the questions); the areas are kept, and
    // pain now is asked afresh.
    await page.getByRole('button', { name: 'None of these apply to me' }).first().click();
    await page.locator('.hc-step-heading', { hasText: 'About your pain' }).waitFor();
    assert.equal(await page.locator('.hc-pain-value').textContent(), 'not given yet');
  } else {
    await walkToAboutPain(page);
  }
  await page.getByLabel(/Pain right now/).fill(String(pain));
  await answerQuestions(page, { 'lie on the sore side': 'Yes' });
  await page.getByRole('button', { name: 'See my result' }).click();
  await page.locator('.hc-banner').waitFor();
  await page.locator('.hc-handoff-section').waitFor();
}

/** A saved record as contract Answers JSON (docs/contract.md), for `hipcheck fhir`. */
function recordToAnswers(record) {
  const answers = { contract: 1, pain: [], findings: {} };
  for (const line of record.trim().split('\n').slice(1)) {
    const [key, first, second] = line.split(' ');
    if (key === 'pain') answers.pain.push({ region: first, side: second });
    else if (key === 'finding') answers.findings[first] = second;
    else if (key === 'runner') answers.runner = first === '1';
    else if (['age', 'pain_now', 'duration_weeks'].includes(key)) answers[key] = Number(first);
    else if (key !== 'step') answers[key] = first;
  }
  return answers;
}

const canonical = (value) => JSON.stringify(value, (key, v) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]])) : v));

async function downloaded(page, buttonName) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: buttonName }).click()]);
  return { name: download.suggestedFilename(), text: await fs.readFile(await download.path(), 'utf8') };
}

for (const width of [360, 1280]) {
  test(`share a check, open the link in a fresh browser: the same result, read-only, own answers untouched (${width} px)`, async () => {
    const sender = await env.browser.newContext({ viewport: { width, height: 900 }, permissions: ['clipboard-read', 'clipboard-write'] });
    // No Web Share API on this desktop browser: the link goes to the clipboard.
    await sender.addInitScript(() => Object.defineProperty(navigator, 'share', { value: undefined }));
    const a = await watchedPage(sender);
    await a.page.goto(env.site.url);
    await check(a.page, 4);
    const headline = await a.page.locator('.hc-banner h3').textContent();
    const sources = await a.page.locator('.hc-source h4').allTextContents();
    await a.page.getByRole('button', { name: 'Share with my physio' }).click();
    await a.page.getByRole('status').filter({ hasText: 'Link copied' }).waitFor();
    const link = await a.page.evaluate(() => navigator.clipboard.readText());
    assert.match(link, new RegExp(`^${env.site.url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}#hipcheck=1\\.[A-Za-z0-9_-]+$`));

    const receiver = await env.browser.newContext({ viewport: { width, height: 900 } });
    await seedSavedAnswers(receiver, OWN_RECORD);
    const b = await watchedPage(receiver);
    await b.page.goto(link);
    const today = await b.page.evaluate(() => new Date().toLocaleDateString('en', { day: 'numeric', month: 'long', year: 'numeric' }));
    await b.page.locator('.hc-shared h2', { hasText: `Shared check from ${today}` }).waitFor();
    await b.page.screenshot({ path: path.join(ROOT, 'tests', 'e2e', 'screenshots', `handoff-shared-top-${width}.png`) });
    assert.equal(await b.page.locator('.hc-banner h3').textContent(), headline);
    assert.deepEqual(await b.page.locator('.hc-source h4').allTextContents(), sources);
    // Read-only: no way to change these answers, and no hand-off of someone else's check.
    assert.equal(await b.page.locator('.hc-change').count(), 0);
    assert.equal(await b.page.locator('.hc-handoff-section').count(), 0);
    // The safety answers as given then, with their questions.
    await b.page.getByText('The answers given then').click();
    const answersThen = await b.page.locator('.hc-shared-list').innerText();
    assert.match(answersThen, /numbness or tingling between your legs[^\n]*\nNo/);
    await expectNoAxeViolations(b.page, `shared check at ${width} px`);
    await screenshot(b.page, `handoff-shared-${width}`);
    // The visitor's own saved answers are still theirs.
    assert.equal(await b.page.evaluate(() => localStorage.getItem('hipcheck.answers')), OWN_RECORD);
    assert.equal(await b.page.evaluate(() => localStorage.getItem('hipcheck.history')), null);

    await b.page.getByRole('button', { name: 'Start my own check' }).first().click();
    await b.page.getByRole('heading', { name: /Welcome back/ }).waitFor();
    assert.equal(new URL(b.page.url()).hash, '');

    assert.deepEqual([...a.problems, ...b.problems], []);
    sameOrigin(a.requests, 'sender');
    sameOrigin(b.requests, 'receiver');
    await sender.close();
    await receiver.close();
  });
}

test('a damaged, future or hostile share link: a clear message, the normal start, nothing lost', async () => {
  const record = deflateRawSync(Buffer.from(`2026-12-01\n${OWN_RECORD.replace('step where', 'step results').replace('buttock', 'elbow')}`)).toString('base64url');
  const links = {
    damaged: '#hipcheck=1.AAAA!!',
    future: '#hipcheck=9.AAAA',
    truncated: '#hipcheck=1.PcxBDoMgEEbh_ZxiLkAip',
    'valid encoding, invalid record': `#hipcheck=1.${record}`,
    'script in the fragment': '#hipcheck=1.<img src=x onerror=alert(1)>',
  };
  for (const [name, fragment] of Object.entries(links)) {
    const context = await env.browser.newContext({ viewport: { width: 360, height: 800 } });
    await seedSavedAnswers(context, OWN_RECORD);
    const { page, problems, requests } = await watchedPage(context);
    page.on('dialog', (dialog) => problems.push(`dialog: ${dialog.message()}`));
    await page.goto(env.site.url + fragment);
    await page.getByRole('alert').filter({ hasText: 'This shared link could not be read' }).waitFor();
    await page.getByRole('heading', { name: /Welcome back/ }).waitFor();
    assert.equal(new URL(page.url()).hash, '', `${name}: the link is dropped so a reload starts normally`);
    assert.equal(await page.evaluate(() => localStorage.getItem('hipcheck.answers')), OWN_RECORD, `${name}: own answers kept`);
    if (name === 'damaged') await screenshot(page, 'handoff-refused-360');
    assert.deepEqual(problems, [], name);
    sameOrigin(requests, name);
    await context.close();
  }
});

test('the FHIR download is valid FHIR R4 and equals `hipcheck fhir` for the same answers', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const { page, problems, requests } = await watchedPage(context);
  await page.goto(env.site.url);
  await check(page, 6);
  const { name, text } = await downloaded(page, 'Download for my clinic (FHIR)');
  assert.match(name, /^hipcheck-\d{4}-\d{2}-\d{2}\.fhir\.json$/);
  const response = JSON.parse(text);
  const fhir = new Fhir();
  const validation = fhir.validate(response, { errorOnUnexpected: true });
  assert.deepEqual(validation.messages.filter((m) => m.severity === 'error'), []);
  assert.ok(validation.valid);
  assert.ok(Date.parse(response.authored));
  const record = await page.evaluate(() => localStorage.getItem('hipcheck.answers'));
  const cli = JSON.parse(execFileSync(CLI, ['fhir', '-'], { input: JSON.stringify(recordToAnswers(record)), encoding: 'utf8' }));
  delete response.authored;
  assert.equal(canonical(response), canonical(cli));
  assert.deepEqual(problems, []);
  sameOrigin(requests, 'FHIR download');
  await context.close();
});

for (const width of [360, 1280]) {
  test(`three checks over four weeks: re-check questions, the pain chart, CSV, calendar, delete all (${width} px)`, async () => {
    const context = await env.browser.newContext({ viewport: { width, height: 900 }, acceptDownloads: true });
    const { page, problems, requests } = await watchedPage(context);
    await page.clock.setFixedTime(new Date('2026-11-03T09:00:00'));
    await page.goto(env.site.url);
    await check(page, 6);
    assert.equal(await page.locator('.hc-recheck-questions').count(), 0, 'no re-check questions on a first check');
    assert.equal(await page.locator('.hc-history .hc-chart').count(), 0, 'no chart of a single check');

    await page.clock.setFixedTime(new Date('2026-11-17T09:00:00'));
    await check(page, 4, { again: true });
    const since = page.locator('.hc-recheck-questions');
    // Dates are written the browser's way for the widget's language.
    const nov3 = await page.evaluate(() => new Date('2026-11-03T12:00:00').toLocaleDateString('en', { day: 'numeric', month: 'long', year: 'numeric' }));
    await since.getByRole('heading', { name: `Since your last check on ${nov3}` }).waitFor();
    await since.getByLabel(/Pain during your last run/).selectOption('3');
    await since.getByLabel(/Pain the next morning/).selectOption('2');
    await since.getByRole('radio', { name: 'A little better' }).check();

    await page.clock.setFixedTime(new Date('2026-12-01T09:00:00'));
    await check(page, 2, { again: true });
    await since.getByLabel(/Pain during your last run/).selectOption('1');
    await since.getByRole('radio', { name: 'Much better' }).check();

    const history = page.locator('.hc-history');
    assert.equal(await history.locator('.hc-chart .hc-chart-mark').count(), 3);
    assert.equal(await history.getByRole('img').getAttribute('aria-label'), 'Pain now at each check, 0 to 10. Pain now went from 6 to 2 over 3 checks.');
    const cards = history.getByRole('list', { name: 'Your checks, newest first' }).getByRole('listitem');
    assert.equal(await cards.count(), 3);
    const card = async (i) => (await cards.nth(i).innerText()).replace(/\s+/g, ' ');
    const dec1 = await page.evaluate(() => new Date('2026-12-01T12:00:00').toLocaleDateString('en', { day: 'numeric', month: 'long', year: 'numeric' }));
    assert.match(await card(0), new RegExp(`^${dec1} Pain now 2/10 Level Self-care .* Run pain 1/10 Morning pain – Change Much better Delete$`));
    assert.match(await card(1), /Pain now 4\/10 .* Run pain 3\/10 Morning pain 2\/10 Change A little better/);
    await expectNoAxeViolations(page, `history at ${width} px`);
    await history.scrollIntoViewIfNeeded();
    await history.screenshot({ path: path.join(ROOT, 'tests', 'e2e', 'screenshots', `handoff-history-${width}.png`) });
    if (width === 360) await fs.copyFile(path.join(ROOT, 'tests', 'e2e', 'screenshots', 'handoff-history-360.png'), path.join(ROOT, 'docs', 'history.png')).catch(() => {});

    const csv = await downloaded(page, 'Export as CSV');
    assert.equal(csv.text.trim().split('\r\n').length, 4);
    assert.match(csv.text, /"2026-11-17","right side-hip"|"2026-11-17","side-hip right"/);

    const ics = await downloaded(page, 'Add a reminder to my calendar');
    assert.equal(ics.name, 'hipcheck-recheck-2026-12-01.ics');
    const events = new ICAL.Component(ICAL.parse(ics.text)).getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    assert.deepEqual(events.map((e) => [e.summary, e.startDate.toString()]), [['HipCheck re-check', '2026-12-15'], ['HipCheck re-check', '2027-01-12']]);

    await history.getByRole('button', { name: 'Delete all my checks' }).click();
    await history.getByRole('button', { name: 'Yes, delete all' }).click();
    await page.getByRole('status').filter({ hasText: 'All your checks and saved answers were deleted' }).waitFor();
    assert.deepEqual(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('hipcheck'))), []);
    assert.deepEqual(problems, []);
    sameOrigin(requests, 'history');
    await context.close();
  });
}

test('a damaged history is set aside with a message; the result and the new check are kept', async () => {
  for (const [name, stored] of [['not JSON', '{"schema":1,"entries":['], ['foreign', '{"todos":["milk"]}'], ['oversized', JSON.stringify({ schema: 1, entries: [], pad: 'x'.repeat(300 * 1024) })], ['old schema', '{"schema":0,"entries":[]}']]) {
    const context = await env.browser.newContext({ viewport: { width: 360, height: 900 } });
    await context.addInitScript((value) => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem('hipcheck.history', value);
        sessionStorage.setItem('seeded', '1');
      }
    }, stored);
    const { page, problems } = await watchedPage(context);
    await page.goto(env.site.url);
    await check(page, 5);
    await page.locator('.hc-history').getByText('Your earlier checks could not be read and were set aside.').waitFor();
    assert.equal(await page.locator('.hc-history .hc-check-entry').count(), 1, `${name}: this check is kept`);
    const history = JSON.parse(await page.evaluate(() => localStorage.getItem('hipcheck.history')));
    assert.equal(history.schema, 1, name);
    assert.equal(history.entries.length, 1, name);
    assert.deepEqual(problems, [], name);
    await context.close();
  }
});

test('an embedded widget shares only to the clinic page it names in share-url', async () => {
  // The standalone page shares links to itself; <hip-check> only with a valid share-url.
  for (const [attribute, expected] of [['', 0], [' share-url="javascript:alert(1)"', 0], [' share-url="https://clinic.example/hip-check"', 1]]) {
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const { page, problems } = await watchedPage(context);
    // A refused share-url is named in the console, like a refused booking-url.
    page.on('console', (m) => {
      if (m.type() === 'error' && m.text().includes("share-url 'javascript:alert(1)' refused")) problems.splice(problems.indexOf(`console error: ${m.text()}`), 1);
    });
    await page.route(`${env.site.url}embed-test.html`, (route) => route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="en"><title>Embed</title><script type="module" src="./embed.js"></script><hip-check loading="eager"${attribute}></hip-check>`,
    }));
    await page.goto(`${env.site.url}embed-test.html`);
    const widget = page.locator('hip-check');
    await widget.getByRole('button', { name: 'Start' }).waitFor();
    await walkToAboutPain(widget);
    await answerQuestions(widget, { 'lie on the sore side': 'Yes' });
    await widget.getByRole('button', { name: 'See my result' }).click();
    await widget.locator('.hc-handoff-section').waitFor();
    assert.equal(await widget.getByRole('button', { name: 'Share with my physio' }).count(), expected, attribute || 'no share-url');
    assert.deepEqual(problems, []);
    await context.close();
  }
});

const LOW = 'hipcheck 1\nstep results\nrunner 1\nage 40\npain side-hip right\nfinding pain-lying-on-side yes\nfinding fever no\n';
const URGENT = 'hipcheck 1\nstep results\nrunner 1\nage 40\npain side-hip right\nfinding pain-lying-on-side yes\nfinding fever yes\n';

// Issue 27, 1: the address is the truth. A second link pasted into the same tab (only the
// fragment changes, so the page does not reload by itself) shows the second check, and Back
// shows the first again; the visitor's own saved answers are untouched.
test('link A, then link B pasted into the same tab, then Back: each shows its own check', async () => {
  const context = await env.browser.newContext({ viewport: { width: 360, height: 800 } });
  await seedSavedAnswers(context, OWN_RECORD);
  const { page, problems } = await watchedPage(context);
  const banner = page.locator('.hc-banner h3');
  await page.goto(`${env.site.url}${await shareFragment(LOW, '2026-12-01')}`);
  await page.getByText('Shared check from').first().waitFor();
  assert.match(await banner.textContent(), /Safe to start on your own/);
  await page.evaluate((hash) => { location.hash = hash; }, await shareFragment(URGENT, '2026-12-01'));
  await page.waitForFunction(() => /Get seen today/.test(document.querySelector('.hc-banner h3')?.textContent ?? ''));
  await page.goBack();
  await page.waitForFunction(() => /Safe to start on your own/.test(document.querySelector('.hc-banner h3')?.textContent ?? ''));
  assert.equal(await page.evaluate(() => localStorage.getItem('hipcheck.answers')?.includes('pain buttock left') ?? null), true, 'own answers untouched');
  assert.deepEqual(problems, []);
  await context.close();
});

// Issue 27, 2: iframe.html opened on its own (not framed) ignores the clinic settings in its
// address, so nobody can lend an attacker's booking link or share page the clinic's origin.
test('iframe.html opened on its own ignores a booking link, clinic name and share page in its address', async () => {
  const context = await env.browser.newContext({ viewport: { width: 360, height: 800 } });
  const { page, problems } = await watchedPage(context);
  const query = new URLSearchParams({
    'clinic-name': 'Evil Clinic',
    'booking-url': 'https://evil.example/pay',
    'booking-label': 'Pay your deposit',
    'share-url': 'https://evil.example/s',
  });
  await page.goto(`${env.site.url}iframe.html?${query}`);
  await walkToResult(page);
  await page.locator('.hc-handoff').first().waitFor({ state: 'attached' });
  const text = await page.locator('body').innerText();
  assert.doesNotMatch(text, /Evil Clinic|Pay your deposit/);
  assert.equal(await page.locator('a[href^="https://evil.example"]').count(), 0);
  assert.equal(await page.getByRole('button', { name: 'Share with my physio' }).count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

// Issue 27, 4: two tabs saving at once. The second tab's write is made from a history read
// before the first tab's write (forced here: its reads of the history see nothing until it has
// written, as a read that raced the other tab's write would), so it drops the first tab's check;
// the first tab sees that write and puts its check back.
test('a tab whose write missed the other tab\'s check: the other tab puts it back, both kept', async () => {
  const context = await env.browser.newContext({ viewport: { width: 360, height: 800 } });
  const tabs = [await watchedPage(context), await watchedPage(context)];
  await tabs[1].page.addInitScript(() => {
    const { getItem, setItem } = Storage.prototype;
    let wrote = false;
    Storage.prototype.getItem = function (key) {
      return key === 'hipcheck.history' && !wrote ? null : getItem.call(this, key);
    };
    Storage.prototype.setItem = function (key, value) {
      if (key === 'hipcheck.history') wrote = true;
      return setItem.call(this, key, value);
    };
  });
  for (const { page } of tabs) {
    // The tab being used is the one in front: a tab behind has its timers throttled by the
    // browser, which made this test take a minute.
    await page.bringToFront();
    await page.goto(env.site.url);
    // The second tab finds the first one's saved answers: a check of its own.
    const fresh = page.getByRole('button', { name: 'Start over' });
    if (await fresh.count()) await fresh.click();
    await walkToAboutPain(page);
    await answerQuestions(page, { 'lie on the sore side': 'Yes' });
  }
  const entries = () => tabs[0].page.evaluate(() => JSON.parse(localStorage.getItem('hipcheck.history') ?? '{"entries":[]}').entries.length);
  await tabs[0].page.bringToFront();
  await tabs[0].page.getByRole('button', { name: 'See my result' }).click();
  await tabs[0].page.locator('.hc-history').waitFor();
  assert.equal(await entries(), 1);
  await tabs[1].page.bringToFront();
  await tabs[1].page.getByRole('button', { name: 'See my result' }).click();
  await tabs[1].page.locator('.hc-history').waitFor();
  for (let i = 0; i < 100 && (await entries()) < 2; i++) await tabs[0].page.waitForTimeout(20);
  assert.equal(await entries(), 2, 'both checks kept');
  for (const { problems } of tabs) assert.deepEqual(problems, []);
  await context.close();
});
