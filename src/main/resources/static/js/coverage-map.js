// The 15-minute circle on a Leaflet map: each building a dot coloured by its walk to the nearest point (green within
// the circle, orange up to 10 minutes more, red farther or none), each service point a blue dot ringed in white. Works with no tiles.
(function () {
  const element = document.getElementById('coverage-map');
  if (!element || !window.L) return;
  const map = L.map(element, { zoomSnap: 0.25 });
  map.attributionControl.setPrefix('<a href="https://leafletjs.com" target="_blank" rel="noopener">Leaflet</a>');
  const dwellingsUnit = element.dataset.dwellingsUnit || '';
  const minutesUnit = element.dataset.minutesUnit || '';
  // the configured tiles, or the bundled roads and water when there are none (basemap.js)
  if (window.zhizhiBasemap) window.zhizhiBasemap(map, element); else element.classList.add('no-tiles');
  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
  }
  fetch(element.dataset.source, { headers: { Accept: 'application/json' } })
    .then(r => r.json())
    .then(data => {
      const bounds = [];
      for (const b of data.buildings) {
        const colour = b.minutes == null || b.minutes > data.circle + 10 ? '#c8102e'
          : b.minutes > data.circle ? '#e08a00' : '#2e7d32';
        L.circleMarker([b.lat, b.lng], { radius: 5 + Math.min(8, Math.sqrt(b.dwellings) / 3), color: colour, fillOpacity: 0.7 })
          .bindTooltip(escapeHtml(b.label) + ' · ' + b.dwellings + ' ' + dwellingsUnit + ' · ' + (b.minutes == null ? '—' : b.minutes + ' ' + minutesUnit))
          .addTo(map);
        bounds.push([b.lat, b.lng]);
      }
      for (const p of data.points) {
        L.circleMarker([p.lat, p.lng], { radius: 9, color: '#fff', weight: 3, fillColor: '#1d5fbf', fillOpacity: 1 })
          .bindTooltip(escapeHtml(p.name)).addTo(map);
        bounds.push([p.lat, p.lng]);
      }
      if (bounds.length) map.fitBounds(bounds, { padding: [20, 20] }); else map.setView([29.5, 106.6], 11);
    });
})();
