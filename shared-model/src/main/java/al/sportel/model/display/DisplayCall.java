package al.sportel.model.display;

import java.time.Instant;

/** A recent call on the waiting-room screen: a number and where to go, no names. */
public record DisplayCall(String number, String serviceLetter, Integer counterNumber, String status, Instant calledAt) {
}
