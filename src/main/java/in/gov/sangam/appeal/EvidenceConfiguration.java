package in.gov.sangam.appeal;

import java.nio.file.Path;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The evidence records' signer, with the key of {@code sangam.appeal.evidence.signing-key}. */
@Configuration(proxyBeanMethods = false)
class EvidenceConfiguration {

    @Bean
    EvidenceSigner evidenceSigner(@Value("${sangam.appeal.evidence.signing-key}") Path signingKey,
            @Value("${sangam.appeal.evidence.create-if-missing}") boolean createIfMissing,
            @Value("${sangam.appeal.evidence.retired-keys:}") List<String> retiredKeys) {
        return new EvidenceSigner(EvidenceSigningKey.load(signingKey, createIfMissing),
                retiredKeys.stream().filter(path -> path != null && !path.isBlank())
                        .map(path -> EvidenceSigningKey.retired(Path.of(path.strip()))).toList());
    }
}
