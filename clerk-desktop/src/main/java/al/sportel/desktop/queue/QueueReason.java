package al.sportel.desktop.queue;

/** A reason from one of the server's lists (here: calling a ticket out of order), in both languages. */
public record QueueReason(String code, String name, String nameEn) {
}
