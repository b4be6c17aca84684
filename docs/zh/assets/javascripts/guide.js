/*
 * Decision guides (强制报告一步一步判断): one question at a time.
 *
 * Without this file the guide is a complete flowchart: every node is shown and each answer is a
 * link to its target node's anchor (overrides/partials/guide.html). Here we show only the current
 * node, follow an answer without leaving it, and keep the way back: "Back" returns to the previous
 * node, "Start again" to the first question. Focus moves to the shown node's heading, so keyboard
 * and screen-reader users land on the new question; the step count is announced (aria-live).
 * Loaded on every page (mkdocs.yml `extra_javascript`); does nothing on pages without a guide.
 */
(function () {
  "use strict";

  function init(root) {
    var nodes = {};
    var list = root.querySelectorAll(".mp-guide__node");
    for (var i = 0; i < list.length; i++) nodes[list[i].id] = list[i];
    var start = root.getAttribute("data-start");
    if (!nodes[start]) return;
    var controls = root.querySelector(".mp-guide__controls");
    var back = root.querySelector('button[data-guide-action="back"]');
    var restart = root.querySelector('button[data-guide-action="restart"]');
    var progress = root.querySelector(".mp-guide__progress");
    var trail = [];
    var current = null;

    function show(id, focus) {
      current = id;
      for (var key in nodes) nodes[key].hidden = key !== id;
      back.disabled = trail.length === 0;
      restart.disabled = trail.length === 0;
      progress.textContent = progress.getAttribute("data-template").replace("{n}", String(trail.length + 1));
      if (focus) nodes[id].querySelector(".mp-guide__heading").focus();
    }

    root.classList.add("mp-guide--steps");
    controls.hidden = false;
    var ends = root.querySelectorAll(".mp-guide__end");
    for (var j = 0; j < ends.length; j++) ends[j].hidden = false;

    root.addEventListener("click", function (event) {
      var answer = event.target.closest("a.mp-guide__answer");
      if (answer && nodes[answer.getAttribute("data-target")]) {
        event.preventDefault();
        trail.push(current);
        show(answer.getAttribute("data-target"), true);
        return;
      }
      var action = event.target.closest("[data-guide-action]");
      if (!action) return;
      event.preventDefault();
      if (action.getAttribute("data-guide-action") === "back" && trail.length) {
        show(trail.pop(), true);
      } else if (action.getAttribute("data-guide-action") === "restart") {
        trail = [];
        show(start, true);
      }
    });

    // A link to one node (#guide-reporting-act-report) opens the guide at that node.
    var wanted = decodeURIComponent(location.hash.slice(1));
    show(nodes[wanted] ? wanted : start, false);
  }

  var guides = document.querySelectorAll(".mp-guide");
  for (var k = 0; k < guides.length; k++) init(guides[k]);
})();
