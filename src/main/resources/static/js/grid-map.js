// The grid map of the user's scope: grids coloured by kind, micro-grids once the user zooms in, a click loads
// the grid's card (server-rendered, through htmx). Works without tiles: polygons over the bundled roads and water.
(function () {
  const data = window.zhizhiGridMap;
  const element = document.getElementById('grid-map');
  if (!data || !element || !window.L) return;
  // micro-grids appear one zoom step closer than the whole scope fits (and never before zoom 15)
  let microZoom = 15;
  const map = L.map(element, { zoomSnap: 0.25 });
  map.attributionControl.setPrefix('<a href="https://leafletjs.com" target="_blank" rel="noopener">Leaflet</a>');
  // the configured tiles, or the bundled roads and water when there are none (basemap.js)
  if (window.zhizhiBasemap) window.zhizhiBasemap(map, element); else element.classList.add('no-tiles');

  // node names are text; Leaflet puts tooltip content in as HTML
  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
  }

  const colours = { RESIDENTIAL: '#1d5fbf', PARK: '#c77700' };
  const gridLayers = L.featureGroup().addTo(map);
  const microLayers = L.featureGroup();
  let selected = null;

  function openCard(grid, layer) {
    if (selected) selected.setStyle({ weight: 1.5 });
    selected = layer;
    layer.setStyle({ weight: 4 });
    if (window.htmx) {
      htmx.ajax('GET', data.cardUrl + grid.id + '/card', { target: '#grid-card', swap: 'innerHTML' }).then(() => {
        // on a phone the card sits below the map: bring it into view
        const card = document.getElementById('grid-card');
        if (card && card.getBoundingClientRect().top > window.innerHeight) card.scrollIntoView({ behavior: 'smooth' });
      });
    } else {
      window.location.href = data.cardUrl + grid.id;
    }
  }

  for (const grid of data.grids) {
    const layer = L.geoJSON(JSON.parse(grid.boundary), {
      style: { color: colours[grid.kind] || '#555', weight: 1.5, fillOpacity: 0.22 }
    });
    // a community's handful of grids are labelled on the map; a whole district's show their names on hover
    const labelled = data.grids.length <= 20;
    layer.bindTooltip(escapeHtml(grid.name),
      { permanent: labelled, direction: 'center', className: labelled ? 'map-label' : 'map-tip' });
    layer.on('click', () => openCard(grid, layer));
    layer.addTo(gridLayers);
  }
  for (const micro of data.microGrids) {
    const layer = L.geoJSON(JSON.parse(micro.boundary), {
      style: { color: '#2e7d32', weight: 1, dashArray: '3 3', fillOpacity: 0 },
      interactive: false
    });
    layer.bindTooltip(escapeHtml(micro.name), { permanent: true, direction: 'center', className: 'map-label' });
    layer.addTo(microLayers);
  }

  function showMicroGrids() {
    const show = map.getZoom() >= microZoom;
    if (show && !map.hasLayer(microLayers)) microLayers.addTo(map);
    if (!show && map.hasLayer(microLayers)) map.removeLayer(microLayers);
    element.dataset.microGrids = show ? 'shown' : 'hidden';
  }
  map.on('zoomend', showMicroGrids);

  if (data.grids.length) {
    map.fitBounds(gridLayers.getBounds(), { padding: [12, 12] });
    microZoom = Math.max(15, Math.floor(map.getZoom()) + 1);
  } else {
    map.setView([29.38, 106.54], 11);
  }
  showMicroGrids();
})();
