package org.riskbudget.projection;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Who may use whom inside projection-service: no cycles, and applying events never depends on serving reads. */
class ArchitectureTest {

    private static final JavaClasses PROJECTION = new ClassFileImporter().importPath(Path.of("target", "classes"));

    @Test
    void theModulesFormNoCycles() {
        slices().matching("org.riskbudget.projection.(*)..").should().beFreeOfCycles().check(PROJECTION);
    }

    @Test
    void applyingEventsDependsOnNoReadEndpoint() {
        noClasses().that().resideInAnyPackage("org.riskbudget.projection.apply..", "org.riskbudget.projection.consumer..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "jakarta.servlet..")
                .check(PROJECTION);
    }
}
