package org.zhizhi.partnership;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** Partnership's life-cycle tables, like every other, know nothing of Spring, SQL or the web. */
class PartnershipLifecycleArchitectureTests {

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.zhizhi.partnership");

	@Test
	void lifecycleTablesAreFreeOfSpringAndSql() {
		noClasses().that()
			.haveSimpleNameEndingWith("Lifecycle")
			.or().haveFullyQualifiedName("org.zhizhi.partnership.PartnershipRoles")
			.should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..", "javax.sql..",
					"jakarta..", "tools.jackson..", "com.fasterxml..")
			.check(CLASSES);
	}
}
