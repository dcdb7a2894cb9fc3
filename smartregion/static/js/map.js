// Overview map of the municipalities. Nothing is requested from another
// host until the visitor presses "Karte laden": only then are Leaflet's tile
// requests made. Without JavaScript the list on the page is the alternative.
(function () {
  "use strict";

  function loadMap(container, button) {
    button.hidden = true;
    container.hidden = false;
    var map = L.map(container, { scrollWheelZoom: false }).setView(
      [parseFloat(container.dataset.lat), parseFloat(container.dataset.lon)],
      parseInt(container.dataset.zoom, 10)
    );
    L.tileLayer(container.dataset.tiles, {
      maxZoom: 18,
      attribution: container.dataset.attribution,
    }).addTo(map);

    fetch(container.dataset.geojson, { headers: { Accept: "application/geo+json" } })
      .then(function (response) { return response.json(); })
      .then(function (data) {
        var layer = L.geoJSON(data, {
          style: function () { return { color: "#0b5563", weight: 2, fillOpacity: 0.08 }; },
          pointToLayer: function (feature, latlng) {
            return L.circleMarker(latlng, { radius: 6, color: "#0b5563", fillOpacity: 0.9 });
          },
          onEachFeature: function (feature, item) {
            var link = document.createElement("a");
            link.href = feature.properties.url;
            link.textContent = feature.properties.name;
            item.bindPopup(link);
          },
        }).addTo(map);
        if (layer.getBounds().isValid()) {
          map.fitBounds(layer.getBounds(), { padding: [12, 12] });
        }
      });

    map.invalidateSize();
    container.focus();
  }

  document.querySelectorAll("[data-map-load]").forEach(function (button) {
    var container = document.getElementById("map");
    if (!container || typeof L === "undefined") { return; }
    container.tabIndex = 0;
    button.hidden = false;
    button.addEventListener("click", function () { loadMap(container, button); }, { once: true });
  });
})();
