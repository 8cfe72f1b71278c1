// A file input hidden behind a Chinese button (.file-field, .photo-pick) shows which file was chosen, in words the
// page gave it (data-none, data-chosen with {0}): the browser's own "No file chosen" is hidden with its control.
// Listening on the document also serves forms that htmx brings in later.
document.addEventListener('change', event => {
  const input = event.target;
  if (!(input instanceof HTMLInputElement) || input.type !== 'file') return;
  const holder = input.closest('.file-field, .photo-pick');
  const name = holder && holder.querySelector('[data-file-name]');
  if (!name) return;
  const files = Array.from(input.files || []).map(file => file.name);
  name.textContent = files.length ? (name.dataset.chosen || '{0}').replace('{0}', files.join('、')) : (name.dataset.none || '');
});
