package io.rmqfleet.testbed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.generators.Ed25519KeyPairGenerator;
import org.bouncycastle.crypto.params.Ed25519KeyGenerationParameters;
import org.bouncycastle.crypto.util.OpenSSHPrivateKeyUtil;
import org.bouncycastle.crypto.util.OpenSSHPublicKeyUtil;

/**
 * A fresh ed25519 client key in OpenSSH's own formats, so OpenSSH (ansible), sshj and the hosts' sshd all read
 * it. Generated in-process: no ssh-keygen needed on the controller.
 */
public final class SshKeyPair {
    private static final int PEM_LINE = 70;

    private final byte[] privateKeyFile;
    private final String publicKeyLine;

    private SshKeyPair(byte[] privateKeyFile, String publicKeyLine) {
        this.privateKeyFile = privateKeyFile;
        this.publicKeyLine = publicKeyLine;
    }

    public static SshKeyPair generateEd25519(String comment, SecureRandom random) {
        Ed25519KeyPairGenerator generator = new Ed25519KeyPairGenerator();
        generator.init(new Ed25519KeyGenerationParameters(random));
        AsymmetricCipherKeyPair pair = generator.generateKeyPair();

        byte[] privateBlob;
        byte[] publicBlob;
        try {
            privateBlob = OpenSSHPrivateKeyUtil.encodePrivateKey(pair.getPrivate());
            publicBlob = OpenSSHPublicKeyUtil.encodePublicKey(pair.getPublic());
        } catch (IOException e) {
            throw new IllegalStateException("BouncyCastle cannot encode an ed25519 key", e);
        }
        String publicLine = "ssh-ed25519 " + Base64.getEncoder().encodeToString(publicBlob)
            + (comment == null || comment.isBlank() ? "" : " " + comment);
        return new SshKeyPair(pem(privateBlob), publicLine);
    }

    private static byte[] pem(byte[] blob) {
        String base64 = Base64.getEncoder().encodeToString(blob);
        StringBuilder out = new StringBuilder("-----BEGIN OPENSSH PRIVATE KEY-----\n");
        for (int i = 0; i < base64.length(); i += PEM_LINE) {
            out.append(base64, i, Math.min(base64.length(), i + PEM_LINE)).append('\n');
        }
        return out.append("-----END OPENSSH PRIVATE KEY-----\n").toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** {@code ssh-ed25519 AAAA... comment}, the line for authorized_keys. */
    public String publicKeyLine() {
        return publicKeyLine;
    }

    /**
     * Writes the private key readable by the owner only (OpenSSH refuses group/world-readable keys). The file is
     * created with mode 0600 from the start, so the key is never readable by others, not even briefly.
     */
    public void writePrivateKey(Path file) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.write(file, privateKeyFile);
    }

    public void writePublicKey(Path file) throws IOException {
        Files.writeString(file, publicKeyLine + "\n", StandardCharsets.US_ASCII);
    }

    @Override
    public String toString() {
        return "SshKeyPair[" + publicKeyLine + "]"; // never the private half
    }
}
