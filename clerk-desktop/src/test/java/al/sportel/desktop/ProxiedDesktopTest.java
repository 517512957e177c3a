package al.sportel.desktop;

import org.junit.jupiter.api.AfterEach;

/**
 * A desktop test whose client reaches the server through a {@link FaultProxy}, so the test can cut, hold or lose what
 * goes over the line. The proxy outlives server restarts on the same port; it is closed after each test, its held
 * requests let go first.
 */
abstract class ProxiedDesktopTest extends DesktopTestBase {

    protected FaultProxy proxy;

    @Override
    protected String serverUrl() throws Exception {
        if (proxy == null) {
            proxy = new FaultProxy(server.port());
        }
        return proxy.url();
    }

    @AfterEach
    void closeProxy() throws Exception {
        if (proxy != null) {
            proxy.release();
            proxy.close();
        }
    }
}
