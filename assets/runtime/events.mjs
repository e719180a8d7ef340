// Events for the clinic's own counting (issue 26): the widget is ready, the person starts, a
// result is reached, the booking link is pressed, a check is shared. Each event is its name and
// nothing else: no answer, area, level or source, so a clinic's analytics can count visits to a
// result without ever holding health data. embed.mjs sends them as DOM events on <hip-check>,
// frame.mjs as messages to the page that frames it (README, "Events").
//
// Nothing runs when this module is imported: tests/unit/runtime.test.mjs imports it in Node.

// Watches the widget's root element `mount` and calls `emit(name)`: "ready" when the app has
// taken over the start screen, "start" at the first safety screen, "complete" at the first
// result after a start (a shared check, opened on its result, is nobody's completion), each
// once per page; "booking-click" and "share" at each press of those controls.
export function watchEvents(mount, emit) {
  const seen = new Set();
  const once = (name, happened) => {
    if (happened && !seen.has(name)) {
      seen.add(name);
      emit(name);
    }
  };
  const steps = new MutationObserver(() => {
    once('ready', Boolean(mount.dataset.hcApp));
    once('start', mount.querySelector('.hc-safety'));
    once('complete', seen.has('start') && mount.querySelector('.hc-results'));
    if (seen.has('complete')) steps.disconnect();
  });
  steps.observe(mount, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-hc-app'] });
  mount.addEventListener('click', (event) => {
    if (event.target.closest?.('a.hc-cta')) emit('booking-click');
    if (event.target.closest?.('button.hc-share')) emit('share');
  }, { capture: true });
}
