package dev.keyport.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The architecture rules over Keyport's production classes, from every module. */
class ArchitectureTest {

    private static JavaClasses keyport;

    @BeforeAll
    static void importKeyport() {
        keyport = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.keyport");
    }

    static Stream<String> rules() {
        return ArchitectureRules.names().stream();
    }

    @Test
    void theProductionClassesOfTheCoreAreImported() {
        assertThat(keyport.containPackage("dev.keyport.domain")).isTrue();
        assertThat(keyport.containPackage("dev.keyport.application.service")).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void keyportFollows(String name) {
        ArchRule rule = new ArchitectureRules("dev.keyport").all().get(name);
        rule.check(keyport);
    }
}
