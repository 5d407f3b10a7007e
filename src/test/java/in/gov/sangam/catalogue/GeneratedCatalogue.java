package in.gov.sangam.catalogue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a catalogue as large as the real programme's (913 services) and larger, for tests and the benchmark. */
public final class GeneratedCatalogue {

    private GeneratedCatalogue() {
    }

    /** A REST connector to a system that is not there: enough for a catalogue that is only read. */
    public static void writeRestConnector(Path folder) throws IOException {
        Files.writeString(folder.resolve("connector.yaml"), """
                protocol: rest
                endpoint: http://localhost:9/none
                submit:
                  path: /applications
                  template: submit-request.json.ftl
                """);
        Files.writeString(folder.resolve("submit-request.json.ftl"), "{\"id\": \"${body.application.applicationId}\"}");
    }

    /** department.yaml's contacts for these titles, each an address of its own. */
    public static String contacts(String... titles) {
        StringBuilder yaml = new StringBuilder("contacts:\n");
        for (String title : titles) {
            yaml.append("  ").append(title).append(": {email: ")
                    .append(title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-"))
                    .append("@sangam.example.gov.in}\n");
        }
        return yaml.toString();
    }

    /** For the start-up benchmark: {@code GeneratedCatalogue <folder> <departments> <services each>}. */
    public static void main(String[] args) throws IOException {
        write(Path.of(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]));
    }

    public static void write(Path connectors, int departments, int servicesEach) throws IOException {
        for (int d = 1; d <= departments; d++) {
            String code = "department-" + d;
            Path folder = Files.createDirectories(connectors.resolve(code));
            Files.writeString(folder.resolve("department.yaml"), "code: " + code + "\nname: Department " + d + "\n"
                    + contacts("Tehsildar", "Sub-Divisional Magistrate", "Deputy Commissioner"));
            writeRestConnector(folder);
            StringBuilder services = new StringBuilder("services:\n");
            for (int s = 1; s <= servicesEach; s++) {
                services.append("""
                          - code: %1$s-service-%2$d
                            name: Certificate number %2$d of department %3$d
                            description: A generated service for load tests.
                            timelineDays: %4$d
                            timelineBasis: %5$s
                            designatedOfficer: Tehsildar
                            firstAppellateAuthority: Sub-Divisional Magistrate
                            secondAppellateAuthority: Deputy Commissioner
                            formSchema:
                              type: object
                              additionalProperties: false
                              required: [fatherName, village]
                              properties:
                                fatherName:
                                  title: Father's name
                                  type: string
                                  maxLength: 100
                                  examples: [Ghulam Nabi Dar]
                                village:
                                  title: Village
                                  type: string
                                  maxLength: 100
                                  examples: [Khanyar]
                                pinCode:
                                  title: PIN code
                                  type: string
                                  pattern: "^[1-9][0-9]{5}$"
                                  examples: ["190001"]
                        """.formatted(code, s, d, 7 + s % 30, s % 2 == 0 ? "WORKING_DAYS" : "CALENDAR_DAYS"));
            }
            Files.writeString(folder.resolve("services.yaml"), services);
        }
    }
}
