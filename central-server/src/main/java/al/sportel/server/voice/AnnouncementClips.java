package al.sportel.server.voice;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The prerecorded Albanian clips that say "Bileta P023, sporteli 3": "bileta", the letter, the number
 * in words ("njëzet e tre" = 20, e, 3; "njëqind e pesë" = 100, e, 5) and "sporteli" with the counter.
 * The clip files are made by {@code src/main/voice/generate-clips.sh}.
 */
public final class AnnouncementClips {

    public static final String PATH = "/voice/sq/";
    private static final Pattern TICKET = Pattern.compile("([A-Za-z])0*([1-9][0-9]{0,3})");

    private AnnouncementClips() {
    }

    /** Clip names (without folder or extension) in the order to play; empty when the text is no ticket number. */
    public static List<String> forCall(String ticketNumber, int counter) {
        Matcher m = TICKET.matcher(ticketNumber);
        if (!m.matches() || counter < 1 || counter > 999) {
            return List.of();
        }
        List<String> clips = new ArrayList<>();
        clips.add("bileta");
        clips.add("l-" + m.group(1).toLowerCase(Locale.ROOT));
        clips.addAll(number(Integer.parseInt(m.group(2))));
        clips.add("sporteli");
        clips.addAll(number(counter));
        return clips;
    }

    /**
     * 1–9999 in Albanian words as clip names: 1234 is "një mijë e dyqind e tridhjetë e katër". The thousands'
     * clips were made like the others: {@code espeak-ng -v sq -w n-1000.wav "një mijë"}, then
     * {@code opusenc --bitrate 16}.
     */
    static List<String> number(int n) {
        List<String> out = new ArrayList<>();
        if (n >= 1000) {
            out.add("n-" + n / 1000 * 1000);
            if (n % 1000 > 0) {
                out.add("e");
                out.addAll(number(n % 1000));
            }
            return out;
        }
        int hundreds = n / 100;
        int rest = n % 100;
        if (hundreds > 0) {
            out.add("n-" + hundreds * 100);
            if (rest > 0) {
                out.add("e");
            }
        }
        if (rest > 0 && rest < 20) {
            out.add("n-" + rest);
        } else if (rest >= 20) {
            out.add("n-" + rest / 10 * 10);
            if (rest % 10 > 0) {
                out.add("e");
                out.add("n-" + rest % 10);
            }
        }
        return out;
    }
}
