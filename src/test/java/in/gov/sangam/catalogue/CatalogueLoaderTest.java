package in.gov.sangam.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import in.gov.sangam.support.Folders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A department folder is a form an integrator fills in; a mistake in it names the file, the field and the fix. */
class CatalogueLoaderTest {

    /** department.yaml's contacts for the titles {@link #service} names. */
    static final String CONTACTS = GeneratedCatalogue.contacts("Regional Transport Officer", "Transport Commissioner",
            "Secretary Transport");

    @TempDir
    Path temp;
    /** The folder of departments, named as the shipped one is, so that mistakes read as they would there. */
    Path connectors;

    @BeforeEach
    void departmentsFolder() throws IOException {
        connectors = Files.createDirectories(temp.resolve("connectors"));
    }

    private final CatalogueLoader loader = new CatalogueLoader();

    @Test
    void theShippedDepartmentsLoadAndEachHasAtLeastTenServices() {
        List<CatalogueDepartment> departments = loader.load("classpath*:connectors");

        assertThat(departments).extracting(CatalogueDepartment::code).containsExactly("education", "health", "revenue");
        departments.forEach(d -> assertThat(d.services()).hasSizeGreaterThanOrEqualTo(10));
        departments.forEach(d -> d.services().forEach(s -> {
            assertThat(s.department()).isEqualTo(d.code());
            assertThat(s.code()).matches("[a-z0-9][a-z0-9-]{2,79}");
        }));
    }

    @Test
    void mostShippedServicesAskForFeedbackAndAtLeastAThirdOfEachDepartmentsAppealByThemselves() {
        for (CatalogueDepartment department : loader.load("classpath*:connectors")) {
            List<CatalogueService> services = department.services();
            List<CatalogueService> appealed = services.stream().filter(CatalogueService::autoAppealEnabled).toList();
            assertThat(appealed.size() * 3).as(department.code() + " services with auto-appeal")
                    .isGreaterThanOrEqualTo(services.size());
            assertThat(appealed).as(department.code() + " auto-appealed services of 15 days or less")
                    .anyMatch(service -> service.timelineDays() <= 15);
            assertThat(services.stream().filter(CatalogueService::feedbackEnabled).count() * 2)
                    .as(department.code() + " services with feedback").isGreaterThan(services.size());
        }
    }

    @Test
    void aServiceThatSaysNothingOfFeedbackOrAppealHasNeither() throws IOException {
        department("transport", "Transport Department", service("transport-driving-licence", 30, "CALENDAR_DAYS"));

        CatalogueService service = loader.load("file:" + connectors).get(0).services().get(0);

        assertThat(service.feedbackEnabled()).isFalse();
        assertThat(service.autoAppealEnabled()).isFalse();
    }

    @Test
    void foldersInSeveralLocationsMakeOneCatalogueAndAFolderInTwoOfThemIsNamed() throws IOException {
        department("transport", "Transport Department", service("transport-driving-licence", 30, "CALENDAR_DAYS"));
        Path elsewhere = Files.createDirectories(temp.resolve("departments"));
        Folders.copy(connectors.resolve("transport"), elsewhere.resolve("tourism"));
        Files.writeString(elsewhere.resolve("tourism/department.yaml"), "code: tourism\nname: Tourism Department\n"
                + CONTACTS);
        Files.writeString(elsewhere.resolve("tourism/services.yaml"), "services:\n"
                + service("tourism-permit", 7, "WORKING_DAYS"));

        List<CatalogueDepartment> departments = loader.load("classpath*:connectors, file:" + connectors + "/,file:"
                + elsewhere);

        assertThat(departments).extracting(CatalogueDepartment::code)
                .containsExactly("education", "health", "revenue", "tourism", "transport");
        assertThat(CatalogueLocations.folderOf("classpath*:connectors,file:" + elsewhere, "tourism"))
                .isEqualTo("file:" + elsewhere + "/tourism");
        assertThat(CatalogueLocations.folderOf("classpath*:connectors,file:" + elsewhere, "health"))
                .isEqualTo("classpath*:connectors/health");
        assertThat(CatalogueLocations.folderOf("file:" + elsewhere + "/,classpath*:connectors", "health"))
                .isEqualTo("classpath*:connectors/health");

        Folders.copy(connectors.resolve("transport"), elsewhere.resolve("transport"));
        assertThatThrownBy(() -> loader.load("file:" + connectors + ",file:" + elsewhere))
                .hasMessageContaining("departments/transport/department.yaml: the department is also in file:"
                        + connectors);
    }

