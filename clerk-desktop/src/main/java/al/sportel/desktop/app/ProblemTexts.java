package al.sportel.desktop.app;

/**
 * The server's refusals in the clerk's language. The server explains a refusal in English ({@code detail});
 * its stable problem {@code type} is what the desktop translates. The types listed are the conflicts the
 * counter and the supervisor console meet and the server's general refusals whose detail adds nothing the
 * user can act on; any other type (a not-found, field errors) keeps the server's own words.
 */
final class ProblemTexts {

    private ProblemTexts() {
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
            default -> null;
        };
    }
}
