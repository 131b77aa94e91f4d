/* The CSTO Record: interactive figures, drawn only when a reader asks for one.
   Pages with an interactive figure load this script (bookbuild/reader.py); each
   hidden marker (analysis/publish/interactive.py) names a figure, and gets a button under it.
   Pressing it loads the vendored Vega scripts and the figure's specification from this site,
   never from another host, and draws the figure in place of the static image, or under it
   when the marker says data-keep-static (a view that adds to the figure). */
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
          return window.vegaEmbed(view, spec, { renderer: "svg", actions: false });
        })
        .then(function () {
          var image = figure.querySelector("img");
          if (image && marker.getAttribute("data-keep-static") !== "true") { image.hidden = true; }
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
