package al.sportel.server.complaints;

import java.security.SecureRandom;

/**
 * Tracking codes like ANK-2026-7KQ9XM: six characters drawn at random from 31 that cannot be
 * mistaken for each other (no 0/O, 1/I/L), about 887 million per kind and year — never sequential,
 * so nobody can walk through other people's cases.
 */
final class TrackingCodes {

    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    private TrackingCodes() {
    }

    static String next(CaseKind kind, int year) {
        StringBuilder sb = new StringBuilder(kind.prefix).append('-').append(year).append('-');
        for (int i = 0; i < 6; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
