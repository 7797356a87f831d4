package io.etlfleet.fleet;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module rules of DESIGN.md, checked on the compiled classes of every module: the
 * connector SPI and connectors depend on nothing of ours, queue-manager likewise, storage
 * on no app, and no app on another app.
 */
class ModuleDependencyRulesTest {

    private static final List<String> MODULES = List.of("integrations", "queue-manager", "storage", "runtime",
            "sample-source", "extract-workers", "transform-workers", "backend-api");

    private static JavaClasses classes;

    @BeforeAll
    static void importCompiledModules() {
        Path root = Path.of("..").toAbsolutePath().normalize();
        ClassFileImporter importer = new ClassFileImporter();
        List<Path> outputs = MODULES.stream().map(m -> root.resolve(m).resolve("target/classes")).toList();
        for (Path output : outputs) {
            if (!Files.isDirectory(output)) {
                throw new IllegalStateException(output + " is missing: build the modules first (./mvnw verify builds them)");
            }
        }
        classes = importer.importPaths(outputs);
    }

    private static void check(ArchRule rule) {
        rule.check(classes);
    }

    @Test
    void connectorsDependOnNothingElseOfOursNorOnSpringAmqpOrJdbi() {
        check(noClasses().that().resideInAPackage("io.etlfleet.integrations..")
                .should().dependOnClassesThat().resideInAnyPackage("io.etlfleet.queue..", "io.etlfleet.storage..",
                        "io.etlfleet.runtime..", "io.etlfleet.extract..", "io.etlfleet.transform..", "io.etlfleet.api..",
                        "io.etlfleet.sample..", "org.springframework..", "com.rabbitmq..", "org.jdbi.."));
    }

    @Test
    void onlyTheJdbcConnectorUsesJdbc() {
        check(noClasses().that().resideInAPackage("io.etlfleet.integrations..")
                .and().resideOutsideOfPackage("io.etlfleet.integrations.jdbc..")
                .should().dependOnClassesThat().resideInAPackage("java.sql.."));
    }

    @Test
    void theConnectorSpiDependsOnNoConnector() {
        check(noClasses().that().resideInAPackage("io.etlfleet.integrations.spi..")
                .should().dependOnClassesThat().resideInAnyPackage("io.etlfleet.integrations.github..",
                        "io.etlfleet.integrations.jira..", "io.etlfleet.integrations.jdbc..", "okhttp3.."));
    }

    @Test
    void queueManagerDependsOnNothingElseOfOurs() {
        check(noClasses().that().resideInAPackage("io.etlfleet.queue..")
                .should().dependOnClassesThat().resideInAnyPackage("io.etlfleet.integrations..", "io.etlfleet.storage..",
                        "io.etlfleet.runtime..", "io.etlfleet.extract..", "io.etlfleet.transform..", "io.etlfleet.api..",
                        "org.springframework.boot.."));
    }

    @Test
    void storageDependsOnNoAppNoConnectorAndNoBroker() {
        check(noClasses().that().resideInAPackage("io.etlfleet.storage..")
                .should().dependOnClassesThat().resideInAnyPackage("io.etlfleet.integrations..", "io.etlfleet.queue..",
                        "io.etlfleet.runtime..", "io.etlfleet.extract..", "io.etlfleet.transform..", "io.etlfleet.api..",
                        "org.springframework.."));
    }

    @Test
    void theSharedRuntimeDependsOnNoAppAndNoConnector() {
        check(noClasses().that().resideInAPackage("io.etlfleet.runtime..")
                .should().dependOnClassesThat().resideInAnyPackage("io.etlfleet.integrations..",
                        "io.etlfleet.extract..", "io.etlfleet.transform..", "io.etlfleet.api.."));
    }

    @Test
    void theSampleSourceDependsOnNothingElseOfOurs() {
        check(noClasses().that().resideInAPackage("io.etlfleet.sample..")
                .should().dependOnClassesThat().resideInAnyPackage("io.etlfleet.integrations..", "io.etlfleet.queue..",
                        "io.etlfleet.storage..", "io.etlfleet.runtime..", "io.etlfleet.extract..",
                        "io.etlfleet.transform..", "io.etlfleet.api.."));
    }

    @Test
    void noAppDependsOnAnotherApp() {
        check(noClasses().that().resideInAPackage("io.etlfleet.extract..")
                .should().dependOnClassesThat().resideInAnyPackage("io.etlfleet.transform..", "io.etlfleet.api.."));
        check(noClasses().that().resideInAPackage("io.etlfleet.transform..")
                .should().dependOnClassesThat().resideInAnyPackage("io.etlfleet.extract..", "io.etlfleet.api..",
                        "io.etlfleet.integrations.."));
        check(noClasses().that().resideInAPackage("io.etlfleet.api..")
                .should().dependOnClassesThat().resideInAnyPackage("io.etlfleet.extract..", "io.etlfleet.transform.."));
    }
}
