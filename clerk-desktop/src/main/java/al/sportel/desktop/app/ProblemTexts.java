package al.sportel.desktop.app;

import al.sportel.model.Formats;
import al.sportel.model.Problem.FieldError;
import al.sportel.model.billing.PaymentRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's refusals in the clerk's language. The server explains a refusal in English ({@code detail});
 * its stable problem {@code type} is what the desktop translates. The types listed are the conflicts the
 * counter and the supervisor console meet and the server's general refusals whose detail adds nothing the
 * user can act on. A {@code validation} refusal is told by its field errors: the common ones of a payment
 * and a fee sale in the clerk's language, any other in the server's words. Any other type (a not-found)
 * keeps the server's own words.
 */
final class ProblemTexts {

    /** The figure in the server's "is more than the customer owes (2450.50 lek)" (PaymentService, PaymentLimits, FeeService). */
    private static final Pattern LEK = Pattern.compile("\\((\\d+(?:\\.\\d{1,2})?) lek\\)");
    /** The hours in "is older than 48 hours; " + {@link PaymentRequest#PAST_WINDOW} (PaymentLimits). */
    private static final Pattern HOURS = Pattern.compile("older than (\\d+) hours");

    private ProblemTexts() {
    }

    /**
     * The text for a refusal: its type's when this client has one, else its field errors' (each this client knows
     * in the clerk's language, any other in the server's words), else null (the server's words are shown).
     */
    static String of(I18n i18n, String type, List<FieldError> errors) {
        String known = of(i18n, type);
        if (known != null || errors == null || errors.isEmpty()) {
            return known;
        }
        List<String> parts = new ArrayList<>();
        boolean translated = false;
        for (FieldError e : errors) {
            String text = field(i18n, e.field(), e.message() == null ? "" : e.message());
            translated |= text != null;
            parts.add(text != null ? text : e.field() + " " + e.message() + ".");
        }
        return translated ? String.join(" ", parts) : null;
    }

    /** One field error the clerk meets at the counter, or null; amounts as every screen writes them. */
    private static String field(I18n i18n, String field, String message) {
        Matcher lek = LEK.matcher(message);
        Matcher hours = HOURS.matcher(message);
        String amount = lek.find() ? Formats.money(lek.group(1)) : null;
        return switch (field) {
            case "amount" -> amount == null ? null
                    : message.startsWith("is more than the customer owes") ? i18n.t("problem.field.amountOverOwed", amount)
                    : message.startsWith("is more than the largest single payment") ? i18n.t("problem.field.amountOverMax", amount)
                    : null;
            case "tendered" -> message.startsWith("is less than the amount") ? i18n.t("problem.field.tenderedShort")
                    : message.startsWith("is less than the fee") && amount != null ? i18n.t("problem.field.tenderedShortFee", amount)
                    : null;
            case "customerCode" -> message.startsWith("no customer with this code") ? i18n.t("problem.field.noCustomer") : null;
            case "takenAt" -> message.contains(PaymentRequest.PAST_WINDOW) && hours.find()
                    ? i18n.t("problem.field.pastWindow", Long.parseLong(hours.group(1))) : null;
            default -> null;
        };
    }

    /** The text for a problem {@code type}, or null when this client has none for it. */
    static String of(I18n i18n, String type) {
        if (type == null) {
            return null;
        }
        // Literal keys, one per type: the bundles test finds each of them (keys are never built at run time).
        return switch (type) {
            case "counter-busy" -> i18n.t("problem.counterBusy");
            case "counter-taken" -> i18n.t("problem.counterTaken");
            case "already-at-counter" -> i18n.t("problem.alreadyAtCounter");
            case "counter-not-open" -> i18n.t("problem.counterNotOpen");
            case "counter-closed" -> i18n.t("problem.counterClosed");
            case "counter-exists" -> i18n.t("problem.counterExists");
            case "illegal-transition" -> i18n.t("problem.illegalTransition");
            case "queue-contended" -> i18n.t("problem.queueContended");
            case "own-account" -> i18n.t("problem.ownAccount");
            case "user-at-counter" -> i18n.t("problem.userAtCounter");
            case "letter-taken" -> i18n.t("problem.letterTaken");
            case "username-taken" -> i18n.t("problem.usernameTaken");
            case "branch-exists" -> i18n.t("problem.branchExists");
            case "centre-closed-day" -> i18n.t("problem.centreClosedDay");
            case "already-received" -> i18n.t("problem.alreadyReceived");
            case "forbidden" -> i18n.t("problem.forbidden");
            case "duplicate" -> i18n.t("problem.duplicate");
            case "busy" -> i18n.t("problem.serverBusy");
            case "too-many-requests" -> i18n.t("problem.tooManyRequests");
            case "internal" -> i18n.t("problem.internal");
            case "grace-period-over" -> i18n.t("problem.gracePeriodOver");
            case "not-for-this-counter" -> i18n.t("problem.notForThisCounter");
            case "ticket-not-at-counter" -> i18n.t("problem.ticketNotAtCounter");
            case "already-voided" -> i18n.t("problem.alreadyVoided");
            case "reversed-before-payment" -> i18n.t("problem.reversedBeforePayment");
            case "fiscal-no-tcr" -> i18n.t("problem.fiscalNoTcr");
            case "fiscal-no-operator" -> i18n.t("problem.fiscalNoOperator");
            case "fiscal-not-configured" -> i18n.t("problem.fiscalNotConfigured");
            case "fiscal-initial-done" -> i18n.t("problem.fiscalInitialDone");
            case "recalled-once" -> i18n.t("problem.recalledOnce");
            default -> null;
        };
    }
}
