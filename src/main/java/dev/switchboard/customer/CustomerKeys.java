package dev.switchboard.customer;

import dev.switchboard.platform.Settings;
import dev.switchboard.platform.SettingsSpec;
import java.nio.file.Path;

/** Where the key of the personal data comes from: the {@code customer-key} setting, else a file in the data folder. */
public final class CustomerKeys {
    private CustomerKeys() {}

    public static Path file(Path dataDir) {
        return dataDir.resolve("keys").resolve("customer.key");
    }

    public static FieldCipher cipher(Settings settings) {
        String given = settings.get(SettingsSpec.CUSTOMER_KEY);
        return given.isEmpty() ? FieldCipher.fromFile(file(settings.dataDir())) : FieldCipher.fromBase64(given);
    }
}
