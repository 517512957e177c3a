package al.sportel.model.channels;

/** What kind of payment partner takes money outside the counters. */
public enum PartnerKind { POST, BANK, MOBILE }
