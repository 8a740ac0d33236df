// Sapere quiz attempt: saves each answer as the learner goes (after a pause in typing, or at once for a click),
// keeps unsaved answers in this browser until the server has them (a lost connection loses nothing), shows the time
// left, and submits when the time is over. Without this script the page still works: the submit button sends all.
(function () {
  "use strict";
  var form = document.getElementById("attempt-form");
  if (!form) { return; }
  var status = document.getElementById("quiz-status");
  var key = "sapere.attempt." + form.dataset.attempt;
  var pending = {};
  try { pending = JSON.parse(localStorage.getItem(key) || "{}"); } catch (e) { pending = {}; }
  var timers = {};
  var closed = false;

  function say(what) { if (status) { status.textContent = status.dataset[what] || ""; status.dataset.state = what; } }
  function keep() { try { localStorage.setItem(key, JSON.stringify(pending)); } catch (e) { /* private mode */ } }

  function fieldsOf(fieldset) {
    var data = new URLSearchParams();
    fieldset.querySelectorAll("input, select, textarea").forEach(function (el) {
      if (!el.name || el.disabled) { return; }
      if ((el.type === "checkbox" || el.type === "radio") && !el.checked) { return; }
      data.append(el.name, el.value);
    });
    return data.toString();
  }

  function send(position) {
    if (closed || !(position in pending)) { return; }
    var body = pending[position];
    say("saving");
    fetch(form.dataset.save + position, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", "X-CSRF-TOKEN": form.dataset.csrfToken },
      body: body,
      credentials: "same-origin"
    }).then(function (response) {
      if (response.ok) {
        if (pending[position] === body) { delete pending[position]; keep(); }
        say(Object.keys(pending).length ? "saving" : "saved");
      } else if (response.status === 409) {
        closed = true;
        response.text().then(function (t) { say(t === "time-up" ? "timeup" : "closed"); });
        setTimeout(function () { window.location.reload(); }, 1500);
      } else {
        say("offline");
      }
    }).catch(function () { say("offline"); });
  }

  function changed(fieldset, now) {
    var position = fieldset.dataset.position;
    pending[position] = fieldsOf(fieldset);
    keep();
    clearTimeout(timers[position]);
    timers[position] = setTimeout(function () { send(position); }, now ? 0 : 800);
  }

  form.addEventListener("change", function (e) {
    var fieldset = e.target.closest("fieldset[data-position]");
    if (fieldset) { changed(fieldset, true); }
  });
  form.addEventListener("input", function (e) {
    var fieldset = e.target.closest("fieldset[data-position]");
    if (fieldset && (e.target.tagName === "TEXTAREA" || e.target.type === "text")) { changed(fieldset, false); }
  });
  window.addEventListener("online", function () { Object.keys(pending).forEach(send); });
  // Answers typed while offline, then the page reloaded: put them back and save them.
  Object.keys(pending).forEach(function (position) {
    var fieldset = form.querySelector('fieldset[data-position="' + position + '"]');
    if (!fieldset) { delete pending[position]; return; }
    var values = new URLSearchParams(pending[position]);
    fieldset.querySelectorAll("input, select, textarea").forEach(function (el) {
      if (!el.name) { return; }
      var all = values.getAll(el.name);
      if (el.type === "checkbox" || el.type === "radio") { el.checked = all.indexOf(el.value) >= 0; }
      else if (all.length) { el.value = all[0]; }
    });
    send(position);
  });
  form.addEventListener("submit", function () {
    var button = document.getElementById("submit-attempt");
    if (button) { button.disabled = true; }
    closed = true;
    try { localStorage.removeItem(key); } catch (e) { /* private mode */ }
  });

  var timer = document.getElementById("quiz-timer");
  if (timer) {
    var due = Number(timer.dataset.due);
    var tick = function () {
      var left = Math.max(0, Math.round((due - Date.now()) / 1000));
      var m = Math.floor(left / 60), s = left % 60;
      timer.textContent = timer.dataset.label + " " + m + ":" + (s < 10 ? "0" : "") + s;
      timer.classList.toggle("urgent", left <= 60);
      if (left === 0) {
        timer.textContent = timer.dataset.over;
        clearInterval(handle);
        if (!closed) { closed = true; form.submit(); }
      }
    };
    var handle = setInterval(tick, 1000);
    tick();
  }
})();
