// Volunteering on the phone: the check-in and check-out forms take the phone's position by themselves (the person
// only types the organiser's code), the organiser's code refreshes as it changes, and a form is sent once.
(function () {
  document.querySelectorAll('form').forEach(form => {
    form.addEventListener('submit', event => {
      if (form.dataset.sent) { event.preventDefault(); return; }
      form.dataset.sent = '1';
    });
  });

  const forms = document.querySelectorAll('[data-spot], [data-locate-fill]');
  if (forms.length && navigator.geolocation) {
    navigator.geolocation.getCurrentPosition(position => {
      forms.forEach(form => {
        const lat = form.querySelector('[data-lat]');
        const lng = form.querySelector('[data-lng]');
        if (lat && !lat.value) lat.value = position.coords.latitude.toFixed(6);
        if (lng && !lng.value) lng.value = position.coords.longitude.toFixed(6);
        const status = form.querySelector('[data-spot-status]');
        if (status) status.textContent = status.dataset.located.replace('{0}', Math.round(position.coords.accuracy));
      });
    }, () => {
      forms.forEach(form => {
        const status = form.querySelector('[data-spot-status]');
        if (status) status.textContent = status.dataset.failed;
      });
    }, { enableHighAccuracy: true, timeout: 15000, maximumAge: 30000 });
  }

  const code = document.querySelector('[data-code]');
  if (code) {
    setInterval(() => {
      fetch(code.dataset.codeUrl, { credentials: 'same-origin' })
        .then(r => r.ok ? r.json() : null)
        .then(answer => { if (answer) code.textContent = answer.code; })
        .catch(() => {});
    }, 5000);
  }
})();
