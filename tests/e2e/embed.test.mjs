// Embedding, offline, privacy and CSP, in real Chromium. The build is served at /hipcheck/ and
// the host pages of examples/ at /examples/, so everything is found relative to embed.js.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import {
  DIST,
  EXAMPLES,
  ROOT,
  STRICT_CSP,
  serveStatic,
  watchedPage,
  screenshot,
  recordCspViolations,
  cspViolations,
  walkToResult,
  expectNoAxeViolations,
  notUnder16,
  answerQuestions,
} from './support.mjs';
import { siteAndBrowser } from './fixture.mjs';

const UPDATE_BUILD = path.join(ROOT, 'target', 'dist-update');

// strict CSP on every response, like a careful clinic's site
const env = siteAndBrowser({ '/hipcheck/': DIST, '/examples/': EXAMPLES }, { 'content-security-policy': STRICT_CSP });

async function freshPage(width = 1280) {
  const context = await env.browser.newContext({ viewport: { width, height: 900 } });
  await recordCspViolations(context);
  const watched = await watchedPage(context);
  const messages = [];
  watched.page.on('console', (msg) => messages.push({ type: msg.type(), text: msg.text() }));
  return { context, messages, ...watched };
}

test('<hip-check>: hostile host CSS cannot reach in, widget CSS cannot leak out, two widgets coexist', async () => {
  const { context, page, problems, requests } = await freshPage();
  await page.goto(`${env.site.url}examples/element.html`);
  const first = page.locator('#first');
  const second = page.locator('#second');
  await first.getByRole('heading', { name: 'Check your hip pain in about 5½ minutes' }).waitFor();
  await second.getByRole('heading', { name: 'Check your hip pain in about 5½ minutes' }).waitFor();
  // Both are near the top of the page: the app takes over each start screen at once.
  await first.locator('[data-hc-app]').waitFor();
  await second.locator('[data-hc-app]').waitFor();

  // The hostile CSS is live on the host page...
  assert.equal(await page.locator('#host-button').isVisible(), false);
  // ...but not inside the widget.
  const start = first.getByRole('button', { name: 'Start' });
  assert.ok(await start.isVisible(), 'widget buttons survive button{display:none!important}');
  const font = await first.locator('.hc-step-heading').evaluate((el) => getComputedStyle(el).fontFamily);
  assert.doesNotMatch(font, /Comic Sans/);
  // The widget's .hc-button rules do not style the host paragraph that shares the class name.
  const hostParagraph = await page.locator('#host-paragraph').evaluate((el) => getComputedStyle(el).borderRadius);
  assert.equal(hostParagraph, '0px');
  // accent="#8a1c7c" themes the first widget only.
  const bg = (el) => getComputedStyle(el).backgroundColor;
  assert.equal(await start.evaluate(bg), 'rgb(138, 28, 124)');
  assert.notEqual(await second.getByRole('button', { name: 'Start' }).evaluate(bg), 'rgb(138, 28, 124)');
  assert.match(await first.locator('.hc-brand').textContent(), /Example Physio/);
  assert.match(await second.locator('.hc-brand').textContent(), /Second Clinic/);

  // Using one widget leaves the other where it was.
  await walkToResult(first);
  // The results text is found beside embed.js, not beside the host page.
  await first.locator('.hc-exercise').first().waitFor();
  assert.ok(await first.locator('.hc-map-svg').count() === 0);
  assert.equal(await second.locator('.hc-step-heading').textContent(), 'Check your hip pain in about 5½ minutes');
  assert.equal(await first.getByRole('link', { name: 'Book your free call' }).getAttribute('href'), 'https://clinic.example/book');
  await screenshot(page, 'embed-element-1280');

  const axe = await new AxeBuilder({ page }).include('#first').analyze();
  assert.deepEqual(axe.violations.map((v) => v.id), []);
  assert.deepEqual(problems, []);
  assert.deepEqual(await cspViolations(page), []);
  assert.deepEqual(requests.filter((u) => !u.startsWith(env.site.url)), []);
  await context.close();
});

test('<hip-check>: invalid attributes are refused with a message naming them, and the widget still works', async () => {
  const { context, page, messages } = await freshPage(360);
  await page.goto(`${env.site.url}examples/bad-attributes.html`);
  // The attributes are read when the app takes over from the start screen in the page.
  await page.locator('[data-hc-app]').waitFor();
  const errors = messages.filter((m) => m.type === 'error').map((m) => m.text);
  const warnings = messages.filter((m) => m.type === 'warning').map((m) => m.text);
  assert.ok(errors.some((t) => t.includes('booking-url') && t.includes('javascript:')), `errors: ${errors}`);
  assert.ok(warnings.some((t) => t.includes('lang') && t.includes('xx-YY')), `warnings: ${warnings}`);
  assert.ok(warnings.some((t) => t.includes('accent') && t.includes('not-a-colour')), `warnings: ${warnings}`);
  await walkToResult(page);
  assert.equal(await page.getByRole('link', { name: /Book/ }).count(), 0, 'no booking link from a refused URL');
  assert.equal(await page.locator('a[href^="javascript:"]').count(), 0);
  await context.close();
});

