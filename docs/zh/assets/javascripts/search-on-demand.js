/*
 * The search index loads when the reader first opens search, not with every page.
 *
 * Material requests search/search_index.json (about 200 KB gzipped, 1 MB of JSON to parse)
 * as soon as any page opens. Most readers, a parent with a handout's QR code or a teacher
 * reading one guide on a phone, never search: for them it was most of the page's download and a
 * second of a slow phone's main thread. This file, loaded before Material's bundle, holds that one
 * request back until the search field gets focus, the search button is pressed, or the page was
 * opened with a search query (?q=). Material shows "正在初始化搜索引擎" until the index arrives.
 *
 * If Material stops using XMLHttpRequest for the index, nothing is held back and search works as
 * before (tests/test_site_search.py notices).
 */
(function () {
  "use strict";
  var INDEX = /search\/search_index\.json(\?|$)/;
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  var held = [];
  var wanted = /[?&]q=/.test(location.search);

  function release() {
    if (wanted && !held.length) return;
    wanted = true;
    held.splice(0).forEach(function (go) { go(); });
  }

  XMLHttpRequest.prototype.open = function (method, url) {
    this.mpSearchIndex = INDEX.test(String(url));
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var xhr = this, args = arguments;
    if (!xhr.mpSearchIndex || wanted) return send.apply(xhr, args);
    held.push(function () { send.apply(xhr, args); });
  };

  function isSearch(target) {
    return target && target.closest && target.closest(".md-search, label[for='__search']");
  }
  document.addEventListener("focusin", function (e) { if (isSearch(e.target)) release(); });
  document.addEventListener("pointerdown", function (e) { if (isSearch(e.target)) release(); });
  document.addEventListener("change", function (e) {
    if (e.target && e.target.id === "__search" && e.target.checked) release();
  });
})();
