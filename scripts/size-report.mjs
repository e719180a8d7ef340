// Size report of a build directory: raw, gzip (level 9) and brotli (quality 11) bytes per file and
// in total. Writes the table to stdout and to target/size-report.md.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const dir = path.resolve(process.argv[2] ?? 'dist');
const files = [];
(function walk(d) {
  for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
    const full = path.join(d, entry.name);
    if (entry.isDirectory()) walk(full);
    else files.push(full);
  }
})(dir);

const rows = files.sort().map((file) => {
  const body = fs.readFileSync(file);
  return {
    file: path.relative(dir, file),
    raw: body.length,
    gzip: zlib.gzipSync(body, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(body, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    }).length,
  };
});
const total = rows.reduce(
  (sum, r) => ({ file: 'total', raw: sum.raw + r.raw, gzip: sum.gzip + r.gzip, brotli: sum.brotli + r.brotli }),
  { file: 'total', raw: 0, gzip: 0, brotli: 0 },
);

const width = Math.max(...rows.map((r) => r.file.length), 5);
const line = (r) =>
  `| ${r.file.padEnd(width)} | ${String(r.raw).padStart(9)} | ${String(r.gzip).padStart(9)} | ${String(r.brotli).padStart(9)} |`;
const table = [
  `| ${'file'.padEnd(width)} | ${'raw B'.padStart(9)} | ${'gzip B'.padStart(9)} | ${'brotli B'.padStart(9)} |`,
  `|${'-'.repeat(width + 2)}|${'-'.repeat(11)}|${'-'.repeat(11)}|${'-'.repeat(11)}|`,
  ...rows.map(line),
  line(total),
].join('\n');

console.log(`Size report of ${path.relative(process.cwd(), dir) || '.'}\n\n${table}`);
fs.mkdirSync('target', { recursive: true });
fs.writeFileSync(path.join('target', 'size-report.md'), `${table}\n`);
