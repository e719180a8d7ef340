// The widget in Spanish (issue 14): a Spanish browser gets the Spanish page; a self-care journey
// and an emergency stop at 360 and 1280 px, axe-clean and photographed; no English on any
// Spanish step and no Spanish on any English step (visible text and accessible names, against
// both catalogs); iframe.html?lang=es, <hip-check lang="es"> and a Spanish host page; the
// language switch keeps the answers and asks the safety questions again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { expectNoAxeViolations, ROOT, DIST, watchedPage, screenshot, walkToAboutPain, answerQuestions, QUESTIONS_ES } from './support.mjs';
import { siteAndBrowser } from './fixture.mjs';

const env = siteAndBrowser({ '/hipcheck/': DIST });
const CLI = process.env.HIPCHECK_CLI ?? path.join(ROOT, 'target', 'debug', 'hipcheck');

/**
 * Each language's words: `hipcheck content strings` lists every wording string of content/,
 * the interface's own (content/ui.toml: the widget, the crash screen, the page, the hand-off
 * module) included. A string counts as a language's own if it is long enough to be wording
 * (not "No", "HipCheck" or a number) and the other language does not use it too.
 */
function words(lang) {
  const strings = execFileSync(CLI, ['content', 'strings', '--lang', lang], { encoding: 'utf8', cwd: ROOT }).split('\n');
  return new Set(strings.flatMap((s) => s.split(/\{\w+\}/)).map((s) => s.trim()).filter((s) => s.length >= 14));
}
const ENGLISH = words('en');
const SPANISH = words('es');
const onlyEnglish = [...ENGLISH].filter((s) => !SPANISH.has(s));
const onlySpanish = [...SPANISH].filter((s) => !ENGLISH.has(s));

/** Visible text and accessible names on the page (inside the widget and the page itself). */
async function shown(page) {
  return page.evaluate(() => {
    const parts = [document.title, document.body.innerText];
    for (const el of document.querySelectorAll('[aria-label], [aria-valuetext], [alt], [title], input[value], [placeholder]')) {
      for (const attr of ['aria-label', 'aria-valuetext', 'alt', 'title', 'placeholder']) if (el.getAttribute(attr)) parts.push(el.getAttribute(attr));
      if (el.matches('input[type=text], input:not([type])') && el.value) parts.push(el.value);
    }
    return parts.join('\n');
  });
}

/** Fails if the page shows any of `foreign` (another language's own strings). */
async function noneOf(page, foreign, where) {
  const text = await shown(page);
  const found = foreign.filter((s) => text.includes(s));
  assert.deepEqual(found, [], `${where}: words of the other language on screen`);
}

/** One Spanish step: its heading, no English, axe, a screenshot. */
async function spanishStep(page, name, heading, width) {
  await page.locator('.hc-step-heading', { hasText: heading }).first().waitFor();
  assert.equal(await page.locator('.hc-app').first().getAttribute('lang'), 'es');
  await noneOf(page, onlyEnglish, `${name} at ${width} px`);
  await expectNoAxeViolations(page, `${name} at ${width} px`);
  await screenshot(page, `es-${name}-${width}`);
}

