// Installable web app: registers the service worker, and forgets the courses saved for offline reading when the
// learner signs out (a shared computer keeps no course pages of theirs). Steps not yet synced stay, under the
// learner's own key, until they sign in again.
(function () {
  'use strict';
  if (!('serviceWorker' in navigator)) return;
  window.addEventListener('load', function () {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(function () { /* the site works without it */ });
  });
  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!form || !form.action || new URL(form.action, location.href).pathname !== '/logout' || !window.caches) return;
    caches.keys().then(function (names) {
      names.filter(function (n) { return n.indexOf('sapere-course-') === 0; }).forEach(function (n) { caches.delete(n); });
    });
  });
})();
