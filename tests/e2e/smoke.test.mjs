import { test } from 'node:test';
import assert from 'node:assert/strict';
import { watchedPage, screenshot } from './support.mjs';
import { siteAndBrowser } from './fixture.mjs';

const env = siteAndBrowser();

for (const width of [360, 1280]) {
  test(`the built widget renders from wasm at ${width} px with no errors and no foreign requests`, async () => {
    const context = await env.browser.newContext({ viewport: { width, height: 800 } });
    const { page, problems, requests } = await watchedPage(context);
    await page.goto(env.site.url, { waitUntil: 'load' });
    // The start screen is in the page's HTML (issue 15), so it proves nothing about the wasm;
    // the safety questions exist only once the wasm module runs and takes the press of Start.
    await page.getByRole('button', { name: 'Start' }).click();
    await page.getByRole('heading', { name: /safety questions/ }).waitFor({ timeout: 15000 });
    assert.equal(await page.locator('[data-hc-app]').count(), 1, 'the app took over the mount');
    assert.match(await page.getByRole('heading', { level: 1 }).textContent(), /HipCheck/);
    assert.ok(requests.some((url) => url.endsWith('.wasm')), 'a .wasm file was loaded');
    await page.waitForLoadState('networkidle');
    await screenshot(page, `smoke-${width}`);
    assert.deepEqual(problems, []);
    const foreign = requests.filter((url) => !url.startsWith(env.site.url));
    assert.deepEqual(foreign, [], 'no request leaves the origin');
    await context.close();
  });
}
