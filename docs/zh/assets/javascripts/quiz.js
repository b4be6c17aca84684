/* Self-test quizzes (see overrides/partials/quiz.html): check one question or all, score against
   the pass mark, try again shuffled, progress kept in localStorage, presentation mode for a
   projector, a certificate of completion to print once passed (the name typed for it is neither
   stored nor sent). Everything comes from the page: the answer key in data-answer, messages in
   the page language in data-i18n. Stored data that is missing or broken is ignored. */
(function () {
  "use strict";
  var STORE = "mpsite-quiz:";

  function all(root, sel) { return Array.prototype.slice.call(root.querySelectorAll(sel)); }
  function fmt(text, values) {
    return String(text || "").replace(/\{(\w+)\}/g, function (m, k) { return k in values ? values[k] : m; });
  }
  function shuffle(items) {
    for (var i = items.length - 1; i > 0; i--) {
      var j = Math.floor(Math.random() * (i + 1)), tmp = items[i];
      items[i] = items[j]; items[j] = tmp;
    }
    return items;
  }
  function read(id) {
    try {
      var data = JSON.parse(window.localStorage.getItem(STORE + id));
      return data && typeof data === "object" && !Array.isArray(data) ? data : {};
    } catch (e) { return {}; }
  }
  function write(id, data) {
    try { window.localStorage.setItem(STORE + id, JSON.stringify(data)); } catch (e) { /* private mode */ }
  }
  function isScore(s) {
    return s && typeof s === "object" && [s.correct, s.total, s.pct].every(function (n) {
      return typeof n === "number" && isFinite(n);
    });
  }

  function Quiz(root) {
    var self = this;
    this.root = root;
    this.id = root.getAttribute("data-quiz");
    this.pass = Number(root.getAttribute("data-pass")) || 100;
    try { this.t = JSON.parse(root.getAttribute("data-i18n")) || {}; } catch (e) { this.t = {}; }
    this.list = root.querySelector(".mp-quiz__list");
    this.result = root.querySelector(".mp-quiz__result");
    this.lastLine = root.querySelector(".mp-quiz__last");
    this.bar = root.querySelector(".mp-quiz__bar");
    this.certBox = root.querySelector(".mp-quiz__cert");
    this.cert = root.querySelector(".mp-cert");
    this.last = null;
    this.onKey = function (e) { self.key(e); };
    this.onFullscreen = function () {
      if (!document.fullscreenElement && self.presenting) { self.exit(); }
    };
    this.questions().forEach(function (q) {
      // Replace the no-JS <details> by the checking: the solution moves into the feedback area.
      var details = q.querySelector(".mp-quiz__answer");
      var feedback = q.querySelector(".mp-quiz__feedback");
      var status = document.createElement("p");
      status.className = "mp-quiz__status";
      feedback.appendChild(status);
      if (details) {
        feedback.appendChild(details.querySelector(".mp-quiz__solution"));
        details.parentNode.removeChild(details);
      }
      q.querySelector(".mp-quiz__actions").hidden = false;
    });
    all(root, "[data-action=present], .mp-quiz__submit").forEach(function (el) { el.hidden = false; });
    root.setAttribute("tabindex", "-1");
    root.classList.add("mp-quiz--js");
    root.addEventListener("click", function (e) {
      var button = e.target.closest("[data-action]");
      if (button && root.contains(button)) { self.act(button.getAttribute("data-action"), button); }
    });
    root.addEventListener("change", function () { self.save(); });
    this.restore();
  }

  Quiz.prototype.questions = function () { return all(this.list, ".mp-quiz__q"); };

  Quiz.prototype.chosen = function (q) {
    return all(q, "input:checked").map(function (i) { return i.value; }).sort();
  };

  Quiz.prototype.answer = function (q) {
    return q.getAttribute("data-answer").split(" ").sort();
  };

  Quiz.prototype.act = function (action, button) {
    var q = button.closest(".mp-quiz__q");
    if (action === "check") { this.check(q, true); }
    else if (action === "check-all") { this.checkAll(); }
    else if (action === "retry") { this.retry(); }
    else if (action === "present") { this.present(); }
    else if (action === "next") { this.show(this.current + 1); }
    else if (action === "prev") { this.show(this.current - 1); }
    else if (action === "reveal") { this.revealCurrent(); }
    else if (action === "exit") { this.exit(); }
    else if (action === "cert") { this.certForm(button); }
    else if (action === "print") { this.printCert(); }
  };

  // Mark the right options and show the explanation.
  Quiz.prototype.reveal = function (q) {
    var answer = this.answer(q);
    all(q, ".mp-quiz__opt").forEach(function (label) {
      label.classList.toggle("is-correct", answer.indexOf(label.getAttribute("data-opt")) >= 0);
    });
    q.classList.add("is-shown");
  };

  Quiz.prototype.check = function (q, announce) {
    var chosen = this.chosen(q), answer = this.answer(q);
    var right = chosen.join(" ") === answer.join(" ");
    this.reveal(q);
    all(q, ".mp-quiz__opt").forEach(function (label) {
      var picked = chosen.indexOf(label.getAttribute("data-opt")) >= 0;
      label.classList.toggle("is-wrong", picked && !label.classList.contains("is-correct"));
    });
    q.classList.toggle("is-right", right);
    q.classList.toggle("is-wrong", !right);
    var status = q.querySelector(".mp-quiz__status");
    status.textContent = chosen.length ? (right ? this.t.right : this.t.wrong) : this.t.none;
    if (announce) { this.result.textContent = ""; }
    return right;
  };

  Quiz.prototype.checkAll = function () {
    var self = this, qs = this.questions();
    var correct = qs.filter(function (q) { return self.check(q, false); }).length;
    var pct = Math.round(100 * correct / qs.length);
    this.last = { correct: correct, total: qs.length, pct: pct, passed: pct >= this.pass };
    var values = { correct: correct, total: qs.length, pct: pct, pass: this.pass };
    this.result.textContent = fmt(this.t.score, values) + " " + (this.last.passed ? this.t.passed : this.t.failed);
    this.result.classList.toggle("is-passed", this.last.passed);
    if (this.certBox) { this.certBox.hidden = !this.last.passed; }
    this.showLast();
    this.save();
  };

  Quiz.prototype.retry = function () {
    var self = this;
    all(this.root, "input").forEach(function (i) { i.checked = false; });
    this.questions().forEach(function (q) {
      q.classList.remove("is-shown", "is-right", "is-wrong");
      q.querySelector(".mp-quiz__status").textContent = "";
      all(q, ".mp-quiz__opt").forEach(function (l) { l.classList.remove("is-correct", "is-wrong"); });
      if (q.getAttribute("data-type") !== "truefalse") {
        var box = q.querySelector(".mp-quiz__options");
        shuffle(all(box, ".mp-quiz__opt")).forEach(function (l) { box.appendChild(l); });
      }
    });
    shuffle(this.questions()).forEach(function (q) { self.list.appendChild(q); });
    this.renumber();
    this.save();
    this.result.classList.remove("is-passed");
    if (this.certBox) { this.certBox.hidden = true; }
    this.result.textContent = this.t.restart;
    var first = this.root.querySelector("input");
    if (first) { first.focus(); }
  };

  // Question numbers, option letters (also in the solutions and the printed key) after a shuffle.
  Quiz.prototype.renumber = function () {
    var root = this.root, key = root.querySelector(".mp-quiz__key ol"), t = this.t;
    this.questions().forEach(function (q, n) {
      var id = q.getAttribute("data-q");
      q.querySelector(".mp-quiz__num").textContent = fmt(t.num, { n: n + 1 });
      all(q, ".mp-quiz__opt").forEach(function (label, i) {
        var letter = label.querySelector(".mp-quiz__letter");
        if (!letter.textContent) { return; }  // true/false options carry no letter
        all(root, '.mp-quiz__letter[data-q="' + id + '"][data-opt="' + label.getAttribute("data-opt") + '"]')
          .forEach(function (el) { el.textContent = String.fromCharCode(65 + i); });
      });
      var item = key && key.querySelector('li[data-q="' + id + '"]');
      if (item) { key.appendChild(item); }
    });
  };

  Quiz.prototype.save = function () {
    var self = this, answers = {};
    this.questions().forEach(function (q) {
      var chosen = self.chosen(q);
      if (chosen.length) { answers[q.getAttribute("data-q")] = chosen; }
    });
    write(this.id, { answers: answers, last: this.last });
  };

  Quiz.prototype.restore = function () {
    var data = read(this.id);
    var answers = data.answers && typeof data.answers === "object" ? data.answers : {};
    this.questions().forEach(function (q) {
      var values = answers[q.getAttribute("data-q")];
      if (!Array.isArray(values)) { return; }
      all(q, "input").forEach(function (i) { i.checked = values.indexOf(i.value) >= 0; });
    });
    if (isScore(data.last)) { this.last = data.last; this.showLast(); }
  };

  Quiz.prototype.showLast = function () {
    this.lastLine.textContent = fmt(this.t.last, this.last);
    this.lastLine.hidden = false;
  };

  Quiz.prototype.certForm = function (button) {
    var form = this.certBox.querySelector(".mp-quiz__cert-form");
    form.hidden = !form.hidden;
    button.setAttribute("aria-expanded", String(!form.hidden));
    if (!form.hidden) { form.querySelector("input").focus(); }
  };

  // The certificate is filled in, moved next to <body> (print CSS then shows it alone) and
  // printed; after printing the name is taken out again. Nothing is saved or sent.
  Quiz.prototype.printCert = function () {
    var input = this.certBox.querySelector("input"), name = input.value.trim(), t = this.t;
    var sheet = this.cert, now = new Date(), last = this.last;
    input.setCustomValidity(name ? "" : t.cert_need_name || "?");
    if (!input.reportValidity() || !sheet || !last) { return; }
    function slot(key, text) { sheet.querySelector('[data-cert="' + key + '"]').textContent = text; }
    slot("name", name);
    slot("score", fmt(t.cert_score, { correct: last.correct, total: last.total, pct: last.pct, pass: this.pass }));
    slot("date", fmt(t.cert_date, { y: now.getFullYear(), m: now.getMonth() + 1, d: now.getDate(),
                                    month: (t.months || "").split(" ")[now.getMonth()] }));
    all(document, ".mp-cert.is-printing").forEach(function (el) { el.classList.remove("is-printing"); });
    sheet.classList.add("is-printing");
    document.body.appendChild(sheet);
    document.documentElement.classList.add("mp-cert-printing");
    window.print();
  };

  // Presentation mode: full screen (or a fixed overlay), one question per screen, large type.
  Quiz.prototype.present = function () {
    this.presenting = true;
    this.root.classList.add("mp-quiz--present");
    document.documentElement.classList.add("mp-quiz-presenting");
    this.bar.hidden = false;
    document.addEventListener("keydown", this.onKey);
    document.addEventListener("fullscreenchange", this.onFullscreen);
    if (this.root.requestFullscreen) {
      var request = this.root.requestFullscreen();
      if (request && request.catch) { request.catch(function () { /* the overlay stays */ }); }
    }
    this.show(0);
    this.root.focus();
  };

  // On the projector a question shows its answer only once revealed there, whatever was checked before.
  Quiz.prototype.revealCurrent = function () {
    var q = this.questions()[this.current];
    this.reveal(q);
    q.classList.add("is-revealed");
  };

  Quiz.prototype.show = function (index) {
    var qs = this.questions();
    this.current = Math.max(0, Math.min(qs.length - 1, index || 0));
    qs.forEach(function (q, i) { q.classList.toggle("is-current", i === this.current); }, this);
    this.root.querySelector(".mp-quiz__progress").textContent =
      fmt(this.t.progress, { n: this.current + 1, total: qs.length });
  };

  Quiz.prototype.exit = function () {
    if (!this.presenting) { return; }
    this.presenting = false;
    this.root.classList.remove("mp-quiz--present");
    document.documentElement.classList.remove("mp-quiz-presenting");
    this.bar.hidden = true;
    this.questions().forEach(function (q) { q.classList.remove("is-current", "is-revealed"); });
    document.removeEventListener("keydown", this.onKey);
    document.removeEventListener("fullscreenchange", this.onFullscreen);
    if (document.fullscreenElement && document.exitFullscreen) { document.exitFullscreen().catch(function () {}); }
    this.root.querySelector("[data-action=present]").focus();
  };

  Quiz.prototype.key = function (e) {
    var onButton = e.target.tagName === "BUTTON";
    var k = e.key;
    if (k === "ArrowRight" || k === "PageDown") { this.show(this.current + 1); }
    else if (k === "ArrowLeft" || k === "PageUp") { this.show(this.current - 1); }
    else if ((k === " " || k === "Enter") && !onButton) { this.revealCurrent(); }
    else if (k === "Escape") { this.exit(); }
    else { return; }
    e.preventDefault();
  };

  function start() {
    all(document, ".mp-quiz[data-quiz]").forEach(function (root) {
      if (!root.mpQuiz) { root.mpQuiz = new Quiz(root); }
    });
  }
  window.addEventListener("afterprint", function () {
    document.documentElement.classList.remove("mp-cert-printing");
    all(document, '.mp-cert [data-cert="name"]').forEach(function (el) { el.textContent = ""; });
  });
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); }
  else { start(); }
})();
