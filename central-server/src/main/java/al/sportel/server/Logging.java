package al.sportel.server;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.TimeBasedRollingPolicy;
import java.io.IOException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Adds a daily rolling log file in the data directory to the console logging of logback.xml. */
final class Logging {

    private Logging() {
    }

    /**
     * Writes out what the asynchronous appenders still hold and closes the log: the last thing before the
     * process exits, so a start-up error or the shutdown's last lines are not left in a queue.
     */
    static void stop() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.stop();
        }
    }

    static void toFile(Path dir) {
        try {
            PrivateFiles.createDirectories(dir);
        } catch (IOException e) {
            // the console still logs; logback reports the file it then cannot open
            LoggerFactory.getLogger(Logging.class).warn("cannot create the log directory {}: {}", dir, e.toString());
        }
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{ISO8601} %-5level [%thread] %logger{36} - %msg%n");
        encoder.start();
        // every log file (the current one and each day's new one) is made private as soon as it is opened
        RollingFileAppender<ILoggingEvent> file = new RollingFileAppender<>() {
            @Override
            public void openFile(String fileName) throws IOException {
                super.openFile(fileName);
                PrivateFiles.restrictFile(Path.of(fileName));
            }
        };
        file.setContext(context);
        file.setName("file");
        file.setFile(dir.resolve("sportel-server.log").toString());
        TimeBasedRollingPolicy<ILoggingEvent> policy = new TimeBasedRollingPolicy<>();
        policy.setContext(context);
        policy.setParent(file);
        policy.setFileNamePattern(dir.resolve("sportel-server.%d{yyyy-MM-dd}.log").toString());
        policy.setMaxHistory(90);
        policy.start();
        file.setRollingPolicy(policy);
        file.setEncoder(encoder);
        file.start();
        // written by one thread, as the console is (logback.xml): request threads only queue their lines
        AsyncAppender async = new AsyncAppender();
        async.setContext(context);
        async.setName("async-file");
        async.setQueueSize(8192);
        async.addAppender(file);
        async.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(async);
    }
}
