package io.etlfleet.storage.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class MasterKeyTest {

    @Test
    void acceptsThirtyTwoBytesInStandardOrUrlSafeBase64() {
        byte[] bytes = new byte[32];
        bytes[0] = (byte) 0xfb;
        bytes[1] = (byte) 0xff;

        MasterKey standard = MasterKey.fromBase64(Base64.getEncoder().encodeToString(bytes));
        MasterKey urlSafe = MasterKey.fromBase64(Base64.getUrlEncoder().encodeToString(bytes));

        assertThat(standard.id()).hasSize(8).isEqualTo(urlSafe.id());
    }

    @Test
    void rejectsKeysOfTheWrongLengthWithoutEchoingThem() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);

        assertThatThrownBy(() -> MasterKey.fromBase64(shortKey))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 bytes")
                .hasMessageNotContaining(shortKey);
    }

    @Test
    void rejectsValuesThatAreNotBase64() {
        assertThatThrownBy(() -> MasterKey.fromBase64("not base64 at all!"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("base64");
        assertThatThrownBy(() -> MasterKey.fromBase64(" "))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void namesTheDevelopmentDefault() {
        assertThat(MasterKey.developmentDefault().isDevelopmentDefault()).isTrue();
        assertThat(MasterKey.fromBase64(Base64.getEncoder().encodeToString(new byte[32])).isDevelopmentDefault())
                .isFalse();
        assertThat(MasterKey.developmentDefault().toString()).doesNotContain(MasterKey.DEVELOPMENT_DEFAULT_BASE64);
    }
}
