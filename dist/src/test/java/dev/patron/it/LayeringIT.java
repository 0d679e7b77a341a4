package dev.patron.it;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules that keep plugins replaceable: a shipped plugin uses only the public plugin
 * API (the same one a third party has), and the host never depends on a plugin.
 */
class LayeringIT {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.patron");

    @Test
    void pluginsDependOnThePluginApiOnly() {
        classes().that().resideInAPackage("dev.patron.plugin..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("dev.patron.plugin..", "dev.patron.api..", "java..",
                        "javax.annotation..", "org.pf4j..", "org.slf4j..")
                .because("a shipped plugin must use the same public extension points a third party has")
                .check(CLASSES);
    }

    @Test
    void theHostDependsOnNoPlugin() {
        noClasses().that().resideInAPackage("dev.patron.host..")
                .should().dependOnClassesThat().resideInAPackage("dev.patron.plugin..")
                .because("plugins are optional: the host must run with any set of them")
                .check(CLASSES);
    }

    @Test
    void thePluginApiDependsOnNothingOfTheHost() {
        noClasses().that().resideInAPackage("dev.patron.api..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.patron.host..", "io.vertx..", "io.netty..", "freemarker..")
                .because("plugins compile against the API alone")
                .check(CLASSES);
    }
}
