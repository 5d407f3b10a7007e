package in.gov.sangam.dispatch;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Reads a department's answers: JSON by pointer, XML (SOAP) by XPath. XML from legacy systems is parsed with DTDs
 * and external entities off, so an answer can never make the hub read a file or call a URL.
 */
public final class Answers {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DocumentBuilderFactory XML = secureFactory();

    private Answers() {
    }

    /** A SOAP fault: {@code code} is the fault code's local part, Client or Server. */
    public record SoapFault(String code, String message) {

        /** soap:Client and its refinements (soap:Client.Validation): the request's fault, not the service's. */
        public boolean isClientFault() {
            String local = code.contains(":") ? code.substring(code.indexOf(':') + 1) : code;
            return local.equals("Client") || local.startsWith("Client.");
        }
    }

    public static String json(String body, String pointer) {
        try {
            return JSON.readTree(body).at(pointer).asText(null);
        } catch (IOException notJson) {
            return null;
        }
    }

    public static Document xml(String body) {
        try {
            DocumentBuilder builder = XML.newDocumentBuilder();
            return builder.parse(new InputSource(new StringReader(body)));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalArgumentException("Not well-formed XML: " + e.getMessage(), e);
        }
    }

    public static String xpath(Node document, String expression) {
        try {
            Node node = (Node) XPathFactory.newInstance().newXPath().evaluate(expression, document,
                    XPathConstants.NODE);
            return node == null ? null : node.getTextContent().trim();
        } catch (XPathExpressionException e) {
            throw new IllegalArgumentException("Not an XPath: " + expression, e);
        }
    }

    public static NodeList xpathAll(Node document, String expression) {
        try {
            return (NodeList) XPathFactory.newInstance().newXPath().evaluate(expression, document,
                    XPathConstants.NODESET);
        } catch (XPathExpressionException e) {
            throw new IllegalArgumentException("Not an XPath: " + expression, e);
        }
    }

    /** The fault in a SOAP 1.1 answer, if it is one. */
    public static Optional<SoapFault> soapFault(String body) {
        if (body == null || !body.contains("Fault")) {
            return Optional.empty();
        }
        Document answer = xml(body);
        String code = xpath(answer, "//*[local-name()='Fault']/*[local-name()='faultcode']");
        String message = xpath(answer, "//*[local-name()='Fault']/*[local-name()='faultstring']");
        return code == null ? Optional.empty() : Optional.of(new SoapFault(code, message == null ? code : message));
    }

    private static DocumentBuilderFactory secureFactory() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            return factory;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("No secure XML parser", e);
        }
    }
}
