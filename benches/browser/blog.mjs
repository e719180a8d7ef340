// The blog-post benchmark (part of scripts/bench.sh): a clinic's blog post, a long article
// with images, with the widget placed after the article the way a clinic embeds it: HipCheck's
// <hip-check>, the React peer's script and mount point, or neither. Measured for a reader who
// never scrolls (Lighthouse mobile, and the bytes each widget costs them) and for one who
// scrolls to the widget and starts.
import fs from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import { median } from './stats.mjs';

const PARAGRAPHS = [
  ['Hip pain in runners: when to rest, when to train, and when to see someone', null],
  [null, 'Most hip pain in runners is not dangerous. It comes from tendons and muscles that were asked to do a little more than they were ready for: a new hill session, a jump in weekly distance, a race block squeezed into a busy month. The good news is that these problems respond well to the right kind of loading, and most runners keep running, in some form, while they recover.'],
  [null, 'The less good news is that a few hip problems need to be seen quickly, and they can feel similar at first. A stress injury in the neck of the thigh bone, an infection in the joint, or a problem that started in the back can all show up as "hip pain after running". This post explains the common causes, what you can do this week, and the signs that mean you should not wait.'],
  ['Where does it hurt?', null],
  [null, 'Where the pain sits is the most useful clue. Pain at the point of the hip, on the outside, that is worse lying on that side at night and when standing on one leg, is usually the gluteal tendons. Pain deep in the groin or the front crease of the hip, especially with a catching or clicking feeling, points to the joint itself. Pain low in the buttock, at the sit bone, that is worse sitting on hard chairs and running uphill is typical of the hamstring tendon.'],
  [null, 'Pain in the groin that gets worse during every run, earlier each time, and aches at night needs more care. So does pain that spreads down the leg with pins and needles, or any hip pain with fever or feeling unwell. Those patterns are the reason we built the self-check at the end of this post.'],
  ['What you can do this week', null],
  [null, 'For tendon pain, the aim is to calm it down without stopping everything. Keep running at a distance and pace that leaves the pain at or below three out of ten, and settled by the next morning. Avoid stretching the sore tendon hard, crossing your legs, and hanging on one hip when you stand. Add gentle holds: push the knees out against a belt for thirty seconds, five times, twice a day.'],
  [null, 'Strength work does the rest. Over six to twelve weeks, progress from holds to bridges, side steps and step-ups, then to single-leg work and hopping. Keep a simple log: what you did, how it felt during, and how it felt the next morning. If the next morning is worse, go back a step; if it is the same or better, carry on.'],
  ['Running while you recover', null],
  [null, 'Running is allowed if the pain stays low during and is no worse the next morning. Shorter, flatter, slower runs are easier on the hip than long hilly ones. Split a long run into two shorter ones for a few weeks. Cadence matters too: a few more steps per minute at the same pace reduces the load on the hip with every stride.'],
  [null, 'Cross-training keeps your fitness while the tendon settles. Cycling with the saddle a little higher than usual, swimming without breaststroke kick, and deep-water running all work. Two or three sessions a week keep your aerobic base, so you lose little when you return to full training.'],
  ['When to see someone', null],
  [null, 'See a physiotherapist if the pain has not started to improve after two weeks of sensible changes, or sooner if it keeps coming back. See a doctor within a few days if the pain in the groin is getting worse run by run, if it wakes you at night, or if you have had a stress fracture before, or have been eating less than your training needs. These are the patterns of a bone stress injury, which must not be run through.'],
  [null, 'Go to an emergency department now if you cannot take weight on the leg after a fall or a sudden pain in a run, or if hip pain comes with fever and feeling unwell. These are rare, but they are the reason any self-check should ask about them first, before anything else.'],
  ['Try the self-check', null],
  [null, 'The check below takes about two minutes. You tap where it hurts, answer a few questions, and get the likely sources of your pain with an exercise plan and a clear answer to how soon you should be seen. It runs entirely in your browser: nothing you enter leaves your device. It is not a diagnosis, and if it says to see someone, please do.'],
];

/** A blog photo stand-in: a smooth 720 × 405 PNG of about 90 KB, the weight of a real one. */
function photo(seed) {
  const png = new PNG({ width: 720, height: 405 });
  for (let j = 0; j < png.height; j++) {
    for (let i = 0; i < png.width; i++) {
      const k = (j * png.width + i) * 4;
      png.data[k] = 120 + 80 * Math.sin(i / 90 + seed);
      png.data[k + 1] = 140 + 60 * Math.cos(j / 70 + seed);
      png.data[k + 2] = 110 + 50 * Math.sin((i + j) / 120);
      png.data[k + 3] = 255;
    }
  }
  return PNG.sync.write(png, { deflateLevel: 9 });
}

const CSS = `body { margin: 0; font: 18px/1.65 Georgia, 'DejaVu Serif', serif; color: #222; background: #fff; }
header.site, footer.site { background: #f3f0ea; padding: 1rem; font-family: system-ui, sans-serif; }
header.site nav a { margin-right: 1rem; color: #0b6e69; }
main { max-width: 44rem; margin: 0 auto; padding: 1rem; }
img { max-width: 100%; height: auto; display: block; margin: 1.5rem 0; }
.byline { color: #666; font-size: 0.9rem; }
.check { margin-top: 3rem; border-top: 2px solid #eee; padding-top: 1rem; }
`;

