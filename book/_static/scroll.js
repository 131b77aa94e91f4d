/* The CSTO Record: the hint above a figure or table that scrolls sideways.
   bookbuild/html_fixes.py puts each figure and each table in a box that scrolls sideways on a
   narrow screen, with a hint above it; this script shows the hint while its box does scroll
   (the class is-scrollable on the box's parent), and hides it when the box fits, on load, on
   resize and when the browser lays out a box it had skipped (content-visibility). Without
   JavaScript there is no hint; the boxes still scroll. */
(function () {
  "use strict";
  var boxes = document.querySelectorAll(".figure-scroll, .table-wrapper");
  function update(box) {
    var parent = box.parentElement;
    if (parent) {
      parent.classList.toggle("is-scrollable", box.scrollWidth > box.clientWidth + 1);
    }
  }
  function updateAll() {
    for (var i = 0; i < boxes.length; i++) { update(boxes[i]); }
  }
  if ("ResizeObserver" in window) {
    var observer = new ResizeObserver(function (entries) {
      for (var i = 0; i < entries.length; i++) { update(entries[i].target); }
    });
    for (var i = 0; i < boxes.length; i++) { observer.observe(boxes[i]); }
  }
  // An image that arrives (lazily) changes the width of its box's content, not of the box.
  document.addEventListener("load", function (event) {
    if (event.target.tagName === "IMG") { updateAll(); }
  }, true);
  window.addEventListener("resize", updateAll);
  updateAll();
}());