test('iframe embed: sizes itself by postMessage (height only) and is configured from its URL', async () => {
  const { context, page, problems } = await freshPage(360);
  await page.goto(`${env.site.url}examples/iframe.html`);
  const frame = page.frameLocator('#hipcheck-frame');
  await frame.getByRole('heading', { name: 'Check your hip pain in about 5½ minutes' }).waitFor();
  assert.match(await frame.locator('.hc-brand').textContent(), /Example Physio/);
  // Resizing the frame can reflow its content once more, so wait for the two to converge.
  const sizes = async () => {
    let outer = 0;
    let inner = -100;
    for (let i = 0; i < 40 && Math.abs(outer - inner) > 2; i++) {
      outer = await page.locator('#hipcheck-frame').evaluate((el) => el.getBoundingClientRect().height);
      inner = await frame.locator('html').evaluate((el) => Math.ceil(el.getBoundingClientRect().height));
      if (Math.abs(outer - inner) > 2) await page.waitForTimeout(50);
    }
    return { outer, inner };
  };
  await page.waitForFunction(() => document.getElementById('hipcheck-frame').style.height !== '');
  let { outer, inner } = await sizes();
  assert.ok(Math.abs(outer - inner) <= 2, `iframe ${outer}px, content ${inner}px`);
  await frame.getByRole('button', { name: 'Start' }).click();
  await frame.getByRole('heading', { name: /safety questions/ }).waitFor();
  await page.waitForFunction((before) => parseFloat(document.getElementById('hipcheck-frame').style.height) > before + 200, outer);
  ({ outer, inner } = await sizes());
  assert.ok(Math.abs(outer - inner) <= 2, `after growing: iframe ${outer}px, content ${inner}px`);
  // The frame only ever sends its height.
  const sent = await frame.locator('html').evaluate(() => new Promise((resolve) => {
    const seen = [];
    const original = window.parent.postMessage.bind(window.parent);
    window.parent.postMessage = (data, origin) => { seen.push(JSON.stringify(data)); original(data, origin); };
    document.body.style.paddingBottom = '300px';
    setTimeout(() => resolve(seen), 300);
  }));
  for (const message of sent) assert.deepEqual(Object.keys(JSON.parse(message)).sort(), ['height', 'type']);
  await screenshot(page, 'embed-iframe-360');
  assert.deepEqual(problems, []);
  await context.close();
});

