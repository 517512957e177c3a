package al.sportel.desktop.queue;

import al.sportel.model.queue.CounterStats;
import al.sportel.model.queue.EndAndCall;

import static org.assertj.core.api.Assertions.assertThat;

import al.sportel.desktop.api.ApiException;
import al.sportel.desktop.app.DirectJobs;
import al.sportel.desktop.app.I18n;
import al.sportel.model.Counter;
import al.sportel.model.CounterStatus;
import al.sportel.model.EventType;
import al.sportel.model.LiveEvent;
import al.sportel.model.QueueSnapshot;
import al.sportel.model.ServiceInfo;
import al.sportel.model.Ticket;
import al.sportel.model.TicketStatus;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The counter screen's logic in plain JUnit: no toolkit, a fake server behind {@link CounterDesk}. */
class CounterViewModelTest {

    private static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");
    private static final ServiceInfo PAYMENTS = new ServiceInfo(1, "P", "Pagesa", "Payments", 300);

    private final FakeDesk desk = new FakeDesk();
    private final SimpleBooleanProperty linkUp = new SimpleBooleanProperty(true);
    private final Counter counter = new Counter(7, 3, "Sporteli 3", CounterStatus.OPEN, List.of(1L), null, null, null, null);
    private CounterViewModel vm;
    private int exits;

    @BeforeEach
    void setUp() {
        vm = new CounterViewModel(desk, new DirectJobs(), new I18n("sq"), Clock.fixed(NOW, ZoneOffset.UTC), counter,
                List.of(PAYMENTS), linkUp);
        vm.onExit(() -> exits++);
        vm.reload(s -> { });
    }

    @Test
    void callNextMakesTheCalledTicketCurrentAndEnablesItsActions() {
        desk.next.add(ticket("t1", "P001", TicketStatus.CALLED, 7L));

        assertThat(vm.canCallNext().get()).isTrue();
        vm.callNext();

        assertThat(vm.current().get().number()).isEqualTo("P001");
        assertThat(vm.canCallNext().get()).as("one ticket at a time").isFalse();
        assertThat(vm.canActOnCalled().get()).isTrue();
        assertThat(vm.message().get()).isNull();
        assertThat(vm.waitedText().get()).isEqualTo("Priti 5:00");
    }

    @Test
    void nothingWaitingIsSaidAndClearsWhenATicketArrives() {
        vm.callNext();
        assertThat(vm.message().get()).isEqualTo(new I18n("sq").t("action.nothingWaiting"));

        vm.apply(11, new LiveEvent(EventType.TICKET_ISSUED, NOW, ticket("t2", "P002", TicketStatus.WAITING, null), null));

        assertThat(vm.queue()).extracting(Ticket::number).containsExactly("P002");
        assertThat(vm.message().get()).as("the stale message goes").isNull();
        assertThat(vm.waitingText().get()).isEqualTo("Presin: 1");
    }

    @Test
    void aFirstLoadThatFailedIsTriedAgainWhenTheLinkAnswersAndOnlyThenConnectsTheStream() {
        CounterViewModel fresh = new CounterViewModel(desk, new DirectJobs(), new I18n("sq"), Clock.fixed(NOW, ZoneOffset.UTC),
                counter, List.of(PAYMENTS), linkUp);
        List<Long> connectedFrom = new ArrayList<>();
        desk.queueFailure = new ApiException(503, "busy", "The server is busy", 2);
        fresh.start(s -> connectedFrom.add(s.lastEventId()));
        assertThat(connectedFrom).as("nothing to connect from yet").isEmpty();
        assertThat(fresh.message().get()).isNotBlank();

        linkUp.set(false);
        desk.queueFailure = null;
        desk.onServer.add(ticket("t1", "P001", TicketStatus.CALLED, 7L));
        linkUp.set(true); // the link's look at the server answered

        assertThat(connectedFrom).as("the stream starts from the snapshot that finally came").containsExactly(10L);
        assertThat(fresh.current().get().number()).isEqualTo("P001");
        linkUp.set(false);
        linkUp.set(true);
        assertThat(connectedFrom).as("started once").hasSize(1);
    }

    @Test
    void aTransferIsOfferedTheCountersAsTheyAreNowNotAsTheyWereAtLogin() {
        Counter opened = new Counter(8, 4, "Sporteli 4", CounterStatus.CLOSED, List.of(1L), null, null, null, null);
        desk.countersOnServer = List.of(opened, counter);
        vm.reload(s -> { });
        Counter nowOpen = new Counter(8, 4, "Sporteli 4", CounterStatus.OPEN, List.of(1L), null, null, null, null);
        vm.apply(11, new LiveEvent(EventType.COUNTER_UPDATED, NOW, null, nowOpen));

        assertThat(vm.counters()).extracting(Counter::number).containsExactly(3, 4);
        assertThat(vm.counters()).filteredOn(c -> c.id() == 8).extracting(Counter::status).containsExactly(CounterStatus.OPEN);
    }

