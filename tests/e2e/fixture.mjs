// The shared setup of every end-to-end file: one static server and one Chromium for the file's
// tests. Apart from support.mjs because it registers node:test hooks, which the benchmark
// (also a support.mjs user) must not.
import { before, after } from 'node:test';
import { serveStatic, launchBrowser } from './support.mjs';

/**
 * Starts `serveStatic(...serveArgs)` and Chromium before this file's tests and stops both after.
 * The returned object's `site` and `browser` are set once they are up.
 */
export function siteAndBrowser(...serveArgs) {
  const env = { site: undefined, browser: undefined };
  before(async () => {
    env.site = await serveStatic(...serveArgs);
    env.browser = await launchBrowser();
  });
  after(async () => {
    await env.browser?.close();
    await env.site?.close();
  });
  return env;
}
