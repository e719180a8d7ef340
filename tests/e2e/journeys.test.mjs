// End-to-end journeys in Debian's Chromium against the release build: what a runner on a phone
// actually does. Every step is checked with axe-core and photographed at 360 and 1280 px.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { expectNoAxeViolations, watchedPage, screenshot, notUnder16, answerQuestions, walkToAboutPain, walkToResult } from './support.mjs';
import { siteAndBrowser } from './fixture.mjs';

const env = siteAndBrowser();
const ROOT = path.resolve(import.meta.dirname, '..', '..');

async function heading(page) {
  return (await page.locator('.hc-step-heading').textContent()).trim();
}

/** Checks a step: heading, axe, screenshot. */
async function atStep(page, name, expectedHeading, width) {
  await page.locator('.hc-step-heading', { hasText: expectedHeading }).waitFor();
  await expectNoAxeViolations(page, `${name} at ${width} px`);
  await screenshot(page, `${name}-${width}`);
}

function question(page, text) {
  return page.getByRole('group', { name: new RegExp(text) });
}

for (const width of [360, 1280]) {
  test(`gluteal tendinopathy to self-care at ${width} px, axe-clean on every step`, async () => {
    const context = await env.browser.newContext({ viewport: { width, height: 860 } });
    const { page, problems, requests } = await watchedPage(context);
    await page.goto(env.site.url);

    await atStep(page, '1-start', 'Check your hip pain', width);
    // An implausible age is refused in place, named, and blocks Start until it is fixed.
    const age = page.getByLabel('Your age');
    await age.fill('300');
    assert.equal(await age.getAttribute('aria-invalid'), 'true');
    assert.match(await page.locator('.hc-error').textContent(), /age from 0 to 120/);
    assert.ok(await page.getByRole('button', { name: 'Start' }).isDisabled());
    await age.fill('5o'); // a typo is shown as typed and refused, not silently dropped
    assert.equal(await age.getAttribute('aria-invalid'), 'true');
    assert.equal(await age.inputValue(), '5o');
    await age.fill('52');
    assert.equal(await age.getAttribute('aria-invalid'), 'false');
    assert.equal(await page.locator('.hc-error').count(), 0);
    await page.getByRole('radio', { name: 'Female' }).check();
    await page.getByRole('button', { name: 'Start' }).click();

    await atStep(page, '2-safety', 'safety questions', width);
    await page.getByRole('button', { name: 'None of these apply to me' }).first().click();

    await atStep(page, '3-where-front', 'Where does it hurt?', width);
    await page.getByRole('tab', { name: 'Side view' }).click();
    await page.getByRole('button', { name: 'Left side' }).click();
    const pointOfHip = page.getByRole('button', { name: 'Left · point of the hip', exact: true });
    await pointOfHip.click();
    assert.equal(await pointOfHip.getAttribute('aria-pressed'), 'true');
    const box = await pointOfHip.boundingBox();
    assert.ok(box.width >= 24 && box.height >= 24, `tap target ${box.width}×${box.height} px`);
    await atStep(page, '3-where-side', 'Where does it hurt?', width);
    await page.getByRole('tab', { name: 'Back view' }).click();
    await atStep(page, '3-where-back', 'Where does it hurt?', width);
    await page.getByRole('button', { name: 'Prefer a list?' }).click();
    await atStep(page, '3-where-list', 'Where does it hurt?', width);
    assert.ok(await page.getByRole('checkbox', { name: 'Left · point of the hip' }).isChecked());
    await page.getByRole('button', { name: 'Show the diagram' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();

    // "About your pain" with "Do any of these apply to you?" (issue 23) under it.
    await page.locator('.hc-pain-now').waitFor();
    await atStep(page, '4-symptoms', 'About your pain', width);
    assert.ok(await page.getByRole('heading', { name: 'Do any of these apply to you?' }).isVisible());
    await page.getByRole('radio', { name: 'Gradually, over days or weeks' }).check();
    await page.getByRole('radio', { name: '6 weeks to 3 months' }).check();
    const together = await page.locator('.hc-symptoms .hc-group .hc-question').count();
    let firstQuestion = true;
    const onQuestion = async () => {
      if (!firstQuestion) return;
      firstQuestion = false;
      await expectNoAxeViolations(page, 'one question');
      await screenshot(page, `4-symptoms-question-${width}`);
    };
    const asked = await answerQuestions(page, {
      'lie on the sore side': 'Yes',
      'standing on the sore leg alone': 'Yes',
      'point of your hip sore to press': 'Yes',
    }, { onQuestion });
    // The questions that can only raise the level on one screen, then one screen per question
    // that can still change the ranking: a ceiling on the screens, so they cannot silently grow
    // back (21 questions were asked on one page before; 16 one per screen before issue 21 added
    // the questions every level-raising finding needs, 19 after it; issue 23: 1 + 4 screens).
    const screens = asked.length - together;
    assert.ok(together > 0 && screens <= 5, `${together} together, then ${screens} one per screen: ${asked.join(' | ')}`);
    await page.getByRole('heading', { name: 'Your result is ready' }).waitFor();
    await expectNoAxeViolations(page, 'result ready');
    await screenshot(page, `4-symptoms-ready-${width}`);
    await page.getByRole('button', { name: 'See my result' }).click();

    await atStep(page, '5-results', 'Your result', width);
    assert.match(await page.locator('.hc-results > .hc-hint').first().textContent(), /Checked on \w+ \d{1,2}, \d{4}|Checked on \d{1,2} \w+ \d{4}/, 'the result is dated');
    const banner = page.locator('.hc-banner');
    assert.match(await banner.textContent(), /Safe to start on your own/);
    const first = page.locator('.hc-source').first();
    assert.match(await first.textContent(), /gluteal tendinopathy/);
    assert.match(await first.textContent(), /Likely/);
    // The interview stopped once the result was settled: the evidence is what was asked.
    assert.match(await first.textContent(), /Point of the hip sore to press/);
    assert.ok(await page.getByRole('heading', { name: 'Your plan this week' }).isVisible());
    assert.ok(await page.getByText('Lying belt push-out').first().isVisible());
    // The figures' coloured leg is the sore one, on the side tapped (the left point of the hip).
    await page.locator('.hc-plan .hc-session', { hasText: 'the coloured leg is your sore one: your left leg.' }).waitFor();
    // Issue 22: this week's exercises come before the reasons and the later weeks: the first
    // one within 1,600 px of the top of the result on a phone.
    const offset = await page.evaluate(() => document.querySelector('.hc-exercise').getBoundingClientRect().top
      - document.querySelector('.hc-results').getBoundingClientRect().top);
    assert.ok(offset < 1600, `the first exercise is ${Math.round(offset)} px down the result`);
    await page.locator('.hc-handoff-section').waitFor();
    const measured = await page.evaluate(() => ({
      height: document.querySelector('.hc-results').getBoundingClientRect().height,
      figure: document.querySelector('.hc-exercise .hc-figure').getBoundingClientRect().width,
    }));
    console.log(`result at ${width} px: ${Math.round(measured.height)} px tall, first exercise ${Math.round(offset)} px down`);
    if (width === 360) {
      // With nothing opened, the whole result is within about seven phone screens, and each
      // figure is big enough to read (issue 22).
      assert.ok(measured.height <= 5000, `the result is ${Math.round(measured.height)} px tall at 360 px`);
      assert.ok(measured.figure >= 160, `a figure is ${measured.figure} px wide`);
    }
    // What keeps the person fit instead of running is a tap away, after the day's session.
    const fitness = page.locator('.hc-phase-now .hc-fitness');
    assert.equal(await fitness.locator('.hc-exercise').first().isVisible(), false);
    // A figure that moves plays when it comes on screen, and once more when tapped; the
    // styles animate its frames for a person who allows motion, ending on the end pose.
    const figure = page.locator('.hc-phase-now .hc-figure.hc-moves').first();
    await figure.scrollIntoViewIfNeeded();
    await page.waitForFunction(() => document.querySelector('.hc-phase-now .hc-figure.hc-moves')?.classList.contains('hc-play'));
    assert.ok(await figure.evaluate((svg) => svg.getAnimations({ subtree: true }).length > 0), 'the frames are animated');
    await figure.evaluate((svg) => Promise.all(svg.getAnimations({ subtree: true }).map((a) => a.finish())));
    assert.equal(await figure.evaluate((svg) => getComputedStyle(svg.querySelector('.hc-frame:last-of-type')).opacity), '1', 'it ends on the end pose');
    await figure.click();
    assert.ok(await figure.evaluate((svg) => svg.getAnimations({ subtree: true }).some((a) => a.playState === 'running')), 'a tap plays it again');
    // Each later phase is one line, its exercises a tap away; a source's reasons likewise.
    const later = page.locator('.hc-phase-later').first();
    assert.equal(await later.locator('.hc-exercise').first().isVisible(), false);
    await later.locator(':scope > summary').click();
    assert.ok(await later.locator('.hc-exercise').first().isVisible());
    assert.equal(await first.getByText('Point of the hip sore to press').isVisible(), false);
    await first.locator('.hc-evidence > summary').click();
    assert.ok(await first.getByText('Point of the hip sore to press').isVisible());
    // The next phase opens only by its own criteria, all ticked (CLINICAL.md §4), and the
    // phase reached is kept on this device.
    const now = page.locator('.hc-phase-now > summary');
    assert.match(await now.textContent(), /Settle/);
    const ready = page.getByRole('button', { name: "I'm ready for the next phase" });
    const criteria = page.locator('.hc-phase-now .hc-checks input[type=checkbox]');
    assert.ok((await criteria.count()) >= 2);
    await criteria.first().check();
    assert.equal(await ready.getAttribute('aria-disabled'), 'true');
    // Pressed anyway (it stays focusable, as a disabled button would not be): nothing moves.
    await ready.click({ force: true });
    assert.match(await now.textContent(), /Settle/, 'one criterion of several does not move on');
    for (const box of await criteria.all()) await box.check();
    assert.equal(await ready.getAttribute('aria-disabled'), 'false');
    await ready.click();
    await page.waitForFunction(() => /Load/.test(document.querySelector('.hc-phase-now > summary')?.textContent ?? ''));
    assert.match(await page.locator('.hc-phase-done > summary').first().textContent(), /Done: Settle/);
    assert.equal(await page.evaluate(() => localStorage.getItem('hipcheck.plan-phase')), 'gluteal-tendinopathy 1');
    await expectNoAxeViolations(page, 'result, phase 2');
    assert.ok(await page.locator('.hc-phase-now .hc-exercise svg[role=img]').first().isVisible());
    assert.equal(await page.getByRole('link', { name: 'Book an appointment' }).getAttribute('href'), 'https://example.com/book');

    // "Change my answers" keeps the answers.
    await page.getByRole('button', { name: 'Where it hurts' }).click();
    await page.locator('.hc-step-heading', { hasText: 'Where does it hurt?' }).waitFor();
    assert.match(await page.locator('.hc-chips').textContent(), /Left · point of the hip/);

    await page.getByRole('button', { name: 'Continue' }).click();
    // "About your pain", then straight to "your result is ready": every answer is kept (the
    // questions asked together were all answered "no").
    await page.getByRole('button', { name: 'None of these apply to me' }).last().click();
    await page.getByRole('heading', { name: 'Your result is ready' }).waitFor();
    await page.getByRole('button', { name: 'See my result' }).click();
    await page.locator('.hc-banner').waitFor();
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.getByRole('button', { name: 'Print or save as PDF' }).isVisible(), false, 'controls are not printed');
    await screenshot(page, `5-results-print-${width}`);
    if (width === 1280) {
      const pdf = await page.pdf({ format: 'A4' });
      const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
      assert.ok(pages >= 1 && pages <= 2, `the printed summary is ${pages} A4 pages`);
    }
    await page.emulateMedia({ media: 'screen' });

    assert.deepEqual(problems, []);
    assert.deepEqual(requests.filter((u) => !u.startsWith(env.site.url)), []);
    await context.close();
  });
}

test('an emergency answer in the safety questions stops the flow at once', async () => {
  const context = await env.browser.newContext({ viewport: { width: 360, height: 800 } });
  const { page, problems } = await watchedPage(context);
  await page.goto(env.site.url);
  await page.getByRole('button', { name: 'Start' }).click();
  await page.locator('.hc-safety').evaluate((el) => { el.dataset.wasSafetyStep = 'yes'; });
  // click, not check: the question disappears as the flow stops.
  await question(page, 'numbness or tingling between your legs').getByRole('radio', { name: 'Yes', exact: true }).click();
  await atStep(page, 'emergency', 'Get emergency help now', 360);
  const alert = page.getByRole('alert');
  // A freshly inserted alert, not the safety step's element patched into one: screen readers
  // announce inserted alerts reliably.
  assert.equal(await alert.getAttribute('data-was-safety-step'), null);
  assert.match(await alert.textContent(), /emergency department now/);
  assert.match(await alert.textContent(), /cauda equina/);
  // Only what to do now: no questions, no diagram, no plan.
  assert.equal(await page.getByRole('radio').count(), 0);
  assert.equal(await page.locator('.hc-progress').count(), 0);
  assert.equal(await page.getByText('exercise plan').count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('"not sure" on an emergency question is explained, asked again, and ends same-day', async () => {
  const context = await env.browser.newContext({ viewport: { width: 360, height: 800 } });
  const { page, problems } = await watchedPage(context);
  await page.goto(env.site.url);
  await page.getByRole('button', { name: 'Start' }).click();
  await notUnder16(page);
  // The question's own help has downloaded (before it has, the rule's compiled reason stands
  // in: faults.test.mjs).
  await question(page, 'fever or chills').getByText('What does this mean?').waitFor();
  await question(page, 'fever or chills').getByRole('radio', { name: 'Not sure' }).click();
  const recheck = page.locator('.hc-recheck');
  await recheck.waitFor();
  assert.match(await recheck.textContent(), /infection in the hip joint/);
  // Focus moves to the panel, so a screen reader reads the question again at once.
  await page.waitForFunction(() => document.activeElement?.classList.contains('hc-recheck'), null, { timeout: 2000 });
  await expectNoAxeViolations(page, 'unsure recheck');
  await screenshot(page, '2-safety-recheck-360');
  await recheck.getByRole('button', { name: 'Still not sure' }).click();
  await page.getByRole('button', { name: 'Continue' }).last().click();
  await page.getByRole('tab', { name: 'Front view' }).waitFor();
  await page.getByRole('button', { name: 'Right · front of thigh', exact: true }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
  await answerQuestions(page);
  await page.getByRole('button', { name: 'See my result' }).click();
  assert.match(await page.locator('.hc-banner').textContent(), /Get seen today/);
  assert.equal(await page.getByRole('heading', { name: 'Your exercise plan' }).count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

/** Presses Tab until the focused element satisfies `matches` (run in the page). */
async function tabTo(page, description, matches, arg) {
  for (let i = 0; i < 150; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(matches, arg)) return;
  }
  throw new Error(`Tab never reached ${description}`);
}

const isButton = (text) => {
  const el = document.activeElement;
  const name = (el?.getAttribute('aria-label') ?? el?.textContent ?? '').trim();
  return (el?.tagName === 'BUTTON' || el?.getAttribute('role') === 'button' || el?.getAttribute('role') === 'tab') && name === text;
};
const isRadioIn = ([legend, value]) => {
  const el = document.activeElement;
  if (el?.tagName !== 'INPUT') return false;
  const fieldset = el.closest('fieldset');
  return fieldset?.querySelector('legend')?.textContent.includes(legend) && el.closest('label')?.textContent.trim() === value;
};
const focusIsStepHeading = () => document.activeElement?.classList.contains('hc-step-heading');

test('bone stress to within-days, completed by keyboard only', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const { page, problems } = await watchedPage(context);
  await page.goto(env.site.url);
  await page.locator('.hc-step-heading').waitFor();

  await tabTo(page, 'the age field', () => document.activeElement?.classList.contains('hc-age'));
  await page.keyboard.type('24');
  // Tab enters a radio group at its checked option ("Prefer not to say"); arrows move and select.
  await tabTo(page, 'the sex radio group', isRadioIn, ['Sex', 'Prefer not to say']);
  await page.keyboard.press('ArrowRight');
  assert.ok(await page.evaluate(isRadioIn, ['Sex', 'Female']), 'ArrowRight wraps to Female');
  await tabTo(page, 'Start', isButton, 'Start');
  await page.keyboard.press('Enter');
  await page.locator('.hc-step-heading', { hasText: 'safety' }).waitFor();
  assert.ok(await page.evaluate(focusIsStepHeading), 'focus moves to the safety heading');

  await tabTo(page, 'None of these', isButton, 'None of these apply to me');
  await page.keyboard.press('Enter');
  await page.locator('.hc-step-heading', { hasText: 'Where does it hurt?' }).waitFor();
  assert.ok(await page.evaluate(focusIsStepHeading), 'focus moves to the diagram heading');

  // Tabs: arrow keys move between views; then into the diagram.
  await tabTo(page, 'the Front view tab', isButton, 'Front view');
  await page.keyboard.press('ArrowRight');
  assert.ok(await page.evaluate(isButton, 'Side view'), 'ArrowRight moves focus to the Side view tab');
  await page.keyboard.press('ArrowLeft');
  assert.ok(await page.evaluate(isButton, 'Front view'));
  await tabTo(page, 'Right deep groin', isButton, 'Right · deep groin / front hip crease');
  await page.keyboard.press('Space');
  assert.equal(await page.locator('[data-region="hip-crease"][data-side="right"]').getAttribute('aria-pressed'), 'true');
  await tabTo(page, 'Continue', isButton, 'Continue');
  await page.keyboard.press('Enter');
  await page.locator('.hc-step-heading', { hasText: 'About your pain' }).waitFor();
  assert.ok(await page.evaluate(focusIsStepHeading), 'focus moves to the symptoms heading');

  // "Do any of these apply to you?": Tab reaches each question's answers, Space ticks one.
  const yes = ['earlier in each run', 'suddenly run more'];
  for (const key of yes) {
    await tabTo(page, `"Yes" to "${key}"`, isRadioIn, [key, 'Yes']);
    await page.keyboard.press('Space');
    await page.waitForFunction(([legend]) => [...document.querySelectorAll('.hc-symptoms fieldset')]
      .some((f) => f.querySelector('legend').textContent.includes(legend) && f.querySelector('input:checked')), [key]);
  }
  await tabTo(page, 'Continue', isButton, 'Continue');
  await page.keyboard.press('Enter');
  // Then one question at a time: focus lands on each question, and Tab reaches its answers.
  for (let asked = 0; ; asked++) {
    assert.ok(asked < 20, 'the interview ends');
    await page.waitForFunction(() => document.activeElement?.classList.contains('hc-q-title'), null, { timeout: 3000 });
    const text = await page.evaluate(() => document.activeElement.textContent.trim());
    if (text === 'Your result is ready') break;
    assert.match(text, /^Question \d+/, 'a screen reader hears the question number first');
    const answer = yes.some((key) => text.includes(key)) ? 'Yes' : 'No';
    await tabTo(page, answer, isButton, answer);
    await page.keyboard.press('Enter');
    await page.waitForFunction((old) => document.activeElement?.textContent.trim() !== old, text, { timeout: 3000 });
  }
  await tabTo(page, 'See my result', isButton, 'See my result');
  await page.keyboard.press('Enter');
  await page.locator('.hc-step-heading', { hasText: 'Your result' }).waitFor();
  assert.ok(await page.evaluate(focusIsStepHeading), 'focus moves to the result heading');
  assert.match(await page.getByRole('status').filter({ hasText: 'Your result' }).textContent(), /See someone in the next 1–3 days/);

  assert.match(await page.locator('.hc-banner').textContent(), /1–3 days/);
  assert.match(await page.locator('.hc-source').first().textContent(), /Bone stress injury of the hip/);
  assert.ok(await page.getByRole('heading', { name: 'Until you are seen', exact: true }).isVisible());
  assert.equal(await page.locator('.hc-exercise').count(), 0, 'no exercises while bone stress is suspected');
  await expectNoAxeViolations(page, 'bone stress result');
  await screenshot(page, 'bone-stress-result-1280');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a half-finished interview resumes at the next unanswered question, with the red flags asked again', async () => {
  const context = await env.browser.newContext({ viewport: { width: 360, height: 800 } });
  const { page, problems } = await watchedPage(context);
  // The question on screen: its wording (without the hidden number), and whether it is one of
  // the safety questions about the area.
  const current = async () => {
    await page.waitForFunction(() => document.querySelector('.hc-one-question .hc-answers'));
    return page.locator('.hc-one-question').evaluate((card) => ({
      text: card.querySelector('.hc-q-title').lastChild.textContent.trim(),
      safety: card.querySelector('.hc-q-progress').textContent.includes('safety question'),
    }));
  };
  const answerNo = async (question) => {
    await page.locator('.hc-answers').getByRole('button', { name: 'No', exact: true }).click();
    await page.waitForFunction((t) => !document.querySelector('.hc-q-title')?.textContent.endsWith(t), question.text);
  };
  await page.goto(env.site.url);
  await walkToAboutPain(page);
  await page.getByRole('button', { name: 'None of these apply to me' }).last().click();
  const symptomsAnswered = [];
  while (symptomsAnswered.length < 2) {
    const question = await current();
    if (!question.safety) symptomsAnswered.push(question.text);
    await answerNo(question);
  }

  await page.reload();
  await page.getByRole('button', { name: 'Continue where I left off' }).click();
  await page.locator('.hc-step-heading', { hasText: 'safety questions' }).waitFor();
  await page.getByRole('button', { name: 'None of these apply to me' }).first().click();
  // Straight back to the questions: the area's safety questions again (CLINICAL.md rule 1),
  // then the next symptom question not yet answered.
  let question = await current();
  let safetyAgain = 0;
  while (question.safety) {
    safetyAgain += 1;
    await answerNo(question);
    question = await current();
  }
  assert.ok(safetyAgain > 0, 'the safety questions about the area are asked again');
  assert.ok(!symptomsAnswered.includes(question.text), `"${question.text}" was answered before the reload`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('returning visitors can continue, and corrupt saved data is discarded with a message', async () => {
  const context = await env.browser.newContext({ viewport: { width: 360, height: 800 } });
  const { page, problems } = await watchedPage(context);
  await page.goto(env.site.url);
  await page.getByRole('button', { name: 'Start' }).click();
  await notUnder16(page);
  await page.getByRole('button', { name: 'None of these apply to me' }).first().click();
  await page.getByRole('button', { name: 'Right · front of hip bone, top of thigh', exact: true }).click();
  // The diagram shows a tap at once and hands it to the app a task later (body_map.rs): leave
  // when the app has it, as the chips show, as a person would.
  await page.locator('.hc-chips', { hasText: 'Right · front of hip bone' }).waitFor();

  await page.reload();
  await page.getByRole('button', { name: 'Continue where I left off' }).click();
  // Red flags are asked again on every reassessment; the rest is kept.
  await page.locator('.hc-step-heading', { hasText: 'safety questions' }).waitFor();
  await page.getByRole('button', { name: 'None of these apply to me' }).first().click();
  assert.match(await page.locator('.hc-chips').textContent(), /Right · front of hip bone/);

  await page.evaluate(() => localStorage.setItem('hipcheck.answers', 'hipcheck 1\nstep where\npain elbow left\n'));
  await page.reload();
  await page.getByRole('heading', { name: 'Check your hip pain in about 5½ minutes' }).waitFor();
  assert.match(await page.getByRole('status').first().textContent(), /couldn't read the answers saved/);
  assert.equal(await page.evaluate(() => localStorage.getItem('hipcheck.answers')), null);
  assert.deepEqual(problems, []);
  await context.close();
});

for (const width of [320, 640]) {
  // 640 CSS px is what a 1280 px window shows at 200 % zoom.
  test(`no horizontal scrolling and nothing cut off at ${width} px, on every step`, async () => {
    const context = await env.browser.newContext({ viewport: { width, height: 700 } });
    const { page, problems } = await watchedPage(context);
    const noOverflow = async (where) => {
      const { scroll, client, clipped } = await page.evaluate(() => {
        const root = document.scrollingElement;
        const clipped = [...document.querySelectorAll('.hc-app *')]
          .filter((el) => el.getClientRects().length && el.getBoundingClientRect().right > root.clientWidth + 1)
          .map((el) => `${el.tagName.toLowerCase()}.${el.className?.baseVal ?? el.className}`)
          .slice(0, 5);
        return { scroll: root.scrollWidth, client: root.clientWidth, clipped };
      });
      assert.ok(scroll <= client, `${where}: page scrolls sideways (${scroll} > ${client}): ${clipped}`);
      assert.deepEqual(clipped, [], `${where}: elements cut off at the right edge`);
    };
    await page.goto(env.site.url);
    await page.locator('.hc-step-heading').waitFor();
    await noOverflow('start');
    await page.getByRole('button', { name: 'Start' }).click();
    await noOverflow('safety');
    await notUnder16(page);
    await page.getByRole('button', { name: 'None of these apply to me' }).first().click();
    for (const view of ['Front view', 'Side view', 'Back view']) {
      await page.getByRole('tab', { name: view }).click();
      await noOverflow(view);
      if (view === 'Side view') await page.getByRole('button', { name: 'Right · point of the hip', exact: true }).click();
    }
    await page.getByRole('button', { name: 'Prefer a list?' }).click();
    await noOverflow('list');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.locator('.hc-pain-now').waitFor();
    await noOverflow('symptoms, with the questions asked together');
    let first = true;
    const onQuestion = async () => {
      if (first) await noOverflow('one question');
      first = false;
    };
    await answerQuestions(page, { 'lie on the sore side': 'Yes' }, { onQuestion });
    await noOverflow('result ready');
    await page.getByRole('button', { name: 'See my result' }).click();
    await page.locator('.hc-banner').waitFor();
    for (const details of await page.locator('details').all()) await details.evaluate((d) => { d.open = true; });
    await noOverflow('results');
    await screenshot(page, `5-results-${width}`);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

// Taps from Start to the result for five typical people, with a ceiling each, so the count
// cannot silently grow back. Typing the age is not a tap; every click is. The ceilings were 20,
// 20 and 16 before issue 21 added red flags #30-#37 (asked only where they apply) and the
// questions rule 15 split (periods apart from under-fuelling): measured then at 28, 20 and 25
// with no duration given (so the recent and the lasting questions are both asked). Issue 23
// asks the level-raising questions together on "about your pain" and folds the review of the
// answers: measured 12, 8, 20, 10 and 13 taps (the words at the wider of 360 and 1280 px, plus
// about 2 %; docs/interview.md).
const TYPICAL = [
  { who: 'gluteal tendinopathy at 48', age: '48', sex: 'Female', areas: [['Side view', 'Right · point of the hip']],
    answers: { 'point of your hip sore to press': 'Yes', 'lie on the sore side': 'Yes', 'standing on the sore leg': 'Yes' }, level: /Safe to start on your own/, ceiling: 12, words: 1220 },
  { who: 'proximal hamstring tendinopathy at 35', age: '35', sex: 'Male', areas: [['Back view', 'Left · sit bone, bottom of the buttock']],
    answers: { 'sitting': 'Yes', 'sit bone itself sore': 'Yes', 'fast, uphill': 'Yes' }, level: /Safe to start on your own/, ceiling: 8, words: 975 },
  { who: 'groin bone-stress pattern at 22', age: '22', sex: 'Female', areas: [['Front view', 'Right · deep groin / front hip crease']],
    answers: { 'earlier in each run': 'Yes', 'suddenly run more': 'Yes', 'eat less than your training needs': 'Yes' }, level: /See someone in the next 1–3 days/, ceiling: 20, words: 1480 },
  { who: 'hip osteoarthritis pattern at 67', age: '67', sex: 'Male', areas: [['Front view', 'Right · deep groin / front hip crease']],
    answers: { 'stiff when you get up after sitting': 'Yes', 'socks and shoes': 'Yes', 'deep squats': 'Yes' }, level: /Book a check-up within 1–2 weeks/, ceiling: 10, words: 1215 },
  { who: 'knee pain at 15', age: '15', sex: 'Male', areas: [['Front view', 'Left · front of knee']],
    answers: {}, level: /See someone in the next 1–3 days/, ceiling: 13, words: 960 },
];
// The time model of issue 23: reading at 230 words a minute, and 1.2 s a tap.
const WORDS_PER_MINUTE = 230;
const SECONDS_PER_TAP = 1.2;
/** The words of the step on screen (the widget's body: not its header or footer). */
const wordsOnScreen = async (page) => (await page.locator('#hipcheck .hc-main').innerText())
  .split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
// Each persona's seconds by the model at 360 px, for the start screen's promise (below).
const secondsAtPhoneWidth = new Map();
for (const width of [360, 1280]) {
  for (const person of TYPICAL) {
    test(`${person.who}: at most ${person.ceiling} taps from Start to the result at ${width} px`, async () => {
      const context = await env.browser.newContext({ viewport: { width, height: 900 } });
      const { page, problems } = await watchedPage(context);
      let taps = 0;
      let words = 0;
      const tap = async (locator) => { await locator.click(); taps += 1; };
      const byScreen = [];
      const read = async () => {
        byScreen.push(await wordsOnScreen(page));
        words += byScreen.at(-1);
      };
      await page.goto(env.site.url);
      await page.locator('#hipcheck[data-hc-app]').waitFor();
      await read();
      await page.getByLabel('Your age').fill(person.age);
      await tap(page.getByRole('radio', { name: person.sex, exact: true }));
      await tap(page.getByRole('button', { name: 'Start' }));
      await page.getByRole('button', { name: 'None of these apply to me' }).first().waitFor();
      // Read once the after-Start text has come: each question's "What does this mean?" comes
      // with it, and a count taken before would vary from run to run.
      await page.locator('.hc-safety .hc-help').first().waitFor();
      await read();
      await tap(page.getByRole('button', { name: 'None of these apply to me' }).first());
      await page.getByRole('tab', { name: 'Front view' }).waitFor();
      await read();
      for (const [view, area] of person.areas) {
        await tap(page.getByRole('tab', { name: view }));
        await tap(page.getByRole('button', { name: area, exact: true }));
      }
      await tap(page.getByRole('button', { name: 'Continue' }));
      await page.locator('.hc-pain-now').waitFor(); // with "Do any of these apply to you?"
      await read();
      const asked = await answerQuestions(page, person.answers, { onQuestion: read, onTap: () => { taps += 1; } });
      await read();
      await tap(page.getByRole('button', { name: 'See my result' }));
      assert.match(await page.locator('.hc-banner').textContent(), person.level);
      const seconds = (words / WORDS_PER_MINUTE) * 60 + taps * SECONDS_PER_TAP;
      if (width === 360) secondsAtPhoneWidth.set(person.who, seconds);
      console.log(`${person.who} at ${width} px: ${taps} taps, ${asked.length} questions read after the safety screen, ${words} words, ${Math.round(seconds)} s by the model (words by screen: ${byScreen.join(' + ')}); level: ${(await page.locator('.hc-banner h3').first().textContent()).trim()}`);
      assert.ok(taps <= person.ceiling, `${taps} taps (ceiling ${person.ceiling}): ${asked.join(' | ')}`);
      // The words read may shrink, never silently grow back (issue 23; docs/interview.md).
      assert.ok(words <= person.words, `${words} words read before the result (ceiling ${person.words})`);
      assert.deepEqual(problems, []);
      await context.close();
    });
  }
}

// The start screen's promise follows the measurement (issue 23): the median persona's seconds at
// 360 px, rounded up to the half minute, in both languages. Runs after the personas above (the
// tests of a file run in order); if one of them failed, this fails too.
test('the start screen promises the median persona\'s time, rounded up to the half minute', () => {
  assert.equal(secondsAtPhoneWidth.size, TYPICAL.length, 'every persona measured at 360 px');
  const sorted = [...secondsAtPhoneWidth.values()].sort((a, b) => a - b);
  const halfMinutes = Math.ceil(sorted[Math.floor(sorted.length / 2)] / 30);
  const [whole, half] = [Math.floor(halfMinutes / 2), halfMinutes % 2 === 1];
  const promises = {
    'content/ui.toml': `about ${whole}${half ? '½' : ''} minutes`,
    'content/es/ui.toml': `unos ${whole} minutos${half ? ' y medio' : ''}`,
  };
  for (const [file, promise] of Object.entries(promises)) {
    const words = fs.readFileSync(path.join(ROOT, file), 'utf8');
    const heading = words.match(/^start_heading = "(.*)"$/m)[1];
    const points = words.match(/^start_points = \[(.*)\]$/m)[1];
    assert.ok(heading.includes(promise), `${file}: "${heading}" should promise "${promise}"`);
    assert.ok(points.toLowerCase().includes(promise.replace(/^\S+ /, '')), `${file}: the start points should say "${promise}"`);
  }
});

// Issue 21: red flags #30-#37 and the must-not-miss sources are reachable from the widget. A
// "yes" to the bleed question (asked for pain of under 2 weeks) sends the person the same day,
// with the blood-vessel source first and no self-managed source above it.
test('a runner on a blood thinner with new pain: same day, the blood-vessel source named first', async () => {
  const context = await env.browser.newContext({ viewport: { width: 360, height: 800 } });
  const { page, problems } = await watchedPage(context);
  await page.goto(env.site.url);
  await page.getByLabel('Your age').fill('67');
  await page.getByRole('button', { name: 'Start' }).click();
  await page.getByRole('button', { name: 'None of these apply to me' }).first().click();
  await page.getByRole('button', { name: 'Prefer a list?' }).click();
  await page.getByRole('checkbox', { name: 'Right · deep groin / front hip crease' }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('radio', { name: 'Less than 2 weeks' }).check();
  const asked = await answerQuestions(page, { 'blood thinner': 'Yes' });
  assert.ok(asked.some((q) => /blood thinner/.test(q)), `asked: ${asked.join(' | ')}`);
  // A question about weeks is not asked of pain that started days ago.
  assert.ok(!asked.some((q) => /week by week/.test(q)), `asked: ${asked.join(' | ')}`);
  await page.getByRole('button', { name: 'See my result' }).click();
  assert.match(await page.locator('.hc-banner').textContent(), /Get seen today/);
  await page.locator('.hc-source').first().waitFor();
  assert.match(await page.locator('.hc-source h4').first().textContent(), /blood-vessel problem/);
  await expectNoAxeViolations(page, 'blood thinner result');
  await screenshot(page, 'issue21-blood-thinner-360');
  assert.deepEqual(problems, []);
  await context.close();
});

// #36: without an age, "60 or over" is asked with "under 16", and a fall with a limp then counts
// as it would at 60 (same day, #26).
test('no age given: "60 or over" is asked with "under 16" and a fall with a limp is seen the same day', async () => {
  const context = await env.browser.newContext({ viewport: { width: 360, height: 800 } });
  const { page, problems } = await watchedPage(context);
  await page.goto(env.site.url);
  await page.getByRole('button', { name: 'Start' }).click();
  await notUnder16(page);
  // click, not check: each answer re-renders the screen (a follow-up appears after the fall).
  await question(page, '60 or over').getByRole('radio', { name: 'Yes', exact: true }).click();
  await question(page, 'start with a fall').getByRole('radio', { name: 'Yes', exact: true }).click();
  await question(page, 'blood thinners or long-term steroid').waitFor();
  // With an answer given, the step's own button says Continue (the rest count as "no").
  await page.getByRole('button', { name: 'Continue', exact: true }).click();
  await page.getByRole('button', { name: 'Prefer a list?' }).click();
  await page.getByRole('checkbox', { name: 'Right · point of the hip' }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await answerQuestions(page, { 'hurt to walk': 'Yes' });
  await page.getByRole('button', { name: 'See my result' }).click();
  assert.match(await page.locator('.hc-banner').textContent(), /Get seen today/);
  assert.match(await page.locator('.hc-banner').textContent(), /After a fall at 60 or over/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('with reduced motion a figure stays still on its start and end poses', async () => {
  const context = await env.browser.newContext({ viewport: { width: 360, height: 800 }, reducedMotion: 'reduce' });
  const { page, problems } = await watchedPage(context);
  await page.goto(env.site.url);
  await walkToResult(page);
  const figure = page.locator('.hc-phase-now .hc-figure.hc-moves').first();
  await figure.scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.querySelector('.hc-phase-now .hc-figure.hc-moves')?.classList.contains('hc-play'));
  await figure.click();
  assert.equal(await figure.evaluate((svg) => svg.getAnimations({ subtree: true }).length), 0);
  const opacities = await figure.evaluate((svg) => [...svg.querySelectorAll('.hc-frame')].map((g) => getComputedStyle(g).opacity));
  assert.equal(opacities[0], '0.25', 'the start pose faint');
  assert.equal(opacities.at(-1), '1', 'the end pose solid');
  assert.ok(opacities.slice(1, -1).every((o) => o === '0'), `the frames between hidden: ${opacities}`);
  assert.deepEqual(problems, []);
  await context.close();
});
