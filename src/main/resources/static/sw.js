// Sapere's service worker. Pages and files come from the network first; when the network is gone, a copy saved
// on this device is used: the site's styles and scripts, and the readings and materials of the courses the learner
// saved for offline reading ("Save for offline" in the course player). Nothing else is kept, and nothing is kept
// after signing out (pwa.js clears the saved courses).
'use strict';
var SHELL = 'sapere-shell-v1';
var SHELL_FILES = ['/css/sapere.css', '/js/pwa.js', '/js/learning-tracker.js', '/img/favicon.svg', '/img/icon-192.png'];

self.addEventListener('install', function (event) {
  event.waitUntil(caches.open(SHELL).then(function (cache) { return cache.addAll(SHELL_FILES); }));
  self.skipWaiting();
});

self.addEventListener('activate', function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (n) { return n.indexOf('sapere-shell-') === 0 && n !== SHELL; })
      .map(function (n) { return caches.delete(n); }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener('fetch', function (event) {
  var request = event.request;
  if (request.method !== 'GET') return;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  // Video, the record store and downloads of media are never cached here.
  if (url.pathname.indexOf('/media/') === 0 || url.pathname.indexOf('/xapi/') === 0) return;
  event.respondWith(fetch(request).catch(function () {
    return caches.match(request).then(function (hit) {
      if (hit) return hit;
      // A lesson opened from an "I have N minutes" list has the list in its address: the saved page is the same.
      return caches.match(url.origin + url.pathname).then(function (page) {
        return page || (request.mode === 'navigate' ? offlinePage() : Response.error());
      });
    });
  }));
});

var OFFLINE = {
  en: ['You are offline', 'This page is not saved on this device. Readings of the courses you saved for offline reading open without a connection; your progress syncs when you are back online.', 'My learning'],
  it: ['Sei offline', 'Questa pagina non è salvata su questo dispositivo. Le letture dei corsi salvati per la lettura offline si aprono senza connessione; i tuoi progressi si sincronizzano quando torni online.', 'Il mio apprendimento'],
  de: ['Du bist offline', 'Diese Seite ist auf diesem Gerät nicht gespeichert. Die Texte der Kurse, die du für das Offline-Lesen gespeichert hast, öffnen sich ohne Verbindung; dein Fortschritt wird synchronisiert, sobald du wieder online bist.', 'Mein Lernen'],
  nl: ['Je bent offline', 'Deze pagina is niet op dit apparaat opgeslagen. De teksten van cursussen die je voor offline lezen hebt opgeslagen, openen zonder verbinding; je voortgang wordt gesynchroniseerd zodra je weer online bent.', 'Mijn leren'],
  sv: ['Du är offline', 'Den här sidan är inte sparad på enheten. Texterna i kurser som du sparat för läsning offline öppnas utan anslutning; dina framsteg synkas när du är online igen.', 'Mitt lärande']
};

function offlinePage() {
  var lang = (self.navigator.language || 'en').slice(0, 2);
  var t = OFFLINE[lang] || OFFLINE.en;
  if (!OFFLINE[lang]) lang = 'en';
  var html = '<!DOCTYPE html><html lang="' + lang + '"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width, initial-scale=1"><title>' + t[0] + ' · Sapere</title>' +
    '<link rel="stylesheet" href="/css/sapere.css"></head><body><main id="main"><div class="wrap section">' +
    '<h1>' + t[0] + '</h1><p>' + t[1] + '</p><p><a class="button" href="/learn">' + t[2] + '</a></p></div></main></body></html>';
  return new Response(html, { status: 503, headers: { 'Content-Type': 'text/html; charset=utf-8' } });
}
