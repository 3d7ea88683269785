package dev.switchboard.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FieldCipherTest {
    @TempDir Path dir;
    final FieldCipher cipher = CustomerFixtures.cipher();

    @Test
    void roundTripsAndUsesAFreshIvEveryTime() {
        String a = cipher.encrypt("national_id", "123-45-6789");
        String b = cipher.encrypt("national_id", "123-45-6789");
        assertThat(a).startsWith("v1:").isNotEqualTo(b).doesNotContain("6789");
        assertThat(cipher.decrypt("national_id", a)).isEqualTo("123-45-6789");
        assertThat(cipher.decrypt("address", cipher.encrypt("address", "Rue de l'Église 3, 75001"))).isEqualTo("Rue de l'Église 3, 75001");
    }

    @Test
    void aTamperedValueOrOneMovedToAnotherFieldIsRefused() {
        String sealed = cipher.encrypt("birth_date", "1980-06-15");
        byte[] raw = Base64.getDecoder().decode(sealed.substring(3));
        raw[raw.length - 1] ^= 1;
        String tampered = "v1:" + Base64.getEncoder().encodeToString(raw);
        assertThatThrownBy(() -> cipher.decrypt("birth_date", tampered)).isInstanceOf(CustomerException.class).hasMessageContaining("altered");
        assertThatThrownBy(() -> cipher.decrypt("address", sealed)).isInstanceOf(CustomerException.class);
        assertThatThrownBy(() -> cipher.decrypt("birth_date", "1980-06-15")).isInstanceOf(CustomerException.class).hasMessageContaining("not a v1:");
    }

    @Test
    void theWrongKeyGivesAClearErrorNotGarbage() {
        String sealed = cipher.encrypt("national_id", "123-45-6789");
        assertThatThrownBy(() -> new FieldCipher(CustomerFixtures.OTHER_KEY).decrypt("national_id", sealed))
                .isInstanceOf(CustomerException.class).hasMessageContaining("customer key is not the one the data was encrypted with")
                .satisfies(e -> assertThat(((CustomerException) e).code()).isEqualTo(CustomerException.Code.KEY));
    }

    @Test
    void theKeyFileIsCreatedOnceOwnerOnlyAndReusedAndNeverPrinted() throws Exception {
        Path file = CustomerKeys.file(dir);
        FieldCipher first = FieldCipher.fromFile(file);
        String sealed = first.encrypt("address", "1 Main St");
        assertThat(FieldCipher.fromFile(file).decrypt("address", sealed)).isEqualTo("1 Main St");
        assertThat(Base64.getDecoder().decode(Files.readString(file).trim())).hasSize(32);
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
        }
        assertThat(first.toString()).doesNotContain(Files.readString(file).trim());
        assertThat(Files.list(file.getParent())).containsExactly(file);
    }

    @Test
    void aKeyOfTheWrongSizeOrNotBase64IsRefused() {
        assertThatThrownBy(() -> new FieldCipher(new byte[16])).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> FieldCipher.fromBase64("not base64!")).hasMessageContaining("not valid base64");
    }

    @Test
    void theNationalIdIndexIgnoresSeparatorsAndDependsOnTheKey() {
        assertThat(cipher.index("123-45-6789")).isEqualTo(cipher.index("123 45 6789")).doesNotContain("6789");
        assertThat(cipher.index("123-45-6789")).isNotEqualTo(new FieldCipher(CustomerFixtures.OTHER_KEY).index("123-45-6789"));
    }
}
