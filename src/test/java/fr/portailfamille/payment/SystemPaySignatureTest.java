package fr.portailfamille.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The public test vectors of the SystemPay documentation (docs/systempay.md, « The signature »), SHA-1 and HMAC-SHA-256. */
class SystemPaySignatureTest {

    private static final String KEY = "1122334455667788";

    private static Map<String, String> vectorA() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("vads_version", "V2");
        fields.put("vads_page_action", "PAYMENT");
        fields.put("vads_action_mode", "INTERACTIVE");
        fields.put("vads_payment_config", "SINGLE");
        fields.put("vads_site_id", "12345678");
        fields.put("vads_ctx_mode", "TEST");
        fields.put("vads_trans_id", "654321");
        fields.put("vads_trans_date", "20090501193530");
        fields.put("vads_amount", "1524");
        fields.put("vads_currency", "978");
        return fields;
    }

    private static Map<String, String> vectorB() {
        Map<String, String> fields = vectorA();
        fields.put("vads_cust_first_name", "Jean Michél");
        fields.put("vads_cust_last_name", "Mihaï");
        return fields;
    }

    @Test
    void vectorA_signedStringSortsTheFieldsByNameAndEndsWithTheKey() {
        assertThat(SystemPaySignature.signedString(vectorA(), KEY))
                .isEqualTo("INTERACTIVE+1524+TEST+978+PAYMENT+SINGLE+12345678+20090501193530+654321+V2+1122334455667788");
    }

    @Test
    void vectorA_sha1() {
        assertThat(SystemPaySignature.sign(vectorA(), KEY, SignatureAlgorithm.SHA_1))
                .isEqualTo("606b369759fac4f0864144c803c73676cbe470ff");
    }

    @Test
    void vectorB_sha1WithUtf8Values() {
        assertThat(SystemPaySignature.sign(vectorB(), KEY, SignatureAlgorithm.SHA_1))
                .isEqualTo("cf1ccac335590a33d6c243345c4f4531a0316b7f");
    }

    @Test
    void vectorB_hmacSha256WithUtf8Values() {
        assertThat(SystemPaySignature.sign(vectorB(), KEY, SignatureAlgorithm.HMAC_SHA_256))
                .isEqualTo("aHrJ7IzSGFa4pcYA8kh99+M/xBzoQ4Odnu3f4BUrpIA=");
    }

    @Test
    void fieldsOtherThanVadsAreIgnoredAndEmptyOnesCount() {
        Map<String, String> fields = new HashMap<>(vectorA());
        fields.put("signature", "whatever");
        fields.put("_csrf", "token");
        assertThat(SystemPaySignature.sign(fields, KEY, SignatureAlgorithm.SHA_1)).isEqualTo("606b369759fac4f0864144c803c73676cbe470ff");
        fields.put("vads_order_id", "");
        assertThat(SystemPaySignature.signedString(fields, KEY)).contains("978++PAYMENT");
    }

    @Test
    void verifyAcceptsTheRightSignatureOnlyAndAnyChangedFieldBreaksIt() {
        Map<String, String> fields = new HashMap<>(vectorB());
        fields.put("signature", "aHrJ7IzSGFa4pcYA8kh99+M/xBzoQ4Odnu3f4BUrpIA=");
        assertThat(SystemPaySignature.verify(fields, KEY, SignatureAlgorithm.HMAC_SHA_256)).isTrue();
        assertThat(SystemPaySignature.verify(fields, "another-key", SignatureAlgorithm.HMAC_SHA_256)).isFalse();
        assertThat(SystemPaySignature.verify(fields, KEY, SignatureAlgorithm.SHA_1)).isFalse();
        fields.put("vads_amount", "1");
        assertThat(SystemPaySignature.verify(fields, KEY, SignatureAlgorithm.HMAC_SHA_256)).isFalse();
        fields.remove("signature");
        assertThat(SystemPaySignature.verify(fields, KEY, SignatureAlgorithm.HMAC_SHA_256)).isFalse();
    }
}
