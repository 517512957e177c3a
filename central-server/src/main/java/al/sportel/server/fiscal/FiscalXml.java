package al.sportel.server.fiscal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/** SOAP 1.1 envelopes around the authority's messages, parsed and written with the JDK's DOM. */
public final class FiscalXml {

    public static final String NS = "https://eFiskalizimi.tatime.gov.al/FiscalizationService/schema";
    public static final String SOAP_NS = "http://schemas.xmlsoap.org/soap/envelope/";
    public static final String ACTION_BASE = "https://eFiskalizimi.tatime.gov.al/FiscalizationService/";

    private FiscalXml() {
    }

    /** A new envelope whose body holds one empty message element, returned for filling in. */
    public static Element newMessage(String name, String id) {
        Document doc = builder().newDocument();
        Element envelope = doc.createElementNS(SOAP_NS, "SOAP-ENV:Envelope");
        // declared as attributes, not only implied by the elements: canonicalization (and so the digest)
        // reads the declarations, and the receiver's parser sees them as attributes
        envelope.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:SOAP-ENV", SOAP_NS);
        doc.appendChild(envelope);
        envelope.appendChild(doc.createElementNS(SOAP_NS, "SOAP-ENV:Header"));
        Element body = doc.createElementNS(SOAP_NS, "SOAP-ENV:Body");
        envelope.appendChild(body);
        Element message = doc.createElementNS(NS, name);
        message.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns", NS);
        message.setAttribute("Id", id);
        message.setAttribute("Version", "3");
        body.appendChild(message);
        return message;
    }

    public static Element child(Element parent, String name) {
        Element e = parent.getOwnerDocument().createElementNS(NS, name);
        parent.appendChild(e);
        return e;
    }

    /** The first element in the envelope's body: the message, or a Fault. */
    public static Element bodyMessage(Document envelope) {
        Element root = envelope.getDocumentElement();
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && "Body".equals(e.getLocalName())) {
                for (Node m = e.getFirstChild(); m != null; m = m.getNextSibling()) {
                    if (m instanceof Element message) {
                        return message;
                    }
                }
            }
        }
        throw new IllegalArgumentException("no message in the SOAP body");
    }

    /** The first element named {@code localName} anywhere below {@code parent}, any namespace. */
    public static Element find(Element parent, String localName) {
        var list = parent.getElementsByTagNameNS("*", localName);
        if (list.getLength() == 0) {
            list = parent.getElementsByTagName(localName);
        }
        return list.getLength() == 0 ? null : (Element) list.item(0);
    }

    public static String text(Element parent, String localName) {
        Element e = find(parent, localName);
        return e == null ? null : e.getTextContent().strip();
    }

    public static Document parse(byte[] xml) {
        try {
            return builder().parse(new ByteArrayInputStream(xml));
        } catch (SAXException | IOException e) {
            throw new IllegalArgumentException("not well-formed XML: " + e.getMessage(), e);
        }
    }

    public static byte[] write(Document doc) {
        try {
            Transformer t = TransformerFactory.newInstance().newTransformer();
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            StringWriter out = new StringWriter();
            t.transform(new DOMSource(doc), new StreamResult(out));
            return out.toString().getBytes(StandardCharsets.UTF_8);
        } catch (TransformerException e) {
            throw new IllegalStateException(e);
        }
    }

    private static DocumentBuilder builder() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            // answers come from the network: no DTDs, no external entities
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setExpandEntityReferences(false);
            return f.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }
}
