// scripts/short-imports.mjs on a module written byte by byte: the renamed module still links to
// the renamed bindings and computes the same, and bindings it does not understand fail the build.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { shortenImports } from '../../scripts/short-imports.mjs';

const name = (text) => [text.length, ...Buffer.from(text)];
const section = (id, bytes) => [id, bytes.length, ...bytes];

const DOUBLE = '__wbg_double_0123456789abcdef';
const INC = '__wbg_inc_fedcba9876543210';
const MEMORY = '__wbg_memory_00aa11bb22cc33dd';
const MODULE = './x_bg.js';

// (import "./x_bg.js" DOUBLE (func (param i32) (result i32)))  and INC the same,
// (import "./x_bg.js" MEMORY (memory 1 2)), (export "run" (func $run)):
// run(x) = INC(DOUBLE(x)), and a custom section after the code that must survive untouched.
const WASM = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
  ...section(1, [1, 0x60, 1, 0x7f, 1, 0x7f]),
  ...section(2, [
    3,
    ...name(MODULE), ...name(DOUBLE), 0, 0,
    ...name(MODULE), ...name(MEMORY), 2, 1, 1, 2,
    ...name(MODULE), ...name(INC), 0, 0,
  ]),
  ...section(3, [1, 0]),
  ...section(7, [1, ...name('run'), 0, 2]),
  ...section(10, [1, 8, 0, 0x20, 0, 0x10, 0, 0x10, 1, 0x0b]),
  ...section(0, [...name('note'), 1, 2, 3]),
]);

const BINDINGS = `function imports(){const e={__proto__:null,${DOUBLE}:function(x){return x*2},${MEMORY}:new WebAssembly.Memory({initial:1,maximum:2}),${INC}:function(x){return x+1}};return{__proto__:null,"${MODULE}":e}}`;

const run = async (wasm, bindings) => {
  const imports = new Function(`${bindings};return imports()`)();
  const { instance } = await WebAssembly.instantiate(wasm, imports);
  return instance.exports.run(5);
};

test('the renamed module links to the renamed bindings and computes the same', async () => {
  assert.equal(await run(WASM, BINDINGS), 11);
  const { wasm, bindings, renamed } = shortenImports(WASM, BINDINGS);
  assert.equal(renamed, 3);
  assert.equal(await run(wasm, bindings), 11);
  const names = WebAssembly.Module.imports(new WebAssembly.Module(wasm));
  assert.deepEqual(names, [
    { module: 'm', name: 'a', kind: 'function' },
    { module: 'm', name: 'b', kind: 'memory' },
    { module: 'm', name: 'c', kind: 'function' },
  ]);
  assert.ok(wasm.length < WASM.length - 3 * 20, 'shorter by the names');
  assert.ok(!/__wbg|x_bg/.test(bindings) && !Buffer.from(wasm).includes('__wbg'), 'no long name left');
  assert.deepEqual(WebAssembly.Module.customSections(new WebAssembly.Module(wasm), 'note').map((s) => [...new Uint8Array(s)]), [[1, 2, 3]]);
});

test('bindings that do not name every import exactly once as a key fail the build', () => {
  const cases = {
    'an import missing': BINDINGS.replace(`${INC}:`, '__wbg_other_1111111111111111:'),
    'an import named twice': BINDINGS.replace('return{', `const again={${INC}:1};return{`),
    'another import module': BINDINGS.replace(`"${MODULE}"`, '"wbg"'),
  };
  for (const [what, bindings] of Object.entries(cases)) {
    assert.throws(() => shortenImports(WASM, bindings), /short-imports/, what);
  }
  assert.throws(() => shortenImports(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]), BINDINGS), /not a wasm module/);
});
