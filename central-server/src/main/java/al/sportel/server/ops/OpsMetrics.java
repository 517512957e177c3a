package al.sportel.server.ops;

import al.sportel.server.db.Database;
import al.sportel.server.events.EventHub;
import io.javalin.http.Context;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;

/** The Prometheus registry: JVM, connection pool, HTTP requests by route template, and the business. */
public final class OpsMetrics implements AutoCloseable {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final BusinessMetrics business;

    public OpsMetrics(Database db, EventHub hub, Clock clock, ZoneId zone) {
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        db.bindMetrics(registry);
        Gauge.builder("sportel.sse.subscribers", hub, EventHub::subscriberCount)
                .description("Open live event streams on this node").register(registry);
        business = new BusinessMetrics(db, registry, clock, zone);
    }

    /** Called once per finished request (Javalin's request logger). */
    public void record(Context ctx, float millis) {
        String route = routeOf(ctx);
        String status = Integer.toString(ctx.statusCode());
        Timer.builder("http.server.requests")
                .tags("method", ctx.method().name(), "route", route, "status", status)
                .publishPercentileHistogram(false)
                .register(registry)
                .record((long) (millis * 1000), TimeUnit.MICROSECONDS);
        if ("true".equals(ctx.res().getHeader("Idempotent-Replayed"))) {
            Counter.builder("sportel.idempotent.replays").description("Requests answered from an earlier identical request")
                    .tag("route", route).register(registry).increment();
        }
    }

    /** The template the request matched ("/api/v1/tickets/{id}"), so ids do not explode the series. */
    private static String routeOf(Context ctx) {
        try {
            String path = ctx.endpointHandlerPath();
            if (path != null && !path.isEmpty() && !path.equals("*")) {
                return path;
            }
        } catch (RuntimeException ignored) {
            // no endpoint matched (a 404, or a request refused before routing)
        }
        return ctx.statusCode() == 404 ? "NOT_FOUND" : "UNMATCHED";
    }

    public String scrape() {
        business.refresh();
        return registry.scrape();
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
