// Test variants of the long post (tests/e2e/start.test.mjs). Runs before embed.js, a module.
const below = document.getElementById('below');
if (location.search.includes('eager')) below.setAttribute('loading', 'eager');
if (location.search.includes('iframe')) {
  const frame = document.createElement('iframe');
  frame.id = 'below-frame';
  frame.title = 'HipCheck hip pain self-check';
  frame.src = '../hipcheck/iframe.html?clinic-name=Example%20Physio';
  below.replaceWith(frame);
}
