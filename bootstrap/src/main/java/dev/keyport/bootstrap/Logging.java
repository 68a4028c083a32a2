package dev.keyport.bootstrap;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import java.net.URL;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * The log format: {@code text} (logback.xml, one line per event) or {@code json} (logback-json.xml, one JSON object per
 * line, written by Logback's own {@code JsonEncoder}). Both go to standard error; standard output carries only the
 * ready line.
 */
final class Logging {

    private Logging() {
    }

    /** Applies KEYPORT_LOG_FORMAT before the server logs anything. */
    static void configure(Map<String, String> env) {
        Settings.LogFormat format = Settings.logFormat(env);
        if (format == Settings.LogFormat.JSON) {
            load("logback-json.xml");
        }
    }

    private static void load(String resource) {
        URL url = Logging.class.getClassLoader().getResource(resource);
        if (url == null) {
            throw new IllegalStateException(resource + " is missing from the jar");
        }
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(url);
        } catch (JoranException e) {
            throw new IllegalStateException("the logging configuration " + resource + " does not load", e);
        }
    }
}
