package dev.keyport.adapter.jdbc;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import dev.keyport.application.service.KeyUnitOfWork;
import org.junit.jupiter.api.Test;

/** The persistence adapter implements the application's outgoing ports and sees nothing else of the application. */
class JdbcAdapterDependenciesTest {

    static ArchRule onlyTheOutgoingPortsOfTheApplication() {
        return noClasses().should().dependOnClassesThat(resideInAPackage("dev.keyport.application..")
                        .and(not(resideInAPackage("dev.keyport.application.port.out.."))))
                .because("a store implements port.out; use cases, services and the in-memory store are not its "
                        + "business");
    }

    @Test
    void theAdapterSeesOnlyTheOutgoingPortsOfTheApplication() {
        JavaClasses adapter = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.keyport.adapter.jdbc");
        assertThat(adapter.contain(JdbcKeyRepository.class)).isTrue();
        assertThat(adapter.contain(JdbcAdapterDependenciesTest.class)).as("main classes only").isFalse();

        onlyTheOutgoingPortsOfTheApplication().check(adapter);
    }

    @Test
    void theRuleRefusesAClassThatReachesPastThePorts() {
        JavaClasses violating = new ClassFileImporter().importClasses(ReachesIntoTheServices.class);

        assertThatThrownBy(() -> onlyTheOutgoingPortsOfTheApplication().check(violating))
                .isInstanceOf(AssertionError.class).hasMessageContaining(KeyUnitOfWork.class.getName());
    }

    /** What the rule must refuse: a class that holds the application's unit of work. */
    static final class ReachesIntoTheServices {
        KeyUnitOfWork unitOfWork;
    }
}
