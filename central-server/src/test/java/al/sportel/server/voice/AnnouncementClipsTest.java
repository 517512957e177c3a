package al.sportel.server.voice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every ticket number of a day (A001–Z999) and every counter 1–30 can be said with the committed clips. */
class AnnouncementClipsTest {

    private final Map<String, Boolean> present = new HashMap<>();

    @Test
    void numbersAreSaidTheAlbanianWay() {
        assertThat(AnnouncementClips.number(7)).containsExactly("n-7");
        assertThat(AnnouncementClips.number(15)).containsExactly("n-15");
        assertThat(AnnouncementClips.number(23)).containsExactly("n-20", "e", "n-3");
        assertThat(AnnouncementClips.number(40)).containsExactly("n-40");
        assertThat(AnnouncementClips.number(105)).containsExactly("n-100", "e", "n-5");
        assertThat(AnnouncementClips.number(300)).containsExactly("n-300");
        assertThat(AnnouncementClips.number(999)).containsExactly("n-900", "e", "n-90", "e", "n-9");
        assertThat(AnnouncementClips.number(1000)).containsExactly("n-1000");
        assertThat(AnnouncementClips.number(1234)).containsExactly("n-1000", "e", "n-200", "e", "n-30", "e", "n-4");
        assertThat(AnnouncementClips.number(2005)).containsExactly("n-2000", "e", "n-5");
        assertThat(AnnouncementClips.forCall("P1000", 3)).as("a busy service's thousandth ticket is announced too")
                .containsExactly("bileta", "l-p", "n-1000", "sporteli", "n-3");
        assertThat(AnnouncementClips.forCall("P023", 3))
                .containsExactly("bileta", "l-p", "n-20", "e", "n-3", "sporteli", "n-3");
        assertThat(AnnouncementClips.forCall("P000", 3)).isEmpty();
        assertThat(AnnouncementClips.forCall("P02x", 3)).isEmpty();
    }

    @Test
    void everyTicketNumberAndCounterOneToThirtyHasItsClips() throws IOException {
        for (char letter = 'A'; letter <= 'Z'; letter++) {
            for (int seq = 1; seq <= 9999; seq += seq < 999 ? 1 : 37) {
                for (int counter : new int[] {1, 30}) {
                    List<String> clips = AnnouncementClips.forCall("%c%03d".formatted(letter, seq), counter);
                    assertThat(clips).isNotEmpty();
                    for (String clip : clips) {
                        assertThat(exists(clip)).as("clip %s of %c%03d", clip, letter, seq).isTrue();
                    }
                }
            }
        }
        for (int counter = 1; counter <= 30; counter++) {
            for (String clip : AnnouncementClips.forCall("P001", counter)) {
                assertThat(exists(clip)).as("clip %s of counter %d", clip, counter).isTrue();
            }
        }
    }

    /** A committed Ogg file (the "OggS" capture pattern), read once per clip. */
    private boolean exists(String clip) throws IOException {
        Boolean known = present.get(clip);
        if (known != null) {
            return known;
        }
        try (InputStream in = AnnouncementClips.class.getResourceAsStream(AnnouncementClips.PATH + clip + ".opus")) {
            boolean ok = in != null && new String(in.readNBytes(4), "US-ASCII").equals("OggS");
            present.put(clip, ok);
            return ok;
        }
    }
}
