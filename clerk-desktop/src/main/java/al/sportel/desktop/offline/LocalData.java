package al.sportel.desktop.offline;

/** The local file opened once per client start: the cache and the outbox it holds. */
public record LocalData(LocalStore store, LocalCache cache, Outbox outbox) {

    public static LocalData of(LocalStore store) {
        return new LocalData(store, new LocalCache(store), new Outbox(store));
    }
}
