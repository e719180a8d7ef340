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
    const heading = page.getByRole('heading', { level: 1 });
    await heading.waitFor({ timeout: 15000 });
    assert.match(await heading.textContent(), /HipCheck/);
    // The heading only exists once the wasm module has run: the static HTML has an empty mount.
    assert.ok(requests.some((url) => url.endsWith('.wasm')), 'a .wasm file was loaded');
    await page.waitForLoadState('networkidle');
    await screenshot(page, `smoke-${width}`);
    assert.deepEqual(problems, []);
    const foreign = requests.filter((url) => !url.startsWith(env.site.url));
    assert.deepEqual(foreign, [], 'no request leaves the origin');
    await context.close();
  });
}
