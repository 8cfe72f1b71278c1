// Draws a node's boundary and its children's on a Leaflet map. Works with no tiles at all (offline, or no tile URL
// configured): the polygons are drawn on a plain background.
(function () {
  const data = window.zhizhiMap;
  const element = document.getElementById('map');
  if (!data || !element || !window.L) return;
  const map = L.map(element, { zoomSnap: 0.25 });
  const tileUrl = element.dataset.tileUrl;
  if (tileUrl) {
    L.tileLayer(tileUrl, { maxZoom: 19, subdomains: '1234', attribution: element.dataset.tileAttribution || '' }).addTo(map);
  }
  const colours = { RESIDENTIAL: '#1d5fbf', PARK: '#c77700' };
  const layers = [];
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
      layer.bindTooltip(feature.name, { permanent: data.features.length <= 20, direction: 'center', className: 'map-label' });
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
