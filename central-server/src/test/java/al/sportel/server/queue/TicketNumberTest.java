package al.sportel.server.queue;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The number a customer reads on the slip and the screens: the letter and at least three digits. */
class TicketNumberTest {

    @Test
    void numbersArePaddedToThreeDigitsAndGrowPastThem() {
        assertThat(QueueEngine.ticketNumber("P", 1)).isEqualTo("P001");
        assertThat(QueueEngine.ticketNumber("A", 42)).isEqualTo("A042");
        assertThat(QueueEngine.ticketNumber("K", 999)).isEqualTo("K999");
        assertThat(QueueEngine.ticketNumber("I", 1234)).isEqualTo("I1234");
    }
}
