package al.sportel.model.channels;

/** What kind of payment partner takes money outside the counters; ONLINE is a card-payment provider of the phone app. */
public enum PartnerKind { POST, BANK, MOBILE, ONLINE }
