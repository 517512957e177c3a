package al.sportel.desktop.billing;

/** RegisterCashDeposit's operations (spec 3.6): the day's opening cash, then cash taken out or put in. */
public enum CashOperation {
    INITIAL,
    WITHDRAW,
    DEPOSIT
}
