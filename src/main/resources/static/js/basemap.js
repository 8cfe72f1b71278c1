// The background of every map. With a tile server configured (zhizhi.map.tile-url, on the map's element as
// data-tile-url) its tiles. Without one — offline, or nothing configured — the roads and water of the demo area,
// drawn from a small vector file shipped with the platform (img/demo-area.geo.json: hand-drawn, plausible lines
// around the demo communities made from their centres and grid sizes, not survey data), so that a map still looks
// like a map and not like boxes on squared paper. If that file cannot be read the squared background stays.
window.zhizhiBasemap = (function () {
  const script = document.currentScript;
  const source = script ? new URL('../img/demo-area.geo.json', script.src).href : null;
  let download = null; // one download for all the maps of a page

  // colours as printed street maps have them: water blue, expressways pink, main roads yellow, streets white
  const water = { river: true, water: true };
  const roads = {
    motorway: { casing: '#c0707e', fill: '#e892a2', width: 5 },
    primary: { casing: '#c9a56b', fill: '#fcd6a4', width: 4.5 },
    secondary: { casing: '#b3aa9a', fill: '#ffffff', width: 4 },
    street: { casing: '#bfb7a8', fill: '#ffffff', width: 3 },
    lane: { casing: null, fill: '#ffffff', width: 2 }
  };

  function draw(map, element, data) {
    if (!map.getPane('basemap')) {
      // under the boundaries (overlay pane, 400) and never in the way of a click on them
      const pane = map.createPane('basemap');
      pane.style.zIndex = 150;
      pane.style.pointerEvents = 'none';
    }
    const common = { pane: 'basemap', interactive: false };
    L.geoJSON(data, Object.assign({}, common, {
      filter: f => water[f.properties.kind] === true,
      style: () => ({ className: 'basemap-water', stroke: true, color: '#9cc8d9', weight: 1, fillColor: '#aad3df', fillOpacity: 1 })
    })).addTo(map);
    L.geoJSON(data, Object.assign({}, common, {
      filter: f => f.properties.kind === 'stream',
      style: () => ({ className: 'basemap-water', color: '#aad3df', weight: 3, lineCap: 'round' })
    })).addTo(map);
    // roads widen as the map comes closer, as on a printed city plan: a street is a hairline over the district and
    // a white band between an estate's buildings
    const widen = () => Math.max(1, Math.min(2.4, (map.getZoom() - 12) / 2));
    const casings = L.geoJSON(data, Object.assign({}, common, {
      filter: f => roads[f.properties.kind] && roads[f.properties.kind].casing,
      style: f => ({ className: 'basemap-road-casing', color: roads[f.properties.kind].casing,
        weight: roads[f.properties.kind].width * widen() + 2, lineCap: 'round', lineJoin: 'round' })
    })).addTo(map);
    const fills = L.geoJSON(data, Object.assign({}, common, {
      filter: f => roads[f.properties.kind] !== undefined,
      style: f => ({ className: 'basemap-road', color: roads[f.properties.kind].fill,
        weight: roads[f.properties.kind].width * widen(), lineCap: 'round', lineJoin: 'round' })
    })).addTo(map);
    map.on('zoomend', () => {
      casings.setStyle(f => ({ weight: roads[f.properties.kind].width * widen() + 2 }));
      fills.setStyle(f => ({ weight: roads[f.properties.kind].width * widen() }));
    });
    element.classList.remove('no-tiles');
    element.classList.add('basemap');
    element.dataset.basemap = 'drawn';
  }

  return function (map, element) {
    const tileUrl = element.dataset.tileUrl;
    if (tileUrl) {
      L.tileLayer(tileUrl, { maxZoom: 19, subdomains: '1234', attribution: element.dataset.tileAttribution || '' }).addTo(map);
      return;
    }
    element.classList.add('no-tiles');
    if (!source || !window.fetch) return;
    download = download || fetch(source, { credentials: 'same-origin' }).then(r => r.ok ? r.json() : Promise.reject(r.status));
    download.then(data => draw(map, element, data)).catch(() => { element.dataset.basemap = 'missing'; });
  };
})();
