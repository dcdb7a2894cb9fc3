// Map of an event's place. Nothing is requested from another host until
// the visitor presses "Karte laden"; the address on the page is the
// alternative without JavaScript.
(function () {
  "use strict";

  function loadMap(container, button) {
    button.hidden = true;
    container.hidden = false;
    var point = [parseFloat(container.dataset.lat), parseFloat(container.dataset.lon)];
    var map = L.map(container, { scrollWheelZoom: false }).setView(point, 16);
    L.tileLayer(container.dataset.tiles, {
      maxZoom: 18,
      attribution: container.dataset.attribution,
    }).addTo(map);
    L.circleMarker(point, { radius: 8, color: "#0b5563", fillOpacity: 0.9 })
      .addTo(map)
      .bindPopup(document.createTextNode(container.dataset.label));
    map.invalidateSize();
    container.focus();
  }

  document.querySelectorAll("[data-event-map-load]").forEach(function (button) {
    var container = document.getElementById("map");
    if (!container || typeof L === "undefined") { return; }
    container.tabIndex = 0;
    button.hidden = false;
    button.addEventListener("click", function () { loadMap(container, button); }, { once: true });
  });
})();
