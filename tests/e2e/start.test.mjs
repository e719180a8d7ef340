// The start screen before the wasm: it is in the page as plain HTML (made from the language's
// words by scripts/start-screen.mjs and put there by scripts/postbuild.mjs), works as a form
// before any wasm has arrived, and is the same markup the app renders. The embed and the iframe
// page load the wasm only when they come near the viewport.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DIST, EXAMPLES, watchedPage, screenshot, seedSavedAnswers } from './support.mjs';
import { siteAndBrowser } from './fixture.mjs';

const env = siteAndBrowser({ '/hipcheck/': DIST, '/examples/': EXAMPLES });
// Each built language, its folder in the build, and its demo clinic's name.
const LANGUAGES = [
  { lang: 'en', folder: '', clinic: 'Example Physio' },
  { lang: 'es', folder: 'es/', clinic: 'Fisioterapia de Ejemplo' },
];
const WASM = /hipcheck-web-[0-9a-f]+(_bg\.wasm|\.js)$/;

/**
 * The mount's markup with the form's state written as attributes (the app sets `value` and
 * `checked` as properties), and without the build label, which differs between builds.
 */
async function markup(scope) {
  return scope.evaluate((mount) => {
    const clone = mount.cloneNode(true);
    const live = mount.querySelectorAll('input');
    clone.querySelectorAll('input').forEach((input, i) => {
      const from = live[i];
      if (from.type === 'radio' || from.type === 'checkbox') {
        if (from.checked) input.setAttribute('checked', '');
        else input.removeAttribute('checked');
      } else {
        input.setAttribute('value', from.value);
      }
    });
    clone.querySelectorAll('.hc-build').forEach((b) => { b.textContent = ''; });
    return clone.innerHTML;
  });
}

/** Holds every request for the wasm and its bindings until `release()`. */
async function holdWasm(page) {
  let release;
  const released = new Promise((resolve) => { release = resolve; });
  const held = [];
  await page.route(WASM, async (route) => {
    held.push(route.request().url());
    await released;
    await route.continue();
  });
  return { release, held };
}

/** The standalone page with the wasm held back and its start screen armed; `record` is seeded as
 * saved answers first. */
async function standaloneHeld({ record, folder = '' } = {}) {
  const context = await env.browser.newContext({ viewport: { width: 360, height: 800 } });
  if (record) await seedSavedAnswers(context, record);
  const { page, problems } = await watchedPage(context);
  const wasm = await holdWasm(page);
  await page.goto(`${env.site.url}hipcheck/${folder}`);
  await page.locator('#hipcheck[data-hc-armed]').waitFor();
  return { context, page, problems, wasm };
}

for (const { lang, folder, clinic } of LANGUAGES) {
test(`the start screen in the page is the one the app renders (it cannot drift), ${lang}`, async () => {
  const { context, page, problems, wasm } = await standaloneHeld({ folder: `${folder}?lang=${lang}` });
  const mount = page.locator('#hipcheck');
  const before = await markup(mount);
  assert.ok(before.includes(`HipCheck · ${clinic}`), 'the clinic is named before the wasm too');
  await page.evaluate(() => {
    window.__shift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__shift += entry.value;
    }).observe({ type: 'layout-shift' });
  });
  wasm.release();
  await page.locator('#hipcheck[data-hc-app] .hc-start').waitFor();
  const after = await markup(page.locator('#hipcheck > div'));
  assert.equal(before, after, `the page's start screen (scripts/start-screen.mjs) differs from the app's (src/ui/steps/start.rs)`);
  // The app replaces the start screen in one step: nothing on the page moves.
  await page.waitForTimeout(200);
  assert.ok(await page.evaluate(() => window.__shift) < 0.001, `layout shift when the app took over: ${await page.evaluate(() => window.__shift)}`);
  assert.deepEqual(problems, []);
  await context.close();
});
}

