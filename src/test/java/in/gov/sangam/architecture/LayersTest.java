package in.gov.sangam.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layers of the hub, checked on every build: each rule says why it holds. */
@AnalyzeClasses(packages = "in.gov.sangam", importOptions = ImportOption.DoNotIncludeTests.class)
class LayersTest {

    @ArchTest
    static final ArchRule packagesFormNoCycles = slices().matching("in.gov.sangam.(*)..").should().beFreeOfCycles()
            .because("a cycle makes two packages one that cannot be understood, tested or changed apart");

    @ArchTest
    static final ArchRule theDomainKnowsNoWebLayer = noClasses()
            .that().resideInAnyPackage("in.gov.sangam.applications..", "in.gov.sangam.catalogue..",
                    "in.gov.sangam.appeal..", "in.gov.sangam.feedback..")
            .should().dependOnClassesThat().resideInAnyPackage("in.gov.sangam.api..", "in.gov.sangam.security..")
            .because("the domain raises its own refusals; HTTP, problem+json and the contract's models are the "
                    + "edge's business");

    @ArchTest
    static final ArchRule plumbingKnowsNoDomain = noClasses()
            .that().resideInAnyPackage("in.gov.sangam.outbox..", "in.gov.sangam.messaging..")
            .should().dependOnClassesThat().resideInAnyPackage("in.gov.sangam.applications..",
                    "in.gov.sangam.catalogue..", "in.gov.sangam.dispatch..", "in.gov.sangam.appeal..",
                    "in.gov.sangam.audit..", "in.gov.sangam.deadletters..", "in.gov.sangam.events..",
                    "in.gov.sangam.api..", "in.gov.sangam.feedback..")
            .because("the outbox and the broker carry any message; what a message means belongs to who sends it");

    @ArchTest
    static final ArchRule feedbackMeetsTheHubThroughEventsOnly = noClasses()
            .that().resideInAPackage("in.gov.sangam.feedback..")
            .should().dependOnClassesThat().resideInAnyPackage("in.gov.sangam.applications..",
                    "in.gov.sangam.dispatch..", "in.gov.sangam.api..", "in.gov.sangam.audit..",
                    "in.gov.sangam.reconciliation..", "in.gov.sangam.appeal..")
            .because("feedback is a subsystem of its own, fed by completion events: it reads the catalogue and asks "
                    + "for a citizen's number through its own port (CitizenContacts), nothing more");

    @ArchTest
    static final ArchRule appealMeetsTheHubThroughEventsAndPorts = noClasses()
            .that().resideInAPackage("in.gov.sangam.appeal..")
            .should().dependOnClassesThat().resideInAnyPackage("in.gov.sangam.applications..",
                    "in.gov.sangam.dispatch..", "in.gov.sangam.api..", "in.gov.sangam.audit..",
                    "in.gov.sangam.reconciliation..")
            .because("the appeal subsystem is fed by completion events and its own timer: it reads deadlines through "
                    + "its port (PsgaDeadlines) and files what the survey asks through feedback's "
                    + "(DeficientServiceAppeals)");

    @ArchTest
    static final ArchRule noticesKnowNoneOfTheirSenders = noClasses()
            .that().resideInAPackage("in.gov.sangam.notices..")
            .should().dependOnClassesThat().resideInAnyPackage("in.gov.sangam.applications..",
                    "in.gov.sangam.appeal..", "in.gov.sangam.api..", "in.gov.sangam.security..",
                    "in.gov.sangam.dispatch..", "in.gov.sangam.audit..", "in.gov.sangam.reconciliation..",
                    "in.gov.sangam.catalogue..")
            .orShould().dependOnClassesThat(resideInAPackage("in.gov.sangam.feedback..")
                    .and(not(simpleName("SmsText").or(simpleName("SmsEncoding")))))
            .because("notices are a layer below the subsystems that send them (appeal): told whom to tell what, "
                    + "they know nothing of applications or appeals, and take from feedback only how an SMS text "
                    + "is counted");

    @ArchTest
    static final ArchRule nothingInProductionImportsTheDemo = noClasses()
            .that().resideOutsideOfPackage("in.gov.sangam.demo..")
            .should().dependOnClassesThat().resideInAPackage("in.gov.sangam.demo..")
            .because("the demo is wired by the default profile only; production must run without a trace of it");
}
