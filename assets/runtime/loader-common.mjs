// HipCheck's start screen before the wasm, shared by the page loaders (app.mjs, frame.mjs) and the
// <hip-check> element (embed.mjs): scripts/postbuild.mjs puts this module into each of them (one
// file per program, no extra request). The static start screen's behaviour until the wasm takes
// over, and the takeover. A press of Start before then is kept (the button says "Loading…" and
// keeps its focus) and replayed into the app, with what was typed and chosen, through the app's
// own event handlers; focus goes back to the same control.
//
// Nothing runs when this module is imported: tests/unit/runtime.test.mjs imports it in Node.

// The language of `languages` (an object keyed by language code) a lang tag names, if any.
export function pickLanguage(tag, languages) {
  return Object.keys(languages).find((l) => l === String(tag).toLowerCase().split('-')[0]);
}
// The address is the truth (issue 27): a share link pasted over a check, or Back from one, must
// show the check the address now holds; only the fragment changed, so the page starts again.
export function followShareLinks() {
  addEventListener('hashchange', (event) => {
    if ([event.oldURL, event.newURL].some((url) => new URL(url).hash.startsWith('#hipcheck='))) location.reload();
  });
}
// The clinic's name after HipCheck's in the header, as the app shows it.
export function nameClinic(mount, clinic) {
  const brand = mount.querySelector('.hc-brand');
  if (clinic && brand) brand.lastChild.textContent += ' · ' + clinic;
}
// Names and ids carry the widget's number (hc0-, hc1-…), which differs between the start
// screen in the page and the app: controls are found again by what follows it.
export function unnumbered(name) {
  return name.replace(/^hc[0-9]+-/, '');
}
// The app's radio button for a start-screen choice (its name without the number, its value).
export function radioSelector(name, value) {
  return 'input[name$="-' + name + '"][value="' + value + '"]';
}
// Where focus goes back to in the app: the control with the same id, the same choice, or Start.
export function focusSelector(active) {
  return active.id ? '[id$="-' + unnumbered(active.id) + '"]'
    : active.name ? radioSelector(unnumbered(active.name), active.value)
      : active.type === 'submit' ? 'button[type=submit]' : null;
}
// Calls `load` the first time `observed` comes within 600 px of the screen, or the person
// touches, focuses or types in `root`, whichever comes first; returns what stops the watching.
// Only that first time: after a failed download only Start and "Try again" download again (the
// message must not vanish under a tap elsewhere).
export function loadWhenNear(observed, root, load) {
  let early = false;
  const first = () => {
    if (early) return;
    early = true;
    near.disconnect();
    load();
  };
  const near = new IntersectionObserver((entries) => {
    if (entries.some((e) => e.isIntersecting)) first();
  }, { rootMargin: '600px 0px' });
  near.observe(observed);
  for (const type of ['pointerdown', 'focusin', 'keydown']) root.addEventListener(type, first, { once: true, capture: true });
  return () => near.disconnect();
}

// The app's files did not arrive (issue 24: a flaky mobile network, a proxy that blocks
// application/wasm). The start screen stays as it is, with what was typed and chosen and the
// emergency line; above Start an alert says what happened in plain words (`words.failed`: this
// device may be offline, or something blocked part of it) with "Try again" (`words.tryAgain`),
// which calls `retry`. Start reads "Start" again meanwhile.
function showFailure(mount, words, retry) {
  const start = mount.querySelector('form.hc-form button[type=submit]');
  if (start?.dataset.label) {
    start.textContent = start.dataset.label;
    start.removeAttribute('aria-busy');
  }
  const box = document.createElement('div');
  // The look of the start screen's other notice; hc-failed names it.
  box.className = 'hc-notice hc-failed';
  box.setAttribute('role', 'alert');
  const text = document.createElement('p');
  text.textContent = words.failed;
  const again = document.createElement('button');
  again.type = 'button';
  again.className = 'hc-button';
  again.textContent = words.tryAgain;
  again.addEventListener('click', () => {
    box.remove();
    retry();
    start?.focus();
  });
  box.append(text, again);
  mount.querySelector('.hc-failed')?.remove();
  const actions = start?.closest('.hc-actions');
  if (actions) actions.before(box);
  else mount.prepend(box);
}

