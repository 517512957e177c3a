package al.sportel.server.http;

import al.sportel.model.Problem;
import al.sportel.server.ops.MetricsSource;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.servlet.FilterHolder;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlets.QoSFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Admission control in front of the API's changes (issue 21, ADR 0009): at most {@code maxActive} of them run at
 * once, as many as the database pool has connections, so none waits inside the pool. The others wait
 * <em>without holding a thread</em> (Jetty's {@link QoSFilter} suspends them and wakes one each time a place
 * frees), and one that finds no place within {@code wait} is answered 503 with Retry-After, having changed
 * nothing, exactly as a request that found no free connection is ({@link Problems}). Refusals are counted on
 * /metrics ({@code sportel_http_refused_busy_total}).
 *
 * <p>Before this, every waiting request held a server thread: a busy day ran ~190 threads for 32 connections, and
 * the two cores spent part of their time switching between them.
 *
 * <p>Only changes ({@code POST}, {@code PUT}, {@code DELETE}… under {@code /api/}) whose body has arrived take a
 * place: their answers are small JSON that the connection takes at once, so nobody can hold a place by reading
 * slowly. Reads (pages, PDFs, reports, event streams, health checks, metrics) and changes whose body is still on
 * its way run as before: on a thread of their own, their database work queued in the pool.
 */
public final class RequestAdmission extends QoSFilter implements MetricsSource {

    private static final Logger log = LoggerFactory.getLogger(RequestAdmission.class);

    private final byte[] busyBody;
    private static final long WARN_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARN_EVERY_NANOS);

    private RequestAdmission(ObjectMapper mapper) throws IOException {
        ApiException busy = Problems.serverBusy();
        this.busyBody = mapper.writeValueAsBytes(new Problem(Problems.TYPE_BASE + busy.type(), busy.title(), busy.status(),
                busy.getMessage(), busy.errors()));
    }

    /** Puts the filter in front of the server's routes; it counts its refusals on /metrics. */
    public static RequestAdmission install(ServletContextHandler handler, ObjectMapper mapper, int maxActive, Duration wait) {
        RequestAdmission admission;
        try {
            admission = new RequestAdmission(mapper);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        FilterHolder holder = new FilterHolder(admission);
        holder.setInitParameter("maxRequests", Integer.toString(maxActive));
        holder.setInitParameter("suspendMs", Long.toString(wait.toMillis()));
        holder.setInitParameter("waitMs", "20"); // a place that frees at once is taken without suspending
        holder.setAsyncSupported(true);
        // ASYNC too: a waiting request comes back through the filter when a place frees or its wait ends
        handler.addFilter(holder, "/*", EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC));
        return admission;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        FunctionCounter.builder("sportel.http.refused.busy", refused, AtomicLong::get)
                .description("Requests answered 503 because no place to run freed within the wait").register(registry);
    }

    @Override
    public void refresh() {
        // the counter reads its value at each scrape
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        // a suspended request comes back as an ASYNC dispatch: the filter that suspended it must see it again
        boolean resumed = request.getDispatcherType() == DispatcherType.ASYNC;
        if (!resumed && (!(request instanceof HttpServletRequest http) || !takesAPlace(http))) {
            chain.doFilter(request, response);
            return;
        }
        Refusal refusal = new Refusal((HttpServletResponse) response, http(request));
        super.doFilter(new Suspendable((HttpServletRequest) request, refusal), refusal, chain);
    }

    private static boolean takesAPlace(HttpServletRequest request) {
        String method = request.getMethod();
        return request.getRequestURI().startsWith("/api/") && !method.equals("GET") && !method.equals("HEAD")
                && !method.equals("OPTIONS") && !bodyStillArriving(request);
    }

    /**
     * A body not all here yet: the route would read it inside its place, and a slow sender (a phone's upload, or
     * someone trickling bytes on purpose) would hold one of the few places for as long as it likes. Read from
     * Jetty's own input, which neither consumes bytes nor waits, so the route still reads the body (and its form
     * fields) as usual. It sees what has arrived in the first read: small bodies, which the API's are, arrive
     * with their headers.
     */
    private static boolean bodyStillArriving(HttpServletRequest request) {
        long length = request.getContentLengthLong();
        if (length < 0) {
            return request.getHeader("Transfer-Encoding") != null; // chunked: its length is unknown
        }
        return length > 0 && Request.getBaseRequest(request).getHttpInput().available() < length;
    }

    private static String http(ServletRequest request) {
        return request instanceof HttpServletRequest h ? h.getMethod() + " " + AccessLogMask.path(h.getRequestURI()) : "?";
    }

    /**
     * QoSFilter suspends a request with {@code startAsync()}, whose response would be the server's own: a wait that
     * ends refused must reach {@link Refusal}, so the suspension carries it.
     */
    private static final class Suspendable extends HttpServletRequestWrapper {
        private final HttpServletResponse response;

        Suspendable(HttpServletRequest request, HttpServletResponse response) {
            super(request);
            this.response = response;
        }

        @Override
        public AsyncContext startAsync() {
            return getRequest().startAsync(this, response);
        }
    }

    /** QoSFilter refuses with a bare {@code sendError(503)}: answer as {@link Problems} answers an exhausted pool instead. */
    private final class Refusal extends HttpServletResponseWrapper {
        private final String request;

        Refusal(HttpServletResponse response, String request) {
            super(response);
            this.request = request;
        }

        @Override
        public void sendError(int status) throws IOException {
            if (status != HttpServletResponse.SC_SERVICE_UNAVAILABLE) {
                super.sendError(status);
                return;
            }
            long count = refused.incrementAndGet();
            long now = System.nanoTime();
            long last = lastWarning.get();
            if (now - last >= WARN_EVERY_NANOS && lastWarning.compareAndSet(last, now)) { // one line a minute under overload
                log.warn("no place free for {}: answered 503 ({} so far)", request, count);
            }
            ApiException busy = Problems.serverBusy();
            setStatus(busy.status());
            setHeader("Retry-After", Long.toString(busy.retryAfterSeconds()));
            setContentType(Problems.CONTENT_TYPE);
            setContentLength(busyBody.length);
            getOutputStream().write(busyBody);
        }
    }
}
