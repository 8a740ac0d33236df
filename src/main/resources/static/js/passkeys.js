// Passkeys (WebAuthn): adding one on /account/passkeys and signing in with one on /login.
// The server sends options as JSON with binary values in base64url; the browser API wants ArrayBuffers, and
// the answer goes back as JSON in base64url again. The CSRF token travels in a header.
(function () {
  "use strict";

  function toBuffer(base64url) {
    var base64 = base64url.replace(/-/g, "+").replace(/_/g, "/");
    var binary = atob(base64 + "===".slice((base64.length + 3) % 4));
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes.buffer;
  }

  function toBase64url(buffer) {
    if (!buffer) return null;
    var bytes = new Uint8Array(buffer);
    var binary = "";
    for (var i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i]);
    return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  function descriptors(list) {
    return (list || []).map(function (d) { return Object.assign({}, d, { id: toBuffer(d.id) }); });
  }

  function post(url, form, body) {
    var token = form.querySelector("input[name='_csrf']");
    var headers = { "Content-Type": "application/json", "Accept": "application/json" };
    if (token) headers["X-CSRF-TOKEN"] = token.value;
    return fetch(url, { method: "POST", headers: headers, credentials: "same-origin", body: body || "{}" })
      .then(function (response) {
        return response.json().catch(function () { return {}; }).then(function (json) {
          if (!response.ok) throw new Error(json.message || form.dataset.failed || "Error " + response.status);
          return json;
        });
      });
  }

  function say(status, text, problem) {
    status.textContent = text;
    status.classList.toggle("error", !!problem);
  }

  function supported() {
    return !!(window.PublicKeyCredential && navigator.credentials && window.fetch);
  }

  function browserProblem(form, error) {
    if (error && (error.name === "NotAllowedError" || error.name === "AbortError")) return form.dataset.cancelled;
    return error && error.message ? error.message : form.dataset.cancelled;
  }

  var add = document.getElementById("passkey-add");
  if (add) {
    var addStatus = document.getElementById("passkey-status");
    if (!supported()) say(addStatus, add.dataset.unsupported, true);
    add.addEventListener("submit", function (event) {
      event.preventDefault();
      if (!supported()) { say(addStatus, add.dataset.unsupported, true); return; }
      var button = add.querySelector("button[type='submit']");
      button.disabled = true;
      say(addStatus, add.dataset.working, false);
      post(add.dataset.options, add)
        .then(function (options) {
          options.challenge = toBuffer(options.challenge);
          options.user = Object.assign({}, options.user, { id: toBuffer(options.user.id) });
          options.excludeCredentials = descriptors(options.excludeCredentials);
          return navigator.credentials.create({ publicKey: options }).catch(function (error) {
            throw new Error(browserProblem(add, error));
          });
        })
        .then(function (credential) {
          var response = credential.response;
          var body = {
            credential: {
              id: credential.id,
              rawId: toBase64url(credential.rawId),
              type: credential.type,
              response: {
                attestationObject: toBase64url(response.attestationObject),
                clientDataJSON: toBase64url(response.clientDataJSON),
                transports: response.getTransports ? response.getTransports() : []
              },
              clientExtensionResults: credential.getClientExtensionResults(),
              authenticatorAttachment: credential.authenticatorAttachment
            },
            label: document.getElementById("passkey-label").value
          };
          return post(add.getAttribute("action"), add, JSON.stringify(body));
        })
        .then(function (result) { window.location.assign(result.redirect); })
        .catch(function (error) {
          say(addStatus, error.message, true);
          button.disabled = false;
        });
    });
  }

  var signIn = document.getElementById("passkey-sign-in");
  if (signIn) {
    var signInStatus = document.getElementById("passkey-sign-in-status");
    if (supported()) signIn.hidden = false;
    signIn.addEventListener("submit", function (event) {
      event.preventDefault();
      var button = signIn.querySelector("button[type='submit']");
      button.disabled = true;
      say(signInStatus, signIn.dataset.working, false);
      post(signIn.dataset.options, signIn)
        .then(function (options) {
          options.challenge = toBuffer(options.challenge);
          options.allowCredentials = descriptors(options.allowCredentials);
          return navigator.credentials.get({ publicKey: options }).catch(function (error) {
            throw new Error(browserProblem(signIn, error));
          });
        })
        .then(function (credential) {
          var response = credential.response;
          var body = {
            id: credential.id,
            rawId: toBase64url(credential.rawId),
            type: credential.type,
            response: {
              authenticatorData: toBase64url(response.authenticatorData),
              clientDataJSON: toBase64url(response.clientDataJSON),
              signature: toBase64url(response.signature),
              userHandle: toBase64url(response.userHandle)
            },
            clientExtensionResults: credential.getClientExtensionResults(),
            authenticatorAttachment: credential.authenticatorAttachment
          };
          return post(signIn.getAttribute("action"), signIn, JSON.stringify(body));
        })
        .then(function (result) { window.location.assign(result.redirect); })
        .catch(function (error) {
          say(signInStatus, error.message, true);
          button.disabled = false;
        });
    });
  }
})();
