// Maps of ideas. Nothing is requested from another host until the visitor
// presses "Karte laden".
//
// On the idea page ([data-idea-map-show]) the map shows the idea's point.
// In the idea form ([data-idea-map-picker]) a click on the map sets the
// point into the hidden fields latitude/longitude; with the keyboard the
// map moves with the arrow keys and "Punkt in die Kartenmitte setzen" sets
// the point. Choosing a place selects its municipality and centres the map
// on it. Without JavaScript the municipality alone is enough.
(function () {
  "use strict";

  var MARKER = { radius: 9, color: "#0b5563", weight: 3, fillOpacity: 0.8 };

  function tiles(map, container) {
    L.tileLayer(container.dataset.tiles, {
      maxZoom: 18,
      attribution: container.dataset.attribution,
    }).addTo(map);
  }

  function showPoint(container, button) {
    button.hidden = true;
    container.hidden = false;
    var point = [parseFloat(container.dataset.lat), parseFloat(container.dataset.lon)];
    var map = L.map(container, { scrollWheelZoom: false }).setView(point, 15);
    tiles(map, container);
    L.circleMarker(point, MARKER).addTo(map).bindPopup(document.createTextNode(container.dataset.label));
    map.invalidateSize();
    container.focus();
  }

  function readJSON(id) {
    var element = document.getElementById(id);
    try {
      return element ? JSON.parse(element.textContent) : null;
    } catch (error) {
      return null;
    }
  }

  function setUpPicker(picker) {
    var form = picker.closest("form");
    var container = picker.querySelector("#idea-map");
    var loadButton = picker.querySelector("[data-idea-map-load]");
    var tools = picker.querySelector("[data-idea-map-tools]");
    var status = picker.querySelector("#point-status");
    var lat = form.querySelector("[data-idea-lat]");
    var lon = form.querySelector("[data-idea-lon]");
    var municipality = form.querySelector("select[name='municipality']");
    var place = form.querySelector("select[name='place']");
    var data = readJSON("idea-map-places") || { municipalities: {}, places: {} };
    var map = null;
    var marker = null;
    var texts = {
      set: status.dataset.textSet || "Ein Punkt auf der Karte ist gesetzt.",
      none: status.dataset.textNone || "Kein Punkt auf der Karte gesetzt (freiwillig).",
    };

    function seatOf(municipalityId) {
      return data.municipalities[municipalityId] || null;
    }

    function currentPoint() {
      if (lat.value && lon.value) {
        return [parseFloat(lat.value), parseFloat(lon.value)];
      }
      return null;
    }

    function setPoint(latlng) {
      lat.value = latlng.lat.toFixed(6);
      lon.value = latlng.lng.toFixed(6);
      if (marker) {
        marker.setLatLng(latlng);
      } else {
        marker = L.circleMarker(latlng, MARKER).addTo(map);
      }
      status.textContent = texts.set + " (" + lat.value + ", " + lon.value + ")";
    }

    function clearPoint() {
      lat.value = "";
      lon.value = "";
      if (marker) {
        map.removeLayer(marker);
        marker = null;
      }
      status.textContent = texts.none;
    }

    function centreOnMunicipality() {
      if (!map || !municipality) { return; }
      var seat = seatOf(municipality.value);
      if (seat) { map.setView(seat, 13); }
    }

    function load() {
      loadButton.hidden = true;
      container.hidden = false;
      tools.hidden = false;
      var point = currentPoint();
      var seat = municipality ? seatOf(municipality.value) : null;
      var centre = point || seat || [parseFloat(container.dataset.centerLat), parseFloat(container.dataset.centerLon)];
      var zoom = point ? 15 : (seat ? 13 : parseInt(container.dataset.zoom, 10) || 10);
      map = L.map(container, { scrollWheelZoom: false }).setView(centre, zoom);
      tiles(map, container);
      if (point) {
        marker = L.circleMarker(point, MARKER).addTo(map);
      }
      map.on("click", function (event) { setPoint(event.latlng); });
      picker.querySelector("[data-idea-map-center]").addEventListener("click", function () {
        setPoint(map.getCenter());
      });
      picker.querySelector("[data-idea-map-clear]").addEventListener("click", clearPoint);
      map.invalidateSize();
      container.focus();
    }

    container.tabIndex = 0;
    loadButton.hidden = false;
    loadButton.addEventListener("click", load, { once: true });

    if (place && municipality) {
      place.addEventListener("change", function () {
        var owner = data.places[place.value];
        if (owner && String(owner) !== municipality.value) {
          municipality.value = String(owner);
        }
        centreOnMunicipality();
      });
    }
    if (municipality) {
      municipality.addEventListener("change", centreOnMunicipality);
    }
  }

  if (typeof L === "undefined") { return; }

  document.querySelectorAll("[data-idea-map-show]").forEach(function (button) {
    var container = document.getElementById("idea-map");
    if (!container) { return; }
    container.tabIndex = 0;
    button.hidden = false;
    button.addEventListener("click", function () { showPoint(container, button); }, { once: true });
  });

  document.querySelectorAll("[data-idea-map-picker]").forEach(setUpPicker);
})();
