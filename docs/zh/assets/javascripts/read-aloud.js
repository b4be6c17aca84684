/*
 * Read aloud (朗读本页): the browser's own speech synthesis reads the article to the listener,
 * for parents who read little. No server, no download, no request to any host.
 *
 * How a page gets the button (the one mechanism): put an empty placeholder in its Markdown,
 * right under the H1:
 *
 *     <div class="read-aloud"></div>
 *
 * This file is loaded on every page (mkdocs.yml `extra_javascript`). It fills the first
 * placeholder inside `.md-content__inner` with the controls and does nothing on other pages.
 * The placeholder is empty, so it prints nothing in the handout PDFs.
 *
 * Language: from <html lang>: "zh..." reads with a zh-CN voice and shows Chinese labels,
 * anything else reads with an "en" voice and shows English labels.
 *
 * What is read: the article's headings, paragraphs, list items, table rows and the like, in
 * order. Skipped: code, the quiz widget, these controls, and anything not shown (closed
 * <details>, display:none, aria-hidden). Each block is one utterance and long blocks are cut at
 * sentence ends, because Chrome silently stops an utterance after about 15 seconds.
 *
 * If the browser has no speech synthesis, the controls say so at once. If it has no voice for the
 * page's language (getVoices() may be empty until "voiceschanged" fires, so we wait briefly), they
 * say so on the first press. Either way in visible text (aria-live), and play is then disabled.
 */
