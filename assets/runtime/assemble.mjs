// Build time only, never shipped: how scripts/postbuild.mjs (and tests/unit/runtime.test.mjs) turn one
// of these runtime modules into the single file a page loads (app-HASH.js, frame-HASH.js,
// embed.js, sw.js), before terser minifies it.
//
//   - the modules it imports (`import { a, b } from './x.mjs';`, this folder only) are put in
//     where it imports them, each once, with their `export`s taken out;
//   - its one build slot, `const BUILD = /* filled by scripts/postbuild.mjs */ {};`, becomes
//     `const BUILD = {…the build's values as JSON…};`.
//
// The result has no import and no export left, so it runs as a module (the loaders, embed.js) or
// as a classic script (sw.js). Anything else (another form of import or export, a name imported
// that the module does not export, no slot or two) is an error: the build stops.
import fs from 'node:fs';
import path from 'node:path';

export const SLOT = 'const BUILD = /* filled by scripts/postbuild.mjs */ {};';
const IMPORT = /^import\s*\{([^}]*)\}\s*from\s*'(\.\/[\w.-]+\.mjs)';[ \t]*\n?/gm;
const EXPORT = /^export (?=(?:async )?function\b|const\b|let\b|class\b)/gm;
// A line that still imports or exports after the above (import( and import.meta are code).
const LEFT_OVER = /^[ \t]*(?:import|export)\b(?![.(])/m;

const occurrences = (text, part) => text.split(part).length - 1;

/// `source` with its one `slot` replaced by `filled`; throws, stopping the build, unless the slot
/// is there exactly once. Also fills the hand-off module's slots (scripts/postbuild.mjs).
export function fillSlot(source, slot, filled, where) {
  const found = occurrences(source, slot);
  if (found !== 1) throw new Error(`${where} must hold '${slot}' exactly once (found ${found})`);
  return source.replace(slot, () => filled);
}

// The module `file`'s source with its imports put in (each module of `done` only once).
function inline(file, done) {
  const source = fs.readFileSync(file, 'utf8');
  return source.replace(IMPORT, (_, list, from) => {
    const dependency = path.resolve(path.dirname(file), from);
    const dependencySource = fs.readFileSync(dependency, 'utf8');
    for (const name of list.split(',').map((n) => n.trim()).filter(Boolean)) {
      if (!/^[\w$]+$/.test(name)) throw new Error(`${file}: import '${name}' from '${from}' is not a plain name`);
      if (!new RegExp(`^export (?:async )?(?:function\\*?|const|let|class) ${name.replace('$', '\\$')}\\b`, 'm').test(dependencySource)) {
        throw new Error(`${file}: '${from}' does not export '${name}'`);
      }
    }
    if (done.has(dependency)) return '';
    done.add(dependency);
    return `${inline(dependency, done).replace(EXPORT, '')}\n`;
  });
}

// The program of the runtime module `file`, its BUILD set to `build`.
export function assemble(file, build) {
  const own = fs.readFileSync(file, 'utf8');
  if (occurrences(own, SLOT) !== 1) {
    throw new Error(`${file} must hold '${SLOT}' exactly once (found ${occurrences(own, SLOT)})`);
  }
  const program = inline(file, new Set([path.resolve(file)])).replace(EXPORT, '');
  if (occurrences(program, SLOT) !== 1) throw new Error(`${file}: a module it imports holds a build slot too`);
  const left = program.match(LEFT_OVER);
  if (left) {
    const line = program.slice(left.index).split('\n')[0];
    throw new Error(`${file}: '${line}' is neither an import of this folder's modules nor an export postbuild can take out`);
  }
  if (build === undefined || JSON.stringify(build) === undefined) throw new Error(`${file}: no build values`);
  return fillSlot(program, SLOT, `const BUILD = ${JSON.stringify(build)};`, file);
}
