// Gives the wasm module's imports short names, in the module and in wasm-bindgen's bindings
// together.
//
// wasm-bindgen names each import after the function it wraps plus a 16-digit hash
// (`__wbg_addEventListener_f2d27251d333a631`), and every name is written twice, in the wasm's
// import section and as a key of the bindings' import object. The hashes do not compress: about
// 100 of them cost some 2 KB brotli of the first load (docs/architecture.md, "Size"). The names
// mean nothing at run time, so both files get the same short ones. Only the import section's
// names change; the code is copied byte for byte.

/** Reads an unsigned LEB128 number at `offset`: `[value, next offset]`. */
function readUnsigned(bytes, offset) {
  let value = 0;
  let shift = 0;
  for (;;) {
    if (offset >= bytes.length) throw new Error('short-imports: the wasm module ends inside a number');
    const byte = bytes[offset++];
    value += (byte & 0x7f) * 2 ** shift;
    if ((byte & 0x80) === 0) return [value, offset];
    shift += 7;
  }
}

function writeUnsigned(value) {
  const out = [];
  do {
    let byte = value % 128;
    value = Math.floor(value / 128);
    if (value > 0) byte |= 0x80;
    out.push(byte);
  } while (value > 0);
  return out;
}

function readName(bytes, offset) {
  const [length, start] = readUnsigned(bytes, offset);
  return [new TextDecoder().decode(bytes.subarray(start, start + length)), start + length];
}

function writeName(name) {
  const encoded = new TextEncoder().encode(name);
  return [...writeUnsigned(encoded.length), ...encoded];
}

/** The bytes of one import's description (after its kind byte), whatever the kind. */
function skipDescription(bytes, kind, offset) {
  const limits = (at) => {
    const flags = bytes[at];
    let [, next] = readUnsigned(bytes, at + 1);
    if (flags & 1) [, next] = readUnsigned(bytes, next);
    return next;
  };
  switch (kind) {
    case 0: // function: its type index
      return readUnsigned(bytes, offset)[1];
    case 1: // table: element type, limits
      return limits(offset + 1);
    case 2: // memory: limits
      return limits(offset);
    case 3: // global: value type, mutability
      return offset + 2;
    case 4: // tag: attribute, type index
      return readUnsigned(bytes, offset + 1)[1];
    default:
      throw new Error(`short-imports: unknown import kind ${kind}`);
  }
}

/** `a`, `b`, … `Z`, `aa`, `ab`, …: short, valid property names, never `__proto__`. */
function shortName(index) {
  const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  let name = '';
  do {
    name = letters[index % letters.length] + name;
    index = Math.floor(index / letters.length) - 1;
  } while (index >= 0);
  return name;
}

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * `wasm` (bytes) and `bindings` (wasm-bindgen's JavaScript, minified) with every import renamed
 * to a short name and the import module renamed to `m`. Throws, failing the build, if a name is
 * not written exactly once as a key in the bindings (a wasm-bindgen whose output this does not
 * understand), so a mismatch can never ship.
 */
export function shortenImports(wasm, bindings) {
  const bytes = new Uint8Array(wasm);
  const magic = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
  if (!magic.every((b, i) => bytes[i] === b)) throw new Error('short-imports: not a wasm module (version 1)');
  let offset = 8;
  while (offset < bytes.length) {
    const id = bytes[offset];
    const [size, contentStart] = readUnsigned(bytes, offset + 1);
    const contentEnd = contentStart + size;
    if (id !== 2) {
      offset = contentEnd;
      continue;
    }
    let [count, at] = readUnsigned(bytes, contentStart);
    const entries = [];
    const modules = new Set();
    for (let i = 0; i < count; i++) {
      let module, field;
      [module, at] = readName(bytes, at);
      [field, at] = readName(bytes, at);
      const kind = bytes[at];
      const end = skipDescription(bytes, kind, at + 1);
      entries.push({ field, description: bytes.subarray(at, end) });
      modules.add(module);
      at = end;
    }
    if (at !== contentEnd) throw new Error('short-imports: the import section is not what it says');
    if (modules.size !== 1) throw new Error(`short-imports: expected one import module, found ${[...modules].join(', ')}`);
    const [module] = modules;
    const renamed = new Map();
    let js = bindings;
    for (const { field } of entries) {
      if (renamed.has(field)) continue;
      const short = shortName(renamed.size);
      renamed.set(field, short);
      const key = new RegExp(`(?<![\\w$.])${escape(field)}(?=:)`, 'g');
      const found = js.match(key)?.length ?? 0;
      if (found !== 1 || js.split(field).length !== 2) {
        throw new Error(`short-imports: ${field} is not written exactly once as a key in the bindings`);
      }
      js = js.replace(key, short);
    }
    const moduleKey = JSON.stringify(module);
    if (js.split(moduleKey).length !== 2) throw new Error(`short-imports: the import module ${moduleKey} is not written exactly once in the bindings`);
    js = js.replace(moduleKey, '"m"');
    const section = [...writeUnsigned(entries.length)];
    for (const { field, description } of entries) {
      section.push(...writeName('m'), ...writeName(renamed.get(field)), ...description);
    }
    const out = new Uint8Array(offset + 1 + writeUnsigned(section.length).length + section.length + (bytes.length - contentEnd));
    out.set(bytes.subarray(0, offset + 1), 0);
    let write = offset + 1;
    for (const part of [writeUnsigned(section.length), section]) {
      out.set(part, write);
      write += part.length;
    }
    out.set(bytes.subarray(contentEnd), write);
    return { wasm: out, bindings: js, renamed: renamed.size };
  }
  throw new Error('short-imports: the wasm module has no import section');
}
