// Map view of the Ideenspeicher. Nothing is requested from another host
// until the visitor presses "Karte laden"; then Leaflet loads the tiles and
// the markers come from karte.json with the page's filters. Each marker is
// a focusable button: Enter opens its popup and moves the focus to the
// idea's link, Escape closes it and returns to the marker. The list below
// the map is the alternative without JavaScript or without the map.
(function () {
  "use strict";

  function popupContent(feature, close) {
    var box = document.createElement("div");
    var link = document.createElement("a");
    link.href = feature.properties.url;
    link.textContent = feature.properties.title;
    var place = document.createElement("p");
    place.className = "idea-map__place";
    place.textContent = feature.properties.municipality;
    box.appendChild(link);
    box.appendChild(place);
    box.addEventListener("keydown", function (event) {
      if (event.key === "Escape") {
        event.preventDefault();
        close();
      }
    });
    return box;
  }

  function addMarkers(map, data, note, empty) {
    var icon = L.divIcon({ className: "idea-marker", iconSize: [18, 18] });
    var bounds = [];
    data.features.forEach(function (feature) {
      var coordinates = feature.geometry.coordinates;
      var latlng = [coordinates[1], coordinates[0]];
      var marker = L.marker(latlng, { icon: icon, keyboard: true, title: feature.properties.title });
      var content = popupContent(feature, function () {
        marker.closePopup();
        if (marker.getElement()) { marker.getElement().focus(); }
      });
      marker.bindPopup(content);
      marker.on("popupopen", function () {
        var link = content.querySelector("a");
        if (link) { link.focus({ preventScroll: true }); }
      });
      marker.on("add", function () {
        marker.getElement().setAttribute("aria-label", feature.properties.title);
      });
      marker.addTo(map);
      bounds.push(latlng);
    });
    if (bounds.length) {
      map.fitBounds(bounds, { padding: [24, 24], maxZoom: 14 });
    } else if (empty) {
      empty.hidden = false;
    }
    if (data.truncated && note) { note.hidden = false; }
  }

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

    var note = document.getElementById("idea-map-truncated");
    var empty = document.getElementById("idea-map-empty");
    fetch(container.dataset.geojson, { headers: { Accept: "application/geo+json" } })
      .then(function (response) { return response.json(); })
      .then(function (data) { addMarkers(map, data, note, empty); });

    map.invalidateSize();
    container.focus();
  }

  document.querySelectorAll("[data-idea-map-load]").forEach(function (button) {
    var container = document.getElementById("idea-map");
    if (!container || typeof L === "undefined") { return; }
    container.tabIndex = 0;
    button.hidden = false;
    button.addEventListener("click", function () { loadMap(container, button); }, { once: true });
  });
})();
