package al.sportel.desktop.queue;

import al.sportel.desktop.app.Jobs;
import java.util.function.Consumer;

/**
 * How every command of the counter screen runs, whichever part of the screen owns it: the last message goes,
 * the blocking call runs through {@link Jobs}, its result is applied and the queue shown again; a refusal is
 * shown to the clerk (a conflict reloads the queue, an expired session leaves). {@link CounterViewModel} is the
 * one implementation, so its parts ({@link CounterStatusModel}, {@link NoShowComeback}) behave alike.
 */
interface CounterAct {

    <T> void run(Jobs.Job<T> job, Consumer<T> onDone);
}
