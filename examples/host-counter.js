// A stand-in for the host page's own scripts: it must keep working whatever the widget does.
const button = document.getElementById('host-counter');
const count = document.getElementById('host-count');
button.addEventListener('click', () => { count.textContent = String(Number(count.textContent) + 1); });