    @Test
    void withoutTheLinkTheQueueActionsWait() {
        linkUp.set(false);
        assertThat(vm.canCallNext().get()).isFalse();
        linkUp.set(true);
        assertThat(vm.canCallNext().get()).isTrue();
    }

    @Test
    void finishStartsACalledTicketFirst() {
        desk.next.add(ticket("t1", "P001", TicketStatus.CALLED, 7L));
        vm.callNext();

        vm.finish();

        assertThat(desk.actions).containsExactly("t1:start", "t1:finish");
        assertThat(vm.current().get()).isNull();
        assertThat(vm.servedText().get()).isEqualTo("Shërbyer sot: 1");
    }

    @Test
    void aLostConnectionIsSaidAsSuchAndABugIsNot() {
        desk.failure = ApiException.unreachable(new IOException("refused"));
        vm.callNext();
        assertThat(vm.message().get()).startsWith("Nuk ka lidhje");

        desk.failure = null;
        desk.bug = new IllegalStateException("a bug");
        vm.callNext();
        assertThat(vm.message().get()).contains("gabim i papritur").doesNotContain("lidhje me serverin");
    }

    @Test
    void anExpiredSessionLeavesTheScreen() {
        desk.failure = new ApiException(401, "unauthorized", "Session expired", 0);
        vm.callNext();
        assertThat(exits).isEqualTo(1);
    }

    @Test
    void finishAndNextEndsAServingTicketAndCallsTheNextInOneRequest() {
        desk.next.add(ticket("t1", "P001", TicketStatus.CALLED, 7L));
        vm.callNext();
        vm.ticketAction("start");
        desk.next.add(ticket("t2", "P002", TicketStatus.CALLED, 7L));

        vm.endAndCallNext().finishAndNext();

        assertThat(desk.actions).containsExactly("t1:start", "t1:end-and-call-next:DONE");
        assertThat(vm.current().get().number()).isEqualTo("P002");
        assertThat(vm.canActOnCalled().get()).isTrue();
        assertThat(vm.message().get()).isNull();
        assertThat(vm.servedText().get()).as("the figures are refreshed").isEqualTo("Shërbyer sot: 1");
    }

    @Test
    void finishAndNextOfACalledTicketIsOneRequestToo() {
        desk.next.add(ticket("t1", "P001", TicketStatus.CALLED, 7L));
        vm.callNext();
        desk.next.add(ticket("t2", "P002", TicketStatus.CALLED, 7L));

        vm.endAndCallNext().finishAndNext();

        // the server starts and finishes a called ticket in the same transaction
        assertThat(desk.actions).containsExactly("t1:end-and-call-next:DONE");
        assertThat(vm.current().get().number()).isEqualTo("P002");
    }

    @Test
    void noShowAndNextWithNobodyWaitingSaysSoAndFreesTheCounter() {
        desk.next.add(ticket("t1", "P001", TicketStatus.CALLED, 7L));
        vm.callNext();

        vm.endAndCallNext().noShowAndNext();

        assertThat(desk.actions).containsExactly("t1:end-and-call-next:NO_SHOW");
        assertThat(vm.current().get()).isNull();
        assertThat(vm.message().get()).isEqualTo(new I18n("sq").t("action.nothingWaiting"));
        assertThat(vm.comeback().ticket().get().number()).as("the no-show may still come back").isEqualTo("P001");
        assertThat(vm.canCallNext().get()).isTrue();
    }

    @Test
    void aRefusedEndingShowsWhyReloadsTheQueueAndChangesNothingElse() {
        desk.next.add(ticket("t1", "P001", TicketStatus.CALLED, 7L));
        vm.callNext();
        desk.onServer.add(vm.current().get()); // the server still has it called at this counter
        desk.next.add(ticket("t2", "P002", TicketStatus.CALLED, 7L));
        int loads = desk.queueLoads;
        String served = vm.servedText().get();
        desk.failure = new ApiException(409, "conflict", "The ticket is not called at this counter", 0);

        vm.endAndCallNext().noShowAndNext();

        assertThat(vm.message().get()).contains("The ticket is not called at this counter");
        assertThat(desk.queueLoads).as("the queue is reloaded").isEqualTo(loads + 1);
        assertThat(vm.current().get().number()).isEqualTo("P001");
        assertThat(desk.next).as("nothing was called").hasSize(1);
        assertThat(vm.comeback().ticket().get()).isNull();
        assertThat(vm.servedText().get()).isEqualTo(served);
    }

