// Draws a node's boundary and its children's on a Leaflet map. Works with no tiles at all (offline, or no tile URL
// configured): the polygons are drawn over the bundled roads and water (basemap.js).
(function () {
  const data = window.zhizhiMap;
  const element = document.getElementById('map');
  if (!data || !element || !window.L) return;
  const map = L.map(element, { zoomSnap: 0.25 });
  map.attributionControl.setPrefix('<a href="https://leafletjs.com" target="_blank" rel="noopener">Leaflet</a>');
  // the configured tiles, or the bundled roads and water when there are none (basemap.js)
  if (window.zhizhiBasemap) window.zhizhiBasemap(map, element); else element.classList.add('no-tiles');

  // A child's label without what its parent's name already says: under 东城社区, 东城社区第3网格 is 第3网格; under
  // 东城社区第1网格, 第1网格第2微网格 is 第2微网格 (the longest end of the parent's name that starts the child's).
  // Leaflet puts tooltip content in as HTML: node names are text, so escape them.
  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
  }

  function shortName(name) {
    const parent = data.nodeName || '';
    for (let i = 0; i < parent.length - 1; i++) {
      const tail = parent.substring(i);
      if (name.length > tail.length && name.startsWith(tail)) return name.substring(tail.length);
    }
    return name;
  }

  const colours = { RESIDENTIAL: '#1d5fbf', PARK: '#c77700' };
  const layers = [];
  const children = data.features.filter(f => f.role !== 'self').length;
  for (const feature of data.features) {
    const self = feature.role === 'self';
    const layer = L.geoJSON(JSON.parse(feature.boundary), {
      style: {
        color: self ? '#c8102e' : (colours[feature.kind] || '#2e7d32'),
        weight: self ? 3 : 1.5,
        fillOpacity: self ? 0.04 : 0.18,
        dashArray: self ? '6 4' : null
      }
    }).addTo(map);
    if (!self) {
      const permanent = children <= 20;
      layer.bindTooltip(escapeHtml(permanent ? shortName(feature.name) : feature.name),
        { permanent: permanent, direction: 'center', className: permanent ? 'map-label' : 'map-tip' });
      layer.on('click', () => { window.location.href = data.nodeUrl + feature.id; });
    }
    layers.push(layer);
  }
  if (layers.length) {
    map.fitBounds(L.featureGroup(layers).getBounds(), { padding: [12, 12] });
  } else {
    map.setView([29.38, 106.54], 11);
  }
})();