/** The three pages (none, hipcheck, peer), their images and stylesheet, in `dir`. */
export function writeBlogPages(dir, { peerDist }) {
  fs.mkdirSync(dir, { recursive: true });
  for (let i = 0; i < 4; i++) fs.writeFileSync(path.join(dir, `photo-${i}.png`), photo(i + 1));
  fs.writeFileSync(path.join(dir, 'blog.css'), CSS);
  const peerIndex = fs.readFileSync(path.join(peerDist, 'index.html'), 'utf8');
  const peerScript = peerIndex.match(/<script[^>]*src="\.\/assets\/([^"]+\.js)"[^>]*><\/script>/)?.[1];
  const peerCss = peerIndex.match(/<link[^>]*href="\.\/assets\/([^"]+\.css)"[^>]*>/)?.[1];
  if (!peerScript || !peerCss) throw new Error('benches/browser/blog: the peer build has no script or stylesheet');
  const widgets = {
    none: { head: '', body: '<p><a href="#">Book a call with our team</a></p>' },
    // As a clinic pastes it: the script tag with the element, after the article.
    hipcheck: {
      head: '',
      body: '<script type="module" src="/hipcheck/embed.js"></script>\n<hip-check booking-url="https://clinic.example/book" clinic-name="Example Physio"></hip-check>',
    },
    peer: {
      head: `<link rel="stylesheet" crossorigin href="/peer/assets/${peerCss}">`,
      body: `<script type="module" crossorigin src="/peer/assets/${peerScript}"></script>\n<div id="root"></div>`,
    },
  };
  let photoIndex = 1;
  const article = PARAGRAPHS.map(([heading, text], i) => {
    if (i === 0) {
      return `<h1>${heading}</h1>\n<p class="byline">By the Example Physio team · 8 min read</p>\n<img src="photo-0.png" width="720" height="405" alt="A runner on a trail at dawn" fetchpriority="high">`;
    }
    if (heading) {
      const image = photoIndex < 4 ? `\n<img src="photo-${photoIndex}.png" width="720" height="405" alt="Illustration ${photoIndex}" loading="lazy">` : '';
      photoIndex += 1;
      return `<h2>${heading}</h2>${image}`;
    }
    return `<p>${text}</p>`;
  }).join('\n');
  for (const [name, widget] of Object.entries(widgets)) {
    fs.writeFileSync(path.join(dir, `${name}.html`), `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Hip pain in runners | Example Physio</title>
<meta name="description" content="When to rest, when to train, and when to see someone about hip pain from running.">
<link rel="icon" href="data:,">
<link rel="stylesheet" href="blog.css">
${widget.head}
</head>
<body>
<header class="site"><strong>Example Physio</strong> <nav><a href="#">Services</a><a href="#">Blog</a><a href="#">Book</a></nav></header>
<main>
<article>
${article}
</article>
<section class="check" aria-label="Self-check">
<h2>Check your own hip</h2>
${widget.body}
</section>
</main>
<footer class="site">Example Physio · 1 High Street</footer>
</body>
</html>
`);
  }
}

/** Transferred bytes of the requests whose path starts with `prefix` (what the widget costs). */
function bytesUnder(requests, prefix) {
  return requests.filter((r) => new URL(r.url).pathname.startsWith(prefix)).reduce((sum, r) => sum + (r.transferSize ?? 0), 0);
}

/**
 * Lighthouse (mobile, median of `runs`) on each page as a reader who never scrolls, and a
 * Playwright reader who scrolls to the widget and starts it; bytes on the wire.
 */
export async function measureBlog({ baseUrl, browser, runLighthouse, runs = 3 }) {
  const pages = { none: 'none.html', hipcheck: 'hipcheck.html', peer: 'peer.html' };
  const prefix = { none: '/nothing/', hipcheck: '/hipcheck/', peer: '/peer/' };
  const results = {};
  for (const [name, file] of Object.entries(pages)) {
    const lh = [];
    for (let i = 0; i < runs; i++) lh.push(await runLighthouse(`${baseUrl}blog/${file}`, ['performance']));
    const pick = (f) => median(lh.map(f));
    results[name] = {
      performance: pick((r) => r.scores.performance),
      lcp: pick((r) => r.metrics.lcp),
      tbt: pick((r) => r.metrics.tbt),
      pageBytes: pick((r) => r.metrics.bytes),
      widgetBytes: pick((r) => bytesUnder(r.metrics.requests, prefix[name])),
    };
    // A reader who scrolls down to the widget and starts it.
    const context = await browser.newContext({ viewport: { width: 412, height: 823 }, serviceWorkers: 'block' });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    const sizes = new Map();
    cdp.on('Network.responseReceived', (e) => sizes.set(e.requestId, { url: e.response.url, transferSize: 0 }));
    cdp.on('Network.loadingFinished', (e) => {
      const entry = sizes.get(e.requestId);
      if (entry) entry.transferSize = e.encodedDataLength;
    });
    await page.goto(`${baseUrl}blog/${file}`, { waitUntil: 'networkidle' });
    const neverScrolled = bytesUnder([...sizes.values()], prefix[name]);
    await page.locator('.check').scrollIntoViewIfNeeded();
    if (name === 'hipcheck') {
      await page.locator('hip-check [data-hc-app]').waitFor();
      await page.locator('hip-check').getByRole('button', { name: 'Start' }).click();
      await page.locator('hip-check').getByRole('heading', { name: /safety questions/ }).waitFor();
    } else if (name === 'peer') {
      await page.locator('[data-bench="first-control"]').waitFor();
    }
    await page.waitForLoadState('networkidle');
    results[name].scrolledBytes = bytesUnder([...sizes.values()], prefix[name]);
    results[name].neverScrolledBytes = neverScrolled;
    await context.close();
  }
  return results;
}
