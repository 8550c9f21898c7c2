// Zoom for the venue plan: the page works without it (the plan fits its frame, which
// scrolls); with it, a button doubles the drawing inside its frame and the stand in focus
// or highlighted is brought into view. No inline script: CSP allows only files.
(function () {
  "use strict";
  document.querySelectorAll(".plan-map[data-zoom-in]").forEach(function (map) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "plan-zoom";
    button.textContent = map.dataset.zoomIn;
    button.setAttribute("aria-pressed", "false");
    button.addEventListener("click", function () {
      var zoomed = map.classList.toggle("zoomed");
      button.setAttribute("aria-pressed", zoomed ? "true" : "false");
      button.textContent = zoomed ? map.dataset.zoomOut : map.dataset.zoomIn;
      var hl = map.querySelector(".hl, .mark");
      if (zoomed && hl && hl.scrollIntoView) {
        hl.scrollIntoView({ block: "center", inline: "center" });
      }
    });
    map.parentNode.insertBefore(button, map);
  });
})();

// Dragging stands on the organiser's plan: the drawing's units are metres, so the pointer's
// travel, taken back into the drawing's coordinates, is the stand's move. On release the
// move is sent through the same form handler as the accessible forms (which stay the way
// to edit without a mouse); the server checks the new place and refuses overlaps.
(function () {
  "use strict";
  document.querySelectorAll(".plan-map[data-drag]").forEach(function (map) {
    var form = document.getElementById(map.dataset.drag);
    var svg = map.querySelector("svg");
    if (!form || !svg || !svg.getScreenCTM) {
      return;
    }
    var drag = null;
    function point(ev) {
      var pt = svg.createSVGPoint();
      pt.x = ev.clientX;
      pt.y = ev.clientY;
      return pt.matrixTransform(svg.getScreenCTM().inverse());
    }
    svg.addEventListener("pointerdown", function (ev) {
      var g = ev.target.closest ? ev.target.closest("g[data-code]") : null;
      var rect = g && g.querySelector("rect");
      if (!rect || ev.button !== 0) {
        return;
      }
      // The pointer is captured only once the stand really moves: a capture retargets the
      // click to the drawing, and a plain click must still follow the stand's link.
      drag = { g: g, start: point(ev), x: parseFloat(rect.getAttribute("x")), y: parseFloat(rect.getAttribute("y")), moved: false, id: ev.pointerId };
    });
    svg.addEventListener("pointermove", function (ev) {
      if (!drag) {
        return;
      }
      var p = point(ev);
      drag.dx = Math.round((p.x - drag.start.x) * 10) / 10; // to the decimetre
      drag.dy = Math.round((p.y - drag.start.y) * 10) / 10;
      if (!drag.moved && (Math.abs(drag.dx) >= 0.1 || Math.abs(drag.dy) >= 0.1)) {
        drag.moved = true;
        svg.setPointerCapture(drag.id);
      }
      if (drag.moved) {
        drag.g.setAttribute("transform", "translate(" + drag.dx + " " + drag.dy + ")");
      }
    });
    svg.addEventListener("pointerup", function () {
      if (!drag) {
        return;
      }
      var d = drag;
      drag = null;
      if (!d.moved) {
        return; // a click: the stand's link opens its form
      }
      form.elements.st_stand.value = d.g.dataset.code;
      form.elements.mv_x.value = (d.x + d.dx).toFixed(1);
      form.elements.mv_y.value = (d.y + d.dy).toFixed(1);
      form.submit();
    });
    // A drag must not also follow the stand's link.
    svg.addEventListener("click", function (ev) {
      var g = ev.target.closest ? ev.target.closest("g[data-code]") : null;
      if (g && g.hasAttribute("transform")) {
        ev.preventDefault();
      }
    }, true);
  });
})();
