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
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.servlet.FilterHolder;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlets.QoSFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Admission control in front of every route (issue 21): at most {@code maxActive} requests run at once, as many
 * as the database pool has connections, so none waits inside the pool. The others wait in arrival order
 * <em>without holding a thread</em> (Jetty's {@link QoSFilter} suspends them), and one that finds no place within
 * {@code wait} is answered 503 with Retry-After, having changed nothing, exactly as a request that found no free
 * connection is ({@link Problems}). Refusals are counted on /metrics ({@code sportel_http_refused_busy_total}).
 *
 * <p>Before this, every waiting request held a server thread: a busy day ran ~190 threads for 32 connections, and
 * the two cores spent their time switching between them. Event streams pass straight through: they hold no
 * connection once open, and would otherwise hold a place for as long as a screen stays connected; so do health
 * checks and metrics, which must answer most when the node is busy; and so does a request whose body is still on
 * its way, which would otherwise hold a place while its sender takes its time.
 */
public final class RequestAdmission extends QoSFilter implements MetricsSource {

    private static final Logger log = LoggerFactory.getLogger(RequestAdmission.class);

    private final byte[] busyBody;
    private final AtomicLong refused = new AtomicLong();

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
        if (request instanceof HttpServletRequest http && (isEventStream(http) || isOperations(http) || bodyStillArriving(http))) {
            chain.doFilter(request, response);
            return;
        }
        Refusal refusal = new Refusal((HttpServletResponse) response, http(request));
        super.doFilter(new Suspendable((HttpServletRequest) request, refusal), refusal, chain);
    }

    private static boolean isEventStream(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("text/event-stream");
    }

    /**
     * A body not yet all here: the route would read it inside its place, and a slow sender (a phone's upload, or
     * someone trickling bytes on purpose) would hold one of the few places for as long as it likes. Such a request
     * runs as before admission existed: on a thread of its own, its database work queued in the pool. The JSON
     * bodies of the API arrive with their headers.
     */
    private static boolean bodyStillArriving(HttpServletRequest request) throws IOException {
        long length = request.getContentLengthLong();
        if (length < 0) {
            return request.getHeader("Transfer-Encoding") != null; // chunked: its length is unknown
        }
        return length > 0 && request.getInputStream().available() < length;
    }

    /** Health and metrics answer under load too: a load balancer must not take a busy node for a dead one. */
    private static boolean isOperations(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path.startsWith("/health") || path.equals("/metrics");
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
            refused.incrementAndGet();
            log.warn("no place free for {}: answered 503", request);
            ApiException busy = Problems.serverBusy();
            setStatus(busy.status());
            setHeader("Retry-After", Long.toString(busy.retryAfterSeconds()));
            setContentType(Problems.CONTENT_TYPE);
            setContentLength(busyBody.length);
            getOutputStream().write(busyBody);
        }
    }
}
