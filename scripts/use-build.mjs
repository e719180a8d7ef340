// Puts into the hand-off module's source what the build puts into the shipped module: its words
// and the ids and codes it shares with the engine (`hipcheck content ui-words`). For code that
// runs the source: the tests and scripts/fhir-check.mjs. Import it before using the module.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { useBuild } from '../assets/handoff.mjs';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = process.env.HIPCHECK_CLI ?? path.join(ROOT, 'target', 'debug', 'hipcheck');
useBuild(JSON.parse(execFileSync(cli, ['content', 'ui-words'], { cwd: ROOT, encoding: 'utf8' })));
