package al.sportel.server.onlinepay;

import java.util.Optional;

/**
 * A card-payment provider with a hosted payment page: we send the citizen's browser to its page, it
 * takes the card, and it tells us the outcome server-to-server in a signed webhook. The browser's
 * return is only a hint; the webhook alone puts money on the ledger.
 */
public interface PaymentProvider {

    /** What the provider says became of a payment. */
    enum Outcome { PAID, DECLINED, ABANDONED }

    /** What we ask the provider to collect; {@code returnUrl} is where its page sends the browser back to. */
    record Start(String ref, long amount, String returnUrl) {
    }

    /** A payment the provider opened: its reference for it and the page the browser goes to. */
    record Started(String providerRef, String redirectUrl) {
    }

    /** A verified webhook. */
    record Event(String providerRef, Outcome outcome, long amount) {
    }

    /** A webhook as it arrived: {@code pathAndQuery} exactly as requested, the raw body bytes. */
    record Delivery(String pathAndQuery, String timestamp, String signature, byte[] body) {
    }

    /** The partner code its payments are booked under on the ledger (at most 10 characters). */
    String code();

    /** The name reports and receipts show. */
    String displayName();

    Started start(Start request);

    /** The event, or empty when the signature is missing or wrong or the timestamp is outside the window. */
    Optional<Event> verify(Delivery delivery);
}
