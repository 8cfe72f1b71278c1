// The phone forms of the whistle, enhanced: the position from the phone (or a tap on a small map of the grids), the
// grid it falls in, a preview of the photo, and no second submission of a form already sent. Without JavaScript the
// forms still work: the position is typed into the two fields.
(function () {
  const data = window.zhizhiField || {};

  // a form sent once is not sent again by a second tap while the first is on its way
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

  const box = document.querySelector('[data-locate]');
  if (!box) return;
  const lat = box.querySelector('#lat');
  const lng = box.querySelector('#lng');
  const status = box.querySelector('[data-locate-status]');
  const button = box.querySelector('[data-locate-button]');
  let marker = null;
  let map = null;

  function showLocated() {
    if (!data.locateUrl || !lat.value || !lng.value) return;
    const url = data.locateUrl + '?lat=' + encodeURIComponent(lat.value) + '&lng=' + encodeURIComponent(lng.value);
    fetch(url, { credentials: 'same-origin', headers: { 'HX-Request': 'true' } })
      .then(r => r.ok ? r.text() : null)
      .then(html => {
        const current = document.getElementById('located');
        if (html && current) current.outerHTML = html;
        document.dispatchEvent(new CustomEvent('zhizhi:positioned'));
      })
      .catch(() => {});
  }

  function place(latitude, longitude, fromMap) {
    lat.value = latitude.toFixed(6);
    lng.value = longitude.toFixed(6);
    if (map) {
      if (marker) marker.setLatLng([latitude, longitude]); else marker = L.marker([latitude, longitude]).addTo(map);
      if (!fromMap) map.setView([latitude, longitude], Math.max(map.getZoom(), 16));
    }
    showLocated();
  }

  function locate() {
    if (!navigator.geolocation) { failed(); return; }
    status.textContent = status.dataset.locating;
    navigator.geolocation.getCurrentPosition(position => {
      place(position.coords.latitude, position.coords.longitude, false);
      status.textContent = status.dataset.located.replace('{0}', Math.round(position.coords.accuracy));
    }, failed, { enableHighAccuracy: true, timeout: 15000, maximumAge: 30000 });
  }

  function failed() {
    status.textContent = status.dataset.failed;
    const details = box.querySelector('details');
    if (details) details.open = true;
    drawMap();
  }

  // the small map: the grids of the user's scope over the bundled streets (no tiles needed); a tap places the point
  function drawMap() {
    const element = box.querySelector('[data-pick-map]');
    if (map || !element || !window.L || element.offsetParent === null) return;
    map = L.map(element, { zoomSnap: 0.25, attributionControl: false });
    // the bundled roads and water under the grids (basemap.js; this small map never loads tiles)
    if (window.zhizhiBasemap) window.zhizhiBasemap(map, element); else element.classList.add('no-tiles');
    const layers = [];
    for (const grid of (data.grids || [])) {
      try {
        const layer = L.geoJSON(JSON.parse(grid.boundary), { style: { color: '#1d5fbf', weight: 1.5, fillOpacity: 0.12 },
          interactive: false }).addTo(map);
        layer.bindTooltip(grid.name.replace(/[&<>"']/g, ''), { permanent: (data.grids || []).length <= 20,
          direction: 'center', className: 'map-label' });
        layers.push(layer);
      } catch (e) { /* a grid without a readable outline is left off the map */ }
    }
    if (lat.value && lng.value && !isNaN(parseFloat(lat.value)) && !isNaN(parseFloat(lng.value))) {
      marker = L.marker([parseFloat(lat.value), parseFloat(lng.value)]).addTo(map);
      map.setView(marker.getLatLng(), 16);
    } else if (data.target) {
      map.setView(data.target, 16);
    } else if (layers.length) {
      map.fitBounds(L.featureGroup(layers).getBounds(), { padding: [8, 8] });
    } else {
      map.setView([29.38, 106.54], 12);
    }
    // after the view is set: a circle marker cannot be drawn on a map without one
    if (data.target) {
      L.circleMarker(data.target, { radius: 8, color: '#c8102e', fillOpacity: 0.6 }).addTo(map);
    }
    map.on('click', e => place(e.latlng.lat, e.latlng.lng, true));
  }

  const details = box.querySelector('details');
  if (details) details.addEventListener('toggle', () => { if (details.open) setTimeout(drawMap, 0); });
  drawMap();
  [lat, lng].forEach(input => input.addEventListener('change', () => {
    if (map && lat.value && lng.value) {
      const p = [parseFloat(lat.value), parseFloat(lng.value)];
      if (!isNaN(p[0]) && !isNaN(p[1])) { if (marker) marker.setLatLng(p); else marker = L.marker(p).addTo(map); }
    }
    showLocated();
  }));
  if (button) button.addEventListener('click', locate);
  // ask at once when the form is new: the user is standing where the problem is
  if (!lat.value && !lng.value) locate(); else showLocated();
})();
