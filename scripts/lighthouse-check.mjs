// CI budget: Lighthouse (12.2.3, mobile) accessibility must be 100 on the standalone page, served
// like production (brotli, long cache). Performance and best practices are printed, not gated.
import { DIST, serveStatic, runLighthouse } from '../tests/e2e/support.mjs';

const server = await serveStatic({ '/hipcheck/': DIST }, {}, { production: true });
try {
  const { scores, failing } = await runLighthouse(`${server.url}hipcheck/`);
  console.log(`Lighthouse: performance ${scores.performance}, accessibility ${scores.accessibility}, best practices ${scores['best-practices']}`);
  if (failing.length) console.log(`audits below full marks: ${failing.join(', ')}`);
  if (scores.accessibility !== 100) {
    console.error(`FAIL: Lighthouse accessibility ${scores.accessibility}, the budget is 100`);
    process.exitCode = 1;
  }
} finally {
  await server.close();
}