// Arms the static start screen in `mount`; `load` starts the wasm, `loading` is Start's label
// meanwhile. Returns `takeOver(mountApp)`, which mounts the app and swaps it in, and
// `takeOver.failed(words)`, which says the app could not load and offers to try again.
// A press on the diagram leaves the focus where it was (issue 24): moving it to the pressed
// target, and the blur and focus after it, were the largest part of a tap's delay before its
// click. The keyboard still reaches every target in order and shows its focus. A listener of
// the page's own, not the app's: the app's delegated mousedown cost 0.5 ms more per tap at 4×
// slowdown (docs/performance.md).
function keepFocusOnPress(mount) {
  mount.addEventListener('mousedown', (event) => {
    if (event.target.closest?.('.hc-map-svg')) event.preventDefault();
  });
}

export function armStartScreen(mount, load, loading) {
  let pending = false;
  const form = () => mount.querySelector('form.hc-form');
  // Start says "Loading…" while a press of it waits for the app (showFailure puts its label back).
  const showPending = () => {
    const button = form()?.querySelector('button[type=submit]');
    if (!pending || !button) return;
    button.dataset.label ??= button.textContent;
    button.textContent = loading;
    button.setAttribute('aria-busy', 'true');
  };
  mount.addEventListener('submit', (event) => {
    if (mount.dataset.hcApp) return;
    event.preventDefault();
    pending = true;
    showPending();
    mount.querySelector('.hc-failed')?.remove();
    load();
  }, true);
  // "Try again" after a failed download: a press of Start made before is carried out once the
  // app arrives, as if it were the first.
  const failed = (words) => showFailure(mount, words, () => {
    showPending();
    load();
  });
  // The pills' checked look, which the app draws once it runs.
  mount.addEventListener('change', (event) => {
    const input = event.target;
    if (mount.dataset.hcApp || input.type !== 'radio') return;
    for (const other of mount.querySelectorAll('input[name="' + input.name + '"]')) {
      other.parentElement.classList.toggle('hc-checked', other.checked);
    }
  }, true);
  keepFocusOnPress(mount);
  mount.dataset.hcArmed = '1';
  let typed = '';
  let chosen = [];
  let focus = null;
  const takeOver = (mountApp) => {
    const old = form();
    typed = old?.querySelector('.hc-age')?.value ?? '';
    chosen = [...(old?.querySelectorAll('input[type=radio]:checked') ?? [])].map((r) => [unnumbered(r.name), r.value]);
    const active = mount.getRootNode().activeElement;
    focus = active && mount.contains(active) ? focusSelector(active) : null;
    // The app draws into a root of its own, off the page, on its scheduler's next turn; the
    // start screen stays until then and is swapped for it in one step (nothing shifts). Any
    // drawing is swapped in, the crash screen too; only a start screen gets the replay.
    const appRoot = document.createElement('div');
    const swap = () => {
      if (!appRoot.firstChild) return false;
      mount.replaceChildren(appRoot);
      mount.dataset.hcApp = '1';
      const now = appRoot.querySelector('form.hc-form');
      if (now) replayInto(now, appRoot);
      return true;
    };
    const drawn = new MutationObserver(() => swap() && drawn.disconnect());
    drawn.observe(appRoot, { childList: true });
    try {
      mountApp(appRoot);
    } catch (error) {
      // A panic draws the crash screen into the root; this only records it.
      console.error('HipCheck stopped while starting', error);
    }
  };
  takeOver.failed = failed;
  return takeOver;
  function replayInto(now, root) {
    const age = now.querySelector('.hc-age');
    if (age && typed && age.value !== typed) {
      age.value = typed;
      age.dispatchEvent(new Event('input', { bubbles: true }));
    }
    for (const [name, value] of chosen) {
      const radio = now.querySelector(radioSelector(name, value));
      if (radio && !radio.checked) radio.click();
    }
    // A saved visit is offered first: the press of Start waits for the person's choice
    // (replaying it would start over and overwrite what was saved).
    const resume = root.querySelector('.hc-resume button');
    if (pending && resume) {
      resume.focus();
      return;
    }
    if (focus) now.querySelector(focus)?.focus();
    // The app checks the age when Start is pressed: an invalid one keeps the person on the
    // start screen, with the app's own message.
    if (pending) now.requestSubmit();
  }
}
