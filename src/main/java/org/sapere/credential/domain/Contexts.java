package org.sapere.credential.domain;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.document.Document;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.http.media.MediaType;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.apicatalog.jsonld.loader.DocumentLoaderOptions;
import jakarta.json.Json;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * The JSON-LD context documents credentials use, carried as resources exactly as published (see NOTICE), so that
 * signing and verifying never fetch anything from the network. Any other context is refused: a credential that
 * needs one is not one Sapere can check.
 */
public final class Contexts implements DocumentLoader {

    public static final String CREDENTIALS_V2 = "https://www.w3.org/ns/credentials/v2";
    public static final String OPEN_BADGES_V3 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";

    private static final Map<String, String> RESOURCES = Map.of(
            CREDENTIALS_V2, "credential/contexts/credentials-v2.jsonld",
            OPEN_BADGES_V3, "credential/contexts/context-3.0.3.json");

    private final Map<String, JsonStructure> documents = new HashMap<>();

    /** The published contexts, plus {@code extra} (URL to the context document's JSON), e.g. for tests. */
    public Contexts(Map<String, String> extra) {
        RESOURCES.forEach((url, resource) -> documents.put(url, parse(resource)));
        extra.forEach((url, json) -> documents.put(
                url, Json.createReader(new java.io.StringReader(json)).read()));
    }

    public Contexts() {
        this(Map.of());
    }

    private static JsonStructure parse(String resource) {
        try (var in = Contexts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The context " + resource + " is missing from the classpath");
            }
            return Json.createReader(in).read();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Document loadDocument(URI url, DocumentLoaderOptions options) throws JsonLdError {
        var document = documents.get(url.toString());
        if (document == null) {
            throw new JsonLdError(
                    JsonLdErrorCode.LOADING_DOCUMENT_FAILED, "The context " + url + " is not one Sapere knows");
        }
        var result = JsonDocument.of(MediaType.JSON_LD, document);
        result.setDocumentUrl(url);
        return result;
    }
}
