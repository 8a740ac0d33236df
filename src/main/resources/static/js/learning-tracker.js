// The course player's heartbeats. What the learner does in a lesson (opened, played, paused, sought, how far they
// read or watched, left) is queued on the device with an id of its own and sent in batches: every 12 seconds, when
// they pause or leave, and when the connection comes back. A batch sent twice counts once on the server, so a
// retry is always safe. While offline, "Mark as complete" is kept in the same queue and counts once it is sent.
(function () {
  'use strict';
  var EVERY_MS = 12000;
  var READ_TO_END_MS = 30000;
  var article = document.querySelector('[data-tracker]');
  if (!article) return;
  var d = article.dataset;
  var key = 'sapere.learning.queue.' + (d.learner || 'me');
  var lesson = d.lesson;
  var openedAt = Date.now();
  var sending = false;

  function uuid() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    var b = new Uint8Array(16);
    crypto.getRandomValues(b);
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    var h = Array.prototype.map.call(b, function (x) { return (x + 0x100).toString(16).slice(1); }).join('');
    return h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20);
  }

  function load() {
    try {
      return JSON.parse(localStorage.getItem(key) || '[]');
    } catch (e) {
      return [];
    }
  }

  function save(queue) {
    try {
      localStorage.setItem(key, JSON.stringify(queue.slice(-500)));
    } catch (e) { /* storage full or unavailable: the steps are sent from memory only */ }
  }

  var memory = load();

  function queue(verb, position) {
    var step = { id: uuid(), lesson: lesson, verb: verb, at: Date.now() };
    if (typeof position === 'number' && isFinite(position)) step.position = Math.max(0, Math.round(position * 1000) / 1000);
    memory = load().concat([step]);
    save(memory);
    return step;
  }

  function flush(leaving) {
    memory = load();
    if (sending || memory.length === 0 || (navigator.onLine === false && !leaving)) return Promise.resolve(false);
    var batch = memory.slice(0, 100);
    sending = true;
    return fetch(d.heartbeatUrl, {
      method: 'POST',
      credentials: 'same-origin',
      keepalive: !!leaving,
      headers: { 'Content-Type': 'application/json', 'X-CSRF-TOKEN': d.csrfToken },
      body: JSON.stringify({ events: batch })
    }).then(function (response) {
      sending = false;
      // Sent (or refused as malformed, which no retry would mend): off the queue. A redirect means the session
      // ended (to the sign-in page): the steps wait for the next sign-in.
      if (response.redirected) return false;
      if (response.ok || response.status === 400) {
        var sent = {};
        batch.forEach(function (s) { sent[s.id] = true; });
        memory = load().filter(function (s) { return !sent[s.id]; });
        save(memory);
        if (memory.length > 0) return flush(leaving);
        return true;
      }
      return false;
    }).catch(function () {
      sending = false;
      return false;
    });
  }

  // ----- video -----
  var video = article.querySelector('[data-video] video');
  var lastProgress = 0;
  if (video) {
    video.addEventListener('play', function () { queue('played', video.currentTime); });
    video.addEventListener('pause', function () {
      if (video.ended) return;
      queue('paused', video.currentTime);
      flush();
    });
    video.addEventListener('seeked', function () { queue('seeked', video.currentTime); });
    video.addEventListener('timeupdate', function () {
      if (!video.paused && Date.now() - lastProgress >= EVERY_MS) {
        lastProgress = Date.now();
        queue('progressed', video.currentTime);
      }
    });
    video.addEventListener('ended', function () {
      queue('progressed', video.currentTime);
      flush();
      var next = document.querySelector('[data-playlist-next]');
      if (next) {
        // Playing through an "I have N minutes" list: on to its next lesson.
        setTimeout(function () { window.location.href = next.href; }, 1500);
      }
    });
  }

  // ----- reading -----
  var reading = article.querySelector('[data-reading]');
  var readShare = -1;
  var sentShare = -1;
  var completeForm = article.querySelector('[data-complete-form]');
  if (reading) {
    var measure = function () {
      var box = reading.getBoundingClientRect();
      var seen = (window.innerHeight - box.top) / Math.max(1, box.height);
      readShare = Math.max(readShare, Math.min(1, Math.max(0, seen)));
    };
    window.addEventListener('scroll', measure, { passive: true });
    measure();
    var end = article.querySelector('[data-reading-end]');
    if (end && completeForm && 'IntersectionObserver' in window && d.kind === 'reading') {
      var readToEnd = new IntersectionObserver(function (entries) {
        if (entries.some(function (e) { return e.isIntersecting; }) && Date.now() - openedAt >= READ_TO_END_MS) {
          // Read to the end after a real read: the reading completes itself.
          readToEnd.disconnect();
          completedHere();
          queue('completed');
          flush();
        }
      });
      readToEnd.observe(end);
    }
  }

  function reportReading() {
    if (reading && readShare >= 0 && Math.abs(readShare - sentShare) >= 0.05) {
      sentShare = readShare;
      queue('progressed', readShare);
    }
  }

  // ----- marked complete while offline -----
  var notice = article.querySelector('[data-offline-notice]');
  function say(text) {
    if (!notice) return;
    notice.textContent = text;
    notice.hidden = false;
  }

  function completedHere() {
    var tick = document.querySelector('[data-lesson-id="' + lesson + '"] [data-tick]');
    if (tick) {
      tick.classList.add('done');
      tick.textContent = '\u2713';
    }
  }

  if (completeForm) {
    completeForm.addEventListener('submit', function (event) {
      if (navigator.onLine !== false) return; // online: the form posts as usual
      event.preventDefault();
      queue('completed');
      completedHere();
      var button = completeForm.querySelector('button');
      if (button) button.disabled = true;
      say(d.msgQueued);
    });
  }

  window.addEventListener('online', function () {
    var hadWaiting = load().some(function (s) { return s.verb === 'completed'; });
    flush().then(function (sent) {
      if (sent && hadWaiting) say(d.msgSynced);
    });
  });

  // ----- the rhythm -----
  queue('initialized');
  flush();
  setInterval(function () {
    reportReading();
    flush();
  }, EVERY_MS);
  var left = false;
  function leave() {
    if (left) return;
    left = true;
    reportReading();
    queue('terminated', video ? video.currentTime : (readShare >= 0 ? readShare : undefined));
    flush(true);
  }
  window.addEventListener('pagehide', leave);
  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'hidden') {
      reportReading();
      flush(true);
    }
  });

  // ----- keyboard: n and p for the next and previous lesson -----
  document.addEventListener('keydown', function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    var t = event.target;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT|VIDEO|BUTTON)$/.test(t.tagName))) return;
    var link = event.key === 'n' ? document.querySelector('[data-key-next]')
      : event.key === 'p' ? document.querySelector('[data-key-prev]') : null;
    if (link) {
      event.preventDefault();
      window.location.href = link.href;
    }
  });

  // ----- save the course for offline reading -----
  var saver = document.querySelector('[data-offline-save]');
  if (saver && 'serviceWorker' in navigator && window.caches) {
    var s = saver.dataset;
    var status = saver.querySelector('[data-offline-status]');
    var saveButton = saver.querySelector('[data-offline-button]');
    var removeButton = saver.querySelector('[data-offline-remove]');
    var cacheName = 'sapere-course-' + s.offlineSave.split('/')[3];
    saver.hidden = false;
    caches.has(cacheName).then(function (saved) {
      if (!saved) return;
      caches.open(cacheName).then(function (c) { return c.keys(); }).then(function (keys) {
        status.textContent = s.msgSaved.replace('{0}', keys.length);
        removeButton.hidden = false;
      });
    });
    saveButton.addEventListener('click', function () {
      status.textContent = s.msgSaving;
      saveButton.disabled = true;
      fetch(s.offlineSave, { credentials: 'same-origin' })
        .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
        .then(function (list) {
          return caches.open(cacheName).then(function (cache) {
            // Marked as copies: fetching them is not the learner opening the lessons or downloading the files.
            var requests = list.urls.map(function (u) {
              return new Request(u, { credentials: 'same-origin', headers: { 'X-Sapere-Offline': 'save' } });
            });
            return cache.addAll(requests).then(function () { return list.urls.length; });
          });
        })
        .then(function (n) {
          status.textContent = s.msgSaved.replace('{0}', n);
          removeButton.hidden = false;
          saveButton.disabled = false;
        })
        .catch(function () {
          status.textContent = s.msgFailed;
          saveButton.disabled = false;
        });
    });
    removeButton.addEventListener('click', function () {
      caches.delete(cacheName).then(function () {
        status.textContent = s.msgRemoved;
        removeButton.hidden = true;
      });
    });
  }
})();
