// Offers the open incidents of the chosen category near the chosen position before a report is sent (possible
// duplicates). Works without it: the report is simply sent.
(function () {
  const box = document.getElementById('nearby');
  const category = document.getElementById('categoryCode');
  const lat = document.getElementById('lat');
  const lng = document.getElementById('lng');
  if (!box || !category || !lat || !lng) return;
  const url = box.dataset.nearbyUrl;

  function refresh() {
    const current = document.getElementById('nearby');
    if (!category.value || !lat.value || !lng.value) return;
    const query = '?categoryCode=' + encodeURIComponent(category.value) + '&lat=' + encodeURIComponent(lat.value)
      + '&lng=' + encodeURIComponent(lng.value);
    fetch(url + query, { credentials: 'same-origin' })
      .then(r => r.ok ? r.text() : null)
      .then(html => {
        if (html === null || !current) return;
        const template = document.createElement('template');
        template.innerHTML = html.trim();
        const next = template.content.firstElementChild || document.createElement('div');
        next.id = 'nearby';
        next.dataset.nearbyUrl = url;
        current.replaceWith(next);
      })
      .catch(() => {});
  }

  category.addEventListener('change', refresh);
  [lat, lng].forEach(input => input.addEventListener('change', refresh));
  document.addEventListener('zhizhi:positioned', refresh);
})();
