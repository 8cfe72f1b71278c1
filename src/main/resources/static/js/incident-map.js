// One incident on a map: its point and the outline of its grid. Works with no tiles (offline): the bundled roads and water.
(function () {
  const data = window.zhizhiIncidentMap;
  const element = document.getElementById('incident-map');
  if (!data || !element || !window.L) return;
  const map = L.map(element, { zoomSnap: 0.25 });
  map.attributionControl.setPrefix('<a href="https://leafletjs.com" target="_blank" rel="noopener">Leaflet</a>');
  // the configured tiles, or the bundled roads and water when there are none (basemap.js)
  if (window.zhizhiBasemap) window.zhizhiBasemap(map, element); else element.classList.add('no-tiles');
  let grid = null;
  if (data.grid) {
    try {
      grid = L.geoJSON(JSON.parse(data.grid), { style: { color: '#1d5fbf', weight: 1.5, fillOpacity: 0.1 },
        interactive: false });
    } catch (e) { /* no readable outline: the point alone */ }
  }
  // the view first: a circle marker cannot be drawn on a map that has none yet
  const point = L.latLng(data.lat, data.lng);
  if (grid) {
    map.fitBounds(grid.getBounds().extend(point), { padding: [16, 16] });
    grid.addTo(map);
  } else {
    map.setView(point, 17);
  }
  L.circleMarker(point, { radius: 9, color: '#c8102e', weight: 3, fillColor: '#c8102e', fillOpacity: 0.5 }).addTo(map);
})();
