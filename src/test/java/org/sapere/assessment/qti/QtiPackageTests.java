package org.sapere.assessment.qti;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Content packages are read defensively: a well-formed package lists its items; malformed ones (no manifest, XML
 * entity expansion, external entities, path traversal in zip entries, huge files, not a zip at all) are refused with
 * a message key, before anything could be imported.
 */
class QtiPackageTests {

    private static final String MANIFEST = """
            <?xml version="1.0" encoding="UTF-8"?>
            <manifest xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" identifier="bank-1">
              <organizations/>
              <resources>
                <resource identifier="item-1" type="imsqti_item_xmlv2p1" href="items/capital.xml">
                  <file href="items/capital.xml"/>
                  <dependency identifierref="img-1"/>
                </resource>
                <resource identifier="img-1" type="webcontent">
                  <file href="images/map.png"/>
                </resource>
              </resources>
            </manifest>
            """;

    private static final String ITEM = """
            <?xml version="1.0" encoding="UTF-8"?>
            <assessmentItem xmlns="http://www.imsglobal.org/xsd/imsqti_v2p1" identifier="capital" title="Capital"
                            adaptive="false" timeDependent="false">
              <responseDeclaration identifier="RESPONSE" cardinality="single" baseType="identifier">
                <correctResponse><value>B</value></correctResponse>
              </responseDeclaration>
              <itemBody>
                <choiceInteraction responseIdentifier="RESPONSE" maxChoices="1">
                  <prompt>Which city is the capital of Italy?</prompt>
                  <simpleChoice identifier="A">Milan</simpleChoice>
                  <simpleChoice identifier="B">Rome</simpleChoice>
                </choiceInteraction>
              </itemBody>
              <responseProcessing template="http://www.imsglobal.org/question/qti_v2p1/rptemplates/match_correct"/>
            </assessmentItem>
            """;

    @Test
    void aWellFormedPackageListsItsItemsAndFiles() {
        var qti = QtiPackage.read(new ByteArrayInputStream(
                zip(Map.of("imsmanifest.xml", MANIFEST, "items/capital.xml", ITEM, "images/map.png", "PNG"))));
        assertThat(qti.resources()).hasSize(2);
        assertThat(qti.items()).singleElement().satisfies(r -> {
            assertThat(r.identifier()).isEqualTo("item-1");
            assertThat(r.href()).isEqualTo("items/capital.xml");
            assertThat(r.dependencies()).containsExactly("img-1");
        });
        assertThat(qti.xml("items/capital.xml").getDocumentElement().getAttribute("identifier"))
                .isEqualTo("capital");
        assertThat(qti.file("images/map.png")).isPresent();
    }

    @Test
    void aPackageWithoutAManifestIsRefused() {
        assertRefused(zip(Map.of("items/capital.xml", ITEM)), "assessment.qti.noManifest");
        assertRefused(
                zip(Map.of("bank/imsmanifest.xml", MANIFEST, "items/capital.xml", ITEM)), "assessment.qti.noManifest");
    }

    @Test
    void entityExpansionAndExternalEntitiesAreRefused() {
        var laughs = """
                <?xml version="1.0"?>
                <!DOCTYPE manifest [
                  <!ENTITY lol "lol">
                  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
                  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
                ]>
                <manifest xmlns="http://www.imsglobal.org/xsd/imscp_v1p1">&lol3;</manifest>
                """;
        assertRefused(zip(Map.of("imsmanifest.xml", laughs)), "assessment.qti.doctype");
        var external = """
                <?xml version="1.0"?>
                <!DOCTYPE manifest [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <manifest xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"><resources>&secret;</resources></manifest>
                """;
        assertRefused(zip(Map.of("imsmanifest.xml", external)), "assessment.qti.doctype");
        // The same inside an item: the package opens, the item does not.
        var itemWithEntity = ITEM.replace(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"http://127.0.0.1:1/x\">]>");
        var qti = QtiPackage.read(new ByteArrayInputStream(zip(
                Map.of("imsmanifest.xml", MANIFEST, "items/capital.xml", itemWithEntity, "images/map.png", "PNG"))));
        assertThatThrownBy(() -> qti.xml("items/capital.xml"))
                .isInstanceOfSatisfying(
                        InvalidPackageException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("assessment.qti.doctype"));
    }

