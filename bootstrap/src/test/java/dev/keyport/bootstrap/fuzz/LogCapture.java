package dev.keyport.bootstrap.fuzz;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.read.ListAppender;
import ch.qos.logback.core.spi.FilterReply;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.LoggerFactory;

/**
 * Every log event of the process while a test runs (the fuzz, or a server's outage), caught in-process on Logback's root logger: the ERROR events and
 * every event that carries a stack trace are kept. The console appenders are detached for the run (one request line
 * per request would bury the report) and attached again afterwards; the capture still sees every event.
 *
 * <p>Events of the vendors' client SDKs, which the test uses as its clients, are not the server's and are left out.
 */
public final class LogCapture implements AutoCloseable {

    private static final List<String> CLIENT_LOGGERS = List.of("com.tencentcloudapi", "com.huaweicloud",
            "HuaweiCloud-SDK", "okhttp3");

    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> kept = new ListAppender<>();
    private final List<Appender<ILoggingEvent>> detached = new ArrayList<>();
    private final AtomicLong seen = new AtomicLong();
    private final List<String> secrets;
    private final List<ILoggingEvent> leaks = java.util.Collections.synchronizedList(new ArrayList<>());

    private LogCapture(List<String> secrets) {
        this.secrets = List.copyOf(secrets);
        kept.setName("fuzz-capture");
        kept.setContext(root.getLoggerContext());
        kept.addFilter(new Filter<>() {
            @Override
            public FilterReply decide(ILoggingEvent event) {
                seen.incrementAndGet();
                if (CLIENT_LOGGERS.stream().anyMatch(event.getLoggerName()::startsWith)) {
                    return FilterReply.DENY;
                }
                if (carriesSecret(event)) {
                    leaks.add(event);
                }
                return event.getLevel().isGreaterOrEqual(Level.ERROR) || event.getThrowableProxy() != null
                        ? FilterReply.ACCEPT : FilterReply.DENY;
            }
        });
        kept.start();
    }

    /**
     * @param quiet   detach the console appenders for the capture
     * @param secrets text no log line may hold (the credentials' secrets; "Signature=" of a signed request)
     */
    public static LogCapture attach(boolean quiet, List<String> secrets) {
        LogCapture capture = new LogCapture(secrets);
        if (quiet) {
            for (Iterator<Appender<ILoggingEvent>> it = capture.root.iteratorForAppenders(); it.hasNext(); ) {
                capture.detached.add(it.next());
            }
            capture.detached.forEach(capture.root::detachAppender);
        }
        capture.root.addAppender(capture.kept);
        return capture;
    }

    /** How many events the process logged during the capture (all levels, all loggers). */
    long eventsSeen() {
        return seen.get();
    }

    /** The events, of any level, whose message or exception holds a secret or a signature. */
    List<ILoggingEvent> leaks() {
        return List.copyOf(leaks);
    }

    private boolean carriesSecret(ILoggingEvent event) {
        StringBuilder text = new StringBuilder(String.valueOf(event.getFormattedMessage()));
        for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
            text.append('\n').append(t.getMessage());
        }
        String all = text.toString();
        return secrets.stream().anyMatch(all::contains);
    }

    /** The ERROR events and the events with a stack trace, of the server. */
    public List<ILoggingEvent> offending() {
        synchronized (kept) {
            return List.copyOf(kept.list);
        }
    }

    /**
     * The offending events, one line per distinct (level, logger, message pattern, exception classes and top frames),
     * with how often it occurred and the first one's messages.
     */
    static List<String> summarize(List<ILoggingEvent> events) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<String, String> examples = new LinkedHashMap<>();
        for (ILoggingEvent event : events) {
            IThrowableProxy throwable = event.getThrowableProxy();
            StringBuilder kind = new StringBuilder();
            StringBuilder example = new StringBuilder();
            int frames = 0;
            while (throwable != null) {
                String top = throwable.getStackTraceElementProxyArray().length == 0 ? ""
                        : " at " + throwable.getStackTraceElementProxyArray()[0].getStackTraceElement();
                kind.append(" | ").append(throwable.getClassName()).append(top);
                example.append(" | ").append(throwable.getClassName()).append(": ")
                        .append(oneLine(throwable.getMessage()));
                frames += throwable.getStackTraceElementProxyArray().length;
                throwable = throwable.getCause();
            }
            String key = event.getLevel() + " " + event.getLoggerName() + " \"" + oneLine(event.getMessage()) + "\""
                    + kind;
            counts.merge(key, 1, Integer::sum);
            int frameCount = frames;
            examples.computeIfAbsent(key, k -> (frameCount > 0 ? "[" + frameCount + " frames] " : "")
                    + oneLine(event.getFormattedMessage()) + example);
        }
        List<String> lines = new ArrayList<>();
        counts.forEach((key, count) -> lines.add(count + "x " + key + "\n      e.g. " + examples.get(key)));
        return lines;
    }

    private static String oneLine(String text) {
        if (text == null) {
            return "";
        }
        String flat = text.replace("\r", "\\r").replace("\n", "\\n");
        return flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
    }

    @Override
    public void close() {
        root.detachAppender(kept);
        kept.stop();
        detached.forEach(root::addAppender);
    }
}
