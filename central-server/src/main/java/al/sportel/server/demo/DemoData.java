package al.sportel.server.demo;

import al.sportel.server.auth.PasswordHasher;
import al.sportel.server.branches.BranchSetup;
import al.sportel.server.citizen.BillCodes;
import al.sportel.server.db.Database;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Random;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.time.ZoneId;

/** The demo data of API.md, loaded by {@code --demo} into an empty database. */
public final class DemoData {

    public static final String PASSWORD = "sportel";
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    // Work profiles by counter number, as service letters in order of preference.
    private static final List<String> TR01_PROFILES = BranchSetup.STANDARD_PROFILES;
    private static final List<String> DR01_PROFILES = List.of("PI", "PA", "AK", "KIP");

    private static final String[] FIRST = {"Arben", "Blerina", "Dritan", "Elira", "Fatmir", "Gentiana", "Ilir", "Jonida",
        "Klodian", "Lindita", "Mirela", "Nertil", "Orjola", "Petrit", "Rozana", "Sokol", "Teuta", "Valbona", "Xhevdet", "Zamira"};
    private static final String[] LAST = {"Hoxha", "Shehu", "Gjoka", "Leka", "Kola", "Dervishi", "Çela", "Marku", "Basha",
        "Mema", "Prifti", "Rama", "Zeneli", "Koçi", "Duka"};
    private static final String[] STREETS = {"Rruga e Durrësit", "Rruga Myslym Shyri", "Bulevardi Zogu I", "Rruga e Kavajës",
        "Rruga Sami Frashëri", "Rruga Ismail Qemali", "Lagjja 1, Rruga Taulantia", "Rruga Skënderbeu"};

    private DemoData() {
    }

    /** Loads the demo data unless the database already has branches; returns whether it loaded. */
    public static boolean loadIfEmpty(Database db) {
        return db.tx(h -> {
            if (h.createQuery("SELECT COUNT(*) FROM branches").mapTo(Integer.class).one() > 0) {
                return false;
            }
            load(h);
            return true;
        });
    }

    private static void load(Handle h) {
        Instant now = Instant.now();
        String hash = PasswordHasher.hash(PASSWORD);
        branch(h, "TR01", "Qendra e Klientit Tiranë", "Tiranë", "Rruga e Kavajës 27, Tiranë", TR01_PROFILES);
        branch(h, "DR01", "Qendra e Klientit Durrës", "Durrës", "Lagjja 4, Rruga Tregtare, Durrës", DR01_PROFILES);
        user(h, "admin", "Administratori", "ADMIN", null, hash, now);
        user(h, "supervisor1", "Mimoza Kelmendi", "SUPERVISOR", "TR01", hash, now);
        user(h, "supervisor2", "Besnik Tafa", "SUPERVISOR", "DR01", hash, now);
        for (int i = 1; i <= 10; i++) {
            user(h, "clerk" + i, FIRST[i - 1] + " " + LAST[i - 1], "CLERK", i <= 6 ? "TR01" : "DR01", hash, now);
        }
        user(h, "kiosk1", "Kioska Tiranë", "KIOSK", "TR01", hash, now);
        user(h, "kiosk2", "Kioska Durrës", "KIOSK", "DR01", hash, now);
        customers(h);
        channelPartners(h, now);
        log.info("demo data loaded: branches TR01 and DR01, users admin, supervisor1-2, clerk1-10, kiosk1-2 (password '{}')", PASSWORD);
    }

    private static void branch(Handle h, String code, String name, String city, String address, List<String> profiles) {
        BranchSetup.create(h, code, name, city, address, profiles);
    }

    private static void user(Handle h, String username, String displayName, String role, String branch, String hash, Instant now) {
        h.createUpdate("""
                        INSERT INTO users (username, display_name, role, branch_code, password_hash, created_at)
                        VALUES (:u, :d, :r, :b, :h, :now)
                        """)
                .bind("u", username).bind("d", displayName).bind("r", role).bind("b", branch).bind("h", hash).bind("now", now)
                .execute();
    }

    /** One payment partner of each kind (issue 18); an admin issues their API keys (docs/channels.md). */
    private static void channelPartners(Handle h, Instant now) {
        String sql = "INSERT INTO channel_partners (code, name, kind, active, created_at) VALUES (?, ?, ?, TRUE, ?)";
        h.execute(sql, "POSTA", "Posta Shqiptare", "POST", now);
        h.execute(sql, "BKT", "Banka Kombëtare Tregtare", "BANK", now);
        h.execute(sql, "MPAY", "M-Pay Celular", "MOBILE", now);
    }

    /**
     * Customers 100001…100200 with bills for the last months; 100001 owes at least two, 100002 owes
     * nothing. A fixed seed keeps the demo the same on every machine.
     */
    private static void customers(Handle h) {
        Random random = new Random(20261125L);
        YearMonth thisMonth = YearMonth.now(ZoneId.of("Europe/Tirane"));
        var customer = h.prepareBatch("INSERT INTO customers (code, name, address) VALUES (:code, :name, :address)");
        var bill = h.prepareBatch("INSERT INTO bills (customer_code, period, amount, paid, due_date, verify_code) VALUES (:c, :p, :a, :paid, :due, :v)");
        for (int i = 1; i <= 200; i++) {
            String code = Integer.toString(100000 + i);
            String name = FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)];
            String address = STREETS[random.nextInt(STREETS.length)] + " " + (1 + random.nextInt(120)) + ", "
                    + (i % 3 == 0 ? "Durrës" : "Tiranë");
            customer.bind("code", code).bind("name", name).bind("address", address).add();
            int unpaid = i == 1 ? 3 : i == 2 ? 0 : random.nextInt(4);
            for (int m = 6; m >= 1; m--) {
                YearMonth period = thisMonth.minusMonths(m);
                long amount = (1_500 + random.nextInt(6_000)) * 100L + random.nextInt(100);
                boolean isUnpaid = m <= unpaid;
                LocalDate due = period.plusMonths(1).atDay(20);
                bill.bind("c", code).bind("p", period.toString()).bind("a", amount).bind("paid", isUnpaid ? 0L : amount)
                        .bind("due", due).bind("v", BillCodes.forDemo(code, m)).add();
            }
        }
        customer.execute();
        bill.execute();
    }
}