    @Test
    void entryNamesThatClimbOutOrAreAbsoluteAreRefused() {
        for (var name : new String[] {
            "../evil.xml",
            "items/../../evil.xml",
            "/etc/cron.d/evil",
            "C:/evil.xml",
            "items\\evil.xml",
            "items//x.xml",
            "./imsmanifest.xml",
            "a\u0001b.xml"
        }) {
            var entries = new LinkedHashMap<String, String>();
            entries.put("imsmanifest.xml", MANIFEST);
            entries.put("items/capital.xml", ITEM);
            entries.put(name, "x");
            assertRefused(zip(entries), "assessment.qti.unsafeName");
        }
    }

    @Test
    void hugeAndBombPackagesAreRefused() {
        // 30 MB of zeros compress to a few kB: refused by the entry limit, or by the compression ratio.
        var bomb = new ByteArrayOutputStream();
        try (var out = new ZipOutputStream(bomb)) {
            out.putNextEntry(new ZipEntry("imsmanifest.xml"));
            out.write(MANIFEST.getBytes(StandardCharsets.UTF_8));
            out.putNextEntry(new ZipEntry("items/capital.xml"));
            var zeros = new byte[1 << 20];
            for (int i = 0; i < 30; i++) {
                out.write(zeros);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        assertThat(bomb.size()).isLessThan(200_000);
        // By default the ratio of unpacked to read bytes gives it away early.
        assertRefused(bomb.toByteArray(), "assessment.qti.tooLarge");
        // Without a ratio limit, the size limit of one entry still holds.
        assertRefused(
                bomb.toByteArray(),
                new QtiPackage.Limits(50L << 20, 100, 20L << 20, 100L << 20, Integer.MAX_VALUE),
                "assessment.qti.entryTooLarge");
        // A package larger than allowed is refused while it is read.
        // The picture does not compress (hex of a seeded random), so the package is over the limit whatever order
        // Map.of gives its entries; 3,000 x's compressed to almost nothing and made this depend on that order.
        var noise = new StringBuilder();
        var random = new java.util.Random(7);
        while (noise.length() < 3000) {
            noise.append(Integer.toHexString(random.nextInt()));
        }
        var big =
                zip(Map.of("imsmanifest.xml", MANIFEST, "items/capital.xml", ITEM, "images/map.png", noise.toString()));
        assertRefused(big, new QtiPackage.Limits(1000, 100, 1 << 20, 1 << 20, 1000), "assessment.qti.tooLarge");
        var many = new LinkedHashMap<String, String>();
        many.put("imsmanifest.xml", MANIFEST);
        for (int i = 0; i < 20; i++) {
            many.put("f" + i + ".txt", "x");
        }
        assertRefused(
                zip(many), new QtiPackage.Limits(1 << 20, 10, 1 << 20, 1 << 20, 1000), "assessment.qti.tooManyEntries");
    }

    @Test
    void whatIsNotAZipOrNotWellFormedIsRefused() {
        assertRefused("just some text, not a zip".getBytes(StandardCharsets.UTF_8), "assessment.qti.notZip");
        assertRefused(new byte[0], "assessment.qti.notZip");
        assertRefused(zip(Map.of("imsmanifest.xml", "<manifest><resources>")), "assessment.qti.badXml");
        assertRefused(zip(Map.of("imsmanifest.xml", MANIFEST)), "assessment.qti.missingFile");
        assertRefused(
                zip(Map.of(
                        "imsmanifest.xml",
                        MANIFEST.replace("imsqti_item_xmlv2p1", "webcontent"),
                        "items/capital.xml",
                        ITEM)),
                "assessment.qti.noItems");
        assertRefused(zip(new LinkedHashMap<>()), "assessment.qti.notZip");
    }

    private static void assertRefused(byte[] zip, String key) {
        assertRefused(zip, QtiPackage.Limits.DEFAULT, key);
    }

    private static void assertRefused(byte[] zip, QtiPackage.Limits limits, String key) {
        assertThatThrownBy(() -> QtiPackage.read(new ByteArrayInputStream(zip), limits))
                .isInstanceOfSatisfying(
                        InvalidPackageException.class,
                        e -> assertThat(e.messageKey()).isEqualTo(key));
    }

    private static byte[] zip(Map<String, String> entries) {
        var bytes = new ByteArrayOutputStream();
        try (var out = new ZipOutputStream(bytes)) {
            for (var e : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue().getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }
}
