// Validates HipCheck's FHIR output with a real FHIR library (npm `fhir`, FHIR.js, R4 4.0.x):
// the Questionnaire the build ships (questionnaire.json in the build folder, equal to
// `hipcheck fhir questionnaire`), and `hipcheck fhir`'s QuestionnaireResponse for every public
// vignette and for 300 fuzz-generated answer sets. Also checks that every answered linkId is an
// item of the Questionnaire and every coded answer one of its options. The widget's download is
// built by the hand-off module (assets/handoff.mjs) from the saved record and the result it reads
// on screen: for every answer set, the module given `hipcheck handoff`'s record and result must
// produce exactly `hipcheck fhir`'s response. Part of scripts/test.sh.
//
//   node scripts/fhir-check.mjs BUILD_DIR
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { Fhir } from 'fhir';
import { questionnaireResponse, parseResult } from '../assets/handoff.mjs';
import './use-build.mjs';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const build = path.resolve(process.argv[2] ?? path.join(ROOT, 'dist'));
// Built by `cargo test` (integration tests build the binaries), or HIPCHECK_CLI.
const cli = process.env.HIPCHECK_CLI ?? path.join(ROOT, 'target', 'debug', 'hipcheck');
const fhir = new Fhir();
const failures = [];

// JSON with sorted keys: serde_json writes keys sorted, the module in the order it builds them.
const canonical = (value) => JSON.stringify(value, (key, v) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]])) : v));

function validate(what, resource) {
  const result = fhir.validate(resource, { errorOnUnexpected: true });
  const errors = result.messages.filter((m) => m.severity === 'error');
  if (!result.valid || errors.length) failures.push(`${what}: ${errors.map((m) => `${m.location}: ${m.message}`).join('; ')}`);
}

// ---------------------------------------------------------------- the Questionnaire
const shipped = JSON.parse(fs.readFileSync(path.join(build, 'questionnaire.json'), 'utf8'));
const printed = JSON.parse(execFileSync(cli, ['fhir', 'questionnaire'], { cwd: ROOT, encoding: 'utf8' }));
if (JSON.stringify(shipped) !== JSON.stringify(printed)) failures.push('questionnaire.json differs from `hipcheck fhir questionnaire`');
validate('questionnaire.json', shipped);

const items = new Map();
(function walk(list) {
  for (const item of list ?? []) {
    items.set(item.linkId, item);
    walk(item.item);
  }
})(shipped.item);
for (const item of items.values()) {
  for (const condition of item.enableWhen ?? []) {
    if (!items.has(condition.question)) failures.push(`questionnaire: ${item.linkId} depends on unknown item ${condition.question}`);
  }
}

// ---------------------------------------------------------------- responses
function respond(what, answers) {
  let output;
  try {
    output = execFileSync(cli, ['fhir', '-'], { input: JSON.stringify(answers), encoding: 'utf8' });
  } catch (error) {
    failures.push(`${what}: hipcheck fhir failed: ${error.stderr}`);
    return;
  }
  const response = JSON.parse(output);
  validate(what, response);
  const handed = JSON.parse(execFileSync(cli, ['handoff', '-'], { input: JSON.stringify(answers), encoding: 'utf8' }));
  const fromModule = questionnaireResponse(handed.record, parseResult(handed.result), shipped);
  if (canonical(fromModule) !== canonical(response)) {
    failures.push(`${what}: the hand-off module's FHIR differs from hipcheck fhir:\n  module ${canonical(fromModule).slice(0, 600)}\n  cli    ${canonical(response).slice(0, 600)}`);
  }
  if (response.questionnaire !== `${shipped.url}|${shipped.version}`) failures.push(`${what}: answers another questionnaire`);
  (function walk(list) {
    for (const item of list ?? []) {
      const asked = items.get(item.linkId);
      if (!asked) {
        failures.push(`${what}: ${item.linkId} is not an item of the Questionnaire`);
        continue;
      }
      for (const answer of item.answer ?? []) {
        if (answer.valueCoding && !(asked.answerOption ?? []).some((o) => o.valueCoding.code === answer.valueCoding.code && o.valueCoding.system === answer.valueCoding.system)) {
          failures.push(`${what}: ${item.linkId} answered ${answer.valueCoding.code}, not one of its options`);
        }
      }
      walk(item.item);
    }
  })(response.item);
}

const vignettes = fs.readdirSync(path.join(ROOT, 'tests', 'vignettes')).filter((f) => f.endsWith('.json')).sort();
for (const file of vignettes) {
  const vignette = JSON.parse(fs.readFileSync(path.join(ROOT, 'tests', 'vignettes', file), 'utf8'));
  respond(file, vignette.answers);
}

// Fuzz: answer sets drawn from the Questionnaire itself (every region, finding and option).
let seed = 20261201;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = (list) => list[Math.floor(random() * list.length)];
const regions = items.get('where').item.map((i) => i.linkId);
const findings = items.get('findings').item.map((i) => i.linkId);
const FUZZ = 300;
for (let n = 0; n < FUZZ; n++) {
  const answers = { contract: 1, runner: random() < 0.8 };
  if (random() < 0.8) answers.age = Math.floor(random() * 100) + 5;
  if (random() < 0.7) answers.sex = pick(['female', 'male', 'other']);
  answers.pain = [...new Set(Array.from({ length: Math.floor(random() * 4) }, () => pick(regions)))]
    .map((region) => ({ region, side: pick(['left', 'right']) }));
  answers.findings = Object.fromEntries(
    Array.from({ length: Math.floor(random() * 12) }, () => [pick(findings), pick(['yes', 'no', 'unsure'])]),
  );
  if (random() < 0.7) answers.pain_now = Math.floor(random() * 11);
  if (random() < 0.5) answers.duration_weeks = Math.floor(random() * 60);
  if (random() < 0.5) answers.onset = pick(['sudden', 'gradual']);
  respond(`fuzz ${n}`, answers);
}

// The library must be able to fail: a broken response is refused.
const broken = fhir.validate({ resourceType: 'QuestionnaireResponse', status: 'finished', item: [{ answer: [{ valueInteger: 'four' }] }] }, { errorOnUnexpected: true });
if (broken.valid) failures.push('the FHIR library accepted a broken response');

if (failures.length) {
  console.error(`FHIR check: ${failures.length} problems\n${failures.slice(0, 20).join('\n')}`);
  process.exit(1);
}
console.log(`FHIR check: questionnaire.json (${items.size} items) and ${vignettes.length + FUZZ} responses (${vignettes.length} vignettes, ${FUZZ} fuzz) valid, the hand-off module's equal to the command line's, per FHIR.js ${JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', 'fhir', 'package.json'), 'utf8')).version} (R4)`);
