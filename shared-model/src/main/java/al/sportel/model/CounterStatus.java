package al.sportel.model;

public enum CounterStatus {
    OPEN, PAUSED, CLOSED
}
