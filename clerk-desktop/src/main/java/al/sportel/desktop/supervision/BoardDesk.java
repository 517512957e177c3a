package al.sportel.desktop.supervision;

import al.sportel.model.Board;
import java.util.List;

/**
 * What the supervisor's board asks of the server. {@link SupervisorApi} backs the real one (see
 * {@link #of}); the view-model's tests can put a fake behind it. Every method blocks.
 */
public interface BoardDesk {

    Board board(String branch) throws Exception;

    void counterAction(long counterId, String action) throws Exception;

    void setServices(long counterId, List<Long> serviceIds) throws Exception;

    void transfer(String ticketId, Long serviceId, Long counterId) throws Exception;

    void priority(String ticketId, boolean priority) throws Exception;

    void cancel(String ticketId) throws Exception;

    static BoardDesk of(SupervisorApi api) {
        return new BoardDesk() {
            @Override
            public Board board(String branch) throws Exception {
                return api.board(branch);
            }

            @Override
            public void counterAction(long counterId, String action) throws Exception {
                api.counterAction(counterId, action);
            }

            @Override
            public void setServices(long counterId, List<Long> serviceIds) throws Exception {
                api.setServices(counterId, serviceIds);
            }

            @Override
            public void transfer(String ticketId, Long serviceId, Long counterId) throws Exception {
                api.transfer(ticketId, serviceId, counterId);
            }

            @Override
            public void priority(String ticketId, boolean priority) throws Exception {
                api.priority(ticketId, priority);
            }

            @Override
            public void cancel(String ticketId) throws Exception {
                api.cancel(ticketId);
            }
        };
    }
}
