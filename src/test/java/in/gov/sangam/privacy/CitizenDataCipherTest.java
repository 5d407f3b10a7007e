package in.gov.sangam.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class CitizenDataCipherTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

    @Test
    void encryptsEachValueDifferentlyAndDecryptsItBack() {
        CitizenDataCipher cipher = new CitizenDataCipher(KEY);

        String once = cipher.encrypt("234123412346");
        String twice = cipher.encrypt("234123412346");

        assertThat(once).isNotEqualTo(twice).doesNotContain("234123412346");
        assertThat(cipher.decrypt(once)).isEqualTo("234123412346");
        assertThat(cipher.fingerprint("body")).isEqualTo(cipher.fingerprint("body")).hasSize(64);
    }

    @Test
    void refusesToStartWithoutAProperKey() {
        assertThatThrownBy(() -> new CitizenDataCipher("")).hasMessageContaining("SANGAM_CRYPTO_KEY");
        assertThatThrownBy(() -> new CitizenDataCipher(Base64.getEncoder().encodeToString(new byte[16])))
                .hasMessageContaining("32 bytes");
    }
}
