// Issue 25: a language is data. The test language `xx` (every wording string of content/ in
// brackets, built by scripts/build-pseudo.sh from a copy of content/ exactly as a real language)
// shows no word of English on any screen: the start screen in the page before the wasm, every
// step of a journey to a result with its plan and hand-off section, and the emergency stop. An
// English word outside brackets is a string that does not come from content (a literal in the
// code), or one the build dropped back to English.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, DIST, watchedPage, screenshot, answerQuestions, QUESTIONS_XX } from './support.mjs';
import { siteAndBrowser } from './fixture.mjs';

const PSEUDO = path.resolve(process.env.HIPCHECK_PSEUDO_DIST ?? path.join(ROOT, 'target', 'dist-pseudo'));
// The test language is a folder beside English's, as a real one is in a build.
const env = siteAndBrowser({ '/hipcheck/xx/': PSEUDO, '/hipcheck/': DIST });
// Not wording: the brand, each language's own name on the switch, format names.
const NOT_WORDING = new Set(['HipCheck', 'English', 'Español', 'FHIR', 'CSV']);
// Published works are cited as published, in every language (content/references.toml; the
// references marked `wording = true` are translated like any other wording).
const CITED = fs.readFileSync(path.join(ROOT, 'content', 'references.toml'), 'utf8')
  .split('[[reference]]')
  .filter((entry) => !/^wording = true$/m.test(entry))
  .map((entry) => entry.match(/^citation = "(.*)"$/m)?.[1])
  .filter(Boolean);

test('the test language is built (scripts/build-pseudo.sh)', () => {
  assert.ok(fs.existsSync(path.join(PSEUDO, 'index.html')), `${PSEUDO}: run scripts/build-pseudo.sh`);
});

/** Visible text and accessible names of the page, a line each. */
async function shown(page) {
  return page.evaluate(() => {
    const parts = [document.title, document.body.innerText];
    const roots = [document, ...[...document.querySelectorAll('*')].filter((e) => e.shadowRoot).map((e) => e.shadowRoot)];
    for (const root of roots) {
      for (const el of root.querySelectorAll('[aria-label], [aria-valuetext], [alt], [title], [placeholder]')) {
        for (const attr of ['aria-label', 'aria-valuetext', 'alt', 'title', 'placeholder']) if (el.getAttribute(attr)) parts.push(el.getAttribute(attr));
      }
    }
    return parts.join('\n').split('\n');
  });
}

/** What is left of `line` outside brackets (nested brackets count as one). */
export function outsideBrackets(line) {
  let depth = 0;
  let out = '';
  for (const ch of line) {
    if (ch === '[') depth += 1;
    else if (ch === ']') depth = Math.max(0, depth - 1);
    else if (depth === 0) out += ch;
  }
  return out;
}

test('outsideBrackets finds English that is not bracketed', () => {
  assert.equal(outsideBrackets('[Step [1] of 5: [About you]]'), '');
  assert.equal(outsideBrackets('Right · [point of the hip]').trim(), 'Right ·');
});

/** Fails naming every line with a word of two or more letters outside brackets. */
async function noEnglish(page, where) {
  // A date is the browser's, in its own fallback for a language it does not know.
  const today = await page.evaluate(() => new Date().toLocaleDateString('xx', { day: 'numeric', month: 'long', year: 'numeric' }));
  const lines = (await shown(page)).filter((line) => !CITED.includes(line.trim()) && line.trim() !== today);
  const english = lines.filter((line) => (outsideBrackets(line).match(/\p{L}{2,}/gu) ?? []).some((w) => !NOT_WORDING.has(w)));
  assert.deepEqual([...new Set(english)], [], `${where}: English outside brackets`);
}

async function step(page, name, width) {
  await noEnglish(page, `${name} at ${width} px`);
  await screenshot(page, `xx-${name}-${width}`);
}

for (const width of [360, 1280]) {
  test(`no English on any step of a journey to a result with its plan and hand-off, at ${width} px`, async () => {
    const context = await env.browser.newContext({ viewport: { width, height: 900 } });
    const { page, problems } = await watchedPage(context);
    // The start screen in the page, before the wasm has arrived.
    await page.route(/hipcheck-web-[0-9a-f]+_bg\.wasm$/, () => {});
    await page.goto(`${env.site.url}hipcheck/xx/`);
    await page.locator('#hipcheck[data-hc-armed]').waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'xx');
    await step(page, '0-start-before-wasm', width);
    await page.unroute(/hipcheck-web-[0-9a-f]+_bg\.wasm$/);
    await page.reload();
    await page.locator('#hipcheck[data-hc-app] .hc-start').waitFor();
    await step(page, '1-start', width);
    await page.getByLabel('[Your age]').fill('48');
    await page.getByRole('button', { name: '[Start]', exact: true }).click();
    await page.getByRole('button', { name: '[None of these apply to me]' }).first().waitFor();
    await step(page, '2-safety', width);
    await page.getByRole('button', { name: '[None of these apply to me]' }).first().click();
    await page.getByRole('tab', { name: /Side view/ }).click();
    await page.getByRole('button', { name: /Right.*point of the hip/ }).first().click();
    await step(page, '3-where', width);
    await page.getByRole('button', { name: '[Continue]', exact: true }).click();
    await page.locator('.hc-step-heading').waitFor();
    await step(page, '4-symptoms', width);
    await answerQuestions(page, { 'lie on the sore side': '[Yes]' }, { words: QUESTIONS_XX, onQuestion: (text) => noEnglish(page, `question "${text}"`) });
    await step(page, '5-ready', width);
    await page.getByRole('button', { name: '[See my result]', exact: true }).click();
    await page.locator('.hc-banner').waitFor();
    await page.locator('.hc-exercise').first().waitFor();
    await page.locator('.hc-handoff-section').waitFor();
    // Every folded part open, so its words are on screen too.
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
    await step(page, '6-result', width);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('no English on the emergency stop', async () => {
  const context = await env.browser.newContext({ viewport: { width: 360, height: 900 } });
  const { page, problems } = await watchedPage(context);
  await page.goto(`${env.site.url}hipcheck/xx/`);
  await page.getByLabel('[Your age]').fill('35');
  await page.getByRole('button', { name: '[Start]', exact: true }).click();
  await page.getByRole('group', { name: /numbness .*between your legs/ }).getByRole('radio', { name: '[Yes]', exact: true }).click();
  await page.locator('.hc-emergency').waitFor();
  await step(page, 'emergency', 360);
  assert.deepEqual(problems, []);
  await context.close();
});
