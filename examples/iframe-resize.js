// The iframe snippet's listener: accept only HipCheck's origin, and only a height.
const frame = document.getElementById('hipcheck-frame');
const hipcheckOrigin = new URL(frame.src, location.href).origin;
window.addEventListener('message', (event) => {
  if (event.origin !== hipcheckOrigin || event.source !== frame.contentWindow) return;
  const height = event.data && event.data.type === 'hipcheck:height' ? Number(event.data.height) : NaN;
  if (Number.isFinite(height) && height > 0 && height < 20000) frame.style.height = `${Math.ceil(height)}px`;
});
