// 应急哨's map. On the form (data.mode 'draw') the leader's grids are outlined and he may draw the area: each click
// on the map adds a corner, 撤销 takes the last one back, 清除 starts again; the polygon goes into the form's hidden
// "area" field as a GeoJSON Polygon (lng, lat) once it has three corners, and the form hears a change so that its
// preview of whom the whistle would reach is read again. The server decides which grids it touches and whether it
// is a polygon at all (crossing edges, too few corners), so the page need not. On the board (mode 'show') the grids
// the whistle was blown over and the drawn area, if one was drawn.
(function () {
  const data = window.zhizhiEmergencyMap;
  const element = document.getElementById('emergency-map');
  if (!data || !element || !window.L) return;
  const map = L.map(element, { zoomSnap: 0.25 });
  map.attributionControl.setPrefix('<a href="https://leafletjs.com" target="_blank" rel="noopener">Leaflet</a>');
  if (window.zhizhiBasemap) window.zhizhiBasemap(map, element); else element.classList.add('no-tiles');

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
  }

  const grids = L.featureGroup().addTo(map);
  const labelled = data.grids.length <= 24;
  for (const grid of data.grids) {
    const layer = L.geoJSON(JSON.parse(grid.boundary), {
      style: { color: data.mode === 'show' ? '#b4232f' : '#1d5fbf', weight: 1.5, fillOpacity: data.mode === 'show' ? 0.18 : 0.06 },
      // clicks go to the map, where they add corners
      interactive: data.mode === 'show'
    });
    if (data.mode === 'show' || labelled) {
      layer.bindTooltip(escapeHtml(grid.name), { permanent: labelled, direction: 'center', className: labelled ? 'map-label' : 'map-tip' });
    }
    layer.addTo(grids);
  }
  const drawnStyle = { color: '#c8102e', weight: 3, dashArray: '6 4', fillColor: '#c8102e', fillOpacity: 0.12 };
  if (data.grids.length) map.fitBounds(grids.getBounds(), { padding: [12, 12] }); else map.setView([29.38, 106.54], 12);

  if (data.mode === 'show') {
    if (data.drawn) {
      const drawn = L.geoJSON(JSON.parse(data.drawn), { style: drawnStyle, interactive: false }).addTo(map);
      map.fitBounds(drawn.getBounds().extend(grids.getBounds()), { padding: [12, 12] });
      element.dataset.drawn = 'shown';
    }
    return;
  }

  const field = document.getElementById('emergency-area-field');
  const form = field.form;
  const corners = []; // [lat, lng]
  const outline = L.polygon([], Object.assign({ interactive: false }, drawnStyle)).addTo(map);
  const dots = L.layerGroup().addTo(map);

  function render() {
    outline.setLatLngs(corners);
    dots.clearLayers();
    corners.forEach(c => L.circleMarker(c, { radius: 5, color: '#c8102e', weight: 2, fillColor: '#fff', fillOpacity: 1, interactive: false }).addTo(dots));
    element.dataset.corners = String(corners.length);
    const value = corners.length >= 3
      ? JSON.stringify({ type: 'Polygon', coordinates: [corners.concat([corners[0]]).map(c => [round(c[1]), round(c[0])])] })
      : '';
    if (field.value !== value) {
      // the server's word on the previous drawing no longer stands; the preview below gives it on this one
      const fieldset = field.closest('fieldset');
      fieldset.classList.remove('invalid');
      fieldset.querySelectorAll('.field-error').forEach(e => e.remove());
      field.value = value;
      form.dispatchEvent(new Event('change', { bubbles: true }));
    }
  }
  function round(x) { return Math.round(x * 1e7) / 1e7; }

  // a form sent back with a problem keeps what was drawn
  if (field.value) {
    try {
      const ring = JSON.parse(field.value).coordinates[0];
      ring.slice(0, ring.length - 1).forEach(p => corners.push([p[1], p[0]]));
      if (corners.length) map.fitBounds(L.latLngBounds(corners).extend(grids.getBounds()), { padding: [12, 12] });
    } catch (e) { field.value = ''; }
  }
  render();

  map.on('click', e => { corners.push([e.latlng.lat, e.latlng.lng]); render(); });
  document.getElementById('area-undo').addEventListener('click', () => { corners.pop(); render(); });
  document.getElementById('area-clear').addEventListener('click', () => { corners.length = 0; render(); });
})();
