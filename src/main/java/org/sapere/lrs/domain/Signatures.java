package org.sapere.lrs.domain;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Signed statements (Data 2.6): the signature attachment holds a JWS in compact form whose payload is the
 * statement as it was before the signature was attached; RS256, RS384 and RS512 only. With an x5c header the
 * signature is checked against the certificate's key.
 */
final class Signatures {

    private static final Map<String, String> ALGORITHMS =
            Map.of("RS256", "SHA256withRSA", "RS384", "SHA384withRSA", "RS512", "SHA512withRSA");

    private Signatures() {}

    static void verify(JsonNode statement, AttachmentPart part) {
        if (!part.contentType().equalsIgnoreCase("application/octet-stream")) {
            throw XapiException.badRequest("a signature attachment must be application/octet-stream");
        }
        var jws = new String(part.content(), StandardCharsets.US_ASCII).trim();
        var pieces = jws.split("\\.", -1);
        if (pieces.length != 3) {
            throw XapiException.badRequest("the signature is not a JWS in compact serialization");
        }
        JsonNode header;
        JsonNode payload;
        try {
            header = Json.parse(new String(Base64.getUrlDecoder().decode(pieces[0]), StandardCharsets.UTF_8));
            payload = Json.parse(new String(Base64.getUrlDecoder().decode(pieces[1]), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw XapiException.badRequest("the signature is not valid base64url");
        }
        var algorithm = ALGORITHMS.get(header.path("alg").asString(""));
        if (algorithm == null) {
            throw XapiException.badRequest("a signature must use RS256, RS384 or RS512");
        }
        if (!payload.isObject() || !Sameness.same(withoutSignature(payload), withoutSignature(statement))) {
            throw XapiException.badRequest("the signature's payload is not this statement");
        }
        var chain = header.path("x5c");
        if (chain.isArray() && !chain.isEmpty()) {
            try {
                var der = Base64.getDecoder().decode(chain.get(0).asString());
                var certificate = (X509Certificate)
                        CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
                var verifier = Signature.getInstance(algorithm);
                verifier.initVerify(certificate.getPublicKey());
                verifier.update((pieces[0] + "." + pieces[1]).getBytes(StandardCharsets.US_ASCII));
                if (!verifier.verify(Base64.getUrlDecoder().decode(pieces[2]))) {
                    throw XapiException.badRequest("the signature does not verify");
                }
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                throw XapiException.badRequest("the signature cannot be verified: " + e.getMessage());
            }
        }
    }

    private static JsonNode withoutSignature(JsonNode statement) {
        var copy = (ObjectNode) statement.deepCopy();
        var attachments = copy.path("attachments");
        if (attachments.isArray()) {
            var kept = Json.MAPPER.createArrayNode();
            attachments.forEach(a -> {
                if (!a.path("usageType").asString("").equals("http://adlnet.gov/expapi/attachments/signature")) {
                    kept.add(a);
                }
            });
            if (kept.isEmpty()) {
                copy.remove("attachments");
            } else {
                copy.set("attachments", kept);
            }
        }
        return copy;
    }
}
