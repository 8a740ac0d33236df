package org.sapere.catalog.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.StringWriter;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.jspecify.annotations.Nullable;
import org.sapere.catalog.Catalog;
import org.sapere.identity.IdentityDirectory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /sitemap.xml}: the home page, the catalogue, every course page and every university page. */
@Controller
class SitemapController {

    private static final String NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private final Catalog catalog;
    private final IdentityDirectory identity;
    private final SiteAddress site;

    SitemapController(Catalog catalog, IdentityDirectory identity, SiteAddress site) {
        this.catalog = catalog;
        this.identity = identity;
        this.site = site;
    }

    @GetMapping(value = "/sitemap.xml", produces = MediaType.APPLICATION_XML_VALUE)
    ResponseEntity<String> sitemap(HttpServletRequest request) throws XMLStreamException {
        var out = new StringWriter();
        var xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeStartElement("urlset");
        xml.writeDefaultNamespace(NAMESPACE);
        url(xml, site.of(request, "/"), null);
        url(xml, site.of(request, "/courses"), null);
        for (var course : catalog.addresses()) {
            url(
                    xml,
                    site.of(request, "/courses/" + course.slug()),
                    DateTimeFormatter.ISO_INSTANT.format(course.updatedAt().truncatedTo(ChronoUnit.SECONDS)));
        }
        for (var university : identity.organisations()) {
            url(xml, site.of(request, "/universities/" + university.slug()), null);
        }
        xml.writeEndElement();
        xml.writeEndDocument();
        xml.close();
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(out.toString());
    }

    private static void url(XMLStreamWriter xml, String location, @Nullable String lastModified)
            throws XMLStreamException {
        xml.writeStartElement("url");
        xml.writeStartElement("loc");
        xml.writeCharacters(location);
        xml.writeEndElement();
        if (lastModified != null) {
            xml.writeStartElement("lastmod");
            xml.writeCharacters(lastModified);
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }
}
