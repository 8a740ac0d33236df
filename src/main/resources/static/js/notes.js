// Sapere notes: saves a lesson's notes without leaving the page, through an idempotent PUT under an id made here (so
// sending a note twice stores it once). A note the server has not confirmed waits in this browser's localStorage
// and is sent again when the connection comes back and on the next page. It also starts the lesson's video at "?t="
// and makes the "at 3:12" links seek. Without this script the panel's forms still work.
(function () {
  "use strict";
  var KEY = "sapere.notes.queue";

  // "?t=192": start the video there. This script runs before the (deferred) video player, which starts at data-resume.
  var videoBox = document.querySelector("[data-video]");
  var video = videoBox ? videoBox.querySelector("video") : null;
  var start = new URLSearchParams(window.location.search).get("t");
  if (video && start !== null && /^\d{1,6}(\.\d+)?$/.test(start)) {
    videoBox.dataset.resume = start;
    seek(parseFloat(start), false);
  }

  var root = document.querySelector("[data-notes]") || document.querySelector("[data-notes-sync]");
  if (!root) { return; }
  var config = root.dataset;
  var panel = root.hasAttribute("data-notes") ? root : null;
  var status = root.querySelector("[data-note-status]");
  var sending = {};

  function seek(seconds, show) {
    if (!video) { return; }
    if (video.readyState >= 1) {
      video.currentTime = seconds;
    } else {
      video.addEventListener("loadedmetadata", function once() {
        video.removeEventListener("loadedmetadata", once);
        video.currentTime = seconds;
      });
    }
    if (show) {
      video.scrollIntoView({ block: "center" });
      video.focus();
    }
  }

  function clock(seconds) {
    var s = Math.max(0, Math.floor(seconds));
    var h = Math.floor(s / 3600), m = Math.floor(s % 3600 / 60), r = s % 60;
    var two = function (n) { return (n < 10 ? "0" : "") + n; };
    return h > 0 ? h + ":" + two(m) + ":" + two(r) : m + ":" + two(r);
  }

  function say(text) { if (status) { status.textContent = text || ""; } }

  function newId() {
    if (window.crypto && typeof window.crypto.randomUUID === "function") { return window.crypto.randomUUID(); }
    var b = new Uint8Array(16);
    window.crypto.getRandomValues(b);
    b[6] = (b[6] & 0x0f) | 0x40; // version 4
    b[8] = (b[8] & 0x3f) | 0x80; // RFC 4122 variant
    var h = Array.prototype.map.call(b, function (x) { return (x + 0x100).toString(16).slice(1); }).join("");
    return h.slice(0, 8) + "-" + h.slice(8, 12) + "-" + h.slice(12, 16) + "-" + h.slice(16, 20) + "-" + h.slice(20);
  }

  // The queue: note id → { id, owner, lesson, body, videoSecond }. Only the signed-in learner's own entries are sent:
  // another person may have used this browser before.
  function queue() {
    try {
      var q = JSON.parse(localStorage.getItem(KEY) || "{}");
      return q && typeof q === "object" && !Array.isArray(q) ? q : {};
    } catch (e) { return {}; }
  }
  function keep(q) {
    try { localStorage.setItem(KEY, JSON.stringify(q)); return true; } catch (e) { return false; }
  }
  function enqueue(entry) { var q = queue(); q[entry.id] = entry; return keep(q); }
  function forget(id, entry) {
    var q = queue();
    if (q[id] && (!entry || (q[id].body === entry.body && q[id].videoSecond === entry.videoSecond))) {
      delete q[id];
      keep(q);
    }
  }

  // "saved" (with the note), "refused" (with the server's reason: sending it again will not help) or "kept" (no
  // connection, a server error, or the session is gone: it stays in the queue).
  function send(entry) {
    var headers = { "Content-Type": "application/json", "Accept": "application/json" };
    headers[config.csrfHeader || "X-CSRF-TOKEN"] = config.csrfToken;
    return fetch("/learn/notes/" + encodeURIComponent(entry.id), {
      method: "PUT",
      headers: headers,
      credentials: "same-origin",
      redirect: "manual",
      body: JSON.stringify({ lesson: entry.lesson, body: entry.body, videoSecond: entry.videoSecond })
    }).then(function (response) {
      if (response.ok) {
        return response.json().then(function (note) { return { state: "saved", note: note }; });
      }
      if ([400, 404, 409, 413].indexOf(response.status) >= 0) {
        return response.json().then(
          function (answer) { return { state: "refused", message: answer.message }; },
          function () { return { state: "refused" }; });
      }
      return { state: "kept" };
    }, function () { return { state: "kept" }; });
  }

  function flush() {
    var q = queue();
    Object.keys(q).forEach(function (id) {
      var entry = q[id];
      if (!entry || entry.owner !== config.owner || sending[id]) { return; }
      sending[id] = true;
      send(entry).then(function (result) {
        delete sending[id];
        if (result.state !== "kept") { forget(id, entry); }
        settled(entry, result);
      });
    });
  }

  function settled(entry, result) {
    if (!panel) {
      if (result.state === "saved") { say(config.msgSynced); }
      return;
    }
    var item = entry.lesson === config.lesson ? findItem(entry.id) : null;
    if (result.state === "saved") {
      if (item) { showSaved(item, result.note); }
      if (entry.lesson === config.lesson) { say(result.note.message || config.msgSaved); } else { say(config.msgSynced); }
    } else if (result.state === "refused") {
      if (item) { showPending(item, result.message || config.msgFailed); }
      say(result.message || config.msgFailed);
    } else {
      if (item) { showPending(item, config.msgOffline); }
      if (entry.lesson === config.lesson) { say(config.msgOffline); }
    }
  }

  if (panel) {
    var list = panel.querySelector("[data-note-list]");
    var template = panel.querySelector("[data-note-template]");
    var form = panel.querySelector("[data-note-form]");
    var text = form.querySelector("textarea");
    var timeBox = form.querySelector("[data-note-time]");
    var atTime = form.querySelector("[data-note-at-time]");
    var now = form.querySelector("[data-note-now]");
    var empty = panel.querySelector("[data-notes-empty]");
    var captured = null;
    var showNow = function () {};

    if (video && timeBox) {
      timeBox.hidden = false;
      var shown = -1;
      showNow = function () {
        var t = captured !== null ? captured : (video.currentTime || 0);
        if (Math.floor(t) !== shown) { shown = Math.floor(t); now.textContent = "(" + clock(t) + ")"; }
      };
      video.addEventListener("timeupdate", showNow);
      video.addEventListener("seeked", showNow);
      showNow();
      // The moment a note is about is when the learner starts writing it, not when they finish.
      text.addEventListener("input", function () {
        if (captured === null && text.value.length > 0) { captured = video.currentTime || 0; showNow(); }
        if (text.value.length === 0) { captured = null; showNow(); }
      });
    }

    var findItem = function (id) { return list.querySelector('[data-note="' + id + '"]'); };

    var renderItem = function (entry) {
      var item = template.content.firstElementChild.cloneNode(true);
      item.querySelectorAll("[id], [for], [action]").forEach(function (el) {
        ["id", "for", "action"].forEach(function (name) {
          var value = el.getAttribute(name);
          if (value) { el.setAttribute(name, value.replace("__id__", entry.id)); }
        });
      });
      item.id = "note-" + entry.id;
      item.dataset.note = entry.id;
      item.querySelector("[data-note-date]").textContent = "";
      list.insertBefore(item, list.firstChild);
      if (empty) { empty.hidden = true; }
      return item;
    };

    var showBody = function (item, entry) {
      item.querySelector("[data-note-body]").textContent = entry.body;
      var edit = item.querySelector("[data-note-edit] textarea");
      if (edit) { edit.value = entry.body; }
      item.dataset.second = entry.videoSecond === null || entry.videoSecond === undefined ? "" : String(entry.videoSecond);
      var at = item.querySelector("[data-note-at]");
      if (at) {
        at.hidden = item.dataset.second === "";
        if (!at.hidden) {
          var second = Math.floor(entry.videoSecond);
          var link = at.querySelector("a");
          link.setAttribute("href", config.lessonUrl + "?t=" + second);
          link.dataset.noteSeek = String(second);
          at.querySelector("[data-note-clock]").textContent = config.msgAt.replace("{0}", clock(entry.videoSecond));
        }
      }
    };

    var showPending = function (item, message) {
      var pending = item.querySelector("[data-note-pending]");
      pending.textContent = message;
      pending.hidden = false;
      item.classList.add("pending");
      // A note only on this device cannot be changed through the server's forms yet.
      if (!item.dataset.saved) { item.querySelector("[data-note-actions]").hidden = true; }
    };

    var showSaved = function (item, note) {
      item.dataset.saved = "true";
      item.classList.remove("pending");
      item.querySelector("[data-note-pending]").hidden = true;
      item.querySelector("[data-note-actions]").hidden = false;
      var date = item.querySelector("[data-note-date]");
      if (!date.textContent) {
        date.setAttribute("datetime", note.createdAt);
        var lang = document.documentElement.lang || undefined;
        // As the server writes dates: British English for English ("29 Nov 2026"), in UTC.
        date.textContent = new Date(note.createdAt).toLocaleDateString(lang === "en" ? "en-GB" : lang,
          { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
      }
    };

    list.querySelectorAll("[data-note]").forEach(function (item) { item.dataset.saved = "true"; });

    var save = function (entry, item) {
      var stored = enqueue(entry);
      showBody(item, entry);
      showPending(item, config.msgSaving);
      say(config.msgSaving);
      if (!sending[entry.id]) {
        sending[entry.id] = true;
        send(entry).then(function (result) {
          delete sending[entry.id];
          if (result.state !== "kept") { forget(entry.id, entry); }
          if (result.state === "kept" && !stored) { result = { state: "refused", message: config.msgFailed }; }
          settled(entry, result);
        });
      }
      return stored;
    };

    form.addEventListener("submit", function (event) {
      if (!text.value.trim()) { return; } // the server says what is missing
      event.preventDefault();
      var second = null;
      if (video && atTime && atTime.checked) { second = captured !== null ? captured : (video.currentTime || 0); }
      var entry = {
        id: newId(), owner: config.owner, lesson: config.lesson, body: text.value,
        videoSecond: second === null ? null : Math.round(second * 1000) / 1000
      };
      var item = renderItem(entry);
      var stored = save(entry, item);
      if (stored) { text.value = ""; captured = null; showNow(); }
    });

    list.addEventListener("submit", function (event) {
      var target = event.target;
      var item = target.closest("[data-note]");
      if (!item) { return; }
      if (target.matches("[data-note-delete]")) {
        if (!window.confirm(config.msgConfirm)) { event.preventDefault(); return; }
        forget(item.dataset.note); // a queued change must not bring the note back
        return;
      }
      if (target.matches("[data-note-edit]")) {
        var body = target.querySelector("textarea").value;
        if (!body.trim()) { return; }
        event.preventDefault();
        var second = item.dataset.second === "" ? null : parseFloat(item.dataset.second);
        save({ id: item.dataset.note, owner: config.owner, lesson: config.lesson, body: body, videoSecond: second }, item);
        var details = target.closest("details");
        if (details) { details.open = false; }
      }
    });

    panel.addEventListener("click", function (event) {
      var link = event.target.closest("[data-note-seek]");
      if (!link || !video) { return; }
      event.preventDefault();
      seek(parseFloat(link.dataset.noteSeek), true);
    });

    // Notes written here earlier that the server has not confirmed: show them where they belong.
    var q = queue();
    Object.keys(q).forEach(function (id) {
      var entry = q[id];
      if (!entry || entry.owner !== config.owner || entry.lesson !== config.lesson) { return; }
      var item = findItem(id) || renderItem(entry);
      showBody(item, entry);
      showPending(item, config.msgOffline);
    });
  }

  window.addEventListener("online", flush);
  flush();
})();
