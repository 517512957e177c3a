package al.sportel.server.ops;

import io.micrometer.core.instrument.MeterRegistry;

/** A feature's own gauges on the Prometheus endpoint: registered once, refreshed at every scrape. */
public interface MetricsSource {

    void bindTo(MeterRegistry registry);

    void refresh();
}
