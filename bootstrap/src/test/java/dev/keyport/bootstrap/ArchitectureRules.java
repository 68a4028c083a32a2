package dev.keyport.bootstrap;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Calendar;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * Keyport's architecture as ArchUnit rules over a root package, so that the same rules run over the product
 * ({@code dev.keyport}) and over a deliberately broken fixture that proves each rule can fail.
 */
final class ArchitectureRules {

    private final String root;

    ArchitectureRules(String root) {
        this.root = root;
    }

    private String pkg(String layer) {
        return root + "." + layer + "..";
    }

    /** Every rule, by name. */
    Map<String, ArchRule> all() {
        return Map.of(
                "domain depends on the JDK only", domainDependsOnTheJdkOnly(),
                "application depends on the domain only", applicationDependsOnTheDomainOnly(),
                "adapters do not depend on each other", adaptersDoNotDependOnEachOther(),
                "adapters see the application through its ports only", adaptersSeeTheApplicationThroughItsPorts(),
                "only bootstrap sees bootstrap", onlyBootstrapSeesBootstrap(),
                "no ambient time in the core", noAmbientTimeInTheCore(),
                "no package cycles", noPackageCycles(),
                "use cases are single-method interfaces", useCasesAreSingleMethodInterfaces());
    }

    ArchRule domainDependsOnTheJdkOnly() {
        return classes().that().resideInAPackage(pkg("domain"))
                .should().onlyDependOnClassesThat().resideInAnyPackage(pkg("domain"), "java..", "javax.crypto..")
                .because("the domain is framework-free: the JDK and nothing else");
    }

    ArchRule applicationDependsOnTheDomainOnly() {
        return classes().that().resideInAPackage(pkg("application"))
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage(pkg("application"), pkg("domain"), "java..", "javax.crypto..")
                .because("the application sees the domain, never an adapter or a framework");
    }

    ArchRule adaptersDoNotDependOnEachOther() {
        return slices().matching(root + ".adapter.(*)..").should().notDependOnEachOther()
                .allowEmptyShould(true)
                .because("each adapter translates one outside world; adapters are swapped, so none knows another");
    }

    ArchRule adaptersSeeTheApplicationThroughItsPorts() {
        return noClasses().that().resideInAPackage(pkg("adapter"))
                .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage(pkg("application"))
                        .and(DescribedPredicate.not(JavaClass.Predicates.resideInAnyPackage(pkg("application.port.in"),
                                pkg("application.port.out")))))
                .because("an adapter holds use cases (port.in, with their commands and results) and implements or "
                        + "uses ports (port.out); the services behind them, the in-memory store and the support "
                        + "classes are not its to see, so that a handler can be tested with a stubbed use case");
    }

    ArchRule onlyBootstrapSeesBootstrap() {
        return noClasses().that().resideOutsideOfPackage(pkg("bootstrap"))
                .should().dependOnClassesThat().resideInAPackage(pkg("bootstrap"))
                .because("only bootstrap sees everything; nothing depends on the wiring");
    }

    ArchRule noAmbientTimeInTheCore() {
        return noClasses().that().resideInAnyPackage(pkg("domain"), pkg("application"))
                .should().callMethod(Instant.class, "now")
                .orShould().callMethod(LocalDateTime.class, "now")
                .orShould().callMethod(LocalDate.class, "now")
                .orShould().callMethod(LocalTime.class, "now")
                .orShould().callMethod(ZonedDateTime.class, "now")
                .orShould().callMethod(OffsetDateTime.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(System.class, "nanoTime")
                .orShould().callMethod(Clock.class, "systemUTC")
                .orShould().callMethod(Clock.class, "systemDefaultZone")
                .orShould().callMethod(Clock.class, "system", ZoneId.class)
                .orShould().callConstructor(Date.class)
                .orShould().callMethod(Calendar.class, "getInstance")
                .because("time comes in as an argument or through an injected Clock, never from the environment");
    }

    ArchRule noPackageCycles() {
        return slices().matching(root + ".(**)").should().beFreeOfCycles();
    }

    ArchRule useCasesAreSingleMethodInterfaces() {
        return classes().that().resideInAPackage(pkg("application.port.in"))
                .and().haveSimpleNameEndingWith("UseCase")
                .should().beInterfaces()
                .andShould(new com.tngtech.archunit.lang.ArchCondition<>("declare exactly one method") {
                    @Override
                    public void check(com.tngtech.archunit.core.domain.JavaClass type,
                                      com.tngtech.archunit.lang.ConditionEvents events) {
                        if (type.getMethods().size() != 1) {
                            events.add(com.tngtech.archunit.lang.SimpleConditionEvent.violated(type,
                                    type.getName() + " declares " + type.getMethods().size() + " methods"));
                        }
                    }
                })
                .allowEmptyShould(true);
    }

    static List<String> names() {
        return List.copyOf(new ArchitectureRules("x").all().keySet());
    }
}
