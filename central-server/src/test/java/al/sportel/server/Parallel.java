package al.sportel.server;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/** Many requests released at the same moment, for the tests of limits that must hold under parallel load. */
final class Parallel {

    private Parallel() {
    }

    /** Runs {@code n} calls at once (call {@code i} gets its index) and returns their answers in index order. */
    static <T> List<T> atOnce(int n, IntFunction<Callable<T>> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> answers = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Callable<T> c = call.apply(i);
                answers.add(pool.submit(() -> {
                    start.await();
                    return c.call();
                }));
            }
            start.countDown();
            List<T> out = new ArrayList<>();
            for (Future<T> a : answers) {
                out.add(a.get(60, TimeUnit.SECONDS));
            }
            return out;
        } finally {
            pool.shutdown();
        }
    }
}
