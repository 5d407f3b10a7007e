package in.gov.sangam.appeal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.UUID;

/**
 * The key the hub signs evidence records with: a private EC key (P-256, for ES256) in a JWK file, so that every node
 * and every restart signs with the same key and a record signed today verifies tomorrow. The default profile makes
 * the file when it is missing, once: a new key is written beside it and linked into place, which fails if another
 * process got there first, and then everyone reads the one file. Production brings its own file and is refused
 * without it.
 */
public final class EvidenceSigningKey {

    private EvidenceSigningKey() {
    }

    /** @param createIfMissing whether a missing file is made (the default profile), or refused (production) */
    public static ECKey load(Path file, boolean createIfMissing) {
        if (!Files.exists(file)) {
            if (!createIfMissing) {
                throw new IllegalStateException("The evidence signing key " + file + " does not exist: set "
                        + "sangam.appeal.evidence.signing-key to the JWK file of the hub's EC P-256 key");
            }
            create(file);
        }
        JWK key = read(file);
        if (!(key instanceof ECKey ec) || !ec.isPrivate() || !Curve.P_256.equals(ec.getCurve())
                || ec.getKeyID() == null) {
            throw new IllegalStateException("The evidence signing key " + file + " must be a private EC P-256 JWK "
                    + "with a kid");
        }
        return ec;
    }

    /** A public key retired from signing, still published so that the records it signed verify. */
    public static JWK retired(Path file) {
        return read(file).toPublicJWK();
    }

    private static JWK read(Path file) {
        try {
            return JWK.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("The evidence key " + file + " could not be read", e);
        } catch (ParseException e) {
            throw new IllegalStateException("The evidence key " + file + " is not a JWK: " + e.getMessage(), e);
        }
    }

    private static void create(Path file) {
        Path temporary = null;
        try {
            Path directory = file.toAbsolutePath().getParent();
            Files.createDirectories(directory);
            ECKey key = new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES256)
                    .keyID("evidence-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16))
                    .generate();
            temporary = Files.createTempFile(directory, ".evidence-key-", ".tmp");
            restrict(temporary);
            Files.writeString(temporary, key.toJSONString(), StandardCharsets.UTF_8);
            // A hard link never replaces a file: of two processes making the key at once, one wins, the other reads it.
            Files.createLink(file, temporary);
        } catch (FileAlreadyExistsException madeByAnother) {
            // Read below.
        } catch (IOException e) {
            throw new UncheckedIOException("The evidence signing key " + file + " could not be made", e);
        } catch (JOSEException e) {
            throw new IllegalStateException("No EC P-256 key could be generated", e);
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // A stray temporary file holds nothing the hub uses.
                }
            }
        }
    }

    private static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the folder's own permissions guard it.
        }
    }
}
