package dev.keyport.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a server's standard error said: its WARN and ERROR lines, counted by kind, with an example of each. */
final class ServerLog {

    /** Keyport's text format: {@code 2026-12-07T12:42:16.004Z WARN  d.k.b.KeyportServer - message key=value…}. */
    private static final Pattern LINE = Pattern.compile("^\\S+ (WARN|ERROR)\\s+(\\S+) - (.*)$");
    /** Request ids, key ids and other long tokens with a digit in them. */
    private static final Pattern ID = Pattern.compile("\\b(?=[0-9A-Za-z-]*\\d)[0-9A-Za-z-]{12,}\\b");
    private static final int KINDS = 12;
    private static final int KIND_LENGTH = 140;
    private static final int EXAMPLE_LENGTH = 400;
    private static final int TRACE_LINES = 6;

    /** One kind of line: how many, and the first of them (for an ERROR, with the start of its stack trace). */
    record Kind(long count, String example) {
    }

    record Summary(long lines, long bytes, long warnings, long errors, Map<String, Kind> kinds) {
    }

    private ServerLog() {
    }

    /**
     * Counts the WARN and ERROR lines of {@code log}, grouped by level, logger and the start of the message (ids and
     * numbers blanked), keeping the first {@value #KINDS} kinds.
     */
    static Summary summarize(Path log) {
        long lines = 0;
        long warnings = 0;
        long errors = 0;
        Map<String, Long> counts = new LinkedHashMap<>();
        Map<String, StringBuilder> examples = new LinkedHashMap<>();
        StringBuilder trace = null;
        int traceLines = 0;
        try (BufferedReader in = Files.newBufferedReader(log, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                lines++;
                if (trace != null && traceLines < TRACE_LINES && !LINE.matcher(line).matches()
                        && !line.matches("^\\S+ (INFO|DEBUG|TRACE) .*")) {
                    trace.append('\n').append(cut(line, EXAMPLE_LENGTH));
                    traceLines++;
                    continue;
                }
                trace = null;
                if (line.indexOf(" WARN ") < 0 && line.indexOf(" ERROR ") < 0) {
                    continue;
                }
                Matcher m = LINE.matcher(line);
                if (!m.matches()) {
                    continue;
                }
                boolean error = m.group(1).equals("ERROR");
                if (error) {
                    errors++;
                } else {
                    warnings++;
                }
                String kind = m.group(1) + " " + m.group(2) + " - " + blank(cut(m.group(3), KIND_LENGTH));
                if (counts.containsKey(kind) || counts.size() < KINDS) {
                    counts.merge(kind, 1L, Long::sum);
                    if (!examples.containsKey(kind)) {
                        StringBuilder example = new StringBuilder(cut(line, EXAMPLE_LENGTH));
                        examples.put(kind, example);
                        if (error) {
                            trace = example;
                            traceLines = 0;
                        }
                    }
                }
            }
            Map<String, Kind> kinds = new LinkedHashMap<>();
            counts.forEach((kind, n) -> kinds.put(kind, new Kind(n, examples.get(kind).toString())));
            return new Summary(lines, Files.size(log), warnings, errors, kinds);
        } catch (IOException e) {
            return new Summary(-1, -1, -1, -1, Map.of("(log unreadable: " + e.getMessage() + ")",
                    new Kind(1, "")));
        }
    }

    private static String cut(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length) + "…";
    }

    static String blank(String message) {
        return ID.matcher(message).replaceAll("<id>").replaceAll("\\d+", "N");
    }

    /** Whether a line of {@code log} contains {@code text}. */
    static boolean mentions(Path log, String text) {
        try (java.util.stream.Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.anyMatch(line -> line.contains(text));
        } catch (IOException | java.io.UncheckedIOException e) {
            return false;
        }
    }

    /** The last {@code lines} lines of {@code log} (read from its last 16 KB). */
    static String tail(Path log, int lines) {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long start = Math.max(0, file.length() - 16_384);
            byte[] bytes = new byte[(int) (file.length() - start)];
            file.seek(start);
            file.readFully(bytes);
            List<String> all = new ArrayList<>(Arrays.asList(new String(bytes, StandardCharsets.UTF_8)
                    .split("\n")));
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
