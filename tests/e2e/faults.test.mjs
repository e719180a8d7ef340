// Fault tests: bad saved state and a Rust panic never leave a blank widget or a broken host page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DIST, EXAMPLES, serveStatic, launchBrowser, watchedPage, screenshot } from './support.mjs';

let site;
let browser;

before(async () => {
  site = await serveStatic({ '/hipcheck/': DIST, '/examples/': EXAMPLES });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await site?.close();
});

const GOOD = 'hipcheck 1\nstep where\nrunner 1\nage 40\npain side-hip left\nfinding pain-lying-on-side yes\n';
const BAD_RECORDS = {
  empty: '',
  truncated: GOOD.slice(0, 25),
  'wrong version': GOOD.replace('hipcheck 1', 'hipcheck 7'),
  'wrong type': GOOD.replace('age 40', 'age forty'),
  'out of range': GOOD.replace('age 40', 'age 999'),
  'unknown region': GOOD.replace('side-hip', 'left-elbow'),
  'unknown finding': GOOD.replace('pain-lying-on-side', 'itchy-ears'),
  'unknown answer': GOOD.replace(' yes', ' perhaps'),
  'unknown key': `${GOOD}favourite colour\n`,
  huge: `${GOOD}${'x'.repeat(200_000)}`,
  'binary junk': '\u0000\u0001\u0002\ufffd\u00ff\u0007junk',
  'old JSON format': '{"schema":1,"step":"where","answers":{"contract":1,"pain":[]}}',
  'JSON null': 'null',
};

for (const [kind, record] of Object.entries(BAD_RECORDS)) {
  test(`saved state "${kind}" is discarded with a message, never a blank widget`, async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
    await context.addInitScript((value) => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem('hipcheck.answers', value);
        sessionStorage.setItem('seeded', '1');
      }
    }, record);
    const { page, problems } = await watchedPage(context);
    await page.goto(`${site.url}hipcheck/`);
    await page.getByRole('heading', { name: 'Check your hip pain in about two minutes' }).waitFor();
    assert.match(await page.getByRole('status').first().textContent(), /couldn't read the answers saved/);
    assert.equal(await page.evaluate(() => localStorage.getItem('hipcheck.answers')), null, 'the bad record is removed');
    await page.getByRole('button', { name: 'Start' }).click();
    await page.getByRole('heading', { name: /safety questions/ }).waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('a good saved record is offered back, with the red-flag questions asked again', async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
  await context.addInitScript((value) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('hipcheck.answers', value);
      sessionStorage.setItem('seeded', '1');
    }
  }, `${GOOD}finding saddle-numbness no\n`);
  const { page, problems } = await watchedPage(context);
  await page.goto(`${site.url}hipcheck/`);
  await page.getByRole('button', { name: 'Continue where I left off' }).click();
  // CLINICAL.md rule 1: red flags are asked again on every reassessment.
  await page.getByRole('heading', { name: /safety questions/ }).waitFor();
  const saddle = page.getByRole('group', { name: /numbness or tingling between your legs/ });
  assert.equal(await saddle.getByRole('radio', { checked: true }).count(), 0, 'the old red-flag answer is not reused');
  await page.getByRole('button', { name: 'None of these apply to me' }).first().click();
  assert.match(await page.locator('.hc-chips').textContent(), /Left · point of the hip/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a Rust panic shows "something went wrong" inside the widget and the host page keeps working', async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
  const { page } = await watchedPage(context);
  const uncaught = [];
  page.on('pageerror', (error) => uncaught.push(error.message));
  await page.goto(`${site.url}examples/crash.html`);
  await page.getByRole('heading', { name: 'Check your hip pain in about two minutes' }).waitFor();
  await page.getByRole('button', { name: 'Start' }).click();
  const alert = page.locator('hip-check').getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.textContent(), /Something went wrong/);
  assert.ok(await alert.getByRole('link', { name: 'Start again' }).isVisible());
  await screenshot(page, 'fault-crash-screen-360');
  // The host page is untouched and still responds.
  await page.locator('#host-counter').click();
  await page.locator('#host-counter').click();
  assert.equal(await page.locator('#host-count').textContent(), '2');
  assert.ok(await page.getByRole('heading', { name: /host page keeps working/ }).isVisible());
  assert.ok(uncaught.every((m) => /unreachable|RuntimeError/.test(m)), `only the widget's own abort: ${uncaught}`);
  await context.close();
});
