package org.sapere.credential.domain;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Ed25519 keys with the JDK's own provider, and the Multikey encoding of their public half ({@code z6Mk…}: the
 * multicodec {@code ed25519-pub} 0xed01 and the 32 raw bytes, in base58btc).
 */
public final class Ed25519 {

    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    private static final byte[] PKCS8_PREFIX = HexFormat.of().parseHex("302e020100300506032b657004220420");
    private static final byte[] PUBLIC_CODEC = {(byte) 0xed, 0x01};
    private static final byte[] SECRET_CODEC = {(byte) 0x80, 0x26};

    private Ed25519() {}

    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This Java has no Ed25519", e);
        }
    }

    /** The 32 raw bytes of a public key. */
    public static byte[] raw(PublicKey key) {
        var encoded = key.getEncoded();
        return Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
    }

    public static PublicKey publicKey(byte[] raw) {
        return (PublicKey) decode(concat(X509_PREFIX, raw), true);
    }

    /** The private key of a 32-byte seed. */
    public static PrivateKey privateKey(byte[] seed) {
        return (PrivateKey) decode(concat(PKCS8_PREFIX, seed), false);
    }

    /** A public key as a Multikey {@code publicKeyMultibase}. */
    public static String multibase(PublicKey key) {
        return Multibase.encode(concat(PUBLIC_CODEC, raw(key)));
    }

    /** The public key of a Multikey {@code publicKeyMultibase}; IllegalArgumentException if it is not Ed25519. */
    public static PublicKey fromMultibase(String value) {
        var bytes = Multibase.decode(value);
        if (bytes.length != 34 || bytes[0] != PUBLIC_CODEC[0] || bytes[1] != PUBLIC_CODEC[1]) {
            throw new IllegalArgumentException("Not an Ed25519 Multikey");
        }
        return publicKey(Arrays.copyOfRange(bytes, 2, 34));
    }

    /** The private key of a Multikey {@code secretKeyMultibase} (0x8026 and the 32-byte seed). */
    public static PrivateKey secretFromMultibase(String value) {
        var bytes = Multibase.decode(value);
        if (bytes.length != 34 || bytes[0] != SECRET_CODEC[0] || bytes[1] != SECRET_CODEC[1]) {
            throw new IllegalArgumentException("Not an Ed25519 secret Multikey");
        }
        return privateKey(Arrays.copyOfRange(bytes, 2, 34));
    }

    public static byte[] sign(PrivateKey key, byte[] data) {
        try {
            var signature = Signature.getInstance("Ed25519");
            signature.initSign(key);
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not sign", e);
        }
    }

    public static boolean verify(PublicKey key, byte[] data, byte[] signatureBytes) {
        try {
            var signature = Signature.getInstance("Ed25519");
            signature.initVerify(key);
            signature.update(data);
            return signature.verify(signatureBytes);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static java.security.Key decode(byte[] encoded, boolean isPublic) {
        try {
            var factory = KeyFactory.getInstance("Ed25519");
            return isPublic
                    ? factory.generatePublic(new X509EncodedKeySpec(encoded))
                    : factory.generatePrivate(new PKCS8EncodedKeySpec(encoded));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Not an Ed25519 key", e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        var result = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, result, a.length, b.length);
        return result;
    }
}