    @Test
    void aLocationThatDoesNotExistIsNamed() {
        assertThatThrownBy(() -> loader.load("classpath*:connectors,file:" + temp.resolve("departmnets")))
                .hasMessageContaining("file:" + temp.resolve("departmnets") + ": does not exist");
    }

    @Test
    void aRequestTemplateFreeMarkerCannotReadIsNamedWithItsLine() throws IOException {
        department("transport", "Transport Department", service("transport-driving-licence", 30, "CALENDAR_DAYS"));
        Path template = connectors.resolve("transport/submit-request.json.ftl");
        Files.writeString(template, "{\n  \"hubReference\": \"${body.application.applicationId?jsonstring}\"\n}\n");

        assertThatThrownBy(() -> loader.load("file:" + connectors))
                .hasMessageContaining("connectors/transport/submit-request.json.ftl:2: ")
                .hasMessageContaining("(expected a FreeMarker template)");
    }

    @Test
    void aNewDepartmentIsJustAFolder() throws IOException {
        department("transport", "Transport Department", service("transport-driving-licence", 30, "CALENDAR_DAYS"));

        List<CatalogueDepartment> departments = loader.load("file:" + connectors);

        assertThat(departments).singleElement().satisfies(d -> {
            assertThat(d.name()).isEqualTo("Transport Department");
            assertThat(d.services()).extracting(CatalogueService::code).containsExactly("transport-driving-licence");
        });
    }

    @Test
    void everyMistakeIsReportedWithItsFileLineAndField() throws IOException {
        department("transport", "Transport Department", service("transport-driving-licence", 0, "FORTNIGHTS")
                .replace("      required: [licenceClass]\n", "      required: [licenceClass, bloodGroup]\n"));

        assertThatThrownBy(() -> loader.load("file:" + connectors))
                .isInstanceOf(CatalogueException.class)
                .satisfies(e -> assertThat(((CatalogueException) e).problems()).containsExactlyInAnyOrder(
                        "connectors/transport/services.yaml:6: services[0].timelineBasis: "
                                + "does not have a value in the enumeration [\"CALENDAR_DAYS\", \"WORKING_DAYS\"]",
                        "connectors/transport/services.yaml:5: services[0].timelineDays: must have a minimum value of 1"));
    }

    @Test
    void aFormFieldWithoutAnExampleOrARequiredFieldThatDoesNotExistIsRefused() throws IOException {
        department("transport", "Transport Department", service("transport-driving-licence", 30, "CALENDAR_DAYS")
                .replace("      required: [licenceClass]\n", "      required: [licenceClass, bloodGroup]\n")
                .replace("          examples: [LMV]\n", ""));

        assertThatThrownBy(() -> loader.load("file:" + connectors))
                .isInstanceOf(CatalogueException.class)
                .hasMessageContaining("connectors/transport/services.yaml:15: services[0].formSchema.properties"
                        + ".licenceClass.examples: is required");
    }

    @Test
    void anExampleThatBreaksItsOwnFormIsRefused() throws IOException {
        department("transport", "Transport Department", service("transport-driving-licence", 30, "CALENDAR_DAYS")
                .replace("examples: [LMV]", "examples: [SPACESHIP]"));

        assertThatThrownBy(() -> loader.load("file:" + connectors))
                .hasMessageContaining("services[0].formSchema.properties.licenceClass.examples[0]")
                .hasMessageContaining("must satisfy the form's own schema");
    }

    @Test
    void aRequiredFieldMissingFromTheFormIsRefused() throws IOException {
        department("transport", "Transport Department", service("transport-driving-licence", 30, "CALENDAR_DAYS")
                .replace("      required: [licenceClass]\n", "      required: [licenceClass, bloodGroup]\n"));

        assertThatThrownBy(() -> loader.load("file:" + connectors))
                .hasMessageContaining("services[0].formSchema.required: names 'bloodGroup', which is not one of "
                        + "formSchema.properties");
    }

    @Test
    void theFolderNameAndTheDepartmentCodeMustAgree() throws IOException {
        Path tourism = Files.createDirectories(connectors.resolve("tourism"));
        Files.writeString(tourism.resolve("department.yaml"), "code: tourist\nname: Tourism Department\n" + CONTACTS);
        GeneratedCatalogue.writeRestConnector(tourism);
        Files.writeString(tourism.resolve("services.yaml"), "services:\n" + service("tourism-permit", 7, "WORKING_DAYS"));

        assertThatThrownBy(() -> loader.load("file:" + connectors))
                .hasMessageContaining("connectors/tourism/department.yaml:1: code: must equal the folder's name 'tourism'");
    }

