package dev.keyport.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/** What Linux's /proc tells of a process: its CPU time (user + system, in clock ticks) and its memory. */
final class ProcFs {

    private ProcFs() {
    }

    /** {@code getconf CLK_TCK}: the unit of /proc/PID/stat's times, 100 on every usual kernel. */
    static long clockTicksPerSecond() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
            if (getconf.waitFor(10, TimeUnit.SECONDS) && getconf.exitValue() == 0) {
                return Long.parseLong(out);
            }
        } catch (IOException | NumberFormatException e) {
            // the usual value below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 100;
    }

    /** utime + stime of {@code pid} in clock ticks, or -1 when the process is gone. */
    static long cpuTicks(long pid) {
        try {
            return cpuTicksOfStat(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
        } catch (IOException e) {
            return -1;
        }
    }

    /** utime + stime of {@code pid} and of every live process below it (PostgreSQL's backends), in clock ticks. */
    static long cpuTicksWithDescendants(long pid) {
        long own = cpuTicks(pid);
        if (own < 0) {
            return -1;
        }
        return own + ProcessHandle.of(pid).stream().flatMap(ProcessHandle::descendants)
                .mapToLong(child -> Math.max(0, cpuTicks(child.pid()))).sum();
    }

    /**
     * utime + stime of the JIT compiler threads of the JVM {@code pid} (HotSpot names them "C1 CompilerThread0",
     * "C2 CompilerThread1", …; the kernel keeps the first 15 characters), in clock ticks; -1 when the process is gone.
     */
    static long compilerTicks(long pid) {
        Path tasks = Path.of("/proc", Long.toString(pid), "task");
        try (java.util.stream.Stream<Path> threads = Files.list(tasks)) {
            return threads.mapToLong(task -> {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    return isCompilerThread(stat) ? cpuTicksOfStat(stat) : 0;
                } catch (IOException e) {
                    return 0; // the thread ended between the listing and the read
                }
            }).sum();
        } catch (IOException e) {
            return -1;
        }
    }

    /** Whether a /proc/PID/task/TID/stat line is one of HotSpot's JIT compiler threads. */
    static boolean isCompilerThread(String stat) {
        int start = stat.indexOf('(');
        int end = stat.lastIndexOf(')');
        return start >= 0 && end > start && stat.substring(start + 1, end).matches("C[12] CompilerThre.*");
    }

    /**
     * utime (field 14) + stime (field 15) of a /proc/PID/stat line. The command name (field 2) is in parentheses and
     * may itself hold spaces and parentheses, so the fields are counted from the last ')'.
     */
    static long cpuTicksOfStat(String stat) {
        int end = stat.lastIndexOf(')');
        if (end < 0) {
            throw new IllegalArgumentException("not a /proc/PID/stat line: " + stat);
        }
        String[] fields = stat.substring(end + 1).strip().split("\\s+");
        // fields[0] is field 3 (state), so field n is fields[n - 3]
        return Long.parseLong(fields[14 - 3]) + Long.parseLong(fields[15 - 3]);
    }

    /**
     * This process's CPU time with that of its children it has waited for (utime + stime + cutime + cstime, fields
     * 14–17 of /proc/self/stat), in clock ticks.
     */
    static long ownTicksWithReapedChildren() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 1).strip().split("\\s+");
            long sum = 0;
            for (int field = 14; field <= 17; field++) {
                sum += Long.parseLong(fields[field - 3]);
            }
            return sum;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The machine's busy CPU time (all cores) from /proc/stat's first line, in clock ticks; -1 if unknown. */
    static long machineBusyTicks() {
        try {
            return busyTicksOfProcStat(Files.readString(Path.of("/proc/stat")));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** user + nice + system + irq + softirq + steal of the "cpu" line of a /proc/stat text. */
    static long busyTicksOfProcStat(String procStat) {
        String cpu = procStat.lines().filter(line -> line.startsWith("cpu ")).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no cpu line"));
        String[] f = cpu.substring(4).strip().split("\\s+");
        // user nice system idle iowait irq softirq steal ...
        return Long.parseLong(f[0]) + Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[5])
                + Long.parseLong(f[6]) + (f.length > 7 ? Long.parseLong(f[7]) : 0);
    }

    /** A size field of /proc/PID/status ({@code VmRSS}, {@code VmHWM}) in bytes, empty when the process is gone. */
    static OptionalLong statusBytes(long pid, String field) {
        try {
            return statusBytesOf(Files.readString(Path.of("/proc", Long.toString(pid), "status")), field);
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    /** {@code field} of a /proc/PID/status text ("VmRSS:     123456 kB") in bytes. */
    static OptionalLong statusBytesOf(String status, String field) {
        for (String line : status.split("\n")) {
            if (line.startsWith(field + ":")) {
                String[] parts = line.substring(field.length() + 1).strip().split("\\s+");
                long value = Long.parseLong(parts[0]);
                return OptionalLong.of(parts.length > 1 && parts[1].equalsIgnoreCase("kB") ? value * 1024 : value);
            }
        }
        return OptionalLong.empty();
    }

    /** MemTotal of /proc/meminfo in bytes. */
    static long memTotalBytes() {
        try {
            return statusBytesOf(Files.readString(Path.of("/proc/meminfo")), "MemTotal").orElse(-1);
        } catch (IOException e) {
            return -1;
        }
    }

    /** The first "model name" of /proc/cpuinfo. */
    static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).strip();
                }
            }
        } catch (IOException e) {
            // below
        }
        return "unknown";
    }

    /** The three load averages of /proc/loadavg. */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }
}