for (const width of [360, 1280]) {
  test(`a Spanish browser gets the Spanish page: side-of-hip pain to self-care at ${width} px, no English, axe-clean`, async () => {
    const context = await env.browser.newContext({ viewport: { width, height: 900 }, locale: 'es-ES' });
    const { page, problems, requests } = await watchedPage(context);
    await page.goto(`${env.site.url}hipcheck/`);
    await page.waitForURL(/\/hipcheck\/es\/$/);
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'es');
    await spanishStep(page, '1-inicio', 'Evalúe su dolor de cadera', width);
    await page.getByLabel('Su edad').fill('48');
    await page.getByRole('radio', { name: 'Mujer' }).check();
    await page.getByRole('button', { name: 'Empezar' }).click();
    await spanishStep(page, '2-seguridad', 'Primero, unas preguntas de seguridad', width);
    await page.getByRole('button', { name: 'No me ocurre nada de esto' }).first().click();
    await spanishStep(page, '3-donde', 'Dónde le duele', width);
    await page.getByRole('tab', { name: 'Vista de lado' }).click();
    await page.getByRole('button', { name: /^Derecha · hueso saliente del costado de la cadera$/ }).click();
    await page.getByRole('button', { name: 'Continuar' }).click();
    await spanishStep(page, '4-sintomas', 'Sobre su dolor', width);
    await page.getByLabel(/Dolor en este momento/).fill('4');
    await answerQuestions(page, { 'acostarse sobre el lado dolorido': 'Sí' }, { words: QUESTIONS_ES });
    await noneOf(page, onlyEnglish, `result ready at ${width} px`);
    await page.getByRole('button', { name: 'Ver mi resultado' }).click();
    await page.locator('.hc-banner').waitFor();
    await page.locator('.hc-exercise').first().waitFor();
    await page.locator('.hc-handoff-section').waitFor();
    await spanishStep(page, '5-resultado', 'Su resultado', width);
    assert.match(await page.locator('.hc-banner').textContent(), /Puede empezar por su cuenta con seguridad/);
    // Issue 22 in Spanish: this week's plan first, and moving on by ticking every criterion.
    assert.ok(await page.getByRole('heading', { name: 'Su plan de esta semana' }).isVisible());
    for (const box of await page.locator('.hc-phase-now .hc-checks input[type=checkbox]').all()) await box.check();
    await page.getByRole('button', { name: 'Quiero pasar a la fase siguiente' }).click();
    await page.locator('.hc-phase-done').first().waitFor();
    await spanishStep(page, '5-resultado-fase-2', 'Su resultado', width);
    assert.deepEqual(problems, []);
    assert.ok(requests.every((u) => u.startsWith(env.site.url)), 'every request stays on the origin');
    // Spanish files only: nothing of the English build is fetched.
    assert.ok(!requests.some((u) => /\/hipcheck\/(texts-|hipcheck-web-[0-9a-f]+_bg\.wasm)/.test(u)), 'no English wasm or results text');
    await context.close();
  });

  test(`an emergency answer in Spanish stops the flow and says what to do, at ${width} px`, async () => {
    const context = await env.browser.newContext({ viewport: { width, height: 900 } });
    const { page, problems } = await watchedPage(context);
    await page.goto(`${env.site.url}hipcheck/es/`);
    await page.getByLabel('Su edad').fill('35');
    await page.getByRole('button', { name: 'Empezar' }).click();
    await page.getByRole('group', { name: /adormecimiento .*entre las piernas/ }).getByRole('radio', { name: 'Sí', exact: true }).click();
    await page.locator('.hc-emergency').waitFor();
    await spanishStep(page, 'emergencia', 'Pida ayuda de emergencia ahora', width);
    const text = await page.locator('.hc-emergency').innerText();
    assert.match(text, /número de emergencias|servicio de urgencias/);
    assert.doesNotMatch(text, /\b(112|911|999|061)\b/, 'no one country\'s number');
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('English steps show no Spanish', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
  const { page } = await watchedPage(context);
  await page.goto(`${env.site.url}hipcheck/`);
  await page.locator('#hipcheck[data-hc-app]').waitFor();
  await noneOf(page, onlySpanish, 'start');
  await walkToAboutPain(page);
  await noneOf(page, onlySpanish, 'about your pain');
  await answerQuestions(page, { 'lie on the sore side': 'Yes' });
  await page.getByRole('button', { name: 'See my result' }).click();
  await page.locator('.hc-exercise').first().waitFor();
  await page.locator('.hc-handoff-section').waitFor();
  await noneOf(page, onlySpanish, 'result');
  await context.close();
});

test('the catalogs are big enough for the no-mixed-language checks to mean something', () => {
  assert.ok(onlyEnglish.length > 800, `${onlyEnglish.length} English strings`);
  assert.ok(onlySpanish.length > 800, `${onlySpanish.length} Spanish strings`);
});

test('iframe.html?lang=es, <hip-check lang="es"> and a Spanish host page are Spanish; the switch keeps the answers', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  let { page, problems } = await watchedPage(context);
  await page.goto(`${env.site.url}hipcheck/iframe.html?lang=es&loading=eager`);
  await page.waitForURL(/\/hipcheck\/es\/iframe\.html\?lang=es/);
  await page.locator('#hipcheck[data-hc-app] .hc-step-heading', { hasText: 'Evalúe su dolor de cadera' }).waitFor();
  await noneOf(page, onlyEnglish, 'iframe');

  await context.close();

  for (const [name, body] of [
    ['lang="es"', '<html lang="en"><title>Embed</title><script type="module" src="./embed.js"></script><hip-check lang="es" loading="eager"></hip-check>'],
    ['a Spanish page', '<html lang="es"><title>Incrustado</title><script type="module" src="./embed.js"></script><hip-check loading="eager"></hip-check>'],
  ]) {
    // A fresh context each time: a service worker from an earlier page would bypass the route.
    const embedContext = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const { page } = await watchedPage(embedContext);
    await page.route(`${env.site.url}hipcheck/embed-es.html`, (route) => route.fulfill({ contentType: 'text/html', body: `<!doctype html>${body}` }));
    await page.goto(`${env.site.url}hipcheck/embed-es.html`);
    const widget = page.locator('hip-check');
    await widget.locator('[data-hc-app] .hc-step-heading', { hasText: 'Evalúe su dolor de cadera' }).waitFor();
    assert.equal(await widget.locator('.hc-app').getAttribute('lang'), 'es', name);
    await noneOf(page, onlyEnglish, `<hip-check> with ${name}`);
    await embedContext.close();
  }

  // The switch on the standalone page: answers kept, safety questions asked again in English.
  const switching = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  ({ page, problems } = await watchedPage(switching));
  await page.goto(`${env.site.url}hipcheck/es/`);
  await page.getByLabel('Su edad').fill('48');
  await page.getByRole('button', { name: 'Empezar' }).click();
  await page.getByRole('button', { name: 'No me ocurre nada de esto' }).first().click();
  await page.getByRole('button', { name: /^Izquierda · / }).first().click();
  await page.getByRole('button', { name: 'English', exact: true }).click();
  await page.waitForURL(/\/hipcheck\/\?lang=en$/);
  await page.getByRole('heading', { name: 'Welcome back' }).waitFor();
  await page.getByRole('button', { name: 'Continue where I left off' }).click();
  await page.locator('.hc-step-heading', { hasText: 'First, a few safety questions' }).waitFor();
  assert.equal(await page.getByLabel('Your age').count(), 0);
  await page.getByRole('button', { name: 'None of these apply to me' }).first().click();
  // The area picked in Spanish is still picked.
  assert.ok((await page.locator('.hc-chips').innerText()).includes('Left'), 'the area chosen before the switch is kept');
  assert.deepEqual(problems, []);
  await switching.close();
});

