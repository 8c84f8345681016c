package org.caserecord.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.caserecord.domain.events.CaseEvent;
import org.caserecord.domain.catalog.EventCatalog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module rules of DESIGN.md: dependencies point case-api -> case-projections ->
 * case-domain; the domain knows no Spring and no database; projections know events but
 * never the aggregate. Rules that match no class fail (ArchUnit's default), so a renamed
 * package cannot make a rule pass vacuously.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.caserecord");
    }

    @Test
    void theEventCatalogNamesEveryConcreteCaseEvent() {
        List<String> concrete = classes.stream()
                .filter(type -> type.isAssignableTo(CaseEvent.class))
                .filter(type -> !type.isInterface() && !type.getModifiers().contains(JavaModifier.ABSTRACT))
                .map(JavaClass::getSimpleName)
                .toList();
        assertThat(concrete).isNotEmpty();
        assertThat(EventCatalog.names()).containsExactlyInAnyOrderElementsOf(concrete);
    }

    @Test
    void theDomainDependsOnNeitherReadSideNorApi() {
        noClasses().that().resideInAPackage("org.caserecord.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("org.caserecord.projections..", "org.caserecord.api..")
                .check(classes);
    }

    @Test
    void theDomainHasNoSpringAndNoDatabaseCode() {
        noClasses().that().resideInAPackage("org.caserecord.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..",
                        "javax.sql..", "jakarta.persistence..", "org.axonframework.spring..")
                .check(classes);
    }

    @Test
    void projectionsDoNotDependOnTheApi() {
        noClasses().that().resideInAPackage("org.caserecord.projections..")
                .should().dependOnClassesThat().resideInAPackage("org.caserecord.api..")
                .check(classes);
    }

    @Test
    void projectionsKnowEventsButNeverTheAggregateOrCommands() {
        noClasses().that().resideInAPackage("org.caserecord.projections..")
                .should().dependOnClassesThat().resideInAnyPackage("org.caserecord.domain.casefile..",
                        "org.caserecord.domain.commands..")
                .check(classes);
    }

    @Test
    void controllersTalkToCommandsAndQueriesNeverToTables() {
        noClasses().that().haveSimpleNameEndingWith("Controller")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "java.sql..")
                .check(classes);
    }

    @Test
    void eventsAreRecords() {
        classes().that().resideInAPackage("org.caserecord.domain.events..").and().areNotInterfaces()
                .should().beRecords()
                .check(classes);
    }

    @Test
    void commandsAreRecords() {
        classes().that().resideInAPackage("org.caserecord.domain.commands..")
                .should().beRecords()
                .check(classes);
    }
}
