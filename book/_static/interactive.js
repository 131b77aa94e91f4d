/* The CSTO Record: interactive figures, drawn only when a reader asks for one.
   Pages with an interactive figure load this script (bookbuild/reader.py); each
   hidden marker (analysis/publish/interactive.py) names a figure, and gets a button under it.
   Pressing it loads the vendored Vega scripts and the figure's specification from this site,
   never from another host, and draws the figure in place of the static image, or under it
   when the marker says data-keep-static (a view that adds to the figure).
   A specification's usermeta (analysis/charts/interactive.py) says how it fits a narrow
   screen: fit_width narrows it to the column (keeping its aspect if asked), and bind_labels
   gives the text a slider shows for each value (a date, not a step number). An open tooltip
   follows the slider, and no tooltip reaches past the edge of the screen. */
(function () {
  "use strict";
  var script = document.currentScript;
  var base = script ? script.getAttribute("data-base") : "";
  var loading = null;

  function load(name) {
    return new Promise(function (resolve, reject) {
      var tag = document.createElement("script");
      tag.src = base + name;
      tag.onload = resolve;
      tag.onerror = function () { reject(new Error("could not load " + name)); };
      document.head.appendChild(tag);
    });
  }

  function vega() {
    if (!loading) {
      loading = load("vega.min.js")
        .then(function () { return load("vega-lite.min.js"); })
        .then(function () { return load("vega-embed.min.js"); });
    }
    return loading;
  }

  /* Narrow the specification to the figure's column, less the margin its axes need. */
  function fitWidth(spec, room) {
    var fit = (spec.usermeta || {}).fit_width;
    if (!fit || !spec.width || room <= 0) { return spec; }
    var width = Math.floor(room - (fit.margin || 0));
    if (width >= spec.width) { return spec; }
    if (fit.keep_aspect && spec.height) {
      spec.height = Math.round(spec.height * width / spec.width);
    }
    spec.width = Math.max(width, 120);
    return spec;
  }

  /* Vega adds padding and axis labels to the width asked for: narrow the drawn view until it
     no longer overflows its box (at most three tries). */
  function settle(vegaView, spec, box, tries) {
    var fit = (spec.usermeta || {}).fit_width;
    var over = box.scrollWidth - box.clientWidth;
    if (!fit || over <= 0 || tries <= 0) { return Promise.resolve(); }
    var width = vegaView.width();
    var narrower = Math.max(width - over - 1, 120);
    vegaView.width(narrower);
    if (fit.keep_aspect) { vegaView.height(Math.round(vegaView.height() * narrower / width)); }
    return vegaView.runAsync().then(function () {
      return settle(vegaView, spec, box, tries - 1);
    });
  }

  var lastPointer = null;
  document.addEventListener("pointermove", function (event) {
    lastPointer = { x: event.clientX, y: event.clientY };
  }, true);
  document.addEventListener("pointerdown", function (event) {
    lastPointer = { x: event.clientX, y: event.clientY };
  }, true);

  function openTooltip() {
    var tip = document.getElementById("vg-tooltip-element");
    return tip && tip.classList.contains("visible") ? tip : null;
  }

  /* After a slider moves, an open tooltip shows the mark now under the pointer: the same
     state on the new date, not the old one. */
  function refreshTooltip(root) {
    if (!openTooltip() || !lastPointer) { return; }
    var target = document.elementFromPoint(lastPointer.x, lastPointer.y);
    if (!target || !root.contains(target)) { return; }
    ["pointermove", "mousemove"].forEach(function (type) {
      var Event = type === "pointermove" && window.PointerEvent ? window.PointerEvent
        : window.MouseEvent;
      target.dispatchEvent(new Event(type, { bubbles: true, cancelable: true,
        clientX: lastPointer.x, clientY: lastPointer.y }));
    });
  }

  /* Keep the tooltip inside the screen (vega-tooltip places it at the pointer, and on a
     phone a wide tooltip can reach past the left or right edge). */
  function clampTooltip() {
    var tip = openTooltip();
    if (!tip) { return; }
    var box = tip.getBoundingClientRect();
    var shift = 0;
    if (box.right > window.innerWidth - 4) { shift = window.innerWidth - 4 - box.right; }
    if (box.left + shift < 4) { shift = 4 - box.left; }
    if (shift !== 0) { tip.style.left = (parseFloat(tip.style.left) || 0) + shift + "px"; }
  }
  var watching = false;
  function watchTooltip() {
    var tip = document.getElementById("vg-tooltip-element");
    if (watching || !tip || !("MutationObserver" in window)) { return; }
    watching = true;
    new MutationObserver(clampTooltip).observe(tip, { attributes: true, childList: true,
      subtree: true });
    clampTooltip();
  }

  /* A slider with labels shows the label of its value (a date) instead of the number, to
     the eye and to a screen reader. */
  function labelSliders(view, spec, root) {
    var labels = (spec.usermeta || {}).bind_labels || {};
    Object.keys(labels).forEach(function (name) {
      var input = root.querySelector('input[type="range"][name="' + name + '"]');
      if (!input) { return; }
      var shown = input.nextElementSibling;
      var show = function (value) {
        var text = labels[name][Math.round(value) - (+input.min || 0)];
        if (text === undefined) { return; }
        if (shown) { shown.textContent = text; }
        input.setAttribute("aria-valuetext", text);
      };
      show(view.signal(name));
      view.addSignalListener(name, function (_, value) {
        show(value);
        view.runAsync().then(function () { refreshTooltip(root); });
      });
      // Vega writes the number back on every input and change event, also when the value
      // stays: these listeners, added after Vega's, put the label back.
      ["input", "change"].forEach(function (type) {
        input.addEventListener(type, function () { show(+input.value); });
      });
    });
  }

  function setUp(marker) {
    var figure = document.getElementById(marker.getAttribute("data-figure"));
    if (!figure) { return; }
    var label = marker.getAttribute("data-label");
    var button = document.createElement("button");
    button.type = "button";
    button.className = "interactive-button";
    button.textContent = label;
    var view = document.createElement("div");
    view.className = "interactive-view";
    view.hidden = true;
    var caption = figure.querySelector("figcaption");
    figure.insertBefore(button, caption);
    figure.insertBefore(view, caption);
    button.addEventListener("click", function () {
      button.disabled = true;
      button.textContent = "Loading the interactive figure\u2026";
      vega()
        .then(function () { return fetch(base + marker.getAttribute("data-spec")); })
        .then(function (response) { return response.json(); })
        .then(function (spec) {
          view.hidden = false;
          spec = fitWidth(spec, figure.clientWidth);
          return window.vegaEmbed(view, spec, { renderer: "svg", actions: false })
            .then(function (result) {
              return settle(result.view, spec, view, 3).then(function () { return result; });
            })
            .then(function (result) {
              labelSliders(result.view, spec, view);
              view.addEventListener("pointermove", watchTooltip);
              view.addEventListener("pointerdown", watchTooltip);
            });
        })
        .then(function () {
          if (marker.getAttribute("data-keep-static") !== "true") {
            // The static image, its scrolling box and that box's hint (html_fixes.py).
            var still = figure.querySelectorAll(".figure-scroll, .scroll-hint, img");
            for (var k = 0; k < still.length; k++) { still[k].hidden = true; }
          }
          view.setAttribute("tabindex", "0");
          button.remove();
        })
        .catch(function (error) {
          view.hidden = true;
          button.disabled = false;
          button.textContent = label + " (it did not load; press to try again)";
          console.warn(error);
        });
    });
  }

  var markers = document.querySelectorAll(".interactive-figure[data-figure]");
  for (var i = 0; i < markers.length; i++) { setUp(markers[i]); }
}());
