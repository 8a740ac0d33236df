package org.sapere.credential.web;

import java.util.UUID;
import org.sapere.credential.Credentials;
import org.sapere.shared.NotFoundException;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * What verifiers fetch, public: a credential's signed JSON (its id is an unguessable random UUID, shared by its
 * holder), each university's DID document, and its revocation lists, never cached so that a revocation shows at
 * once.
 */
@RestController
class CredentialFilesController {

    private final Credentials credentials;

    CredentialFilesController(Credentials credentials) {
        this.credentials = credentials;
    }

    @GetMapping("/credentials/{id}.json")
    ResponseEntity<String> json(@PathVariable String id) {
        var json = Ids.parse(id).flatMap(credentials::json).orElseThrow(() -> new NotFoundException("credential"));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header(
                        "Content-Disposition",
                        ContentDisposition.attachment()
                                .filename("credential-" + id + ".json")
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(json);
    }

    @GetMapping("/organisations/{slug}/did.json")
    ResponseEntity<String> did(@PathVariable String slug) {
        var document = credentials.didDocument(slug).orElseThrow(() -> new NotFoundException("issuer " + slug));
        return ResponseEntity.ok()
                .contentType(MediaType.valueOf("application/did+json"))
                .cacheControl(CacheControl.noCache())
                .header("Access-Control-Allow-Origin", "*")
                .body(document);
    }

    @GetMapping("/organisations/{slug}/credentials/status/{list}")
    ResponseEntity<String> statusList(@PathVariable String slug, @PathVariable String list) {
        var number = list.matches("[0-9]{1,6}") ? Integer.parseInt(list) : -1;
        var document = credentials.statusList(slug, number).orElseThrow(() -> new NotFoundException("status list"));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .cacheControl(CacheControl.noStore())
                .header("Access-Control-Allow-Origin", "*")
                .body(document);
    }

    /** Credential ids as they appear in links: a UUID, or nothing. */
    static final class Ids {

        private Ids() {}

        static java.util.Optional<UUID> parse(String text) {
            if (text.length() != 36) {
                return java.util.Optional.empty();
            }
            try {
                return java.util.Optional.of(UUID.fromString(text));
            } catch (IllegalArgumentException e) {
                return java.util.Optional.empty();
            }
        }
    }
}
