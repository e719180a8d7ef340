// The widget's start screen as plain HTML, made by the build from the language's words
// (content/ui.toml and content/<lang>/ui.toml, [app]), so a visitor can read, type and choose
// before any wasm has arrived. It is the markup the app's first render produces
// (src/ui/app.rs `frame`, src/ui/steps/start.rs, src/ui/widgets/progress.rs and choice.rs):
// tests/e2e/start.test.mjs compares the two in every language, so they cannot drift.

const escapeText = (text) => String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\u00a0/g, '&nbsp;');
const escapeAttribute = (text) => String(text).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/\u00a0/g, '&nbsp;');

/**
 * The start screen of `lang`. `words` is that language's [app] words; `languages` maps every
 * built language's code to its own name (the header's switch lists the others); `clinic`, the
 * page's clinic name, goes into the header as the app puts it. A word the markup needs and
 * `words` lacks throws, naming it: the build stops rather than ship a gap.
 */
export function startScreen({ lang, words, languages, clinic }) {
  const word = (key) => {
    const value = words[key];
    if (value === undefined) throw new Error(`content/${lang === 'en' ? '' : `${lang}/`}ui.toml: [app] ${key} is missing (the start screen needs it)`);
    return value;
  };
  const list = (key, length) => {
    const value = word(key);
    if (!Array.isArray(value) || value.length < length) throw new Error(`content/${lang === 'en' ? '' : `${lang}/`}ui.toml: [app] ${key} needs ${length} items`);
    return value;
  };
  const t = (key) => escapeText(word(key));
  const steps = list('step_names', 1);
  const progress = word('progress')
    .replace('{n}', '1')
    .replace('{total}', String(steps.length))
    .replace('{name}', steps[0]);
  const points = list('start_points', 3);
  // The app's instance 0: the ids and radio names its first render uses.
  const id = (name) => `hc0-${name}`;
  const choice = (name, label, checked) =>
    `<label class="hc-choice${checked ? ' hc-checked' : ''}"><input type="radio" name="${id(name)}" value="${escapeAttribute(label)}"${checked ? ' checked=""' : ''}><span>${escapeText(label)}</span></label>`;
  const switches = Object.entries(languages)
    .filter(([code]) => code !== lang)
    .map(([code, name]) => `<button type="button" lang="${code}" data-hc-lang="${code}" class="hc-link hc-lang">${escapeText(name)}</button>`)
    .join('');
  return [
    `<section lang="${lang}" aria-label="${escapeAttribute(word('app_name'))}" class="hc-app">`,
    `<div class="hc-header"><p class="hc-brand"><span aria-hidden="true" class="hc-logo"></span>${t('app_name')}${clinic ? ` · ${escapeText(clinic)}` : ''}</p>${switches}`,
    `<div class="hc-progress"><p class="hc-progress-text">${escapeText(progress)}</p><div aria-hidden="true" class="hc-progress-bar"><div class="hc-progress-fill hc-at-1"></div></div></div></div>`,
    `<div class="hc-main"><div class="hc-step hc-start"><h2 tabindex="-1" class="hc-step-heading">${t('start_heading')}</h2>`,
    `<p class="hc-emergency-line"><strong>${t('emergency_first')}</strong></p>`,
    `<ul class="hc-points">${points.map((p) => `<li>${escapeText(p)}</li>`).join('')}</ul>`,
    '<form method="dialog" novalidate="novalidate" class="hc-form">',
    `<div class="hc-field"><label for="${id('age')}">${t('age_label')}</label><input id="${id('age')}" type="text" inputmode="numeric" autocomplete="off" spellcheck="false" aria-invalid="false" aria-describedby="${id('age-hint')}" class="hc-input hc-age" value=""><p id="${id('age-hint')}" class="hc-hint">${t('age_hint')}</p></div>`,
    `<fieldset class="hc-question"><legend>${t('sex_legend')}</legend><div class="hc-choices">`,
    choice('sex', word('sex_female'), false),
    choice('sex', word('sex_male'), false),
    choice('sex', word('sex_other'), false),
    choice('sex', word('sex_skip'), true),
    '</div></fieldset>',
    `<fieldset class="hc-question"><legend>${t('runner_legend')}</legend><div class="hc-choices">`,
    choice('runner', word('yes'), true),
    choice('runner', word('no'), false),
    '</div></fieldset>',
    `<div class="hc-actions"><button type="submit" class="hc-button hc-primary">${t('start_button')}</button></div></form></div></div>`,
    `<p class="hc-footer">${t('not_a_diagnosis')} ${escapeText(points[2])}<span class="hc-build"></span></p></section>`,
  ].join('');
}
