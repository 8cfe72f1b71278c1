// A choice that is a navigation (the community whose lists are shown) submits its form at once; the page carries no
// inline handler for it, so the Content-Security-Policy can refuse every inline script without a nonce.
document.addEventListener('change', event => {
  const field = event.target.closest('[data-auto-submit]');
  if (field && field.form) {
    field.form.submit();
  }
});
