package al.sportel.server.remote;

import java.util.List;

/** A centre as the phone app lists it: its services with the people waiting and the wait a new ticket would have. */
public record Centre(String code, String name, String city, String address, List<Service> services) {

    /** {@code estimatedWaitSeconds}: for a ticket taken now, by the same estimate as the phone view's. */
    public record Service(long id, String letter, String name, String nameEn, int waiting, int openCounters,
                          int estimatedWaitSeconds) {
    }
}
