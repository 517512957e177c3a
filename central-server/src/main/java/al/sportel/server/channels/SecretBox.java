package al.sportel.server.channels;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts partner secrets at rest with AES-256-GCM. Checking an HMAC needs the secret itself, so a
 * one-way hash (as for passwords) cannot work; encryption under a master key kept outside the
 * database means a stolen backup or SQL dump alone does not let anyone sign as a bank.
 */
public final class SecretBox {

    /** The environment variable with the base64 master key; needed when several servers share one database. */
    public static final String KEY_VARIABLE = "SPORTEL_CHANNEL_KEY";
    static final String KEY_FILE = "channel-master.key";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    SecretBox(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("The channel master key must be 32 bytes (base64 of 32 random bytes)");
        }
        this.key = new SecretKeySpec(key, "AES");
    }

    /** The key from {@code SPORTEL_CHANNEL_KEY}, else from (or created in) the data directory. */
    public static SecretBox load(Map<String, String> env, Path dataDir) {
        String fromEnv = env.get(KEY_VARIABLE);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return new SecretBox(Base64.getDecoder().decode(fromEnv.strip()));
        }
        Path file = dataDir.resolve(KEY_FILE);
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(dataDir);
                byte[] fresh = new byte[32];
                RANDOM.nextBytes(fresh);
                Files.writeString(file, Base64.getEncoder().encodeToString(fresh), StandardCharsets.US_ASCII);
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    // Windows: the data directory's own permissions protect it
                }
            }
            return new SecretBox(Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the channel master key " + file, e);
        }
    }

    static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    String seal(byte[] secret) {
        try {
            byte[] iv = randomBytes(12);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            byte[] sealed = c.doFinal(secret);
            byte[] out = new byte[iv.length + sealed.length];
            System.arraycopy(iv, 0, out, 0, iv.length);
            System.arraycopy(sealed, 0, out, iv.length, sealed.length);
            return Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    byte[] open(String sealed) {
        try {
            byte[] in = Base64.getDecoder().decode(sealed);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, in, 0, 12));
            return c.doFinal(in, 12, in.length - 12);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A partner secret cannot be decrypted: is SPORTEL_CHANNEL_KEY the key it was issued under?", e);
        }
    }
}
