package org.sapere.assessment.qti;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.sapere.assessment.domain.Item;

/**
 * Writes items as an IMS content package: {@code imsmanifest.xml} (IMS CP 1.1) listing one QTI 2.1 item resource
 * per item, and each item in {@code items/<identifier>-v<version>.xml}.
 */
public final class QtiPackageWriter {

    private final QtiItemWriter writer = new QtiItemWriter();

    /** The package's bytes; the items' texts in {@code language} (their original where they have no such variant). */
    public byte[] write(List<Item> items, String language) {
        var bytes = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            entry(zip, "imsmanifest.xml", manifest(items));
            for (var item : items) {
                entry(zip, href(item), writer.toQti21(item, language));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static String manifest(List<Item> items) {
        var doc = QtiXml.newDocument();
        var manifest = doc.createElementNS(QtiXml.IMSCP, "manifest");
        doc.appendChild(manifest);
        manifest.setAttribute("identifier", "sapere-bank");
        manifest.appendChild(doc.createElementNS(QtiXml.IMSCP, "organizations"));
        var resources = doc.createElementNS(QtiXml.IMSCP, "resources");
        manifest.appendChild(resources);
        for (var item : items) {
            var resource = doc.createElementNS(QtiXml.IMSCP, "resource");
            resource.setAttribute("identifier", resourceName(item));
            resource.setAttribute("type", "imsqti_item_xmlv2p1");
            resource.setAttribute("href", href(item));
            var file = doc.createElementNS(QtiXml.IMSCP, "file");
            file.setAttribute("href", href(item));
            resource.appendChild(file);
            resources.appendChild(resource);
        }
        return QtiXml.serialize(doc);
    }

    private static String href(Item item) {
        return "items/" + resourceName(item) + ".xml";
    }

    /** The item's identifier and version: a package may hold several versions of one item. */
    private static String resourceName(Item item) {
        return QtiItemBuilder.identifier(item) + "-v" + item.info().version();
    }

    private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
