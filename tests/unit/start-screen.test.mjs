// The start screen the build puts into the pages (scripts/start-screen.mjs), from every
// language's words as `hipcheck content ui-words` prints them: each word of the screen is in it,
// escaped, and a missing word stops the build naming its file and key. That it is exactly the
// app's first render is tests/e2e/start.test.mjs's (it needs the wasm).
import test from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startScreen } from '../../scripts/start-screen.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const cli = process.env.HIPCHECK_CLI ?? path.join(ROOT, 'target', 'debug', 'hipcheck');
const WORDS = JSON.parse(execFileSync(cli, ['content', 'ui-words'], { cwd: ROOT, encoding: 'utf8' })).languages;
const NAMES = Object.fromEntries(Object.entries(WORDS).map(([lang, words]) => [lang, words.app.language_name]));

for (const [lang, { app }] of Object.entries(WORDS)) {
  test(`the start screen in ${lang} carries its words and a switch to each other language`, () => {
    const html = startScreen({ lang, words: app, languages: NAMES });
    assert.match(html, new RegExp(`^<section lang="${lang}"`));
    for (const key of ['start_heading', 'emergency_first', 'age_label', 'age_hint', 'sex_legend', 'runner_legend', 'start_button']) {
      assert.ok(html.includes(`>${app[key]}<`), `${key}: ${app[key]}`);
    }
    for (const [code, name] of Object.entries(NAMES).filter(([code]) => code !== lang)) {
      assert.ok(html.includes(`data-hc-lang="${code}" class="hc-link hc-lang">${name}</button>`), code);
    }
    assert.ok(!html.includes(`data-hc-lang="${lang}"`), 'no switch to itself');
  });
}

test('words are escaped, in text and in attributes', () => {
  const words = { ...WORDS.en.app, sex_female: 'A "quoted" <b>&', start_heading: '<script>' };
  const html = startScreen({ lang: 'en', words, languages: NAMES });
  assert.ok(html.includes('value="A &quot;quoted&quot; <b>&amp;"'));
  assert.ok(html.includes('<span>A "quoted" &lt;b&gt;&amp;</span>'));
  assert.ok(html.includes('&lt;script&gt;</h2>'));
});

test('a missing word stops the build, naming the file and the key', () => {
  const { start_button: _, ...words } = WORDS.es.app;
  assert.throws(() => startScreen({ lang: 'es', words, languages: NAMES }), /content\/es\/ui\.toml: \[app\] start_button is missing/);
  const { step_names: __, ...english } = WORDS.en.app;
  assert.throws(() => startScreen({ lang: 'en', words: english, languages: NAMES }), /content\/ui\.toml: \[app\] step_names is missing/);
});
