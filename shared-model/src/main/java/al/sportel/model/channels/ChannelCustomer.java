package al.sportel.model.channels;

import java.time.LocalDate;
import java.util.List;

/** What a bank teller or a payment app needs about a customer, and nothing more: a shortened name. */
public record ChannelCustomer(String code, String name, String amountDue, List<Bill> unpaidBills) {

    public record Bill(String period, String amount, LocalDate dueDate) {
    }
}