// Issue 21 in Spanish: the bleed question (#30) is asked of recent pain, in the positive, and a
// "sí" gives the same day with the blood-vessel source first; no English on screen.
test('en español: anticoagulante y dolor nuevo, el mismo día, el origen vascular primero', async () => {
  const context = await env.browser.newContext({ viewport: { width: 360, height: 900 } });
  const { page, problems } = await watchedPage(context);
  await page.goto(`${env.site.url}hipcheck/es/`);
  await page.getByLabel('Su edad').fill('67');
  await page.getByRole('button', { name: 'Empezar' }).click();
  await page.getByRole('button', { name: 'No me ocurre nada de esto' }).first().click();
  await page.getByRole('tab', { name: 'Vista de frente' }).click();
  await page.getByRole('button', { name: /^Derecha · ingle profunda/i }).click();
  await page.getByRole('button', { name: 'Continuar' }).click();
  await page.getByRole('radio', { name: 'Menos de 2 semanas' }).check();
  await answerQuestions(page, { anticoagulante: 'Sí' }, { words: QUESTIONS_ES });
  await page.getByRole('button', { name: 'Ver mi resultado' }).click();
  await page.locator('.hc-source').first().waitFor();
  assert.match(await page.locator('.hc-banner').textContent(), /hoy/i);
  assert.match(await page.locator('.hc-source h4').first().textContent(), /vasos sanguíneos/);
  await spanishStep(page, 'anticoagulante-resultado', 'Su resultado', 360);
  assert.deepEqual(problems, []);
  await context.close();
});
