// Size report of a build directory: raw, gzip (level 9) and brotli (quality 11) bytes per file and
// in total. Writes the table to stdout and to target/size-report.md.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const args = process.argv.slice(2);
const dir = path.resolve(args.find((a) => !a.startsWith('--')) ?? 'dist');
const budgetArg = args.find((a) => a.startsWith('--first-load-budget-kb='));
// The standalone page's first load is every file but these: what the widget fetches only once
// the person starts, the other ways in, and what no page loads.
const NOT_FIRST_LOAD = [
  ['the results text', (file) => /^texts-[0-9a-f]+\.txt$/.test(file)],
  ['embed.js', (file) => file === 'embed.js'],
  ['iframe.html and its loader', (file) => file === 'iframe.html' || /^frame-[0-9a-f]+\.js$/.test(file)],
  ['questionnaire.json (for clinics\' systems and the FHIR download)', (file) => file === 'questionnaire.json'],
  ['the hand-off module, fetched at the first click', (file) => /^handoff-[0-9a-f]+\.js$/.test(file)],
  ['the styles of the steps after the safety questions, fetched at the first click', (file) => /^after-start-[0-9a-f]+\.css$/.test(file)],
  ['the service worker, registered at the first click', (file) => file === 'sw.js'],
  ['the clinic\'s configurator (configure.html, .css, .js)', (file) => /^configure\.(html|css|js)$/.test(file)],
];
const isResultsText = NOT_FIRST_LOAD[0][1];
const files = [];
(function walk(d) {
  for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
    // Trunk's staging folder (.stage) and other dotfiles are not part of the build.
    if (entry.name.startsWith('.')) continue;
    const full = path.join(d, entry.name);
    // Another language's build (es/ has its own index.html) is reported on its own.
    if (entry.isDirectory() && fs.existsSync(path.join(full, 'index.html'))) continue;
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

const brotliOf = (keep) => rows.filter((r) => keep(r.file)).reduce((sum, r) => sum + r.brotli, 0);
const firstLoad = brotliOf((f) => !NOT_FIRST_LOAD.some(([, excluded]) => excluded(f)));
const resultsText = brotliOf(isResultsText);
const kb = (bytes) => (bytes / 1024).toFixed(1);
console.log(`Size report of ${path.relative(process.cwd(), dir) || '.'}\n\n${table}`);
console.log(`\nfirst load of the standalone page (all but ${NOT_FIRST_LOAD.map(([name]) => name).join(', ')}): ${firstLoad} B brotli = ${kb(firstLoad)} KB`);
console.log(`results text, fetched when the person starts: ${resultsText} B brotli = ${kb(resultsText)} KB (first load + results text = ${kb(firstLoad + resultsText)} KB)`);
fs.mkdirSync('target', { recursive: true });
fs.writeFileSync(path.join('target', 'size-report.md'), `${table}\n`);
if (budgetArg) {
  const budget = Number(budgetArg.split('=')[1]) * 1024;
  if (!(firstLoad <= budget)) {
    console.error(`FAIL: first load ${(firstLoad / 1024).toFixed(1)} KB brotli is over the ${budget / 1024} KB budget`);
    process.exit(1);
  }
  console.log(`within the ${budget / 1024} KB first-load budget`);
}
