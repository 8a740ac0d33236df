package org.sapere.assessment.qti;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/**
 * An IMS content package (a zip with {@code imsmanifest.xml} at its root) holding QTI items and tests, read
 * defensively: the zip is read as a stream with limits on entries, sizes and the compression ratio (a zip bomb is
 * refused before it fills memory); entry names that could climb out of the package (zip slip), absolute or
 * duplicate names are refused; XML is parsed with DTDs forbidden, so neither external entities (XXE) nor entity
 * expansion ("billion laughs") can happen. Every refusal is an {@link InvalidPackageException} with a message key;
 * nothing is imported from a package that fails.
 */
public final class QtiPackage {

    /** Limits for one package; the defaults suit question banks with pictures. */
    public record Limits(long maxPackageBytes, int maxEntries, long maxEntryBytes, long maxTotalBytes, int maxRatio) {

        public static final Limits DEFAULT = new Limits(50L << 20, 2_000, 20L << 20, 100L << 20, 200);
    }

    /** A resource the manifest lists: an item, a test, or a file they depend on. */
    public record Resource(
            String identifier, String type, @Nullable String href, List<String> files, List<String> dependencies) {

        /** Whether it is a QTI assessment item (2.x or 3.0). */
        public boolean isItem() {
            return type.startsWith("imsqti_item_xmlv") || type.startsWith("imsqti_apipitem_xmlv");
        }

        /** Whether it is a QTI assessment test. */
        public boolean isTest() {
            return type.startsWith("imsqti_test_xmlv") || type.startsWith("imsqti_apiptest_xmlv");
        }
    }

    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9._~@()+,=\\- /]+");
    private static final String MANIFEST = "imsmanifest.xml";

    private final Map<String, byte[]> entries;
    private final List<Resource> resources;

    private QtiPackage(Map<String, byte[]> entries, List<Resource> resources) {
        this.entries = entries;
        this.resources = resources;
    }

    /**
     * Reads a package from a stream (not closed).
     *
     * @throws InvalidPackageException when it is not a zip, breaks a limit, has an unsafe or duplicate entry name,
     *     has no manifest, or its manifest is not well-formed or names files that are not there
     */
    public static QtiPackage read(InputStream zip, Limits limits) {
        var entries = new LinkedHashMap<String, byte[]>();
        long total = 0;
        long compressed = 0;
        var counted = new CountingStream(zip, limits.maxPackageBytes());
        try (var in = new ZipInputStream(counted)) {
            java.util.zip.ZipEntry entry;
            var buffer = new byte[64 * 1024];
            while ((entry = in.getNextEntry()) != null) {
                if (entries.size() >= limits.maxEntries()) {
                    throw new InvalidPackageException(
                            "assessment.qti.tooManyEntries", Integer.toString(limits.maxEntries()), "entries");
                }
                var name = entry.getName();
                if (entry.isDirectory()) {
                    checkName(name.endsWith("/") ? name.substring(0, name.length() - 1) : name);
                    continue;
                }
                checkName(name);
                if (entries.containsKey(name)) {
                    throw new InvalidPackageException("assessment.qti.duplicateEntry", name, "duplicate entry");
                }
                var out = new ByteArrayOutputStream();
                long size = 0;
                int n;
                while ((n = in.read(buffer)) > 0) {
                    size += n;
                    total += n;
                    if (size > limits.maxEntryBytes()) {
                        throw new InvalidPackageException(
                                "assessment.qti.entryTooLarge", name, "entry over " + limits.maxEntryBytes());
                    }
                    if (total > limits.maxTotalBytes()) {
                        throw new InvalidPackageException(
                                "assessment.qti.tooLarge", name, "unpacked over " + limits.maxTotalBytes());
                    }
                    // More than maxRatio times what has been read of the zip so far: a zip bomb.
                    compressed = Math.max(compressed, counted.count());
                    if (total > 1_000_000 && total > compressed * (long) limits.maxRatio()) {
                        throw new InvalidPackageException("assessment.qti.tooLarge", name, "compression ratio");
                    }
                    out.write(buffer, 0, n);
                }
                entries.put(name, out.toByteArray());
            }
        } catch (CountingStream.TooLargeException e) {
            throw new InvalidPackageException(
                    "assessment.qti.tooLarge", "", "package over " + limits.maxPackageBytes());
        } catch (ZipException e) {
            throw new InvalidPackageException("assessment.qti.notZip", "", String.valueOf(e.getMessage()));
        } catch (IOException e) {
            throw new InvalidPackageException("assessment.qti.notZip", "", String.valueOf(e.getMessage()));
        } catch (IllegalArgumentException e) {
            // ZipInputStream throws this for names that are not valid UTF-8.
            throw new InvalidPackageException("assessment.qti.unsafeName", "", String.valueOf(e.getMessage()));
        }
        if (entries.isEmpty()) {
            throw new InvalidPackageException("assessment.qti.notZip", "", "no entries");
        }
        var manifestBytes = entries.get(MANIFEST);
        if (manifestBytes == null) {
            throw new InvalidPackageException("assessment.qti.noManifest", MANIFEST, "no manifest at the root");
        }
        var manifest = parse(MANIFEST, manifestBytes);
        var resources = resources(manifest, entries);
        return new QtiPackage(Collections.unmodifiableMap(entries), List.copyOf(resources));
    }

    public static QtiPackage read(InputStream zip) {
        return read(zip, Limits.DEFAULT);
    }

    /** The resources the manifest lists, in its order. */
    public List<Resource> resources() {
        return resources;
    }

    /** The items' resources. */
    public List<Resource> items() {
        return resources.stream().filter(Resource::isItem).toList();
    }

    /**
     * A file of the package parsed as XML, safely (no DTD, no entities, no external access).
     *
     * @throws InvalidPackageException when it is missing or not well-formed
     */
    public Document xml(String href) {
        var bytes = entries.get(href);
        if (bytes == null) {
            throw new InvalidPackageException("assessment.qti.missingFile", href, "not in the package");
        }
        return parse(href, bytes);
    }

    /** A file's bytes (e.g. a picture an item shows). */
    public Optional<byte[]> file(String href) {
        return Optional.ofNullable(entries.get(href));
    }

    private static List<Resource> resources(Document manifest, Map<String, byte[]> entries) {
        var root = manifest.getDocumentElement();
        if (!"manifest".equals(localName(root))) {
            throw new InvalidPackageException("assessment.qti.badManifest", MANIFEST, "root is " + localName(root));
        }
        var list = new ArrayList<Resource>();
        var nodes = root.getElementsByTagNameNS("*", "resource");
        for (int i = 0; i < nodes.getLength(); i++) {
            var resource = (Element) nodes.item(i);
            var identifier = resource.getAttribute("identifier");
            var type = resource.getAttribute("type");
            var base = resource.getAttributeNS("http://www.w3.org/XML/1998/namespace", "base");
            var href = resource.hasAttribute("href") ? resolve(base, resource.getAttribute("href")) : null;
            var files = new ArrayList<String>();
            var fileNodes = resource.getElementsByTagNameNS("*", "file");
            for (int f = 0; f < fileNodes.getLength(); f++) {
                files.add(resolve(base, ((Element) fileNodes.item(f)).getAttribute("href")));
            }
            var dependencies = new ArrayList<String>();
            var dependencyNodes = resource.getElementsByTagNameNS("*", "dependency");
            for (int d = 0; d < dependencyNodes.getLength(); d++) {
                dependencies.add(((Element) dependencyNodes.item(d)).getAttribute("identifierref"));
            }
            if (identifier.isBlank() || type.isBlank()) {
                throw new InvalidPackageException(
                        "assessment.qti.badManifest", MANIFEST, "resource without identifier or type");
            }
            if (href != null) {
                checkName(href);
                if (!entries.containsKey(href)) {
                    throw new InvalidPackageException("assessment.qti.missingFile", href, "named by the manifest");
                }
            }
            list.add(new Resource(
                    identifier, type.toLowerCase(Locale.ROOT), href, List.copyOf(files), List.copyOf(dependencies)));
        }
        if (list.stream().noneMatch(r -> r.isItem() || r.isTest())) {
            throw new InvalidPackageException("assessment.qti.noItems", MANIFEST, "no QTI items or tests");
        }
        return list;
    }

    private static String resolve(String base, String href) {
        var decoded = java.net.URLDecoder.decode(href.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        return base == null || base.isBlank() ? decoded : (base.endsWith("/") ? base : base + "/") + decoded;
    }

    /** Refuses names that are absolute, climb out ({@code ..}), use backslashes or control characters. */
    static void checkName(String name) {
        if (name.isEmpty()
                || name.length() > 400
                || name.startsWith("/")
                || name.contains("\\")
                || name.matches("^[A-Za-z]:.*")
                || !SAFE_NAME.matcher(name).matches()) {
            throw new InvalidPackageException("assessment.qti.unsafeName", name, "unsafe entry name");
        }
        for (var segment : name.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new InvalidPackageException("assessment.qti.unsafeName", name, "unsafe entry name");
            }
        }
    }

    static Document parse(String name, byte[] bytes) {
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            var builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entity " + systemId);
            });
            return builder.parse(new ByteArrayInputStream(bytes));
        } catch (SAXException e) {
            var message = String.valueOf(e.getMessage());
            if (message.contains("DOCTYPE")) {
                throw new InvalidPackageException("assessment.qti.doctype", name, message);
            }
            throw new InvalidPackageException("assessment.qti.badXml", name, message);
        } catch (IOException | ParserConfigurationException e) {
            throw new InvalidPackageException("assessment.qti.badXml", name, String.valueOf(e.getMessage()));
        }
    }

    static String localName(Element element) {
        return element.getLocalName() != null ? element.getLocalName() : element.getTagName();
    }

    /** Counts the bytes read from the zip and refuses more than the limit. */
    private static final class CountingStream extends java.io.FilterInputStream {

        static final class TooLargeException extends IOException {
            TooLargeException() {
                super("too large");
            }
        }

        private final long limit;
        private long count;

        CountingStream(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            var b = super.read();
            if (b >= 0) {
                add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            var n = super.read(b, off, len);
            if (n > 0) {
                add(n);
            }
            return n;
        }

        private void add(long n) throws TooLargeException {
            count += n;
            if (count > limit) {
                throw new TooLargeException();
            }
        }
    }
}
