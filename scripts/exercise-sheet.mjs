// The contact sheet of every exercise figure (docs/exercises.png): its name, its start pose and
// its end pose with the arrow, as the build draws them (`hipcheck content figures`) and the
// widget's styles paint them. For reviewing a figure against its instruction without walking
// the widget to every plan.
//
//   node scripts/exercise-sheet.mjs [OUT.png] [--html OUT.html]
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Every exercise's figure, as `hipcheck content figures` prints it. */
export function figures() {
  const cli = process.env.HIPCHECK_CLI ?? path.join(ROOT, 'target', 'debug', 'hipcheck');
  return JSON.parse(execFileSync(cli, ['content', 'figures'], { cwd: ROOT, encoding: 'utf8' }));
}

const escape = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** One pose of a drawing as the widget draws it (src/ui/widgets/figure.rs), without motion. */
function svg(drawing, which) {
  const [viewBox, floor, fixedProp, arrow, ...frames] = drawing.split('|');
  const frame = which === 'start' ? frames[0] : frames[frames.length - 1];
  const [other, trunk, work, head, prop] = frame.split(';');
  const path = (cls, d) => (d ? `<path class="${cls}" d="${d}"/>` : '');
  return `<svg class="hc-figure" viewBox="${viewBox}">${path('hc-floor', floor)}${path('hc-prop', fixedProp)}`
    + `${which === 'end' ? path('hc-arrow', arrow) : ''}`
    + `<g>${path('hc-limb hc-other', other)}${path('hc-limb', trunk)}${path('hc-limb hc-work', work)}${path('hc-head', head)}${path('hc-prop', prop)}</g></svg>`;
}

/** The sheet as a page: `columns` exercises a row, painted by the widget's own styles. */
export function sheetHtml(all, columns = 4) {
  const css = fs.readFileSync(path.join(ROOT, 'styles', 'after-start.css'), 'utf8');
  const cards = all.map((f) => `<figure class="card"><figcaption><b>${escape(f.name)}</b> <small>${escape(f.id)}</small></figcaption>`
  + `<div class="poses"><div><small>start</small>${svg(f.drawing, 'start')}</div><div><small>end</small>${svg(f.drawing, 'end')}</div></div></figure>`).join('\n');
  return `<!doctype html><html lang="en"><meta charset="utf-8"><title>HipCheck exercise figures</title>
<style>
:root { --hc-surface: #f4f6f6; --hc-border: #9aa5a5; --hc-text: #1d2b2b; --hc-muted: #6b7777; --hc-accent: #0f6e67; }
body { font: 13px system-ui, sans-serif; margin: 12px; color: #1d2b2b; }
main { display: grid; grid-template-columns: repeat(${columns}, 1fr); gap: 10px; }
.card { margin: 0; border: 1px solid #ccd; border-radius: 6px; padding: 6px; }
.poses { display: grid; grid-template-columns: 1fr 1fr; gap: 6px; }
.poses small { color: #667; }
${css}
.hc-figure { height: 150px; width: 100%; }
</style><h1>HipCheck exercise figures: start and end poses (${all.length})</h1><main>${cards}</main></html>`;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
const args = process.argv.slice(2);
const htmlAt = args.indexOf('--html');
const htmlOut = htmlAt >= 0 ? args.splice(htmlAt, 2)[1] : null;
const out = args[0] ?? path.join(ROOT, 'docs', 'exercises.png');
const all = figures();
const html = sheetHtml(all);
if (htmlOut) fs.writeFileSync(htmlOut, html);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.setContent(html);
await page.screenshot({ path: out, fullPage: true });
await browser.close();
console.log(`exercise-sheet: ${all.length} exercises → ${path.relative(ROOT, out)}`);
}
