package dev.keyport.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a server's standard error said: its WARN and ERROR lines, counted by kind. */
final class ServerLog {

    /** Keyport's text format: {@code 2026-12-07T12:42:16.004Z WARN  d.k.b.KeyportServer - message key=value…}. */
    private static final Pattern LINE = Pattern.compile("^\\S+ (WARN|ERROR)\\s+(\\S+) - (.*)$");
    private static final int KINDS = 12;

    record Summary(long lines, long bytes, long warnings, long errors, Map<String, Long> kinds) {
    }

    private ServerLog() {
    }

    /**
     * Counts the WARN and ERROR lines of {@code log}, grouped by level, logger and the start of the message (ids and
     * numbers blanked), keeping the first {@value #KINDS} kinds; stack-trace lines count as lines only.
     */
    static Summary summarize(Path log) {
        long lines = 0;
        long warnings = 0;
        long errors = 0;
        Map<String, Long> kinds = new LinkedHashMap<>();
        try (BufferedReader in = Files.newBufferedReader(log, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                lines++;
                if (line.indexOf(" WARN ") < 0 && line.indexOf(" ERROR ") < 0) {
                    continue;
                }
                Matcher m = LINE.matcher(line);
                if (!m.matches()) {
                    continue;
                }
                if (m.group(1).equals("WARN")) {
                    warnings++;
                } else {
                    errors++;
                }
                String message = m.group(3);
                String kind = m.group(1) + " " + m.group(2) + " - " + blank(message.substring(0,
                        Math.min(message.length(), 90)));
                if (kinds.containsKey(kind) || kinds.size() < KINDS) {
                    kinds.merge(kind, 1L, Long::sum);
                }
            }
            return new Summary(lines, Files.size(log), warnings, errors, kinds);
        } catch (IOException e) {
            return new Summary(-1, -1, -1, -1, Map.of("(log unreadable: " + e.getMessage() + ")", 1L));
        }
    }

    private static String blank(String message) {
        return message.replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "<id>")
                .replaceAll("\\d+", "N");
    }

    /** The last {@code lines} lines of {@code log} (read from its last 16 KB). */
    static String tail(Path log, int lines) {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long start = Math.max(0, file.length() - 16_384);
            byte[] bytes = new byte[(int) (file.length() - start)];
            file.seek(start);
            file.readFully(bytes);
            List<String> all = Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\n"));
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
