// The iframe snippet's listener: every HipCheck frame on the page (class "hipcheck-frame") is
// sized by its own messages, from HipCheck's origin, and only by a height. Safe to paste more
// than once: no global names, and each frame takes only the messages its own window sends.
(() => {
  window.addEventListener('message', (event) => {
    const height = event.data && event.data.type === 'hipcheck:height' ? Number(event.data.height) : NaN;
    if (!(Number.isFinite(height) && height > 0 && height < 20000)) return;
    for (const frame of document.querySelectorAll('iframe.hipcheck-frame')) {
      if (event.source === frame.contentWindow && event.origin === new URL(frame.src, location.href).origin) {
        frame.style.height = `${Math.ceil(height)}px`;
      }
    }
  });
})();
