package al.sportel.model.display;

/** How many wait for a service; {@code openCounters}: how many open counters serve it now (0 = not available at the moment). */
public record DisplayWaiting(long serviceId, String serviceLetter, String name, String nameEn, int count, int openCounters) {
}
