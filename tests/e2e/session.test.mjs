// Issue 22, the guided session: "Start today's session" walks the phase's exercises one screen
// each, with a hold timer (from the clock, announced at the start, halfway and the end, not every
// second), rests, a repeat counter, "Skip" and "This hurts more than 5/10", which stops and logs
// it; the pain during is kept on this device and the next dose follows CLINICAL.md §5. The clock
// is faked, so the test waits for no real timer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DIST, expectNoAxeViolations, watchedPage, screenshot, walkToResult, answerQuestions, QUESTIONS_ES } from './support.mjs';
import { siteAndBrowser } from './fixture.mjs';

const env = siteAndBrowser({ '/hipcheck/': DIST });

test('a session at 360 px: holds timed, repeats counted, a skip, a stop for pain, logged and advised', async () => {
  const context = await env.browser.newContext({ viewport: { width: 360, height: 800 } });
  const { page, problems } = await watchedPage(context);
  await page.goto(`${env.site.url}hipcheck/`);
  await walkToResult(page);
  await page.locator('.hc-handoff-section').waitFor();
  await page.clock.install();
  const panel = page.locator('.hc-session-panel');
  const live = panel.locator('[aria-live]');
  await page.getByRole('button', { name: "Start today's session" }).click();
  await panel.waitFor();
  assert.match(await panel.textContent(), /Exercise 1 of 5/);
  assert.match(await panel.textContent(), /Lying belt push-out/);
  assert.ok(await panel.locator('.hc-figure.hc-play').isVisible(), 'the figure plays');
  await expectNoAxeViolations(page, 'session, first exercise');
  await screenshot(page, 'session-1-360');

  // Three holds of 5 seconds with a rest between them.
  for (let hold = 1; hold <= 3; hold++) {
    await panel.getByRole('button', { name: `Start hold ${hold} of 3 (5 seconds)` }).click();
    assert.match(await panel.locator('.hc-timer').textContent(), /Hold: 5 seconds left/);
    await page.clock.runFor(2600);
    assert.match(await panel.locator('.hc-timer').textContent(), /Hold: 3 seconds left/);
    await page.clock.runFor(100);
    await page.waitForFunction(() => /Halfway/.test(document.querySelector('.hc-session-panel [aria-live]').textContent));
    await page.clock.runFor(2500);
    if (hold < 3) {
      assert.match(await panel.locator('.hc-timer').textContent(), /Rest: 5 seconds/);
      await panel.getByRole('button', { name: 'Skip the rest' }).click();
    }
  }
  await panel.getByRole('button', { name: 'Next exercise' }).click();
  assert.match(await panel.textContent(), /Exercise 2 of 5/);
  await panel.getByRole('button', { name: 'Skip this exercise' }).click();

  // Ten repeats, tapped.
  assert.match(await panel.textContent(), /Exercise 3 of 5/);
  const counter = panel.locator('.hc-counter');
  for (let i = 1; i <= 9; i++) await counter.click();
  assert.match(await counter.textContent(), /9 of 10/);
  await counter.click();
  await screenshot(page, 'session-2-done-360');
  await panel.getByRole('button', { name: 'Next exercise' }).click();

  // It hurts: the session stops, says why, and the pain is asked with the stop logged.
  await panel.getByRole('button', { name: 'This hurts more than 5/10' }).click();
  assert.match(await panel.getByRole('alert').textContent(), /pain above 5\/10 is more than this plan allows/);
  const during = panel.getByLabel('Pain during this session (0 = none, 10 = worst)');
  assert.equal(await during.inputValue(), '6');
  await expectNoAxeViolations(page, 'session, pain asked');
  await panel.getByRole('button', { name: 'Save this session' }).click();
  assert.match(await panel.getByRole('status').textContent(), /Saved on this device.*Next time: ease off/);
  const kept = JSON.parse(await page.evaluate(() => localStorage.getItem('hipcheck.sessions')));
  assert.equal(kept.length, 1);
  // The session is on the history chart at once, beside the check (two points: a chart).
  assert.equal(await page.locator('.hc-history .hc-chart .hc-chart-session').count(), 1);
  assert.match(await page.locator('.hc-history .hc-chart-figure').getAttribute('aria-label'), /Guided sessions: 1; pain during the last one: 6 out of 10/);
  assert.deepEqual([kept[0].during, kept[0].done, kept[0].of, kept[0].stopped], [6, 2, 5, true]);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the next session asks about the morning after the last one and keeps it with that session', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(() => {
    if (sessionStorage.getItem('seeded')) return;
    sessionStorage.setItem('seeded', '1');
    localStorage.setItem('hipcheck.sessions', JSON.stringify([{ date: '2026-11-30', day: 20422, during: 1, usual: 1, next_morning: null, felt_easy: true, done: 5, of: 5, stopped: false }]));
  });
  const { page, problems } = await watchedPage(context);
  await page.goto(`${env.site.url}hipcheck/`);
  await walkToResult(page);
  assert.match(await page.locator('.hc-session').textContent(), /Sessions so far: 1/);
  await page.getByRole('button', { name: "Start today's session" }).click();
  const panel = page.locator('.hc-session-panel');
  for (let i = 0; i < 5; i++) await panel.getByRole('button', { name: 'Skip this exercise' }).click();
  await panel.getByLabel(/the morning after your last session/).fill('1');
  await panel.getByLabel('Pain during this session (0 = none, 10 = worst)').fill('2');
  await panel.getByLabel('It felt easy').check();
  await panel.getByRole('button', { name: 'Save this session' }).click();
  assert.match(await panel.getByRole('status').textContent(), /Tomorrow morning, note your pain/);
  const kept = JSON.parse(await page.evaluate(() => localStorage.getItem('hipcheck.sessions')));
  assert.deepEqual(kept.map((s) => s.next_morning), [1, null], 'the morning after the last session is kept with it');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the session in Spanish', async () => {
  const context = await env.browser.newContext({ viewport: { width: 360, height: 800 } });
  const { page, problems } = await watchedPage(context);
  await page.goto(`${env.site.url}hipcheck/es/`);
  await page.getByRole('button', { name: 'Empezar' }).click();
  await page.getByRole('group', { name: /menor de 16/ }).getByRole('radio', { name: 'No', exact: true }).check();
  await page.getByRole('button', { name: 'No me ocurre nada de esto' }).first().click();
  await page.getByRole('tab', { name: 'Vista de lado' }).click();
  await page.getByRole('button', { name: /^Derecha · hueso saliente del costado de la cadera$/ }).click();
  await page.getByRole('button', { name: 'Continuar' }).click();
  await answerQuestions(page, { 'acostarse sobre el lado dolorido': 'Sí' }, { words: QUESTIONS_ES });
  await page.getByRole('button', { name: 'Ver mi resultado' }).click();
  await page.getByRole('button', { name: 'Empezar la sesión de hoy' }).click();
  const panel = page.locator('.hc-session-panel');
  assert.match(await panel.textContent(), /La sesión de hoy.*Ejercicio 1 de 5/s);
  assert.ok(await panel.getByRole('button', { name: 'Esto me duele más de 5/10' }).isVisible());
  await expectNoAxeViolations(page, 'la sesión');
  await screenshot(page, 'es-session-360');
  assert.deepEqual(problems, []);
  await context.close();
});
