package in.gov.sangam.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import freemarker.template.TemplateException;
import in.gov.sangam.dispatch.RequestTemplates.CanonicalApplication;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * {@code connectors/revenue/mappings/*.xml.ftl}: SubmitApplication and GetApplicationStatus as the revenue system's
 * SOAP 1.1 service (its wsdl/) wants them.
 */
class RevenueMappingTest {

    private static final String SOAP = "http://schemas.xmlsoap.org/soap/envelope/";
    private static final String REVENUE = "urn:jk:revenue:applications:v1";

    private static RequestTemplates templates;

    @BeforeAll
    static void camel() {
        templates = new RequestTemplates();
    }

    @AfterAll
    static void stop() {
        templates.close();
    }

    private static Document submit(CanonicalApplication application) throws Exception {
        return xml(templates.render("revenue", "mappings/submit-request.xml.ftl",
                RequestTemplates.model("revenue", application)));
    }

    @Test
    void aSubmissionIsOneSoapEnvelopeWithEveryFieldInItsElement() throws Exception {
        Document sent = submit(CanonicalApplication.valid());

        assertThat(sent.getDocumentElement().getNamespaceURI()).isEqualTo(SOAP);
        assertThat(sent.getDocumentElement().getLocalName()).isEqualTo("Envelope");
        Element request = single(sent, "SubmitApplicationRequest");
        assertThat(text(request, "hubReference")).isEqualTo("SGM-2026-0000042");
        assertThat(text(request, "serviceCode")).isEqualTo("revenue-domicile-certificate");
        assertThat(text(request, "receivedOn")).isEqualTo("2026-11-29");
        assertThat(text(request, "name")).isEqualTo("Aisha Bhat");
        assertThat(text(request, "mobile")).isEqualTo("9876543210");
        assertThat(text(request, "aadhaar")).isEqualTo("234123412346");
        assertThat(text(request, "districtCode")).isEqualTo("0101");
        assertThat(formFields(sent)).containsExactly(
                Map.entry("fatherName", "Ghulam Nabi Bhat"), Map.entry("residentSinceYear", "1998"),
                Map.entry("tehsil", "Khanyar"));
    }

    @Test
    void theReceivedDateIsTheDayInIndia() throws Exception {
        Document sent = submit(CanonicalApplication.valid().withAcknowledgedAt(Instant.parse("2026-12-31T20:00:00Z")));

        assertThat(text(single(sent, "SubmitApplicationRequest"), "receivedOn")).isEqualTo("2027-01-01");
    }

    @Test
    void anApplicantWithoutAadhaarIsSentWithoutTheElement() throws Exception {
        Document sent = submit(CanonicalApplication.valid().withAadhaarAndEmail(null, null));

        assertThat(sent.getElementsByTagNameNS(REVENUE, "aadhaar").getLength()).isZero();
    }

    @Test
    void numbersAndBooleansOfTheFormAreWrittenAsXmlSchemaWritesThem() throws Exception {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("annualIncome", 1250000);
        form.put("share", 0.125);
        form.put("landless", true);
        form.put("remarks", "none");

        assertThat(formFields(submit(CanonicalApplication.valid().withForm(form)))).containsExactly(
                Map.entry("annualIncome", "1250000"), Map.entry("share", "0.125"), Map.entry("landless", "true"),
                Map.entry("remarks", "none"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Tom & Jerry <b>]]> &amp; end", "</rev:name><rev:aadhaar>999999999999</rev:aadhaar>",
        "<![CDATA[x]]>", "a\"b'c", "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>&e;", "आयशा भट"})
    void hostileTextArrivesExactlyAsWrittenAndAddsNoElement(String hostile) throws Exception {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("fatherName", hostile);
        form.put(hostile, "value of a hostile field name");

        Document sent = submit(CanonicalApplication.valid().withName(hostile).withForm(form));

        Element request = single(sent, "SubmitApplicationRequest");
        assertThat(text(request, "name")).isEqualTo(hostile);
        assertThat(text(request, "aadhaar")).isEqualTo("234123412346");
        assertThat(formFields(sent)).containsExactly(Map.entry("fatherName", hostile),
                Map.entry(hostile, "value of a hostile field name"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "Srinagar, 0101", "Budgam, 0102", "Ganderbal, 0103", "Baramulla, 0104", "Bandipora, 0105", "Kupwara, 0106",
        "Anantnag, 0107", "Kulgam, 0108", "Pulwama, 0109", "Shopian, 0110", "Jammu, 0201", "Samba, 0202",
        "Kathua, 0203", "Udhampur, 0204", "Reasi, 0205", "Rajouri, 0206", "Poonch, 0207", "Doda, 0208",
        "Kishtwar, 0209", "Ramban, 0210"})
    void eachDistrictIsSentAsTheRevenueMastersCode(String district, String code) throws Exception {
        assertThat(text(single(submit(CanonicalApplication.valid().withDistrictAndLanguage(district, "hi")),
                "SubmitApplicationRequest"), "districtCode")).isEqualTo(code);
    }

    @Test
    void theDistrictCodeListCoversEveryDistrictTheContractAccepts() {
        assertThat(RequestTemplates.codeList("revenue", "district").keySet())
                .containsExactlyInAnyOrderElementsOf(RequestTemplates.contractValues("District"));
    }

    @Test
    void aDistrictWithoutACodeCannotBeRendered() {
        assertThatThrownBy(() -> submit(CanonicalApplication.valid().withDistrictAndLanguage("Leh", "en")))
                .hasRootCauseInstanceOf(TemplateException.class);
    }

    @Test
    void aStatusQueryAsksAboutEachCaseOfTheBatch() throws Exception {
        Document query = xml(templates.render("revenue", "mappings/status-request.xml.ftl",
                RequestTemplates.statusQuery("REV/2026/SGM-2026-0000001", "REV/2026/<x>&", "REV/2026/3")));

        Element request = single(query, "GetApplicationStatusRequest");
        NodeList cases = request.getElementsByTagNameNS(REVENUE, "caseNumber");
        List<String> asked = new ArrayList<>();
        for (int i = 0; i < cases.getLength(); i++) {
            asked.add(cases.item(i).getTextContent());
        }
        assertThat(asked).containsExactly("REV/2026/SGM-2026-0000001", "REV/2026/<x>&", "REV/2026/3");
    }

    private static Document xml(String text) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        // What was sent must be plain XML: a DOCTYPE in it would mean a value escaped its element.
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(text)));
    }

    private static Element single(Document document, String name) {
        NodeList found = document.getElementsByTagNameNS(REVENUE, name);
        assertThat(found.getLength()).as(name).isEqualTo(1);
        return (Element) found.item(0);
    }

    private static String text(Element parent, String name) {
        NodeList found = parent.getElementsByTagNameNS(REVENUE, name);
        assertThat(found.getLength()).as(name).isEqualTo(1);
        return found.item(0).getTextContent();
    }

    private static List<Map.Entry<String, String>> formFields(Document document) {
        NodeList fields = document.getElementsByTagNameNS(REVENUE, "field");
        List<Map.Entry<String, String>> found = new ArrayList<>();
        for (int i = 0; i < fields.getLength(); i++) {
            Element field = (Element) fields.item(i);
            found.add(Map.entry(field.getAttribute("name"), field.getTextContent()));
        }
        return found;
    }
}
