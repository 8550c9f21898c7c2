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
