package in.gov.sangam.appeal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Signs evidence records (compact JWS, ES256, the header naming the key and the record's type) and publishes the
 * public keys that verify them: the signing key and any retired ones.
 */
public class EvidenceSigner {

    /** The JWS {@code typ} of an evidence record, so that it cannot be taken for another signed object. */
    public static final JOSEObjectType TYPE = new JOSEObjectType("appeal-evidence+json");

    private final ECKey signingKey;
    private final JWKSet publicKeys;

    public EvidenceSigner(ECKey signingKey, List<JWK> retiredKeys) {
        this.signingKey = signingKey;
        List<JWK> keys = new ArrayList<>();
        keys.add(signingKey.toPublicJWK());
        retiredKeys.stream().map(JWK::toPublicJWK)
                .filter(key -> !key.getKeyID().equals(signingKey.getKeyID()))
                .forEach(keys::add);
        this.publicKeys = new JWKSet(keys);
    }

    public String keyId() {
        return signingKey.getKeyID();
    }

    /** @return the compact JWS whose payload is exactly {@code payload} */
    public String sign(byte[] payload) {
        JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(keyId()).type(TYPE).build(),
                new Payload(payload));
        try {
            jws.sign(new ECDSASigner(signingKey));
        } catch (JOSEException e) {
            throw new IllegalStateException("The evidence record could not be signed", e);
        }
        return jws.serialize();
    }

    /** The JWK Set of the public keys, as JSON members. */
    public Map<String, Object> publicKeySet() {
        return publicKeys.toJSONObject(true);
    }
}
