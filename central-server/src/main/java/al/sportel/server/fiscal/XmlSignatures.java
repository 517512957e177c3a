package al.sportel.server.fiscal;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.xml.crypto.AlgorithmMethod;
import javax.xml.crypto.KeySelector;
import javax.xml.crypto.KeySelectorException;
import javax.xml.crypto.KeySelectorResult;
import javax.xml.crypto.MarshalException;
import javax.xml.crypto.XMLCryptoContext;
import javax.xml.crypto.XMLStructure;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.SignedInfo;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureException;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfo;
import javax.xml.crypto.dsig.keyinfo.KeyInfoFactory;
import javax.xml.crypto.dsig.keyinfo.X509Data;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The enveloped XML signature of spec 5.3.1 on the message element inside the SOAP body (Id "Request"
 * or "Response"): exclusive C14N, SHA-256 digest, RSA-SHA256, the signer's certificate in KeyInfo.
 */
public final class XmlSignatures {

    private static final XMLSignatureFactory FACTORY = XMLSignatureFactory.getInstance("DOM");

    private XmlSignatures() {
    }

    public static void sign(Element message, PrivateKey key, X509Certificate certificate) {
        try {
            String id = message.getAttribute("Id");
            message.setIdAttributeNS(null, "Id", true);
            Reference ref = FACTORY.newReference("#" + id, FACTORY.newDigestMethod(DigestMethod.SHA256, null),
                    List.of(FACTORY.newTransform(Transform.ENVELOPED, (TransformParameterSpec) null),
                            FACTORY.newTransform(CanonicalizationMethod.EXCLUSIVE, (TransformParameterSpec) null)),
                    null, null);
            SignedInfo info = FACTORY.newSignedInfo(
                    FACTORY.newCanonicalizationMethod(CanonicalizationMethod.EXCLUSIVE, (C14NMethodParameterSpec) null),
                    FACTORY.newSignatureMethod(SignatureMethod.RSA_SHA256, null), List.of(ref));
            KeyInfoFactory kif = FACTORY.getKeyInfoFactory();
            KeyInfo keyInfo = kif.newKeyInfo(List.of(kif.newX509Data(List.of(certificate))));
            FACTORY.newXMLSignature(info, keyInfo).sign(new DOMSignContext(key, message));
        } catch (GeneralSecurityException | MarshalException | XMLSignatureException e) {
            throw new IllegalStateException("could not sign the message: " + e.getMessage(), e);
        }
    }

    /**
     * Checks the one enveloped signature of {@code message} against the certificate it carries and returns
     * that certificate, or throws {@link BadSignature} saying what is wrong.
     */
    public static X509Certificate verify(Element message) {
        NodeList signatures = message.getElementsByTagNameNS(XMLSignature.XMLNS, "Signature");
        if (signatures.getLength() != 1) {
            throw new BadSignature(signatures.getLength() == 0 ? 21 : 24, "expected exactly one Signature element");
        }
        message.setIdAttributeNS(null, "Id", true);
        CertificateSelector selector = new CertificateSelector();
        DOMValidateContext context = new DOMValidateContext(selector, signatures.item(0));
        try {
            XMLSignature signature = FACTORY.unmarshalXMLSignature(context);
            SignedInfo info = signature.getSignedInfo();
            if (!SignatureMethod.RSA_SHA256.equals(info.getSignatureMethod().getAlgorithm())) {
                throw new BadSignature(26, "wrong signature method");
            }
            if (!CanonicalizationMethod.EXCLUSIVE.equals(info.getCanonicalizationMethod().getAlgorithm())) {
                throw new BadSignature(27, "wrong canonicalization method");
            }
            List<?> refs = info.getReferences();
            if (refs.size() != 1 || !("#" + message.getAttribute("Id")).equals(((Reference) refs.get(0)).getURI())) {
                throw new BadSignature(25, "signed wrong XML element");
            }
            if (!DigestMethod.SHA256.equals(((Reference) refs.get(0)).getDigestMethod().getAlgorithm())) {
                throw new BadSignature(28, "wrong digest method");
            }
            if (!signature.validate(context)) {
                boolean digestOk = ((Reference) refs.get(0)).validate(context);
                throw new BadSignature(digestOk ? 29 : 30, digestOk ? "cryptographic signature wrong" : "digest calculation wrong");
            }
            return selector.certificate;
        } catch (MarshalException | XMLSignatureException e) {
            throw new BadSignature(23, "could not read the signature: " + e.getMessage());
        }
    }

    /** A signature that does not hold, with the authority's error code for it (spec 3.9.2). */
    public static final class BadSignature extends RuntimeException {
        private final int code;

        BadSignature(int code, String message) {
            super(message);
            this.code = code;
        }

        public int code() {
            return code;
        }
    }

    /** Takes the key from the X509 certificate in KeyInfo, remembering the certificate for the caller's checks. */
    private static final class CertificateSelector extends KeySelector {
        private X509Certificate certificate;

        @Override
        public KeySelectorResult select(KeyInfo keyInfo, Purpose purpose, AlgorithmMethod method, XMLCryptoContext context)
                throws KeySelectorException {
            if (keyInfo == null) {
                throw new KeySelectorException("no KeyInfo");
            }
            for (XMLStructure s : keyInfo.getContent()) {
                if (s instanceof X509Data data) {
                    for (Object o : data.getContent()) {
                        if (o instanceof X509Certificate c) {
                            certificate = c;
                            Key key = c.getPublicKey();
                            return () -> key;
                        }
                    }
                }
            }
            throw new KeySelectorException("no X509 certificate in KeyInfo");
        }
    }
}