test('before the wasm arrives the start screen works as a form, and a press of Start is kept and honoured', async () => {
  const { context, page, problems, wasm } = await standaloneHeld();
  assert.equal(await page.locator('#hipcheck[data-hc-app]').count(), 0, 'the wasm is held back');
  await page.getByLabel('Your age').fill('48');
  await page.getByRole('radio', { name: 'Female' }).check();
  await page.getByRole('radio', { name: 'No', exact: true }).check();
  const start = page.getByRole('button', { name: 'Start' });
  await start.click();
  // Never a dead button: it says so, and keeps the keyboard focus.
  await page.getByRole('button', { name: 'Loading…' }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Loading…');
  assert.ok(await page.locator('label.hc-choice.hc-checked', { hasText: 'Female' }).isVisible(), 'the chosen pill looks chosen');
  await screenshot(page, 'start-before-wasm-360');
  wasm.release();
  await page.locator('.hc-step-heading', { hasText: 'safety questions' }).waitFor();
  // What was typed and chosen reached the app: back on the start screen it is all there.
  await page.getByRole('button', { name: 'Back' }).last().click();
  await page.getByLabel('Your age').waitFor();
  assert.equal(await page.getByLabel('Your age').inputValue(), '48');
  assert.ok(await page.getByRole('radio', { name: 'Female' }).isChecked());
  assert.ok(await page.getByRole('radio', { name: 'No', exact: true }).isChecked());
  assert.deepEqual(problems, []);
  await context.close();
});

test('typing before the wasm arrives is kept, and focus stays in the field', async () => {
  const { context, page, problems, wasm } = await standaloneHeld();
  await page.getByLabel('Your age').fill('35');
  wasm.release();
  await page.locator('#hipcheck[data-hc-app]').waitFor();
  assert.equal(await page.getByLabel('Your age').inputValue(), '35');
  assert.equal(await page.evaluate(() => document.activeElement?.id), await page.getByLabel('Your age').getAttribute('id'));
  await page.keyboard.type('1');
  assert.equal(await page.getByLabel('Your age').inputValue(), '351');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a <hip-check> far down a long page loads its wasm only when scrolled near, and loading="eager" opts out', async () => {
  const context = await env.browser.newContext({ viewport: { width: 390, height: 800 } });
  const { page, problems, requests } = await watchedPage(context);
  await page.goto(`${env.site.url}examples/long-post.html`);
  const lazy = page.locator('hip-check#below');
  await lazy.locator('.hc-start').waitFor({ state: 'attached' });
  await page.waitForTimeout(500);
  const wasmRequests = () => requests.filter((url) => WASM.test(url));
  assert.deepEqual(wasmRequests(), [], 'nothing of the wasm before the reader scrolls');
  assert.ok(await lazy.getByRole('button', { name: 'Start' }).count(), 'the start screen is there already');
  await lazy.scrollIntoViewIfNeeded();
  await lazy.locator('[data-hc-app]').waitFor();
  assert.equal(wasmRequests().length, 2, `the bindings and the wasm, once: ${wasmRequests()}`);
  assert.deepEqual(problems, []);

  const eager = await context.newPage();
  const eagerRequests = [];
  eager.on('request', (r) => eagerRequests.push(r.url()));
  await eager.goto(`${env.site.url}examples/long-post.html?eager`);
  await eager.locator('hip-check#below[loading=eager] [data-hc-app]').waitFor();
  assert.ok(eagerRequests.some((url) => /_bg\.wasm$/.test(url)), 'loading="eager" loads at once');
  await context.close();
});

test('an iframe far down a long page loads the wasm only when scrolled near', async () => {
  const context = await env.browser.newContext({ viewport: { width: 390, height: 800 } });
  const { page, problems } = await watchedPage(context);
  const frameRequests = [];
  page.on('request', (r) => frameRequests.push(r.url()));
  await page.goto(`${env.site.url}examples/long-post.html?iframe`);
  const frame = page.frameLocator('#below-frame');
  await frame.locator('#hipcheck[data-hc-armed]').waitFor();
  await page.waitForTimeout(500);
  assert.deepEqual(frameRequests.filter((url) => WASM.test(url)), [], 'nothing of the wasm before the reader scrolls');
  await page.locator('#below-frame').scrollIntoViewIfNeeded();
  await frame.locator('#hipcheck[data-hc-app]').waitFor();
  assert.ok(frameRequests.some((url) => /_bg\.wasm$/.test(url)));
  assert.deepEqual(problems, []);
  await context.close();
});

test('a press of Start before the wasm waits when the app offers a saved visit back (nothing is overwritten)', async () => {
  const record = 'hipcheck 1\nstep where\nrunner 1\nage 40\npain side-hip left\nfinding pain-lying-on-side yes\n';
  const { context, page, problems, wasm } = await standaloneHeld({ record });
  await page.getByRole('button', { name: 'Start' }).click();
  wasm.release();
  await page.locator('#hipcheck[data-hc-app]').waitFor();
  const resume = page.getByRole('button', { name: 'Continue where I left off' });
  await resume.waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Continue where I left off');
  assert.equal(await page.locator('.hc-start').count(), 1, 'still on the start screen');
  assert.equal(await page.evaluate(() => localStorage.getItem('hipcheck.answers')), record, 'the saved visit is kept');
  assert.deepEqual(problems, []);
  await context.close();
});

test('two <hip-check> on a page: each keeps what was chosen in it before the wasm arrived', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const { page, problems } = await watchedPage(context);
  const wasm = await holdWasm(page);
  await page.goto(`${env.site.url}examples/element.html`);
  const second = page.locator('#second');
  await second.locator('[data-hc-armed]').waitFor();
  await second.getByLabel('Your age').fill('29');
  await second.getByRole('radio', { name: 'Male', exact: true }).check();
  await second.getByRole('radio', { name: 'No', exact: true }).check();
  wasm.release();
  await second.locator('[data-hc-app]').waitFor();
  assert.equal(await second.getByLabel('Your age').inputValue(), '29');
  assert.ok(await second.getByRole('radio', { name: 'Male', exact: true }).isChecked());
  assert.ok(await second.getByRole('radio', { name: 'No', exact: true }).isChecked());
  assert.deepEqual(problems, []);
  await context.close();
});

test('an invalid age typed before the wasm keeps the person on the start screen with the app\'s message', async () => {
  const { context, page, problems, wasm } = await standaloneHeld();
  await page.getByLabel('Your age').fill('155');
  await page.getByRole('button', { name: 'Start' }).click();
  wasm.release();
  await page.locator('#hipcheck[data-hc-app]').waitFor();
  await page.locator('.hc-error').waitFor();
  assert.equal(await page.locator('.hc-start').count(), 1, 'still on the start screen');
  assert.equal(await page.getByLabel('Your age').getAttribute('aria-invalid'), 'true');
  assert.deepEqual(problems, []);
  await context.close();
});