// Issue 26: the iframe takes theme and accent from its address (its start screen too, before the
// app), and its "Print or save as PDF" prints the frame's own document (the result, at most two
// A4 pages), never the clinic's page around it.
test('iframe: theme and accent from its address; printing prints the frame\'s result alone', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: 'light' });
  await context.addInitScript(() => {
    window.print = () => { window.printed = (window.printed ?? 0) + 1; };
  });
  const { page, problems } = await watchedPage(context);
  const src = 'iframe.html?clinic-name=Night%20Physio&accent=%23f26b21&theme=dark&booking-url=https%3A%2F%2Fclinic.example%2Fbook';
  await context.route(`${env.site.url}examples/frame-theme.html`, (route) => route.fulfill({
    contentType: 'text/html',
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Blog</title><link rel="icon" href="data:,"></head><body><article><h1>A long blog post</h1><p>Words.</p></article><iframe class="hipcheck-frame" title="HipCheck hip pain self-check" src="../hipcheck/${src}" style="width:100%;height:900px;border:0"></iframe></body></html>`,
  }));
  await page.goto(`${env.site.url}examples/frame-theme.html`);
  const frame = page.frameLocator('iframe.hipcheck-frame');
  await frame.locator('.hc-brand', { hasText: 'Night Physio' }).waitFor();
  // Dark although the visitor's mode is light, in the clinic's orange, before the app arrives.
  const colours = (locator) => locator.evaluate((el) => [getComputedStyle(el).backgroundColor, getComputedStyle(el).color]);
  assert.deepEqual(await colours(frame.locator('.hc-app')), ['rgb(18, 22, 25)', 'rgb(232, 236, 239)']);
  assert.deepEqual(await colours(frame.getByRole('button', { name: 'Start', exact: true })), ['rgb(242, 107, 33)', 'rgb(0, 0, 0)']);
  await walkToResult(frame);
  await frame.getByRole('button', { name: 'Print or save as PDF' }).click();
  const printed = await Promise.all(page.frames().map((f) => f.evaluate(() => window.printed ?? 0)));
  assert.deepEqual(printed, [0, 1], 'the frame printed its own document; the clinic\'s page did not print');
  const axe = await new AxeBuilder({ page }).include('iframe.hipcheck-frame').withRules(['color-contrast']).analyze();
  assert.deepEqual(axe.violations.map((v) => v.id), []);
  assert.deepEqual(problems, []);
  await context.close();

  // That document, printed: the result in at most two A4 pages (the frame's own page, opened on
  // its own, is the same document without the clinic's settings).
  const alone = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const single = await alone.newPage();
  await single.goto(`${env.site.url}hipcheck/iframe.html`);
  await walkToResult(single);
  await single.emulateMedia({ media: 'print' });
  const pdf = await single.pdf({ format: 'A4' });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  assert.ok(pages >= 1 && pages <= 2, `the frame's printout is ${pages} A4 pages`);
  await alone.close();
});

// Issue 26: sizes in rem would follow the host page's root font size into the shadow root (a
// theme's `html { font-size: 62.5% }` made the text 10 px). The element looks the same whatever
// the root says.
test('<hip-check> ignores the host page\'s root font size (62.5 % and 10 px roots)', async () => {
  const { context, page, problems } = await freshPage(360);
  const sizes = async (url) => {
    await page.goto(`${env.site.url}examples/${url}`);
    const widget = page.locator('hip-check').first();
    await widget.locator('[data-hc-app] .hc-step-heading').waitFor();
    return widget.evaluate((element) => {
      const inside = (selector) => element.shadowRoot.querySelector(selector);
      const px = (selector) => parseFloat(getComputedStyle(inside(selector)).fontSize);
      return { heading: px('.hc-step-heading'), text: px('.hc-app'), start: inside('.hc-primary').getBoundingClientRect().height };
    });
  };
  const normal = await sizes('element.html');
  assert.equal(normal.text, 16);
  for (const url of ['root-font-62.html', 'root-font-10.html']) assert.deepEqual(await sizes(url), normal, url);
  assert.deepEqual(problems, []);
  await context.close();
});

// Issue 26: events for the clinic's own counting, carrying nothing about the person: each
// event's detail is null, each message from the frame holds only its type.
test('events for the clinic: ready, start, complete, booking-click and share, with no health data', async () => {
  const { context, page, problems } = await freshPage(360);
  await context.addInitScript(() => {
    window.hipcheckSeen = [];
    for (const name of ['ready', 'start', 'complete', 'booking-click', 'share']) {
      document.addEventListener(`hipcheck:${name}`, (event) => window.hipcheckSeen.push(
        { type: event.type, from: event.target.id, detail: event.detail, own: Object.keys(event).filter((key) => key !== 'isTrusted') },
      ));
    }
    addEventListener('message', (event) => {
      if (typeof event.data?.type === 'string' && event.data.type.startsWith('hipcheck:') && event.data.type !== 'hipcheck:height') {
        window.hipcheckSeen.push({ type: event.data.type, from: 'frame', data: JSON.stringify(event.data) });
      }
    });
    // The booking link opens a new tab; the test stays on the page (the event is sent first).
    document.addEventListener('click', (event) => {
      if (event.composedPath()[0]?.closest?.('a[target=_blank]')) event.preventDefault();
    }, true);
  });
  const seen = () => page.evaluate(() => window.hipcheckSeen);
  await page.goto(`${env.site.url}examples/element.html`);
  const widget = page.locator('#first');
  await widget.locator('[data-hc-app]').waitFor();
  await page.evaluate(() => document.getElementById('first').setAttribute('share-url', location.href));
  await walkToResult(widget);
  await widget.getByRole('link', { name: 'Book your free call' }).click();
  await widget.getByRole('button', { name: 'Share with my physio' }).click();
  await page.waitForFunction(() => window.hipcheckSeen.some((e) => e.type === 'hipcheck:share'));
  const fromFirst = (await seen()).filter((e) => e.from === 'first');
  assert.deepEqual(fromFirst.map((e) => e.type), ['hipcheck:ready', 'hipcheck:start', 'hipcheck:complete', 'hipcheck:booking-click', 'hipcheck:share']);
  for (const event of fromFirst) {
    assert.equal(event.detail, null, `${event.type} carries nothing`);
    assert.deepEqual(event.own, [], `${event.type} has no properties of its own`);
  }
  // The second widget, untouched, was only ever ready.
  assert.deepEqual((await seen()).filter((e) => e.from === 'second').map((e) => e.type), ['hipcheck:ready']);

  // From a frame: messages to the framing page, each its type alone (a fresh visit: the check
  // above is not offered back).
  await page.evaluate(() => localStorage.clear());
  await page.goto(`${env.site.url}examples/iframe.html`);
  const frame = page.frameLocator('#hipcheck-frame');
  await frame.locator('[data-hc-app]').waitFor();
  await walkToResult(frame);
  await page.waitForFunction(() => window.hipcheckSeen.some((e) => e.type === 'hipcheck:complete'));
  const messages = (await seen()).filter((e) => e.from === 'frame');
  assert.deepEqual(messages.map((e) => e.type), ['hipcheck:ready', 'hipcheck:start', 'hipcheck:complete']);
  for (const message of messages) assert.equal(message.data, JSON.stringify({ type: message.type }));
  assert.deepEqual(problems, []);
  await context.close();
});

// Issue 26: printing from the element printed the whole blog post around it (4 A4 pages).
test('"Print or save as PDF" in <hip-check> prints its result alone, not the host page', async () => {
  const { context, page, problems } = await freshPage(1280);
  await context.addInitScript(() => {
    window.print = () => { window.printed = (window.printed ?? 0) + 1; };
  });
  await page.goto(`${env.site.url}examples/element.html`);
  const widget = page.locator('#first');
  await widget.locator('[data-hc-app]').waitFor();
  await walkToResult(widget);
  const host = page.getByRole('heading', { name: 'Hip pain in runners: when to worry' });
  await widget.getByRole('button', { name: 'Print or save as PDF' }).click();
  assert.equal(await page.evaluate(() => window.printed), 1);
  await page.emulateMedia({ media: 'print' });
  assert.equal(await host.isVisible(), false, 'the host page\'s article is not printed');
  assert.equal(await page.locator('#second').isVisible(), false, 'nor the other widget');
  assert.ok(await widget.locator('.hc-banner').isVisible(), 'the result is');
  const pdf = await page.pdf({ format: 'A4' });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  assert.ok(pages >= 1 && pages <= 2, `the printout is ${pages} A4 pages`);
  // Once printed, the page prints whole again (Ctrl+P on the host page is the host's).
  await page.evaluate(() => dispatchEvent(new Event('afterprint')));
  assert.equal(await host.isVisible(), true);
  await page.emulateMedia({ media: 'screen' });
  assert.deepEqual(problems, []);
  await context.close();
});

// Issue 26: in the visitor's dark mode the clinic's accent was replaced by the default teal, white
// text on an orange read at 3.0 : 1, and -dark variables set to light values made the widget
// unreadable. Each widget of examples/theme.html, in light and dark mode, through a journey.
test('theme: the clinic accent survives dark mode, theme="light|dark" holds, unreadable colours are refused; axe contrast on the journey in both modes', async () => {
  for (const scheme of ['light', 'dark']) {
    const context = await env.browser.newContext({ viewport: { width: 360, height: 800 }, colorScheme: scheme });
    await recordCspViolations(context);
    const { page, problems } = await watchedPage(context);
    const warnings = [];
    page.on('console', (msg) => msg.type() === 'warning' && warnings.push(msg.text()));
    await page.goto(`${env.site.url}examples/theme.html`);
    const widget = (id) => page.locator(`#${id}`);
    for (const id of ['orange', 'light', 'dark', 'light-vars']) await widget(id).locator('[data-hc-app]').waitFor();
    const colours = (locator) => locator.evaluate((el) => ({ bg: getComputedStyle(el).backgroundColor, fg: getComputedStyle(el).color }));
    const app = (id) => colours(widget(id).locator('.hc-app'));
    const DARK_BG = 'rgb(18, 22, 25)';
    const WHITE = 'rgb(255, 255, 255)';

    // The orange in both modes, with black text on it (white would be 3.0 : 1).
    const start = await colours(widget('orange').getByRole('button', { name: 'Start' }));
    assert.deepEqual(start, { bg: 'rgb(242, 107, 33)', fg: 'rgb(0, 0, 0)' }, `${scheme}: the orange Start button`);
    assert.equal((await app('orange')).bg, scheme === 'dark' ? DARK_BG : WHITE);
    // theme="light" stays light and theme="dark" stays dark, whatever the visitor's mode.
    assert.equal((await app('light')).bg, WHITE, `${scheme}: theme="light"`);
    assert.equal((await colours(widget('light').getByRole('button', { name: 'Start' }))).bg, 'rgb(26, 35, 126)');
    assert.equal((await app('dark')).bg, DARK_BG, `${scheme}: theme="dark"`);
    // Light -dark colours are refused: the dark widget keeps its own, and the setup box says why.
    assert.equal((await app('light-vars')).bg, scheme === 'dark' ? DARK_BG : WHITE);
    assert.match(await widget('light-vars').locator('.hc-setup').textContent(), /--hipcheck-text-dark #222222 on --hipcheck-background-dark #fffdf5 is refused.*theme="light"/);
    assert.ok(warnings.some((w) => w.includes('--hipcheck-background-dark #fffdf5 is refused')), `warnings: ${warnings}`);

    // WCAG AA contrast on each step of a journey, in each widget's colours.
    const contrastOf = async (id, where) => {
      const results = await new AxeBuilder({ page }).include(`#${id}`).withRules(['color-contrast']).analyze();
      assert.ok(results.passes.length + results.incomplete.length > 0, `axe looked at ${id} ${where}`);
      assert.deepEqual(results.violations.flatMap((v) => v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary}`)), [], `${scheme} ${id} ${where}`);
    };
    for (const id of ['orange', 'light', 'dark', 'light-vars']) await contrastOf(id, 'start');
    for (const id of ['orange', 'light', 'dark']) {
      const scope = widget(id);
      await scope.getByRole('button', { name: 'Start' }).click();
      await notUnder16(scope);
      await contrastOf(id, 'safety questions');
      await scope.getByRole('button', { name: 'None of these apply to me' }).first().click();
      await scope.getByRole('tab', { name: 'Side view' }).click();
      await scope.getByRole('button', { name: 'Right · point of the hip', exact: true }).click();
      await contrastOf(id, 'body map');
      await scope.getByRole('button', { name: 'Continue' }).click();
      await scope.getByRole('heading', { name: 'About your pain' }).waitFor();
      await contrastOf(id, 'about your pain');
      await answerQuestions(scope, { 'lie on the sore side': 'Yes' });
      await scope.getByRole('button', { name: 'See my result' }).click();
      await scope.locator('.hc-exercise').first().waitFor();
      await contrastOf(id, 'result');
    }
    await screenshot(page, `theme-${scheme}-360`);
    assert.deepEqual(problems, []);
    assert.deepEqual(await cspViolations(page), []);
    await context.close();
  }
});

// Issue 26: mistakes that used to fail silently (a misspelt attribute, a booking link without
// its scheme) are named in the console with what to change, and in a box inside the widget while
// the clinic sets it up (the attribute `setup` or #hipcheck-setup); visitors never see the box.
test('setup problems: named in the console always, in a box only while setting up', async () => {
  const { context, page, messages } = await freshPage(360);
  await page.goto(`${env.site.url}examples/setup-mistakes.html`);
  const misspelt = page.locator('#misspelt .hc-setup');
  await misspelt.waitFor();
  assert.match(await misspelt.textContent(), /^Setup problem \(only shown while setting up\)/);
  for (const [wrong, right] of [['bookingurl', 'booking-url'], ['color', 'accent'], ['language', 'lang']]) {
    assert.match(await misspelt.textContent(), new RegExp(`"${wrong}".*did you mean "${right}"`));
  }
  await expectNoAxeViolations(page, 'setup problems');
  await screenshot(page, 'setup-problems-360');
  const warnings = () => messages.filter((m) => m.type === 'warning').map((m) => m.text).join('\n');
  assert.match(warnings(), /"bookingurl".*"booking-url"/);
  // Without `setup`, only the console says it.
  await page.goto(`${env.site.url}examples/setup-link.html`);
  await page.locator('#no-scheme [data-hc-app]').waitFor();
  assert.equal(await page.locator('#no-scheme .hc-setup').count(), 0);
  assert.match(warnings(), /booking link "www\.clinic\.example\/book" is refused/);
  // Opened with #hipcheck-setup, the box shows.
  await page.goto(`${env.site.url}examples/setup-link.html#hipcheck-setup`);
  await page.reload();
  await page.locator('#no-scheme .hc-setup').waitFor();
  assert.match(await page.locator('#no-scheme .hc-setup').textContent(), /https:\/\//);
  // Files that cannot load (here the wasm, blocked): the box says what to check.
  await page.route(/_bg\.wasm$/, (route) => route.abort('blockedbyclient'));
  await page.goto(`${env.site.url}examples/setup-mistakes.html`);
  await page.reload();
  // Near the top of the page, the widget loads at once.
  await page.locator('#misspelt .hc-setup li', { hasText: 'files could not load' }).waitFor();
  assert.match(await page.locator('#misspelt .hc-setup').textContent(), /application\/wasm/);
  await page.unroute(/_bg\.wasm$/);
  // A widget set up correctly shows no box, even while setting up.
  await page.goto(`${env.site.url}examples/element.html#hipcheck-setup`);
  await page.reload();
  await page.locator('#first [data-hc-app]').waitFor();
  assert.equal(await page.locator('.hc-setup').count(), 0);
  await context.close();
});

// Issue 26: three mistakes stop embed.js before any of HipCheck runs, so HipCheck cannot name
// them: no type="module", a relative path that is wrong from a blog post's address, embed.js on
// another origin that does not allow the page (CORS). The snippets' fallback content then shows
// (visitors get the clinic's booking link, the clinic sees the widget did not start) instead of a
// blank space, and docs/embedding.md's troubleshooting starts from that sentence.
test('when embed.js cannot run at all, the element\'s fallback content shows instead of a blank', async () => {
  const { context, page } = await freshPage(360);
  const fallback = '<p>The hip pain self-check could not load here. <a href="https://clinic.example/book">Book an appointment</a></p>';
  const other = env.site.url.replace('127.0.0.1', 'localhost');
  const cases = {
    'no-module.html': '<script src="/hipcheck/embed.js"></script>',
    'wrong-path.html': '<script type="module" src="hipcheck/embed.js"></script>',
    // The page on another origin than embed.js, whose server sends no CORS header.
    'other-origin.html': `<script type="module" src="${env.site.url}hipcheck/embed.js"></script>`,
  };
  for (const [name, script] of Object.entries(cases)) {
    const origin = name === 'other-origin.html' ? other : env.site.url;
    await context.route(`${origin}examples/blog/${name}`, (route) => route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Blog</title><link rel="icon" href="data:,"></head><body><main><h1>Hip pain</h1>${script}<hip-check booking-url="https://clinic.example/book">${fallback}</hip-check></main></body></html>`,
    }));
    await page.goto(`${origin}examples/blog/${name}`);
    await page.waitForLoadState('networkidle');
    const shown = page.getByText('The hip pain self-check could not load here.');
    assert.ok(await shown.isVisible(), `${name}: the fallback content shows`);
    assert.equal(await page.getByRole('link', { name: 'Book an appointment' }).getAttribute('href'), 'https://clinic.example/book');
    assert.equal(await page.locator('hip-check').evaluate((el) => el.shadowRoot), null, `${name}: HipCheck did not run`);
  }
  // The same snippet with the script right: the widget replaces the fallback content.
  await context.route(`${env.site.url}examples/blog/right.html`, (route) => route.fulfill({
    contentType: 'text/html',
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Blog</title><link rel="icon" href="data:,"></head><body><main><h1>Hip pain</h1><script type="module" src="/hipcheck/embed.js"></script><hip-check booking-url="https://clinic.example/book">${fallback}</hip-check></main></body></html>`,
  }));
  await page.goto(`${env.site.url}examples/blog/right.html`);
  await page.locator('hip-check').getByRole('button', { name: 'Start', exact: true }).waitFor();
  assert.equal(await page.getByText('The hip pain self-check could not load here.').isVisible(), false);
  await context.close();
});

// Issue 26: an iframe address pasted without encoding lost the phone's "+", the accent and the
// booking link's UTM tags without a word. Now the frame says what to change.
test('an iframe address written without encoding: setup problems in the frame', async () => {
  const { context, page, messages } = await freshPage(360);
  await page.goto(`${env.site.url}examples/iframe-unencoded.html`);
  const frame = page.frameLocator('#unencoded');
  const box = frame.locator('.hc-setup');
  await box.waitFor();
  const text = await box.textContent();
  for (const expected of [/"\+".*%2B/, /accent colour was cut off.*%23f26b21/, /utm_.*encode the whole booking link/]) {
    assert.match(text, expected);
  }
  assert.ok(messages.some((m) => m.type === 'warning' && /HipCheck setup: .*%2B/.test(m.text)), 'also in the console');
  // The widget still works below the box.
  await frame.getByRole('heading', { name: 'Check your hip pain in about 5½ minutes' }).waitFor();
  await screenshot(page, 'iframe-setup-problems-360');
  await context.close();
});

// Issue 26: a clinic pastes the iframe snippet twice. Each frame is sized by its own messages,
// and the second copy of the listener script throws nothing (it declares no global name).
test('the iframe snippet pasted twice: no error, each frame sized by its own messages', async () => {
  const { context, page, problems } = await freshPage(360);
  await page.goto(`${env.site.url}examples/iframe-twice.html`);
  for (const id of ['first', 'second']) {
    await page.frameLocator(`#${id}`).getByRole('heading', { name: 'Check your hip pain in about 5½ minutes' }).waitFor();
  }
  await page.waitForFunction(() => ['first', 'second'].every((id) => document.getElementById(id).style.height !== ''));
  const heights = () => page.evaluate(() => ['first', 'second'].map((id) => parseFloat(document.getElementById(id).style.height)));
  const [first, second] = await heights();
  const frame = page.frameLocator('#first');
  await frame.getByRole('button', { name: 'Start' }).click();
  await frame.getByRole('heading', { name: /safety questions/ }).waitFor();
  await page.waitForFunction((before) => parseFloat(document.getElementById('first').style.height) > before + 200, first);
  const [, secondAfter] = await heights();
  assert.ok(Math.abs(secondAfter - second) <= 2, `the second frame kept its own height: ${second} → ${secondAfter} px`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('standalone page under the strict CSP: 0 violations through a whole assessment; after load, only the results styles, the hand-off module and the results text', async () => {
  const { context, page, problems, requests } = await freshPage(360);
  const methods = [];
  page.on('request', (req) => methods.push(`${req.method()} ${req.postData() ?? ''}`.trim()));
  await page.goto(`${env.site.url}hipcheck/`);
  await page.getByRole('heading', { name: 'Check your hip pain in about 5½ minutes' }).waitFor();
  await page.waitForLoadState('networkidle');
  const afterLoad = requests.length;
  assert.ok(!requests.some((u) => /texts-/.test(u)), 'the results text is not part of the first load');
  await walkToResult(page);
  assert.ok(await page.getByRole('button', { name: 'Print or save as PDF' }).isVisible());
  await page.locator('.hc-exercise').first().waitFor();
  // Each file is named by the hash of its own content, the same for every visitor: none can
  // carry an answer, and each is fetched with a bodiless GET.
  assert.deepEqual(
    requests.slice(afterLoad).map((u) => u.replace(/-[0-9a-f]{16}\.(txt|css|js)$/, '-HASH.$1')).sort(),
    ['after-start-HASH.css', 'handoff-HASH.js', 'texts-HASH.txt'].map((f) => `${env.site.url}hipcheck/${f}`),
    'the assessment fetches only the results styles, the hand-off module and the results text',
  );
  assert.deepEqual(methods.slice(afterLoad), ['GET', 'GET', 'GET']);
  assert.ok(requests.every((u) => u.startsWith(env.site.url)), 'every request stays on the origin');
  const answerWords = ['side-hip', 'pain-lying-on-side', 'yes', 'female', 'findings'];
  for (const url of requests) {
    for (const word of answerWords) assert.ok(!decodeURIComponent(url).includes(word), `${url} carries '${word}'`);
  }
  assert.deepEqual(await cspViolations(page), []);
  const scripts = await page.locator('script').evaluateAll((els) => els.map((e) => ({ src: e.getAttribute('src'), integrity: e.getAttribute('integrity'), inline: !e.src })));
  assert.ok(scripts.length > 0 && scripts.every((s) => s.src && s.integrity?.startsWith('sha384-') && !s.inline), JSON.stringify(scripts));
  assert.deepEqual(problems, []);
  await context.close();
});

async function waitForServiceWorker(page) {
  // The worker registers at the first click in the widget (assets/runtime/page-loader.mjs): a
  // click on its heading, which changes nothing.
  await page.locator('#hipcheck .hc-step-heading').click();
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
  });
}

// Issue 26: a clinic sets HipCheck up without a developer. The configurator's journey: type,
// see the warnings and the preview, copy each snippet, paste it into a page, and the pasted
// widget works with exactly what was typed; then the configurator works offline.
test('configurator: type, preview, copy, paste into a page, the pasted widget works; offline after one visit', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 }, permissions: ['clipboard-read', 'clipboard-write'] });
  await recordCspViolations(context);
  const { page, problems, requests } = await watchedPage(context);
  await page.goto(`${env.site.url}hipcheck/configure.html`);
  const preview = page.locator('#cf-preview hip-check');
  await preview.getByRole('button', { name: 'Start' }).waitFor();

  const booking = 'www.orange.example/book?utm_source=hipcheck&utm_medium=widget';
  await page.getByLabel('Clinic name').fill('Orange & Co Physio');
  await page.getByLabel('Booking link').fill(booking);
  // A link the widget would refuse is named, with the fix one tap away.
  const warnings = page.locator('#cf-problems');
  assert.match(await warnings.textContent(), /booking link "www\.orange\.example.*" would be refused/);
  assert.equal(await page.getByLabel('Booking link').getAttribute('aria-invalid'), 'true');
  await warnings.getByRole('button', { name: `Use https://${booking}` }).click();
  assert.equal(await warnings.textContent(), '');
  await page.getByLabel("Booking button's words").fill('Book a "run check"');
  await page.getByLabel('Phone (optional)').fill('+44 20 7946 0000');
  // A low-contrast accent: said, with the nearest shade for white text.
  await page.locator('#cf-accent').fill('#f26b21');
  const advice = page.locator('#cf-contrast');
  assert.match(await advice.textContent(), /Buttons: black text on #f26b21.*White text on #f26b21 would be 3\.0 : 1\. For white text, the nearest shade that passes is (#[0-9a-f]{6})/s);
  assert.equal(await page.locator('#cf-accent-picker').inputValue(), '#f26b21');

  // The preview is the real widget with what was typed.
  await preview.locator('.hc-brand', { hasText: 'Orange & Co Physio' }).waitFor();
  await preview.locator('[data-hc-app]').waitFor({ state: 'attached' });
  const startColour = await preview.getByRole('button', { name: 'Start' }).evaluate((el) => getComputedStyle(el).backgroundColor);
  assert.equal(startColour, 'rgb(242, 107, 33)');
  await page.getByLabel('Show in dark mode').check();
  await page.waitForFunction(() => {
    const app = document.querySelector('#cf-preview hip-check')?.shadowRoot?.querySelector('.hc-app');
    return app && getComputedStyle(app).backgroundColor === 'rgb(18, 22, 25)';
  });
  await expectNoAxeViolations(page, 'the configurator');
  await screenshot(page, 'configure-1280');
  await page.getByLabel('Show in dark mode').uncheck();

  // Copy the element snippet, paste it into a clinic's page (under the strict CSP).
  await page.getByRole('button', { name: 'Copy the code' }).click();
  await page.getByText('Copied. Paste it into your page.').waitFor();
  const elementCode = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(elementCode, await page.locator('#cf-snippet').inputValue());
  assert.match(elementCode, /<script type="module" src="http:\/\/127\.0\.0\.1:\d+\/hipcheck\/embed\.js"><\/script>/);
  assert.match(elementCode, /<p>The hip pain self-check could not load here\. <a href="https:\/\/www\.orange\.example\/book\?utm_source=hipcheck&amp;utm_medium=widget">Book a &quot;run check&quot;<\/a> <a href="tel:\+442079460000">\+44 20 7946 0000<\/a><\/p>/);
  const paste = async (name, code, headers = {}) => {
    await context.route(`${env.site.url}examples/${name}`, (route) => route.fulfill({
      contentType: 'text/html',
      headers,
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Our blog</title><link rel="icon" href="data:,"></head><body><main><h1>Hip pain and running</h1><p>Our advice.</p>\n${code}</main></body></html>`,
    }));
    const pasted = await context.newPage();
    await pasted.goto(`${env.site.url}examples/${name}`);
    return pasted;
  };
  const withElement = await paste('pasted-element.html', elementCode, { 'content-security-policy': STRICT_CSP });
  const widget = withElement.locator('hip-check');
  await widget.locator('.hc-brand', { hasText: 'Orange & Co Physio' }).waitFor();
  // The app has taken over the start screen (the colour is read from the app's button).
  await widget.locator('[data-hc-app]').waitFor({ state: 'attached' });
  assert.equal(await widget.getByRole('button', { name: 'Start' }).evaluate((el) => getComputedStyle(el).backgroundColor), 'rgb(242, 107, 33)');
  await walkToResult(widget);
  const book = widget.getByRole('link', { name: 'Book a "run check"' });
  assert.equal(await book.getAttribute('href'), `https://${booking}`);
  assert.equal(await widget.locator('a[href^="tel:"]').first().getAttribute('href'), 'tel:+442079460000');
  // The element saved its answers on this origin; the frame would offer them back.
  await withElement.evaluate(() => localStorage.clear());
  await withElement.close();

  // The iframe snippet: every setting encoded, and the pasted frame sizes itself.
  await page.getByRole('radio', { name: /^iframe/ }).check();
  await page.getByRole('button', { name: 'Copy the code' }).click();
  const frameCode = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(frameCode, /iframe\.html\?clinic-name=Orange%20%26%20Co%20Physio&amp;booking-url=https%3A%2F%2Fwww\.orange\.example%2Fbook%3Futm_source%3Dhipcheck%26utm_medium%3Dwidget&amp;booking-label=Book%20a%20%22run%20check%22&amp;phone=%2B44%2020%207946%200000&amp;accent=%23f26b21"/);
  await page.locator('#cf-preview iframe').waitFor();
  const withFrame = await paste('pasted-frame.html', frameCode);
  const frameElement = withFrame.locator('iframe.hipcheck-frame');
  const frame = withFrame.frameLocator('iframe.hipcheck-frame');
  await frame.locator('.hc-brand', { hasText: 'Orange & Co Physio' }).waitFor();
  await withFrame.waitForFunction(() => document.querySelector('iframe.hipcheck-frame').style.height !== '600px');
  await walkToResult(frame);
  assert.equal(await frame.getByRole('link', { name: 'Book a "run check"' }).getAttribute('href'), `https://${booking}`);
  assert.ok((await frameElement.boundingBox()).height > 900, 'the frame grew to its result');
  await withFrame.close();

  // Offline after one visit: the worker keeps the configurator once it controls the page.
  await page.waitForFunction(async () => Boolean(navigator.serviceWorker.controller && await caches.match('configure.js')));
  await context.setOffline(true);
  await page.reload();
  await page.getByRole('heading', { name: "Set up HipCheck for your clinic's website" }).waitFor();
  await page.locator('#cf-preview hip-check').getByRole('button', { name: 'Start', exact: true }).waitFor();
  await page.getByLabel('Clinic name').fill('Offline Physio');
  await page.locator('#cf-preview hip-check .hc-brand', { hasText: 'Offline Physio' }).waitFor();
  await context.setOffline(false);

  assert.deepEqual(problems, []);
  assert.deepEqual(await cspViolations(page), []);
  assert.deepEqual(requests.filter((u) => !u.startsWith(env.site.url)), []);
  await context.close();
});

test('offline after the first visit: standalone page and iframe page', async () => {
  const { context, page } = await freshPage(360);
  await page.goto(`${env.site.url}hipcheck/`);
  await page.getByRole('heading', { name: 'Check your hip pain in about 5½ minutes' }).waitFor();
  await waitForServiceWorker(page);

  await context.setOffline(true);
  await page.reload();
  await page.getByRole('heading', { name: 'Check your hip pain in about 5½ minutes' }).waitFor();
  await walkToResult(page);
  assert.match(await page.locator('.hc-banner').textContent(), /Safe to start on your own/);
  await page.locator('.hc-exercise').first().waitFor(); // the results text, from the cache
  // The guided session works offline too (issue 22): its code came with the hand-off module.
  await page.getByRole('button', { name: "Start today's session" }).click();
  const panel = page.locator('.hc-session-panel');
  await panel.getByRole('button', { name: 'Skip this exercise' }).click();
  await panel.getByRole('button', { name: 'Skip this exercise' }).click();
  for (let i = 0; i < 10; i++) await panel.locator('.hc-counter').click();
  await panel.getByRole('button', { name: 'Next exercise' }).click();
  await panel.getByRole('button', { name: 'This hurts more than 5/10' }).click();
  await panel.getByRole('button', { name: 'Save this session' }).click();
  assert.match(await panel.getByRole('status').textContent(), /Saved on this device/);

  await page.goto(`${env.site.url}hipcheck/iframe.html?clinic-name=Offline%20Clinic`);
  await page.getByRole('heading', { name: 'Check your hip pain in about 5½ minutes' }).waitFor();
  // Opened on its own, the frame page takes no clinic settings from its address (issue 27).
  assert.doesNotMatch(await page.locator('.hc-brand').textContent(), /Offline Clinic/);
  await context.setOffline(false);
  await context.close();
});

/** The build (js + wasm pair) a page actually ran, from its resource timing entries. */
async function buildOf(page) {
  return page.evaluate(() => {
    const names = performance.getEntriesByType('resource').map((e) => e.name.split('/').pop());
    const js = names.filter((n) => /^hipcheck-web-[0-9a-f]+\.js$/.test(n)).map((n) => n.slice(13, -3));
    const wasm = names.filter((n) => /^hipcheck-web-[0-9a-f]+_bg\.wasm$/.test(n)).map((n) => n.slice(13, -8));
    return { js, wasm, label: document.querySelector('.hc-build')?.textContent };
  });
}

test('a new build replaces the old one cleanly: never new JS with old wasm or the reverse', async () => {
  assert.ok(fs.existsSync(path.join(UPDATE_BUILD, 'sw.js')), 'scripts/test.sh builds target/dist-update first');
  const v1 = fs.mkdtempSync(path.join(ROOT, 'target', 'dist-v1-'));
  fs.cpSync(DIST, v1, { recursive: true });
  const server = await serveStatic({ '/hipcheck/': v1 });
  const context = await env.browser.newContext();
  try {
    let page = await context.newPage();
    await page.goto(`${server.url}hipcheck/`);
    await page.locator('.hc-step-heading').waitFor();
    await waitForServiceWorker(page);
    const first = await buildOf(page);
    assert.equal(first.js.length, 1);
    assert.deepEqual(first.js, first.wasm, 'v1 page: js and wasm from the same build');

    server.mounts['/hipcheck/'] = UPDATE_BUILD; // deploy v2
    await page.reload();
    await page.locator('.hc-step-heading').waitFor();
    const during = await buildOf(page);
    assert.deepEqual(during.js, during.wasm, 'during the update: one consistent build');
    assert.equal(during.label, first.label, 'an open session keeps its build until it is closed');

    // Wait for v2 to be installed and waiting, then close every v1 page so it can take over.
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      await registration.update();
      const worker = registration.installing ?? registration.waiting;
      if (worker && worker.state !== 'installed') {
        await new Promise((resolve) => worker.addEventListener('statechange', () => worker.state === 'installed' && resolve()));
      }
    });
    await page.close();
    page = await context.newPage();
    for (let attempt = 0; attempt < 10; attempt++) {
      await page.goto(`${server.url}hipcheck/`);
      await page.locator('.hc-step-heading').waitFor();
      const now = await buildOf(page);
      assert.deepEqual(now.js, now.wasm, 'after the update: one consistent build');
      if (now.label === 'update-test-v2') break;
      await page.waitForTimeout(300);
    }
    const last = await buildOf(page);
    assert.equal(last.label, 'update-test-v2', 'the new build is served once the old pages are gone');
    assert.notDeepEqual(last.js, first.js);
    const caches = await page.evaluate(() => caches.keys());
    assert.equal(caches.filter((k) => k.startsWith('hipcheck-')).length, 1, `old caches removed: ${caches}`);
  } finally {
    await context.close();
    await server.close();
    fs.rmSync(v1, { recursive: true, force: true });
  }
});
