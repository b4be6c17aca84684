/* Lessons as slides on a projector. The page says where each slide begins (data-slide, put by
   mpsite/slides.py, the one place of the split rule) and holds the words (data-i18n on the
   [data-present] marker, overrides/partials/present.html). Slides are copies of the page's own
   elements made when shown; the page's quiz is started in quiz.js's own presentation mode. */
(function () {
  "use strict";
  var marker = document.querySelector("[data-present]");
  var article = marker && marker.closest("article");
  if (!article) { return; }
  var t = {};
  try { t = JSON.parse(marker.getAttribute("data-i18n")) || {}; } catch (e) { /* no words: keys show */ }
  var FURNITURE = ".mp-present, .read-aloud, .handout-download, .md-source-file, .md-feedback, .md-tags";
  var MIN_SCALE = 0.45;
  var slides = [], current = 0, box = null, scrolled = 0, watcher = null;
  var h1 = article.querySelector("h1");
  var title = h1 ? text(h1) : document.title;
  var button = marker.querySelector("button");

  // A heading's words without its permalink sign.
  function text(heading) {
    var copy = heading.cloneNode(true);
    all(copy, ".headerlink").forEach(function (a) { a.parentNode.removeChild(a); });
    return copy.textContent.trim();
  }
  function fmt(text, values) {
    return String(text || "").replace(/\{(\w+)\}/g, function (m, k) { return k in values ? values[k] : m; });
  }
  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text) { node.textContent = text; }
    return node;
  }
  function all(root, sel) { return Array.prototype.slice.call(root.querySelectorAll(sel)); }
  function items(container) {
    var parent = container.tBodies && container.tBodies.length ? container.tBodies[0] : container;
    return Array.prototype.filter.call(parent.children, function (c) { return /^(LI|TR)$/.test(c.tagName); });
  }
  function quizPresenting() { return document.documentElement.classList.contains("mp-quiz-presenting"); }

  // A table's mark: Material wraps tables in a scrolling box.
  function markOf(node) {
    if (node.hasAttribute("data-slide")) { return node.getAttribute("data-slide"); }
    var table = node.matches(".md-typeset__scrollwrap, .md-typeset__table") && node.querySelector("table[data-slide]");
    return table ? table.getAttribute("data-slide") : null;
  }

  // The page cut into slides: each a list of parts {node, container, from, to}.
  function cut() {
    var list = [], slide = null, skipping = false;
    Array.prototype.forEach.call(article.children, function (node) {
      if (node.matches(FURNITURE)) { return; }
      var mark = markOf(node);
      if (!slide && mark !== "title") { return; }
      if (mark) {
        skipping = mark === "skip";
        if (!skipping) { slide = { parts: [] }; list.push(slide); }
      }
      if (skipping) { return; }
      var container = node.matches("ul, ol, table") ? node : node.querySelector("table");
      var rows = container ? items(container) : [], from = 0;
      rows.forEach(function (row, i) {
        if (i > 0 && row.hasAttribute("data-slide")) {
          slide.parts.push({ node: node, container: container, from: from, to: i });
          slide = { parts: [] };
          list.push(slide);
          from = i;
        }
      });
      slide.parts.push(from || rows.some(function (r) { return r.hasAttribute("data-slide"); })
        ? { node: node, container: container, from: from, to: rows.length } : { node: node });
    });
    return list;
  }

  // A part as a copy without ids (they stay unique in the page) and without the quiz itself.
  function copy(part) {
    if (part.node.classList.contains("mp-quiz")) { return launcher(part.node); }
    var node = part.node.cloneNode(true);
    if (part.container) {
      var container = part.node === part.container ? node : node.querySelector("table");
      items(container).forEach(function (row, i) {
        if (i < part.from || i >= part.to) { row.parentNode.removeChild(row); }
      });
      if (container.tagName === "OL" && part.from) {
        container.setAttribute("start", (Number(part.container.getAttribute("start")) || 1) + part.from);
      }
    }
    all(node, ".mp-quiz").forEach(function (q) { q.parentNode.replaceChild(launcher(q), q); });
    all(node, ".headerlink").forEach(function (a) { a.parentNode.removeChild(a); });
    all(node, "[id], [data-slide]").forEach(function (n) { n.removeAttribute("id"); n.removeAttribute("data-slide"); });
    node.removeAttribute("id");
    node.removeAttribute("data-slide");
    return node;
  }

  // In place of the quiz: its title and a button that starts quiz.js's presentation mode.
  function launcher(quiz) {
    var id = quiz.getAttribute("data-quiz");
    var box = el("div", { "class": "mp-slides__quiz" });
    var name = quiz.querySelector(".mp-quiz__title");
    box.appendChild(el("p", { "class": "mp-slides__quiz-title" }, name ? name.textContent : ""));
    box.appendChild(el("p", {}, t.quiz_note));
    var start = el("button", { type: "button", "class": "mp-present__btn", "data-quiz-start": id }, t.quiz_start);
    box.appendChild(el("p", {})).appendChild(start);
    return box;
  }

  function startQuiz(id) {
    var real = document.querySelector('.mp-quiz[data-quiz="' + id + '"] [data-action=present]');
    if (real) { real.click(); }
  }

  function build() {
    box = el("div", { "class": "mp-slides", role: "dialog", "aria-modal": "true",
      "aria-label": fmt(t.dialog, { title: title }) });
    box.innerHTML = '<div class="mp-slides__slide md-typeset" tabindex="-1"></div>' +
      '<div class="mp-slides__bar"><button type="button" class="mp-present__btn" data-go="prev"></button>' +
      '<span class="mp-slides__count"></span><button type="button" class="mp-present__btn" data-go="next"></button>' +
      '<button type="button" class="mp-present__btn" data-go="exit"></button></div>' +
      '<p class="mp-slides__live" aria-live="polite" aria-atomic="true"></p>';
    box.querySelector("[data-go=prev]").textContent = "‹ " + t.prev;
    box.querySelector("[data-go=next]").textContent = t.next + " ›";
    box.querySelector("[data-go=exit]").textContent = t.exit;
    box.addEventListener("click", function (e) {
      var go = e.target.closest("[data-go]"), quiz = e.target.closest("[data-quiz-start]");
      if (go) { act(go.getAttribute("data-go")); }
      if (quiz) { startQuiz(quiz.getAttribute("data-quiz-start")); }
    });
    // An opened "discussion prompts" block may need smaller type.
    box.addEventListener("toggle", function () { fit(); }, true);
    document.body.appendChild(box);
  }

  function act(go) {
    if (go === "prev") { show(current - 1); }
    else if (go === "next") { show(current + 1); }
    else if (go === "exit") { close(); }
  }

  // The largest type (up to the slide size) at which the slide neither scrolls nor spills sideways.
  function fit() {
    var stage = box.querySelector(".mp-slides__slide");
    var low = MIN_SCALE, high = 1;
    function over() { return stage.scrollHeight > stage.clientHeight || stage.scrollWidth > stage.clientWidth; }
    stage.style.setProperty("--mp-fit", "1");
    if (!over()) { return; }
    for (var i = 0; i < 7; i++) {
      var mid = (low + high) / 2;
      stage.style.setProperty("--mp-fit", String(mid));
      if (over()) { high = mid; } else { low = mid; }
    }
    stage.style.setProperty("--mp-fit", String(low));
  }

  function slideTitle(slide, stage) {
    var heading = stage.querySelector("h1, h2, h3, h4");
    return heading ? text(heading) : "";
  }

  function show(index) {
    current = Math.max(0, Math.min(slides.length - 1, index));
    var stage = box.querySelector(".mp-slides__slide");
    stage.textContent = "";
    var slide = slides[current];
    var first = slide.parts[0].node;
    // A slide that goes on from the last one repeats that heading, marked as continued.
    if (!/^H[1-6]$/.test(first.tagName)) {
      var before = null;
      for (var i = current - 1; i >= 0 && !before; i--) {
        var heads = slides[i].parts.map(function (p) { return p.node; }).filter(function (n) { return /^H[1-3]$/.test(n.tagName); });
        before = heads.length ? heads[heads.length - 1] : null;
      }
      if (before) { stage.appendChild(el(before.tagName === "H1" ? "h2" : before.tagName.toLowerCase(), { "class": "mp-slides__more" }, text(before) + t.more)); }
    }
    slide.parts.forEach(function (part) { stage.appendChild(copy(part)); });
    stage.scrollTop = 0;
    var values = { n: current + 1, total: slides.length };
    box.querySelector(".mp-slides__count").textContent = fmt(t.counter, values);
    values.title = slideTitle(slide, stage);
    box.querySelector(".mp-slides__live").textContent = fmt(t.announce, values);
    box.querySelector("[data-go=prev]").disabled = current === 0;
    box.querySelector("[data-go=next]").disabled = current === slides.length - 1;
    fit();
    if (!box.contains(document.activeElement) || document.activeElement.disabled) { stage.focus(); }
  }

  function open() {
    slides = cut();
    if (!slides.length) { return; }
    if (!box) { build(); }
    scrolled = window.pageYOffset;
    box.hidden = false;
    document.documentElement.classList.add("mp-slides-open");
    window.addEventListener("keydown", key, true);
    window.addEventListener("resize", fit);
    document.addEventListener("fullscreenchange", onFullscreen);
    document.addEventListener("focusin", keepFocus);
    if (box.requestFullscreen && document.fullscreenEnabled) {
      var request = box.requestFullscreen();
      if (request && request.catch) { request.catch(function () { /* the fixed overlay stays */ }); }
    }
    // Back from the quiz's presentation mode: focus returns to the slides, not the page behind.
    if (window.MutationObserver) {
      watcher = new MutationObserver(function () { if (!quizPresenting()) { refocus(); } });
      watcher.observe(document.documentElement, { attributes: true, attributeFilter: ["class"] });
    }
    show(0);
    box.querySelector(".mp-slides__slide").focus();
  }

  function close() {
    if (!box || box.hidden) { return; }
    box.hidden = true;
    document.documentElement.classList.remove("mp-slides-open");
    window.removeEventListener("keydown", key, true);
    window.removeEventListener("resize", fit);
    document.removeEventListener("fullscreenchange", onFullscreen);
    document.removeEventListener("focusin", keepFocus);
    if (watcher) { watcher.disconnect(); watcher = null; }
    function back() {
      window.scrollTo(window.pageXOffset, scrolled);
      button.focus({ preventScroll: true });
    }
    back();
    // Leaving full screen moves focus and scroll again when it completes: set them once more.
    if (document.fullscreenElement === box && document.exitFullscreen) {
      document.exitFullscreen().then(back, function () { /* already left */ });
    }
  }

  function onFullscreen() {
    if (quizPresenting()) { return; }
    if (!document.fullscreenElement) { close(); }
    else { refocus(); }   // back from the quiz's own full screen
  }

  function refocus() {
    if (!box.contains(document.activeElement)) {
      (box.querySelector("[data-quiz-start]") || box.querySelector(".mp-slides__slide")).focus();
    }
  }

  // The dialog keeps focus while it is open (unless the quiz is presenting over it).
  function keepFocus(e) {
    if (!quizPresenting() && !box.contains(e.target)) { box.querySelector(".mp-slides__slide").focus(); }
  }

  function key(e) {
    if (quizPresenting() || e.altKey || e.ctrlKey || e.metaKey) { return; }
    var k = e.key, control = /^(BUTTON|A|SUMMARY|INPUT|SELECT|TEXTAREA)$/.test(e.target.tagName);
    if (k === "ArrowRight" || k === "ArrowDown" || k === "PageDown" || (k === " " && !control && !e.shiftKey)) { show(current + 1); }
    else if (k === "ArrowLeft" || k === "ArrowUp" || k === "PageUp" || (k === " " && !control && e.shiftKey)) { show(current - 1); }
    else if (k === "Home") { show(0); }
    else if (k === "End") { show(slides.length - 1); }
    else if (k === "Escape") { close(); }
    else if (k === "Tab") { trap(e); return; }
    else { e.stopPropagation(); return; }   // Material's own keys (n, p, f, /) stay off while presenting
    e.preventDefault();
    e.stopPropagation();
  }

  // Tab and Shift+Tab go round the dialog's controls.
  function trap(e) {
    var controls = Array.prototype.filter.call(box.querySelectorAll("button, a[href], summary, input"),
      function (c) { return !c.disabled && c.offsetParent !== null; });
    if (!controls.length) { return; }
    var first = controls[0], last = controls[controls.length - 1];
    if (e.shiftKey && (document.activeElement === first || !box.contains(document.activeElement))) { last.focus(); e.preventDefault(); }
    else if (!e.shiftKey && document.activeElement === last) { first.focus(); e.preventDefault(); }
  }

  button.addEventListener("click", open);
})();
