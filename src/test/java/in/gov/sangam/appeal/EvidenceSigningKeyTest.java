package in.gov.sangam.appeal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import in.gov.sangam.SangamApplication;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The evidence signing key: made once, then read by everyone; never made where production expects one. */
class EvidenceSigningKeyTest {

    @TempDir
    Path folder;

    @Test
    void aMissingKeyIsMadeOnceAndThenReused() throws Exception {
        Path file = folder.resolve("keys/appeal-evidence.jwk");

        ECKey made = EvidenceSigningKey.load(file, true);
        ECKey again = EvidenceSigningKey.load(file, true);

        assertThat(again).isEqualTo(made);
        assertThat(made.isPrivate()).isTrue();
        assertThat(made.getKeyID()).startsWith("evidence-");
        try (var listing = Files.list(file.getParent())) {
            assertThat(listing.toList()).as("no temporary file left").containsExactly(file);
        }
    }

    @Test
    void processesMakingTheKeyAtOnceEndWithOneKey() throws Exception {
        Path file = folder.resolve("appeal-evidence.jwk");
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Callable<ECKey>> makers = java.util.Collections.nCopies(8, () -> EvidenceSigningKey.load(file, true));
            List<String> kids = new java.util.ArrayList<>();
            for (Future<ECKey> key : threads.invokeAll(makers)) {
                kids.add(key.get().getKeyID());
            }
            assertThat(kids).containsOnly(EvidenceSigningKey.load(file, false).getKeyID());
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aMissingKeyIsRefusedWhereItMustBeGiven() {
        Path file = folder.resolve("absent.jwk");

        assertThatThrownBy(() -> EvidenceSigningKey.load(file, false))
                .hasMessageContaining(file.toString())
                .hasMessageContaining("sangam.appeal.evidence.signing-key");
        assertThat(file).doesNotExist();
    }

    @Test
    void aPublicKeyCannotSign() throws Exception {
        Path file = folder.resolve("public.jwk");
        Files.writeString(file, EvidenceSigningKey.load(folder.resolve("k.jwk"), true).toPublicJWK().toJSONString(),
                StandardCharsets.UTF_8);

        assertThatThrownBy(() -> EvidenceSigningKey.load(file, false)).hasMessageContaining("private EC P-256");
    }

    @Test
    void theKeySetPublishesTheSigningAndRetiredKeysWithoutTheirPrivateParts() throws Exception {
        ECKey current = EvidenceSigningKey.load(folder.resolve("current.jwk"), true);
        ECKey retired = EvidenceSigningKey.load(folder.resolve("retired.jwk"), true);
        EvidenceSigner signer = new EvidenceSigner(current,
                List.of(EvidenceSigningKey.retired(folder.resolve("retired.jwk"))));

        Map<String, Object> published = signer.publicKeySet();
        JWKSet keys = JWKSet.parse(published);
        assertThat(keys.getKeys()).extracting(JWK::getKeyID).containsExactly(current.getKeyID(), retired.getKeyID());
        assertThat(keys.getKeys()).noneMatch(JWK::isPrivate);

        JWSObject signed = JWSObject.parse(signer.sign("{\"a\":1}".getBytes(StandardCharsets.UTF_8)));
        assertThat(signed.verify(new ECDSAVerifier((ECKey) keys.getKeyByKeyId(signed.getHeader().getKeyID()))))
                .isTrue();
        assertThat(signed.verify(new ECDSAVerifier(retired.toPublicJWK()))).isFalse();
    }

    @Test
    void theProductionProfileRefusesToStartWithoutTheSigningKey() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(SangamApplication.class)
                .profiles("production")
                .run("--server.port=0"))
                .hasMessageContaining("SANGAM_EVIDENCE_SIGNING_KEY");
    }
}
