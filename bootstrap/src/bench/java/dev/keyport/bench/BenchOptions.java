package dev.keyport.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The benchmark's settings, from system properties (bootstrap/pom.xml's profile {@code bench} passes them):
 * {@code bench.mode} (quick or full), {@code bench.jar}, {@code bench.out}, {@code bench.jvmArgs} (the Keyport
 * child's JVM flags, split at spaces; empty = the JVM's defaults), {@code bench.localKms}, {@code bench.keys},
 * {@code bench.root} (the project's root folder), {@code bench.target} (bootstrap's target folder),
 * {@code bench.sections} (h2, fsync, postgresql, scale: a subset of the mode's sections, to look at one of them;
 * empty = all) and {@code bench.budget} (seconds, instead of the mode's budget).
 */
record BenchOptions(Mode mode, Path jar, Path out, List<String> jvmArgs, Optional<Path> localKms, int keys,
                    Path root, Path target, Set<String> sections, Optional<Duration> budget) {

    static final Set<String> SECTIONS = Set.of("h2", "fsync", "postgresql", "scale");

    enum Mode {
        QUICK, FULL;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * How long each part runs in a mode.
     *
     * @param budget      the whole benchmark, setup included; the scale section takes what is left of it
     * @param segment     one closed-loop measurement of one operation at one concurrency
     * @param floor       one floor segment (before and after each operation's)
     * @param peerSegment one segment of the side-by-side with local-kms; {@code peerRounds} of each, alternating
     * @param openLoop    one open-loop segment of the Tencent API's write operations
     * @param openLoopOther one open-loop segment elsewhere (Huawei, PostgreSQL)
     * @param mixedWrites the sustained mixed-write segment of the disk measurement
     * @param idle        how long the server is left idle before its memory at rest is read
     */
    record Plan(Duration budget, Duration warmup, Duration segment, Duration floor, Duration peerSegment,
                int peerRounds, Duration openLoop, Duration openLoopOther, Duration mixedWrites, Duration idle) {

        /** Every measuring duration times {@code factor} (the budget and the idle wait stay). */
        Plan scaled(double factor) {
            return new Plan(budget, times(warmup, factor), times(segment, factor), times(floor, factor),
                    times(peerSegment, factor), peerRounds, times(openLoop, factor), times(openLoopOther, factor),
                    times(mixedWrites, factor), idle);
        }

        private static Duration times(Duration d, double factor) {
            return Duration.ofMillis(Math.round(d.toMillis() * factor));
        }
    }

    static BenchOptions fromSystemProperties() {
        String modeName = property("bench.mode").orElse("quick").toUpperCase(Locale.ROOT);
        Mode mode;
        try {
            mode = Mode.valueOf(modeName);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bench.mode is quick or full, not " + modeName.toLowerCase(Locale.ROOT));
        }
        Path root = Path.of(property("bench.root").orElse("..")).toAbsolutePath().normalize();
        Path target = Path.of(property("bench.target").orElse("target")).toAbsolutePath().normalize();
        Path jar = Path.of(property("bench.jar").orElse(target.resolve("keyport.jar").toString()))
                .toAbsolutePath().normalize();
        Path out = Path.of(property("bench.out").orElse(target.resolve("bench")
                .resolve("report-" + mode.label() + ".md").toString())).toAbsolutePath().normalize();
        List<String> jvmArgs = property("bench.jvmArgs").map(flags -> Arrays.stream(flags.strip().split("\\s+"))
                .toList()).orElse(List.of());
        Optional<Path> localKms = property("bench.localKms").map(Path::of).map(Path::toAbsolutePath);
        int keys = Integer.parseInt(property("bench.keys").orElse("1000"));
        if (keys < 100) {
            throw new IllegalArgumentException("bench.keys is at least 100, not " + keys);
        }
        Set<String> sections = sections(property("bench.sections"));
        Optional<Duration> budget = property("bench.budget").map(Long::parseLong).map(Duration::ofSeconds);
        return new BenchOptions(mode, jar, out, jvmArgs, localKms, keys, root, target, sections, budget);
    }

    /** The sections listed (comma-separated, any case, spaces around names ignored); none listed: all. */
    static Set<String> sections(Optional<String> list) {
        Set<String> sections = list.map(names -> Arrays.stream(names.split(",")).map(String::strip)
                .map(name -> name.toLowerCase(Locale.ROOT)).collect(Collectors.toSet())).orElse(SECTIONS);
        if (!SECTIONS.containsAll(sections)) {
            throw new IllegalArgumentException("bench.sections lists some of " + SECTIONS + ", not " + sections);
        }
        return sections;
    }

    /** A system property that is set and not blank (the POM passes unset ones as empty). */
    private static Optional<String> property(String name) {
        return Optional.ofNullable(System.getProperty(name)).filter(value -> !value.isBlank());
    }

    Plan plan() {
        Plan plan = modePlan();
        return budget.map(b -> new Plan(b, plan.warmup(), plan.segment(), plan.floor(), plan.peerSegment(),
                plan.peerRounds(), plan.openLoop(), plan.openLoopOther(), plan.mixedWrites(), plan.idle()))
                .orElse(plan);
    }

    private Plan modePlan() {
        return switch (mode) {
            case QUICK -> new Plan(Duration.ofSeconds(140), Duration.ofSeconds(3), Duration.ofMillis(1250),
                    Duration.ofMillis(500), Duration.ofMillis(750), 2, Duration.ofSeconds(6), Duration.ofSeconds(5),
                    Duration.ofSeconds(5), Duration.ofSeconds(2));
            case FULL -> new Plan(Duration.ofSeconds(850), Duration.ofSeconds(5), Duration.ofSeconds(2),
                    Duration.ofMillis(750), Duration.ofMillis(1500), 2, Duration.ofSeconds(60),
                    Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(5));
        };
    }

    /** The local-kms binary: bench.localKms, else target/peers/local-kms under the project root. */
    Path localKmsBinary() {
        return localKms.orElse(root.resolve("target").resolve("peers").resolve("local-kms"));
    }

    /**
     * Whether the section {@code name} runs: in its mode (fsync, postgresql and scale in full mode only), if listed.
     */
    boolean runs(String name) {
        boolean inMode = name.equals("h2") || mode == Mode.FULL;
        return inMode && sections.contains(name);
    }

    String jvmFlags() {
        return jvmArgs.isEmpty() ? "none (the JVM's defaults)" : String.join(" ", jvmArgs);
    }
}
