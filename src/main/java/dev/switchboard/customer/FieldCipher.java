package dev.switchboard.customer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts personal fields at rest: AES-256-GCM, a fresh random 96-bit IV per value, stored as text
 * {@code v1:BASE64(iv || ciphertext || tag)}. The field name is authenticated with the value, so a
 * ciphertext moved to another column fails to decrypt instead of passing as that column's data.
 * Also makes the keyed index of national ids (HMAC-SHA256 under a key derived from the same key).
 * The key is never printed: not by {@link #toString()}, not in any message.
 */
public final class FieldCipher {
    public static final int KEY_BYTES = 32;
    static final String VERSION = "v1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;
    private final SecretKeySpec indexKey;

    public FieldCipher(byte[] key) {
        if (key.length != KEY_BYTES)
            throw new CustomerException(CustomerException.Code.KEY, "the customer key must be " + KEY_BYTES + " bytes, not " + key.length);
        this.key = new SecretKeySpec(key.clone(), "AES");
        this.indexKey = new SecretKeySpec(hmac(new SecretKeySpec(key, "HmacSHA256"), "switchboard national id index"), "HmacSHA256");
    }

    /** The key given as base64 text (the {@code customer-key} setting). */
    public static FieldCipher fromBase64(String base64) {
        try {
            return new FieldCipher(Base64.getDecoder().decode(base64.trim()));
        } catch (IllegalArgumentException e) {
            throw new CustomerException(CustomerException.Code.KEY, "the customer key is not valid base64");
        }
    }

    /**
     * The key in {@code file} (base64 text), created there with fresh random bytes on first use,
     * readable by the owner only where the file system has POSIX permissions.
     */
    public static FieldCipher fromFile(Path file) {
        try {
            if (!Files.exists(file)) create(file);
            return fromBase64(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new CustomerException(CustomerException.Code.KEY, "cannot read or create the customer key file " + file + ": " + e.getMessage(), e);
        }
    }

    /** A fresh random key written to {@code file}, which must not exist, readable by the owner only. */
    public static FieldCipher createFile(Path file) {
        if (Files.exists(file)) throw new CustomerException(CustomerException.Code.KEY, "the key file " + file + " exists already");
        return fromFile(file);
    }

    private static void create(Path file) throws IOException {
        byte[] fresh = new byte[KEY_BYTES];
        RANDOM.nextBytes(fresh);
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        Path dir = file.toAbsolutePath().getParent();
        if (!Files.isDirectory(dir)) {
            if (posix) Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            else Files.createDirectories(dir);
        }
        FileAttribute<?>[] ownerOnly = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
        // Created with its permissions in one step and written aside: nobody ever reads a half key or a readable one.
        Path partial = Files.createTempFile(dir, "customer", ".key.partial", ownerOnly);
        try {
            Files.writeString(partial, Base64.getEncoder().encodeToString(fresh) + "\n", StandardCharsets.US_ASCII);
            try {
                Files.createLink(file, partial); // fails if another process made the key first: keep theirs
            } catch (FileAlreadyExistsException raced) {
                // the other key wins
            } catch (UnsupportedOperationException | IOException noLinks) {
                if (!Files.exists(file)) Files.move(partial, file);
            }
        } finally {
            Files.deleteIfExists(partial);
            Arrays.fill(fresh, (byte) 0);
        }
    }

    public String encrypt(String field, String plain) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(field.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[IV_BYTES + sealed.length];
            System.arraycopy(iv, 0, out, 0, IV_BYTES);
            System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
            return VERSION + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    public String decrypt(String field, String stored) {
        if (stored == null || !stored.startsWith(VERSION))
            throw new CustomerException(CustomerException.Code.KEY, "stored " + field + " is not a " + VERSION + " ciphertext");
        byte[] all;
        try {
            all = Base64.getDecoder().decode(stored.substring(VERSION.length()));
        } catch (IllegalArgumentException e) {
            throw new CustomerException(CustomerException.Code.KEY, "stored " + field + " is not valid base64");
        }
        if (all.length < IV_BYTES + TAG_BITS / 8) throw new CustomerException(CustomerException.Code.KEY, "stored " + field + " is too short");
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
            cipher.updateAAD(field.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new CustomerException(CustomerException.Code.KEY, "cannot decrypt " + field
                    + ": the customer key is not the one the data was encrypted with, or the stored value was altered");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    /** A keyed, deterministic digest of a national id: equal ids give equal digests; without the key it says nothing. */
    public String index(String nationalId) {
        return Base64.getEncoder().withoutPadding().encodeToString(hmac(indexKey, Masking.normaliseNationalId(nationalId)));
    }

    private static byte[] hmac(SecretKeySpec k, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(k);
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    @Override
    public String toString() {
        return "FieldCipher[AES-256-GCM, key not shown]";
    }
}