    @Test
    void aServiceCodeUsedByTwoDepartmentsIsRefused() throws IOException {
        department("transport", "Transport Department", service("shared-code", 30, "CALENDAR_DAYS"));
        department("tourism", "Tourism Department", service("shared-code", 7, "WORKING_DAYS"));

        assertThatThrownBy(() -> loader.load("file:" + connectors))
                .hasMessageContaining("services[0].code: must be unique across departments ('shared-code' is also in "
                        + "connectors/");
    }

    @Test
    void aConnectorMustSayHowTheSystemIsReachedAndTheTemplateMustExist() throws IOException {
        department("transport", "Transport Department", service("transport-driving-licence", 30, "CALENDAR_DAYS"));
        Files.writeString(connectors.resolve("transport/connector.yaml"),
                "protocol: rest\nendpoint: http://localhost:9\nsubmit: {path: /a, template: missing.ftl}\n"
                        + "statusCodes: {DONE: FINISHED}\ncredentials: {password: hunter2}\n");

        assertThatThrownBy(() -> loader.load("file:" + connectors))
                .hasMessageContaining("connectors/transport/connector.yaml:4: statusCodes.DONE: does not have a value in "
                        + "the enumeration")
                .hasMessageContaining("connectors/transport/connector.yaml:5: credentials.password: ")
                .hasMessageContaining("connectors/transport/connector.yaml:3: submit.template: names "
                        + "connectors/transport/missing.ftl, which does not exist");
    }

    @Test
    void aConnectorIsCheckedAgainstItsKindWithTheLineOfEachMistake() throws IOException {
        department("transport", "Transport Department", service("transport-driving-licence", 30, "CALENDAR_DAYS"));
        department("tourism", "Tourism Department", service("tourism-permit", 7, "WORKING_DAYS"));
        Files.writeString(connectors.resolve("transport/connector.yaml"), "# How the hub reaches it\nprotocol: ftp\n");
        Files.writeString(connectors.resolve("tourism/connector.yaml"),
                "protocol: soap\nendpoint: http://localhost:9\nsubmit:\n  path: /a\n  template: t.ftl\n"
                        + "  method: PUT\n");

        assertThatThrownBy(() -> loader.load("file:" + connectors))
                .hasMessageContaining("connectors/transport/connector.yaml:2: protocol: 'ftp' is not a connector kind "
                        + "(known: rest, sftp-batch, soap)")
                .hasMessageContaining("connectors/tourism/connector.yaml:3: submit.soapAction: is required")
                .hasMessageContaining("connectors/tourism/connector.yaml:6: submit.method: is not a known field");
    }

    @Test
    void brokenYamlAndAMissingServicesFileAreNamed() throws IOException {
        Path broken = Files.createDirectories(connectors.resolve("broken"));
        Files.writeString(broken.resolve("department.yaml"), "code: broken\nname: [unclosed\n");
        Path lonely = Files.createDirectories(connectors.resolve("lonely"));
        Files.writeString(lonely.resolve("department.yaml"), "code: lonely\nname: Lonely Department\n");

        assertThatThrownBy(() -> loader.load("file:" + connectors))
                .hasMessageContaining("connectors/broken/department.yaml: is not valid YAML")
                .hasMessageContaining("connectors/lonely/services.yaml: is missing");
    }

