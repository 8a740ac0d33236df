// The lesson video: HLS through hls.js (or the browser's own HLS, or the MP4 fallback), speed, quality and captions
// menus, chapters and an interactive transcript, keyboard shortcuts, resume, and reports of what was really played.
(function () {
  'use strict';
  var REPORT_EVERY_MS = 10000;

  document.querySelectorAll('[data-video]').forEach(setUp);

  function setUp(box) {
    var video = box.querySelector('video');
    var d = box.dataset;
    var preview = 'preview' in d;
    var resume = parseFloat(d.resume) || 0;
    var hls = null;
    var qualityBox = box.querySelector('[data-quality-box]');
    var quality = box.querySelector('[data-quality]');
    var layout = box.closest('.video-layout') || box;

    if (window.Hls && window.Hls.isSupported()) {
      // Captions come from the page's own <track> elements. hls.js's caption handling would clear their cues
      // when it loads the playlist, so it is left out: the light build has none, and it is switched off anyway.
      hls = new window.Hls({
        enableWorker: false, capLevelToPlayerSize: true, startPosition: resume > 0 ? resume : -1,
        timelineController: null, subtitleTrackController: null, subtitleStreamController: null
      });
      hls.loadSource(d.src);
      hls.attachMedia(video);
      hls.on(window.Hls.Events.MANIFEST_PARSED, function () {
        if (!quality) return;
        quality.innerHTML = '';
        var auto = document.createElement('option');
        auto.value = '-1';
        auto.textContent = d.msgAuto || 'Auto';
        quality.appendChild(auto);
        hls.levels.forEach(function (level, i) {
          var o = document.createElement('option');
          o.value = String(i);
          o.textContent = level.height + 'p';
          quality.appendChild(o);
        });
      });
      hls.on(window.Hls.Events.ERROR, function (event, data) {
        if (data.fatal) {
          hls.destroy();
          hls = null;
          if (qualityBox) qualityBox.hidden = true;
          video.src = d.fallback;
          seekOnLoad();
        }
      });
    } else if (video.canPlayType('application/vnd.apple.mpegurl')) {
      video.src = d.src;
      if (qualityBox) qualityBox.hidden = true;
      seekOnLoad();
    } else {
      video.src = d.fallback;
      if (qualityBox) qualityBox.hidden = true;
      seekOnLoad();
    }

    function seekOnLoad() {
      if (resume > 0) {
        video.addEventListener('loadedmetadata', function once() {
          video.removeEventListener('loadedmetadata', once);
          video.currentTime = resume;
        });
      }
    }

    if (quality) {
      quality.addEventListener('change', function () {
        if (hls) hls.currentLevel = parseInt(quality.value, 10);
      });
    }
    var speed = box.querySelector('[data-speed]');
    if (speed) {
      speed.addEventListener('change', function () { video.playbackRate = parseFloat(speed.value); });
      video.addEventListener('ratechange', function () {
        var value = String(video.playbackRate);
        if (speed.querySelector('option[value="' + value + '"]')) speed.value = value;
      });
    }

    // Captions: one track showing at a time; the transcript follows the chosen language.
    var captions = box.querySelector('[data-captions]');
    function chooseCaptions(language) {
      for (var i = 0; i < video.textTracks.length; i++) {
        var track = video.textTracks[i];
        if (track.kind === 'captions' || track.kind === 'subtitles') {
          track.mode = track.language === language ? 'showing' : 'disabled';
        }
      }
      var shown = false;
      layout.querySelectorAll('[data-transcript]').forEach(function (list) {
        var match = list.dataset.transcript === language;
        list.hidden = !match;
        shown = shown || match;
      });
      if (!shown && language === '') {
        var first = layout.querySelector('[data-transcript]');
        if (first && captions && captions.options.length > 1) {
          var preferred = layout.querySelector('[data-transcript="' + captions.options[1].value + '"]');
          (preferred || first).hidden = false;
        }
      }
    }
    if (captions) {
      captions.addEventListener('change', function () { chooseCaptions(captions.value); });
      chooseCaptions(captions.value);
      // Choose again once the media is there: a player library attaching late may have reset the modes.
      video.addEventListener('loadedmetadata', function () { chooseCaptions(captions.value); });
    }

    // Chapters and transcript cues seek on click.
    layout.querySelectorAll('[data-seek], [data-start]').forEach(function (button) {
      button.addEventListener('click', function () {
        video.currentTime = parseFloat(button.dataset.seek || button.dataset.start);
        video.play().catch(function () {});
      });
    });
    var cues = Array.prototype.slice.call(layout.querySelectorAll('.cue'));
    var active = null;
    video.addEventListener('timeupdate', function () {
      var t = video.currentTime;
      var found = null;
      for (var i = 0; i < cues.length; i++) {
        var c = cues[i];
        if (c.offsetParent !== null && t >= parseFloat(c.dataset.start) && t < parseFloat(c.dataset.end)) { found = c; break; }
      }
      if (found === active) return;
      if (active) { active.removeAttribute('aria-current'); active.classList.remove('current'); }
      active = found;
      if (active) {
        active.setAttribute('aria-current', 'true');
        active.classList.add('current');
        var list = active.closest('.transcript-cues');
        if (list && list.scrollHeight > list.clientHeight) {
          var top = active.offsetTop - list.offsetTop;
          if (top < list.scrollTop || top > list.scrollTop + list.clientHeight - active.offsetHeight) {
            list.scrollTop = Math.max(0, top - list.clientHeight / 3);
          }
        }
      }
    });

    // Chapter thumbnails, cut from the seek-bar sprite (its WebVTT says which part shows which stretch).
    var chapterButtons = layout.querySelectorAll('.video-chapters [data-seek]');
    if (chapterButtons.length && d.src) {
      var base = d.src.replace(/hls\/master\.m3u8$/, '');
      fetch(base + 'thumbs.vtt', { credentials: 'same-origin' })
        .then(function (r) { return r.ok ? r.text() : Promise.reject(r); })
        .then(function (vtt) {
          var cues = [];
          var re = /(\d+):(\d+):(\d+\.\d+) --> (\d+):(\d+):(\d+\.\d+)\s+thumbs\.jpg#xywh=(\d+),(\d+),(\d+),(\d+)/g;
          var m;
          while ((m = re.exec(vtt)) !== null) {
            cues.push({ start: +m[1] * 3600 + +m[2] * 60 + parseFloat(m[3]), end: +m[4] * 3600 + +m[5] * 60 + parseFloat(m[6]),
              x: +m[7], y: +m[8], w: +m[9], h: +m[10] });
          }
          chapterButtons.forEach(function (button) {
            var at = parseFloat(button.dataset.seek) + 1;
            var cue = cues.find(function (c) { return at >= c.start && at < c.end; }) || cues[0];
            if (!cue) return;
            var thumb = document.createElement('span');
            thumb.className = 'chapter-thumb';
            thumb.setAttribute('aria-hidden', 'true');
            // Drawn at half size: 80 x 45 of a 160 x 90 tile.
            thumb.style.backgroundImage = 'url("' + base + 'thumbs.jpg")';
            thumb.style.backgroundPosition = (-cue.x / 2) + 'px ' + (-cue.y / 2) + 'px';
            thumb.style.backgroundSize = (1600 / 2) + 'px auto';
            button.insertBefore(thumb, button.firstChild);
          });
        })
        .catch(function () { /* no thumbnails: the chapters still work */ });
    }

    // Picture in picture, where the browser offers it.
    var pip = box.querySelector('[data-pip]');
    if (pip && document.pictureInPictureEnabled && !video.disablePictureInPicture) {
      pip.hidden = false;
      pip.addEventListener('click', function () {
        if (document.pictureInPictureElement) document.exitPictureInPicture().catch(function () {});
        else video.requestPictureInPicture().catch(function () {});
      });
    }

    // Keyboard: on the video, k or space plays/pauses, arrows and j/l seek, f is full screen, c toggles captions.
    video.addEventListener('keydown', function (e) {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      var handled = true;
      switch (e.key) {
        case 'k': case ' ': if (video.paused) video.play().catch(function () {}); else video.pause(); break;
        case 'ArrowLeft': video.currentTime = Math.max(0, video.currentTime - 5); break;
        case 'ArrowRight': video.currentTime = Math.min(video.duration || 0, video.currentTime + 5); break;
        case 'j': video.currentTime = Math.max(0, video.currentTime - 10); break;
        case 'l': video.currentTime = Math.min(video.duration || 0, video.currentTime + 10); break;
        case 'f':
          if (document.fullscreenElement) document.exitFullscreen(); else if (video.requestFullscreen) video.requestFullscreen();
          break;
        case 'c':
          if (captions) {
            captions.value = captions.value === '' && captions.options.length > 1 ? captions.options[1].value : '';
            chooseCaptions(captions.value);
          }
          break;
        default: handled = false;
      }
      if (handled) e.preventDefault();
    });

    if (preview) return;
    trackWatching(video, d, box);
  }

  // What was played: intervals [start, end) closed at pauses, seeks, stalls and every report, so a seek to the end
  // counts only the seconds really played there.
  function trackWatching(video, d, box) {
    var pending = [];
    var from = null;
    var last = 0;
    var inFlight = false;
    var completed = d.completed === 'true';
    var bar = box.querySelector('[data-watched-bar]');
    var text = box.querySelector('[data-watched-text]');

    function close(at) {
      if (from !== null && at > from) pending.push([from, at]);
      from = null;
    }
    function playingNow() { return !video.paused && !video.seeking && !video.ended && video.readyState > 2; }

    video.addEventListener('playing', function () { from = video.currentTime; last = from; });
    video.addEventListener('timeupdate', function () {
      var t = video.currentTime;
      if (from !== null && (t < last || t - last > 3 * Math.max(1, video.playbackRate))) {
        // A jump that no seeking event announced: the played stretch ended where we last saw it.
        close(last);
        if (playingNow()) from = t;
      }
      last = t;
    });
    video.addEventListener('seeking', function () { close(last); });
    video.addEventListener('seeked', function () { last = video.currentTime; if (playingNow()) from = last; });
    video.addEventListener('waiting', function () { close(video.currentTime); });
    video.addEventListener('pause', function () { close(video.currentTime); report(false); });
    video.addEventListener('ended', function () { close(video.duration); report(false); });

    setInterval(function () {
      if (from !== null) {
        var now = video.currentTime;
        close(now);
        if (playingNow()) from = now;
      }
      if (pending.length) report(false);
    }, REPORT_EVERY_MS);

    function leaving() {
      if (from !== null) { var now = video.currentTime; close(now); if (playingNow()) from = now; }
      report(true);
    }
    window.addEventListener('pagehide', leaving);
    document.addEventListener('visibilitychange', function () { if (document.visibilityState === 'hidden') leaving(); });

    function report(keepalive) {
      if (inFlight && !keepalive) return;
      var sending = pending.slice(0, 200);
      var body = JSON.stringify({ position: video.currentTime || 0, at: Date.now(), played: sending });
      var headers = { 'Content-Type': 'application/json' };
      headers[d.csrfHeader] = d.csrfToken;
      inFlight = true;
      fetch(d.progressUrl, { method: 'POST', headers: headers, body: body, keepalive: keepalive, credentials: 'same-origin' })
        .then(function (r) { return r.ok ? r.json() : Promise.reject(r); })
        .then(function (state) {
          pending = pending.slice(sending.length);
          if (bar) { bar.value = state.watchedPercent; bar.textContent = state.watchedPercent + '%'; }
          if (state.completed && !completed) {
            completed = true;
            if (text) text.innerHTML = '<strong></strong>';
            if (text) text.firstChild.textContent = d.msgDone;
            box.dataset.completed = 'true';
          } else if (!completed && text) {
            text.textContent = d.msgWatched.replace('{0}', state.watchedPercent).replace('{1}', state.completionPercent);
          }
        })
        .catch(function () { /* kept in pending: sent with the next report */ })
        .finally(function () { inFlight = false; });
    }
  }
})();
