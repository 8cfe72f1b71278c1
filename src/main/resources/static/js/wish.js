// The wish pages, enhanced: a form sent once is not sent again by a second tap while the first is on its way, and a
// chosen photo shows before it is sent. Without JavaScript the forms work the same.
(function () {
  document.querySelectorAll('form').forEach(form => {
    form.addEventListener('submit', event => {
      if (form.dataset.sent) { event.preventDefault(); return; }
      form.dataset.sent = '1';
      form.querySelectorAll('[data-once]').forEach(b => b.setAttribute('aria-busy', 'true'));
    });
  });
  document.querySelectorAll('[data-photo-input]').forEach(input => {
    const preview = input.parentElement.querySelector('[data-photo-preview]');
    input.addEventListener('change', () => {
      if (!preview || !input.files || !input.files[0]) return;
      preview.src = URL.createObjectURL(input.files[0]);
      preview.classList.add('shown');
    });
  });
})();
