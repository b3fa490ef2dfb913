package org.riskbudget.ledger;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RestController;

/** Who may use whom inside ledger-service: the modules form no cycles and the domain core stays free of the edges. */
class ArchitectureTest {

    private static final JavaClasses LEDGER = new ClassFileImporter().importPath(Path.of("target", "classes"));

    @Test
    void theModulesFormNoCycles() {
        slices().matching("org.riskbudget.ledger.(*)..").should().beFreeOfCycles().check(LEDGER);
    }

    @Test
    void theRegimeDependsOnNoOtherModuleAndNoWebOrStorageCode() {
        noClasses().that().resideInAPackage("org.riskbudget.ledger.regime..")
                .should().dependOnClassesThat().resideInAnyPackage("org.riskbudget.ledger.http..",
                        "org.riskbudget.ledger.security..", "org.riskbudget.ledger.storage..",
                        "org.riskbudget.ledger.publishing..", "org.riskbudget.ledger.batching..",
                        "org.springframework.web..", "org.springframework.jdbc..", "jakarta.servlet..")
                .check(LEDGER);
    }

    @Test
    void onlyTheEdgeModulesServeHttp() {
        classes().that().areAnnotatedWith(RestController.class)
                .should().resideInAnyPackage("org.riskbudget.ledger.http..", "org.riskbudget.ledger.security..",
                        "org.riskbudget.ledger.audit..")
                .check(LEDGER);
    }

    @Test
    void commandsReachTheRegimeOnlyThroughTheBatcher() {
        noClasses().that().resideOutsideOfPackages("org.riskbudget.ledger.batching..")
                .should().dependOnClassesThat().haveFullyQualifiedName(
                        "org.axonframework.commandhandling.gateway.CommandGateway")
                .check(LEDGER);
    }
}
