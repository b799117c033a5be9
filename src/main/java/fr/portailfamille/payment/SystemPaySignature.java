package fr.portailfamille.payment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The SystemPay signature: every {@code vads_*} field (empty ones included) sorted by name, their
 * values joined with {@code +}, then {@code +} and the shop key, hashed by the shop's algorithm.
 */
final class SystemPaySignature {

    static final String FIELD = "signature";
    private static final String PREFIX = "vads_";

    private SystemPaySignature() {}

    /** The string that is hashed (exposed for the tests of the public vectors). */
    static String signedString(Map<String, String> fields, String key) {
        String values = new TreeMap<>(fields).entrySet().stream()
                .filter(e -> e.getKey().startsWith(PREFIX))
                .map(e -> e.getValue() == null ? "" : e.getValue())
                .collect(Collectors.joining("+"));
        return values + "+" + key;
    }

    static String sign(Map<String, String> fields, String key, SignatureAlgorithm algorithm) {
        return algorithm.sign(signedString(fields, key), key);
    }

    /** Recomputes the signature over all received {@code vads_*} fields and compares in constant time. */
    static boolean verify(Map<String, String> fields, String key, SignatureAlgorithm algorithm) {
        String received = fields.get(FIELD);
        if (received == null || key == null || key.isEmpty()) {
            return false;
        }
        byte[] expected = sign(fields, key, algorithm).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, received.getBytes(StandardCharsets.UTF_8));
    }
}
