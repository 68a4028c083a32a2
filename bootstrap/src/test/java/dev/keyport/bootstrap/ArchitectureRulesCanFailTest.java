package dev.keyport.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each architecture rule, run over {@code archfixture}: a miniature Keyport whose classes break every rule once. A
 * rule that reported nothing here could not fail on the product either.
 */
class ArchitectureRulesCanFailTest {

    private static final String FIXTURE = "dev.keyport.bootstrap.archfixture";

    /** The class each rule must name in its report. */
    private static final Map<String, String> CULPRITS = Map.of(
            "domain depends on the JDK only", "archfixture.domain.UsesAnAdapter",
            "application depends on the domain only", "archfixture.application.UsesAFramework",
            "adapters do not depend on each other", "archfixture.adapter.tencent.CallsHuawei",
            "adapters see the application through its ports only", "archfixture.adapter.huawei.UsesTheImplementation",
            "only bootstrap sees bootstrap", "archfixture.application.UsesAFramework",
            "no ambient time in the core", "archfixture.domain.ReadsTheClock",
            "no package cycles", "archfixture.cycle",
            "use cases are single-method interfaces", "archfixture.application.port.in.TwoMethodsUseCase");

    private static JavaClasses fixture;

    @BeforeAll
    static void importFixture() {
        fixture = new ClassFileImporter().importPackages(FIXTURE);
    }

    static java.util.stream.Stream<String> rules() {
        return ArchitectureRules.names().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void aDeliberateViolationIsReported(String name) {
        assertThat(CULPRITS).containsKey(name);
        EvaluationResult result = new ArchitectureRules(FIXTURE).all().get(name).evaluate(fixture);
        assertThat(result.hasViolation()).as(name).isTrue();
        assertThat(String.join("\n", result.getFailureReport().getDetails())).contains(CULPRITS.get(name));
    }
}
