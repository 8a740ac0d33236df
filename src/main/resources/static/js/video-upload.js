// Resumable video upload (tus 1.0.0): the file goes up in chunks; after a cut the server says how much arrived and
// the upload goes on from there, even after a page reload (the upload's address is remembered per file).
(function () {
  'use strict';
  var form = document.getElementById('video-upload');
  if (!form) return;
  var input = form.querySelector('input[type=file]');
  var bar = form.querySelector('[data-progress]');
  var message = form.querySelector('[data-message]');
  var cancelButton = form.querySelector('[data-cancel]');
  var submitButton = form.querySelector('button[type=submit]');
  var d = form.dataset;
  var chunk = parseInt(d.chunk, 10) || 8 * 1024 * 1024;
  var current = null;

  function say(text, isError) {
    message.textContent = text;
    message.classList.toggle('field-error', !!isError);
  }
  function headers(extra) {
    var h = { 'Tus-Resumable': '1.0.0' };
    h[d.csrfHeader] = d.csrfToken;
    for (var k in extra) h[k] = extra[k];
    return h;
  }
  function b64(text) {
    return btoa(unescape(encodeURIComponent(text)));
  }
  function storeKey(file) {
    return 'sapere-upload:' + d.lesson + ':' + file.name + ':' + file.size + ':' + file.lastModified;
  }
  function errorText(xhrOrResponseText, fallback) {
    try { return JSON.parse(xhrOrResponseText).message || fallback; } catch (e) { return fallback; }
  }
  function request(method, url, extraHeaders, body, onProgress) {
    return new Promise(function (resolve, reject) {
      var xhr = new XMLHttpRequest();
      current = xhr;
      xhr.open(method, url);
      var h = headers(extraHeaders);
      for (var k in h) xhr.setRequestHeader(k, h[k]);
      if (onProgress) xhr.upload.onprogress = onProgress;
      xhr.onload = function () { resolve(xhr); };
      xhr.onerror = function () { reject(new Error('network')); };
      xhr.onabort = function () { reject(new Error('aborted')); };
      xhr.send(body || null);
    });
  }
  function sleep(ms) { return new Promise(function (r) { setTimeout(r, ms); }); }

  async function start(file) {
    var key = storeKey(file);
    var url = localStorage.getItem(key);
    var offset = 0;
    if (url) {
      var head = await request('HEAD', url, {});
      if (head.status === 200) {
        offset = parseInt(head.getResponseHeader('Upload-Offset'), 10) || 0;
        say(d.msgResuming);
      } else {
        url = null;
      }
    }
    if (!url) {
      var created = await request('POST', d.endpoint, {
        'Upload-Length': String(file.size),
        'Upload-Metadata': 'filename ' + b64(file.name) + ',course ' + b64(d.course) + ',lesson ' + b64(d.lesson)
      });
      if (created.status !== 201) throw new Error(errorText(created.responseText, d.msgFailed));
      url = created.getResponseHeader('Location');
      localStorage.setItem(key, url);
    }
    form.dataset.uploadUrl = url;
    var failures = 0;
    while (offset < file.size) {
      var end = Math.min(file.size, offset + chunk);
      var sentFrom = offset;
      say(d.msgUploading);
      var response;
      try {
        response = await request('PATCH', url, {
          'Upload-Offset': String(offset),
          'Content-Type': 'application/offset+octet-stream'
        }, file.slice(offset, end), function (e) {
          show(sentFrom + e.loaded, file.size);
        });
      } catch (e) {
        if (e.message === 'aborted') throw e;
        response = null;
      }
      if (response && response.status === 204) {
        offset = parseInt(response.getResponseHeader('Upload-Offset'), 10);
        failures = 0;
        show(offset, file.size);
        if (response.getResponseHeader('Sapere-Video')) break;
        continue;
      }
      if (response && response.status >= 400 && response.status < 500 && response.status !== 409) {
        localStorage.removeItem(key);
        throw new Error(errorText(response.responseText, d.msgFailed));
      }
      // A cut connection or a server that went away: ask where it stands, then go on from there.
      failures++;
      if (failures > 12) throw new Error(d.msgFailed);
      say(d.msgRetrying);
      await sleep(Math.min(30000, 500 * Math.pow(2, failures)));
      try {
        var state = await request('HEAD', url, {});
        if (state.status === 200) offset = parseInt(state.getResponseHeader('Upload-Offset'), 10) || 0;
        else if (state.status === 404) { localStorage.removeItem(key); throw new Error(d.msgFailed); }
      } catch (e) {
        if (e.message !== 'network') throw e;
      }
    }
    localStorage.removeItem(key);
  }

  function show(done, total) {
    var percent = total ? Math.floor(100 * done / total) : 0;
    bar.hidden = false;
    bar.value = percent;
    bar.textContent = percent + '%';
  }

  function refreshStatus() {
    if (window.htmx) {
      window.htmx.ajax('GET', d.statusUrl, { target: '#video-status', swap: 'outerHTML' });
    } else {
      location.reload();
    }
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var file = input.files && input.files[0];
    if (!file) { say(d.msgChoose, true); input.focus(); return; }
    submitButton.disabled = true;
    input.disabled = true;
    cancelButton.hidden = false;
    show(0, file.size);
    start(file).then(function () {
      say(d.msgDone);
      form.dataset.state = 'done';
      refreshStatus();
    }, function (error) {
      if (error.message === 'aborted') {
        say(d.msgCancelled);
      } else {
        say(error.message === 'network' ? d.msgFailed : error.message, true);
      }
      form.dataset.state = 'failed';
    }).finally(function () {
      submitButton.disabled = false;
      input.disabled = false;
      cancelButton.hidden = true;
      current = null;
    });
  });

  cancelButton.addEventListener('click', function () {
    var file = input.files && input.files[0];
    if (current) current.abort();
    var url = form.dataset.uploadUrl;
    if (url) request('DELETE', url, {}).catch(function () {});
    if (file) localStorage.removeItem(storeKey(file));
    bar.hidden = true;
  });
})();
