package al.sportel.slip;

import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.text.Normalizer;
import java.util.Map;

/**
 * Text as a thermal printer's code page can print it. A letter the page lacks loses its accent
 * (Petrović prints as Petrovic, Đorđe as Dorde) instead of becoming '?', so the customer's name on a
 * receipt stays readable; what has no plain form (Greek, an emoji) is '?'.
 */
final class CodePageText {

    /** Letters whose plain form is not a decomposition. */
    private static final Map<Integer, String> PLAIN = Map.of('Đ' + 0, "D", 'đ' + 0, "d", 'Ł' + 0, "L", 'ł' + 0, "l",
            'Ħ' + 0, "H", 'ħ' + 0, "h", 'ı' + 0, "i");

    private final Charset charset;

    CodePageText(Charset charset) {
        this.charset = charset;
    }

    String of(String text) {
        CharsetEncoder encoder = charset.newEncoder();
        String composed = Normalizer.normalize(text, Normalizer.Form.NFC);
        if (encoder.canEncode(composed)) {
            return composed;
        }
        StringBuilder out = new StringBuilder(composed.length());
        composed.codePoints().forEach(cp -> out.append(plain(encoder, cp)));
        return out.toString();
    }

    private static String plain(CharsetEncoder encoder, int cp) {
        String c = Character.toString(cp);
        if (encoder.canEncode(c)) {
            return c;
        }
        // NFKD also takes compatibility forms apart (Ǆ is DŽ, ŀ is l·) before the accents go
        String bare = Normalizer.normalize(c, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        if (!bare.isEmpty() && encoder.canEncode(bare)) {
            return bare;
        }
        return PLAIN.getOrDefault(cp, "?");
    }
}