(function () {
  "use strict";

  var STRINGS = {
    zh: {
      group: "朗读本页",
      play: "朗读本页",
      pause: "暂停",
      resume: "继续",
      stop: "停止",
      loading: "正在准备朗读……",
      reading: "正在朗读。",
      paused: "已暂停。按“继续”接着读。",
      stopped: "已停止。",
      done: "读完了。",
      noSynth: "这个浏览器不能朗读。请换用较新的浏览器，例如手机自带的浏览器、Chrome 或 Edge。",
      noVoice: "这台设备没有中文朗读语音，暂时不能朗读。可以在手机或电脑的“设置”里找“文字转语音”，添加中文语音后再试。",
      error: "朗读出错，已停止。请再按一次“朗读本页”。",
      cellSep: "，"
    },
    en: {
      group: "Read this page aloud",
      play: "Read this page aloud",
      pause: "Pause",
      resume: "Resume",
      stop: "Stop",
      loading: "Getting ready to read…",
      reading: "Reading aloud.",
      paused: "Paused. Press Resume to go on.",
      stopped: "Stopped.",
      done: "Finished.",
      noSynth: "This browser cannot read aloud. Please use a recent browser, such as the phone's own browser, Chrome or Edge.",
      noVoice: "This device has no English voice for reading aloud. Add one under text-to-speech in the device settings and try again.",
      error: "Reading aloud stopped because of an error. Please press Read this page aloud again.",
      cellSep: ", "
    }
  };

  var VOICE_WAIT_MS = 1500;  // how long to wait for voiceschanged before deciding there is no voice
  var MAX_CHARS = { zh: 120, en: 220 };  // per utterance, well under Chrome's ~15 s cut-off

  var BLOCKS = "h1,h2,h3,h4,h5,h6,p,li,dt,dd,tr,summary,figcaption,caption";
  // Containers whose own blocks are collected separately: never read twice.
  var NESTED = BLOCKS + ",ul,ol,dl,table,details,blockquote,div,section,figure";
  var SKIP = [
    "pre", "code", "kbd", "samp", "script", "style", "noscript", "svg", "template",
    "button", "input", "select", "textarea", "label", "form",
    ".read-aloud", ".headerlink", ".md-source-file", ".md-annotation", ".twemoji",
    ".quiz", "[data-quiz]", "[class*='quiz']", "[hidden]", "[aria-hidden='true']"
  ].join(",");

  function pageLang() {
    var raw = (document.documentElement.getAttribute("lang") || "zh").toLowerCase();
    return raw.indexOf("zh") === 0 ? "zh" : "en";
  }

  function isShown(el) {
    // Inside a closed <details> only the <summary> shows (Chrome keeps the rest laid out but
    // unpainted, so layout checks alone are not enough).
    var closed = el.closest("details:not([open])");
    if (closed && !el.closest("summary")) return false;
    if (typeof el.checkVisibility === "function" && !el.checkVisibility({ visibilityProperty: true })) return false;
    if (!el.getClientRects().length) return false;  // not rendered: display:none
    var style = window.getComputedStyle(el);
    return style.visibility !== "hidden" && style.display !== "none";
  }

  /* The text of one block without nested blocks, skipped parts and hidden inline elements. */
  function textOf(block, sep) {
    var out = [];
    (function walk(node) {
      for (var n = node.firstChild; n; n = n.nextSibling) {
        if (n.nodeType === 3) {
          out.push(n.nodeValue);
        } else if (n.nodeType === 1) {
          if (n.matches(SKIP) || n.matches(NESTED)) continue;
          if (n.tagName === "BR") { out.push(" "); continue; }
          var style = window.getComputedStyle(n);
          if (style.display === "none" || style.visibility === "hidden") continue;
          walk(n);
          if (n.tagName === "TD" || n.tagName === "TH") out.push(sep);
        }
      }
    })(block);
    return out.join("").replace(/\s+/g, " ").replace(/[，,\s]+$/, "").trim();
  }

  /* Cut a long text at sentence ends (or hard, if a sentence alone is too long). */
  function chunks(text, max) {
    var parts = text.match(/[^。！？；!?;.]+(?:[。！？；!?;.]+|$)/g) || [text];
    var result = [], current = "";
    parts.forEach(function (part) {
      if (current && (current + part).length > max) { result.push(current); current = ""; }
      while (part.length > max) { result.push(part.slice(0, max)); part = part.slice(max); }
      current += part;
    });
    if (current) result.push(current);
    return result.map(function (s) { return s.trim(); }).filter(Boolean);
  }

  /* The reading queue: [{el, text}] in document order. */
  function collect(article, lang) {
    var sep = STRINGS[lang].cellSep, queue = [];
    article.querySelectorAll(BLOCKS).forEach(function (el) {
      if (el.closest(SKIP) || !isShown(el)) return;
      var text = textOf(el, sep);
      if (!/[\p{L}\p{N}]/u.test(text)) return;  // nothing to say (an empty cell, a lone symbol)
      chunks(text, MAX_CHARS[lang]).forEach(function (t) { queue.push({ el: el, text: t }); });
    });
    return queue;
  }

  function voicesOf(synth) {
    try { return synth.getVoices() || []; } catch (e) { return []; }
  }

  /* getVoices() is often empty until "voiceschanged" fires: wait for it, but not for long. */
  function loadVoices(synth) {
    return new Promise(function (resolve) {
      var voices = voicesOf(synth);
      if (voices.length) { resolve(voices); return; }
      var settled = false;
      function settle() {
        if (settled) return;
        settled = true;
        if (synth.removeEventListener) synth.removeEventListener("voiceschanged", onChange);
        resolve(voicesOf(synth));
      }
      function onChange() { if (voicesOf(synth).length) settle(); }
      if (synth.addEventListener) synth.addEventListener("voiceschanged", onChange);
      else synth.onvoiceschanged = onChange;
      window.setTimeout(settle, VOICE_WAIT_MS);
    });
  }

  /* Best voice for the language: exact (zh-CN), then Mandarin-looking zh, then any zh. */
  function pickVoice(voices, speechLang) {
    var want = speechLang.toLowerCase(), base = want.split("-")[0];
    function tag(v) { return String(v.lang || "").replace(/_/g, "-").toLowerCase(); }
    function find(test) { for (var i = 0; i < voices.length; i++) if (test(tag(voices[i]))) return voices[i]; return null; }
    return find(function (t) { return t === want; }) ||
      find(function (t) { return t.split("-")[0] === base && !/hk|yue|mo/.test(t); }) ||
      find(function (t) { return t.split("-")[0] === base; });
  }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text) node.textContent = text;
    return node;
  }

  function setButton(button, icon, label) {
    button.textContent = "";
    button.appendChild(el("span", { "class": "read-aloud__icon", "aria-hidden": "true" }, icon));
    button.appendChild(el("span", { "class": "read-aloud__label" }, label));
  }

  function init() {
    var article = document.querySelector(".md-content__inner");
    var holder = article && article.querySelector(".read-aloud");
    if (!holder || holder.hasAttribute("data-ready")) return;
    holder.setAttribute("data-ready", "");

    var lang = pageLang(), t = STRINGS[lang];
    var speechLang = lang === "zh" ? "zh-CN" : "en";

    holder.setAttribute("role", "group");
    holder.setAttribute("aria-label", t.group);
    var play = el("button", { type: "button", "class": "read-aloud__button read-aloud__play" });
    var stop = el("button", { type: "button", "class": "read-aloud__button read-aloud__stop" });
    var status = el("p", { "class": "read-aloud__status", role: "status", "aria-live": "polite" });
    setButton(play, "▶", t.play);
    setButton(stop, "■", t.stop);
    stop.disabled = true;
    holder.appendChild(play);
    holder.appendChild(stop);
    holder.appendChild(status);

    function say(message) { status.textContent = message; }
    function unavailable(message) { play.disabled = true; stop.disabled = true; say(message); }

    var synth = window.speechSynthesis;
    if (!synth || typeof window.SpeechSynthesisUtterance !== "function") {
      unavailable(t.noSynth);
      return;
    }

    var state = "idle", queue = [], index = 0, run = 0, voice = null, current = null, ready = null;

    // Voices are looked for on the first press, not on page load: a device without a voice then
    // says so where the reader is looking, and the page does not jump when the message appears.
    function voiceReady() {
      ready = ready || loadVoices(synth).then(function (voices) {
        voice = pickVoice(voices, speechLang);
        if (!voice) unavailable(t.noVoice);
        return voice;
      });
      return ready;
    }

    function mark(node) {
      if (current) current.classList.remove("read-aloud-current");
      current = node;
      if (node) {
        node.classList.add("read-aloud-current");
        if (node.scrollIntoView) node.scrollIntoView({ block: "nearest" });
      }
    }

    function show(next) {
      state = next;
      if (state === "playing") setButton(play, "⏸", t.pause);
      else if (state === "paused") setButton(play, "▶", t.resume);
      else setButton(play, "▶", t.play);
      stop.disabled = state === "idle";
    }

    function finish(message) {
      run += 1;  // ends of utterances still queued in the engine are ignored from now on
      mark(null);
      show("idle");
      say(message);
    }

    function speakNext(myRun) {
      if (myRun !== run) return;
      if (index >= queue.length) { finish(t.done); return; }
      var item = queue[index];
      var utterance = new window.SpeechSynthesisUtterance(item.text);
      utterance.lang = speechLang;
      if (voice) utterance.voice = voice;
      utterance.onend = function () {
        if (myRun !== run) return;
        index += 1;
        speakNext(myRun);
      };
      utterance.onerror = function (event) {
        if (myRun !== run) return;
        var code = event && event.error;
        if (code === "interrupted" || code === "canceled") return;  // our own stop
        synth.cancel();
        finish(t.error);
      };
      mark(item.el);
      synth.speak(utterance);
    }

    function start() {
      say(t.loading);
      voiceReady().then(function (found) {
        if (!found) return;
        synth.cancel();  // a queue left over from another tab or a crash would block ours
        queue = collect(article, lang);
        index = 0;
        run += 1;
        show("playing");
        say(t.reading);
        speakNext(run);
      });
    }

    play.addEventListener("click", function () {
      if (state === "idle") {
        start();
      } else if (state === "playing") {
        synth.pause();
        show("paused");
        say(t.paused);
      } else {
        synth.resume();
        show("playing");
        say(t.reading);
      }
    });

    stop.addEventListener("click", function () {
      synth.cancel();
      finish(t.stopped);
      play.focus();
    });

    // Leaving the page must not leave the browser talking.
    window.addEventListener("pagehide", function () { synth.cancel(); });
  }

  // Material re-emits document$ on instant navigation (off on this site); plain load otherwise.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