    @Test
    void everyOfficerAndAuthorityAServiceNamesNeedsAContactWithAnEmailAddress() throws IOException {
        department("transport", "Transport Department", service("transport-driving-licence", 30, "CALENDAR_DAYS")
                + service("transport-learner-licence", 7, "CALENDAR_DAYS"));
        Files.writeString(connectors.resolve("transport/department.yaml"), """
                code: transport
                name: Transport Department
                contacts:
                  Regional Transport Officer:
                    email: rto@sangam.example.gov.in
                  Transport Commissioner:
                    email: not an address
                    mobile: "12345"
                """);

        assertThatThrownBy(() -> loader.load("file:" + connectors))
                .isInstanceOf(CatalogueException.class)
                .satisfies(e -> assertThat(((CatalogueException) e).problems()).containsExactlyInAnyOrder(
                        "connectors/transport/department.yaml:7: contacts.Transport Commissioner.email: "
                                + "does not match the email pattern must be a valid RFC 5321 Mailbox",
                        "connectors/transport/department.yaml:8: contacts.Transport Commissioner.mobile: "
                                + "does not match the regex pattern ^(\\+91)?[6-9][0-9]{9}$"));

        Files.writeString(connectors.resolve("transport/department.yaml"), """
                code: transport
                name: Transport Department
                contacts:
                  Regional Transport Officer: {email: rto@sangam.example.gov.in}
                  Transport Commissioner: {email: tc@sangam.example.gov.in}
                """);
        assertThatThrownBy(() -> loader.load("file:" + connectors))
                .satisfies(e -> assertThat(((CatalogueException) e).problems()).containsExactly(
                        "connectors/transport/services.yaml:9: services[0].secondAppellateAuthority: names "
                                + "'Secretary Transport', who has no contact in connectors/transport/department.yaml "
                                + "(expected contacts: {\"Secretary Transport\": {email: ..., mobile: ...}}, the e-mail "
                                + "address the hub sends the PSGA notices to)"));
    }

    @Test
    void aDistrictsOwnOfficeIsTheOneItsApplicantsGet() throws IOException {
        department("transport", "Transport Department", service("transport-driving-licence", 30, "CALENDAR_DAYS"));
        Files.writeString(connectors.resolve("transport/department.yaml"), "code: transport\nname: Transport\n"
                + CONTACTS.replace("Regional Transport Officer: {email: regional-transport-officer@sangam.example.gov.in}",
                        "Regional Transport Officer:\n    email: rto@sangam.example.gov.in\n    mobile: \"+919419000101\"\n"
                                + "    districts:\n      Jammu: {email: rto-jammu@sangam.example.gov.in}"));

        CatalogueDepartment transport = loader.load("file:" + connectors).get(0);

        assertThat(transport.contact("Regional Transport Officer", "Srinagar")).get()
                .extracting(OfficeContact::email, OfficeContact::mobile)
                .containsExactly("rto@sangam.example.gov.in", "+919419000101");
        assertThat(transport.contact("Regional Transport Officer", "Jammu")).get()
                .extracting(OfficeContact::email, OfficeContact::mobile)
                .containsExactly("rto-jammu@sangam.example.gov.in", null);
        assertThat(transport.contact("Nobody", "Jammu")).isEmpty();
    }

    @Test
    void theShippedDepartmentsReachEveryOfficerAndAuthorityTheirServicesName() {
        for (CatalogueDepartment department : loader.load("classpath*:connectors")) {
            department.services().forEach(service -> assertThat(java.util.List.of(service.designatedOfficer(),
                    service.firstAppellateAuthority(), service.secondAppellateAuthority()))
                    .allSatisfy(title -> assertThat(department.contact(title, "Srinagar")).as(title).isPresent()));
        }
    }

    @Test
    void aThousandServicesLoad() throws IOException {
        GeneratedCatalogue.write(connectors, 20, 50);

        List<CatalogueDepartment> departments = loader.load("file:" + connectors);

        assertThat(departments).hasSize(20);
        assertThat(departments.stream().mapToInt(d -> d.services().size()).sum()).isEqualTo(1000);
    }

    private void department(String code, String name, String services) throws IOException {
        Path folder = Files.createDirectories(connectors.resolve(code));
        Files.writeString(folder.resolve("department.yaml"), "code: " + code + "\nname: " + name + "\n" + CONTACTS);
        GeneratedCatalogue.writeRestConnector(folder);
        Files.writeString(folder.resolve("services.yaml"), "services:\n" + services);
    }

    static String service(String code, int timelineDays, String basis) {
        return """
                  - code: %s
                    name: Driving Licence
                    description: A licence to drive a motor vehicle.
                    timelineDays: %d
                    timelineBasis: %s
                    designatedOfficer: Regional Transport Officer
                    firstAppellateAuthority: Transport Commissioner
                    secondAppellateAuthority: Secretary Transport
                    formSchema:
                      type: object
                      additionalProperties: false
                      required: [licenceClass]
                      properties:
                        licenceClass:
                          title: Class of vehicle
                          type: string
                          enum: [LMV, HMV, MCWG]
                          examples: [LMV]
                """.formatted(code, timelineDays, basis);
    }
}
