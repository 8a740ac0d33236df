package org.sapere.credential.domain;

import java.math.BigInteger;
import java.util.Arrays;

/** Base58btc (the Bitcoin alphabet) with the multibase prefix {@code z}, as Data Integrity proofs and Multikeys use. */
public final class Multibase {

    private static final String ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final BigInteger BASE = BigInteger.valueOf(58);

    private Multibase() {}

    public static String encode(byte[] bytes) {
        var number = new BigInteger(1, bytes);
        var text = new StringBuilder();
        while (number.signum() > 0) {
            var division = number.divideAndRemainder(BASE);
            text.append(ALPHABET.charAt(division[1].intValue()));
            number = division[0];
        }
        for (int i = 0; i < bytes.length && bytes[i] == 0; i++) {
            text.append('1');
        }
        return "z" + text.reverse();
    }

    /** The bytes of a {@code z}-prefixed base58btc value; IllegalArgumentException for anything else. */
    public static byte[] decode(String value) {
        if (value.length() < 2 || value.charAt(0) != 'z') {
            throw new IllegalArgumentException("Not a base58btc multibase value");
        }
        var number = BigInteger.ZERO;
        int zeros = 0;
        boolean leading = true;
        for (int i = 1; i < value.length(); i++) {
            int digit = ALPHABET.indexOf(value.charAt(i));
            if (digit < 0) {
                throw new IllegalArgumentException("Not a base58btc character: " + value.charAt(i));
            }
            if (leading && digit == 0) {
                zeros++;
                continue;
            }
            leading = false;
            number = number.multiply(BASE).add(BigInteger.valueOf(digit));
        }
        var magnitude = number.signum() == 0 ? new byte[0] : number.toByteArray();
        if (magnitude.length > 1 && magnitude[0] == 0) {
            magnitude = Arrays.copyOfRange(magnitude, 1, magnitude.length);
        }
        var result = new byte[zeros + magnitude.length];
        System.arraycopy(magnitude, 0, result, zeros, magnitude.length);
        return result;
    }
}