    @Test
    void theyNeedAnOpenFreeLinkAndNoShowNeedsACalledTicket() {
        EndAndCallNext next = vm.endAndCallNext();
        assertThat(next.canFinishAndNext().get()).as("no ticket").isFalse();
        assertThat(next.canNoShowAndNext().get()).isFalse();

        desk.next.add(ticket("t1", "P001", TicketStatus.CALLED, 7L));
        vm.callNext();
        assertThat(next.canFinishAndNext().get()).isTrue();
        assertThat(next.canNoShowAndNext().get()).isTrue();
        assertThat(vm.status().canPause().get()).as("no pause while the called customer walks up").isFalse();

        linkUp.set(false);
        assertThat(next.canFinishAndNext().get()).as("without the link").isFalse();
        assertThat(next.canNoShowAndNext().get()).isFalse();
        linkUp.set(true);

        vm.ticketAction("start");
        assertThat(next.canFinishAndNext().get()).isTrue();
        assertThat(next.canNoShowAndNext().get()).as("a ticket being served was there").isFalse();

        desk.counterStatus = CounterStatus.PAUSED;
        vm.status().pauseOrResume();
        assertThat(next.canFinishAndNext().get()).as("a paused counter calls nobody").isFalse();
        assertThat(vm.canActOnCurrent().get()).as("plain finish still works").isTrue();
    }

    private static Ticket ticket(String id, String number, TicketStatus status, Long counterId) {
        return new Ticket(id, number, 1, "P", "TR01", status, false, NOW.minusSeconds(300),
                status == TicketStatus.WAITING ? null : NOW, null, null, counterId, null, null, null, null);
    }

    /** The server as the counter sees it, in memory. */
    private final class FakeDesk implements CounterDesk {
        final Deque<Ticket> next = new ArrayDeque<>();
        final List<String> actions = new ArrayList<>();
        /** Tickets at counters as the server has them, for a reload. */
        final List<Ticket> onServer = new ArrayList<>();
        CounterStatus counterStatus = CounterStatus.OPEN;
        int queueLoads;
        ApiException queueFailure;
        List<Counter> countersOnServer;
        ApiException failure;
        RuntimeException bug;
        int served;

        private void maybeFail() throws ApiException {
            if (failure != null) {
                throw failure;
            }
            if (bug != null) {
                throw bug;
            }
        }

        @Override
        public Optional<Ticket> callNext(long counterId) throws ApiException {
            maybeFail();
            return Optional.ofNullable(next.poll());
        }

        @Override
        public Ticket ticketAction(String ticketId, String action) throws ApiException {
            maybeFail();
            actions.add(ticketId + ":" + action);
            TicketStatus status = switch (action) {
                case "start" -> TicketStatus.SERVING;
                case "finish" -> TicketStatus.DONE;
                default -> TicketStatus.CALLED;
            };
            if (status == TicketStatus.DONE) {
                served++;
            }
            Ticket current = vm.current().get();
            return new Ticket(ticketId, current.number(), 1, "P", "TR01", status, false, current.issuedAt(), current.calledAt(),
                    null, null, status.atCounter() ? 7L : null, null, null, null, null);
        }

        @Override
        public EndAndCall endAndCallNext(long counterId, String ticketId, TicketStatus outcome) throws ApiException {
            maybeFail();
            actions.add(ticketId + ":end-and-call-next:" + outcome);
            if (outcome == TicketStatus.DONE) {
                served++;
            }
            Ticket current = vm.current().get();
            Ticket ended = new Ticket(ticketId, current.number(), 1, "P", "TR01", outcome, false, current.issuedAt(),
                    current.calledAt(), null, null, null, null, null, null, null);
            return new EndAndCall(ended, next.poll());
        }

        @Override
        public Ticket transfer(String ticketId, Long serviceId, Long counterId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<QueueReason> outOfOrderReasons() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Ticket callOutOfOrder(String ticketId, long counterId, String reason) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Ticket reactivate(String ticketId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Counter counterAction(long counterId, String action) {
            return new Counter(counter.id(), counter.number(), counter.name(), counterStatus, counter.serviceIds(),
                    null, null, null, null);
        }

        @Override
        public CounterStats stats(long counterId) {
            return new CounterStats(counterId, null, served, 0, null);
        }

        @Override
        public QueueSnapshot queue() throws ApiException {
            queueLoads++;
            if (queueFailure != null) {
                throw queueFailure;
            }
            return new QueueSnapshot(10, List.of(), List.copyOf(onServer), List.of(),
                    countersOnServer == null ? List.of(counter) : countersOnServer);
        }
    }
}
