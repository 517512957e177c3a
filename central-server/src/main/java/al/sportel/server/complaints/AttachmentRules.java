package al.sportel.server.complaints;

import al.sportel.server.http.ApiException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a citizen may attach to a case: at most {@link #MAX_FILES} photos (JPEG, PNG) or PDFs of at most
 * {@link #MAX_BYTES} each. The type is read from the file's first bytes, never from its name or the
 * browser's claim, so a script renamed to .jpg is refused.
 */
public final class AttachmentRules {

    public static final int MAX_FILES = 3;
    public static final int MAX_BYTES = 5 * 1024 * 1024;
    /** The whole upload: the files and the form's text, with room for the multipart framing. */
    public static final long MAX_REQUEST = (long) MAX_FILES * MAX_BYTES + 64 * 1024;

    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] PDF = {'%', 'P', 'D', 'F', '-'};

    private AttachmentRules() {
    }

    /** A checked file: its type as its bytes say, and a harmless name to show staff. */
    public record Upload(String name, String contentType, byte[] bytes) {
    }

    /** The content type the bytes begin with, if one we accept. */
    static Optional<String> typeOf(byte[] bytes) {
        if (startsWith(bytes, JPEG)) {
            return Optional.of("image/jpeg");
        }
        if (startsWith(bytes, PNG)) {
            return Optional.of("image/png");
        }
        if (startsWith(bytes, PDF)) {
            return Optional.of("application/pdf");
        }
        return Optional.empty();
    }

    static Upload check(String originalName, byte[] bytes) {
        String name = safeName(originalName);
        if (bytes.length == 0) {
            throw ApiException.invalid("attachments", name + " is empty");
        }
        if (bytes.length > MAX_BYTES) {
            throw tooLarge(name + " is larger than 5 MB");
        }
        String type = typeOf(bytes).orElseThrow(() ->
                ApiException.invalid("attachments", name + " is not a JPEG or PNG photo or a PDF"));
        return new Upload(name, type, bytes);
    }

    /** What the files are, for an Idempotency-Key's "the same request": each one's name, type and SHA-256, in order. */
    static String digest(List<Upload> uploads) {
        return uploads.stream().map(u -> u.name() + " " + u.contentType() + " " + sha256(u.bytes())).collect(Collectors.joining("\n"));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static ApiException tooLarge(String detail) {
        return new ApiException(413, "too-large", "Content too large", detail, null, null);
    }

    /** Letters, digits, dot, dash and underscore of the citizen's file name, for staff to recognise it. */
    static String safeName(String name) {
        String base = name == null ? "" : name.replaceAll(".*[/\\\\]", "");
        String clean = base.replaceAll("[^\\p{L}\\p{N}._-]", "_");
        if (clean.isBlank()) {
            return "file";
        }
        return clean.length() > 100 ? clean.substring(clean.length() - 100) : clean;
    }

    private static boolean startsWith(byte[] bytes, byte[] magic) {
        return bytes.length >= magic.length && Arrays.equals(bytes, 0, magic.length, magic, 0, magic.length);
    }
}
