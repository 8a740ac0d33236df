package org.sapere.identity.web;

import java.time.Duration;
import org.sapere.identity.domain.OrganisationProfiles;
import org.sapere.shared.NotFoundException;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/** A university's logo, public (course pages and certificates show it), as the PNG Sapere re-encoded. */
@RestController
class OrganisationLogoController {

    private final OrganisationProfiles profiles;

    OrganisationLogoController(OrganisationProfiles profiles) {
        this.profiles = profiles;
    }

    @GetMapping("/organisations/{slug}/logo")
    ResponseEntity<byte[]> logo(@PathVariable String slug, WebRequest request) {
        var logo = profiles.logo(slug).orElseThrow(() -> new NotFoundException("logo of " + slug));
        var etag = "\"" + logo.updated().toEpochMilli() + "\"";
        if (request.checkNotModified(etag)) {
            return null;
        }
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_PNG)
                .eTag(etag)
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
                .header("X-Content-Type-Options", "nosniff")
                .body(logo.png());
    }
}
