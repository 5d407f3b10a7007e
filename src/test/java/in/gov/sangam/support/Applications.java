package in.gov.sangam.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Application bodies the tests submit. */
public final class Applications {

    /** A valid Aadhaar number (its last digit is the Verhoeff check digit). */
    public static final String AADHAAR = "234123412346";
    public static final String MOBILE = "+919876543210";

    private static final ObjectMapper JSON = new ObjectMapper();

    private Applications() {
    }

    /** An application for any service, its form filled in with the examples of the service's own form schema. */
    public static String forService(HubClient hub, String serviceCode) {
        JsonNode schema = hub.get("/api/v1/services/" + serviceCode, null).json().path("formSchema");
        ObjectNode form = JSON.createObjectNode();
        schema.path("properties").fields().forEachRemaining(
                field -> form.set(field.getKey(), field.getValue().path("examples").path(0)));
        ObjectNode body = JSON.createObjectNode();
        body.put("serviceCode", serviceCode);
        body.putObject("applicant").put("name", "Aisha Bhat").put("mobile", MOBILE).put("aadhaar", AADHAAR)
                .put("district", "Anantnag").put("language", "hi");
        body.set("formData", form);
        return body.toString();
    }

    public static String domicile(String fatherName) {
        return """
                {"serviceCode": "revenue-domicile-certificate",
                 "applicant": {"name": "Aisha Bhat", "mobile": "%s", "aadhaar": "%s",
                               "email": "aisha.bhat@example.com", "district": "Srinagar", "language": "ur"},
                 "formData": {"fatherName": "%s", "residentSinceYear": 1998, "tehsil": "Khanyar"}}
                """.formatted(MOBILE, AADHAAR, fatherName);
    }
}
