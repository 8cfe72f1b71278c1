package org.zhizhi;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The house pattern's rule that the build keeps: aggregates, their lifecycle tables and policies, and the shared
 * pieces they are built from, know nothing of Spring, SQL or the web — they can be read, and tested, on their own.
 */
class ArchitectureTests {

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.zhizhi");

	@Test
	void aggregatesLifecyclesAndPoliciesAreFreeOfSpringAndSql() {
		noClasses().that()
			.haveFullyQualifiedName("org.zhizhi.incident.Incident")
			.or().haveFullyQualifiedName("org.zhizhi.incident.IncidentLifecycle")
			.or().haveFullyQualifiedName("org.zhizhi.incident.IncidentPolicy")
			.or().haveFullyQualifiedName("org.zhizhi.wish.Wish")
			.or().haveFullyQualifiedName("org.zhizhi.wish.WishLifecycle")
			.or().haveFullyQualifiedName("org.zhizhi.wish.WishPolicy")
			.or().haveSimpleNameEndingWith("Lifecycle")
			.or().haveFullyQualifiedName("org.zhizhi.partnership.PartnershipRoles")
			.or().haveFullyQualifiedName("org.zhizhi.partnership.Pledge")
			.or().haveFullyQualifiedName("org.zhizhi.partnership.PledgeEvent")
			.or().haveFullyQualifiedName("org.zhizhi.partnership.Item")
			.or().haveFullyQualifiedName("org.zhizhi.partnership.ItemEvent")
			.or().haveFullyQualifiedName("org.zhizhi.partnership.PartnershipAgreement")
			.or().haveFullyQualifiedName("org.zhizhi.partnership.AgreementEvent")
			.or().haveFullyQualifiedName("org.zhizhi.partnership.ClaimPolicy")
			.or().haveFullyQualifiedName("org.zhizhi.partnership.ItemPolicy")
			.or().haveFullyQualifiedName("org.zhizhi.partnership.AgreementPolicy")
			.or().haveFullyQualifiedName("org.zhizhi.partnership.meeting.MeetingPolicy")
			.or().haveFullyQualifiedName("org.zhizhi.partnership.meeting.MeetingEvent")
			// every aggregate, present and to come, whatever its module
			.or().areAssignableTo(org.zhizhi.shared.AggregateRoot.class)
			.or().haveFullyQualifiedName("org.zhizhi.shared.Lifecycle")
			.or().haveFullyQualifiedName("org.zhizhi.shared.AggregateRoot")
			.should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..", "javax.sql..",
					"jakarta..", "tools.jackson..", "com.fasterxml..")
			.check(CLASSES);
	}
}
