package dev.keyport.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    @Test
    void sectionsAreCommaSeparatedInAnyCaseWithSpacesAroundTheNames() {
        assertThat(BenchOptions.sections(Optional.of("h2, FSYNC"))).containsExactlyInAnyOrder("h2", "fsync");
        assertThat(BenchOptions.sections(Optional.of("scale"))).containsExactly("scale");
    }

    @Test
    void noSectionsListedIsAllOfThem() {
        assertThat(BenchOptions.sections(Optional.empty()))
                .containsExactlyInAnyOrder("h2", "fsync", "postgresql", "scale");
    }

    @Test
    void aSectionThatDoesNotExistIsRefused() {
        assertThatThrownBy(() -> BenchOptions.sections(Optional.of("h2,fsnyc")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fsnyc");
    }

    @Test
    void theFsyncSectionRunsInFullModeOnly() {
        assertThat(options(BenchOptions.Mode.FULL, BenchOptions.SECTIONS).runs("fsync")).isTrue();
        assertThat(options(BenchOptions.Mode.QUICK, BenchOptions.SECTIONS).runs("fsync")).isFalse();
        assertThat(options(BenchOptions.Mode.QUICK, BenchOptions.SECTIONS).runs("h2")).isTrue();
    }

    @Test
    void aSectionNotListedDoesNotRun() {
        BenchOptions options = options(BenchOptions.Mode.FULL, Set.of("h2", "fsync"));
        assertThat(options.runs("fsync")).isTrue();
        assertThat(options.runs("postgresql")).isFalse();
        assertThat(options.runs("scale")).isFalse();
    }

    private static BenchOptions options(BenchOptions.Mode mode, Set<String> sections) {
        return new BenchOptions(mode, Path.of("keyport.jar"), Path.of("report.md"), List.of(), Optional.empty(), 1000,
                Path.of("."), Path.of("target"), sections, Optional.empty());
    }
}
