package al.sportel.server.complaints;

/**
 * Where a case was filed. Only a counter (the clerk has the customer in front of her) and the phone app's
 * verified account vouch for the customer code on it; the web form and the kiosk take whatever code was
 * typed, so their cases are never listed under that customer's account.
 */
public enum CaseChannel {
    COUNTER, ONLINE, KIOSK, APP;

    boolean vouchesForCustomer() {
        return this == COUNTER || this == APP;
    }
}
