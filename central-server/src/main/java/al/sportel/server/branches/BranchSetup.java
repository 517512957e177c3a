package al.sportel.server.branches;

import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * A new centre as the admin API and the demo create it: the four standard services and counters
 * whose work profiles (service letters in order of preference) cycle so every service is served.
 */
public final class BranchSetup {

    private record ServiceDef(String letter, String name, String nameEn, int averageSeconds) {
    }

    private static final List<ServiceDef> SERVICES = List.of(
            new ServiceDef("P", "Pagesë fature", "Bill payment", 180),
            new ServiceDef("A", "Aplikim / kontratë", "Application / contract", 600),
            new ServiceDef("K", "Ankesë", "Complaint", 480),
            new ServiceDef("I", "Informacion", "Information", 240));

    /** The work profiles of a large centre's counters, in counter order. */
    public static final List<String> STANDARD_PROFILES = List.of("PI", "PI", "PA", "AP", "KA", "IKP");

    private BranchSetup() {
    }

    /** A centre with {@code counters} counters whose profiles cycle through {@link #STANDARD_PROFILES}. */
    public static void create(Handle h, String code, String name, String city, String address, int counters) {
        List<String> profiles = new ArrayList<>();
        for (int i = 0; i < counters; i++) {
            profiles.add(STANDARD_PROFILES.get(i % STANDARD_PROFILES.size()));
        }
        create(h, code, name, city, address, profiles);
    }

    /** A centre with one counter per profile. */
    public static void create(Handle h, String code, String name, String city, String address, List<String> profiles) {
        h.execute("INSERT INTO branches (code, name, city, address) VALUES (?, ?, ?, ?)", code, name, city, address);
        for (ServiceDef s : SERVICES) {
            h.execute("INSERT INTO services (branch_code, letter, name, name_en, average_service_seconds) VALUES (?, ?, ?, ?, ?)",
                    code, s.letter(), s.name(), s.nameEn(), s.averageSeconds());
        }
        for (int n = 1; n <= profiles.size(); n++) {
            long counterId = h.createUpdate("INSERT INTO counters (branch_code, counter_number, name, status) VALUES (:b, :n, :name, 'CLOSED')")
                    .bind("b", code).bind("n", n).bind("name", "Sporteli " + n)
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            String letters = profiles.get(n - 1);
            for (int i = 0; i < letters.length(); i++) {
                h.execute("""
                        INSERT INTO counter_services (counter_id, service_id, sort_order)
                        SELECT ?, id, ? FROM services WHERE branch_code = ? AND letter = ?
                        """, counterId, i, code, String.valueOf(letters.charAt(i)));
            }
        }
    }
}
