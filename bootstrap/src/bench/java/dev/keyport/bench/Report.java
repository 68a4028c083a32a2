package dev.keyport.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The report, in Markdown: headings, lines and tables, built as the run goes. */
final class Report {

    private final StringBuilder text = new StringBuilder();

    void heading(int level, String title) {
        text.append('\n').append("#".repeat(level)).append(' ').append(title).append("\n\n");
    }

    void line(String line) {
        text.append(line).append('\n');
    }

    void paragraph(String paragraph) {
        text.append(paragraph).append("\n\n");
    }

    void table(List<String> header, List<List<String>> rows) {
        text.append("| ").append(String.join(" | ", header)).append(" |\n");
        StringBuilder rule = new StringBuilder("|");
        for (int column = 0; column < header.size(); column++) {
            int at = column;
            boolean numeric = !rows.isEmpty() && rows.stream().allMatch(row -> isNumeric(row.get(at)));
            rule.append(numeric ? "---:|" : "---|");
        }
        text.append(rule).append('\n');
        for (List<String> row : rows) {
            text.append("| ").append(row.stream().map(cell -> cell.replace("|", "\\|"))
                    .collect(Collectors.joining(" | "))).append(" |\n");
        }
        text.append('\n');
    }

    /** A cell that shows a quantity ("1,234", "0.52", "–", "**3** (…)") is right-aligned. */
    private static boolean isNumeric(String cell) {
        String plain = cell.startsWith("**") ? cell.substring(2) : cell;
        return !plain.isEmpty() && (Character.isDigit(plain.charAt(0)) || plain.charAt(0) == '–');
    }

    String text() {
        return text.toString();
    }

    // ------------------------------------------------------------------------------------------------ formats

    /** A rate or count with thousands separators, no decimals. */
    static String count(double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%,.0f", value);
    }

    static String ratio(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? "–" : String.format(Locale.ROOT, "%.3f", value);
    }

    /** Milliseconds with two significant decimals below 10, one below 100, none above. */
    static String millis(double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        String format = value < 10 ? "%.2f" : value < 100 ? "%.1f" : "%,.0f";
        return String.format(Locale.ROOT, format, value);
    }

    static String micros(double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%,.0f", value);
    }

    static String bytes(long value) {
        if (value < 0) {
            return "–";
        }
        if (value < 10 * 1024) {
            return value + " B";
        }
        if (value < 10L * 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", value / 1024.0);
        }
        if (value < 10L * 1024 * 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f MiB", value / 1024.0 / 1024);
        }
        return String.format(Locale.ROOT, "%.2f GiB", value / 1024.0 / 1024 / 1024);
    }

    static String seconds(double value) {
        return String.format(Locale.ROOT, "%.1f s", value);
    }

    /** "0", or "12 (CmkStateNotSupport 10, InvalidParameter 2)". */
    static String errors(Measured m) {
        long total = m.errorCount();
        if (total == 0) {
            return "0";
        }
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, Long> e : m.errors().entrySet()) {
            parts.add(e.getKey() + " " + e.getValue());
        }
        return "**" + total + "** (" + String.join(", ", parts) + ")";
    }
}
