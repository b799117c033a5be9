package fr.portailfamille.payment;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The two signature modes of SystemPay, applied to the string {@code value+value+…+key}. */
enum SignatureAlgorithm {

    /** Legacy: lowercase hex SHA-1 of the whole string, key included. */
    SHA_1 {
        @Override
        String sign(String signedString, String key) {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-1").digest(signedString.getBytes(StandardCharsets.UTF_8));
                return HexFormat.of().formatHex(digest);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    },

    /** Current: Base64 of HMAC-SHA-256 with the key as HMAC key over the same string. */
    HMAC_SHA_256 {
        @Override
        String sign(String signedString, String key) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                return Base64.getEncoder().encodeToString(mac.doFinal(signedString.getBytes(StandardCharsets.UTF_8)));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    };

    abstract String sign(String signedString, String key);
}
