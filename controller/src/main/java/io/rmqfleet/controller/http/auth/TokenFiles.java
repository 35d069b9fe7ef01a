package io.rmqfleet.controller.http.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.rmqfleet.controller.input.InputException;
import io.rmqfleet.controller.input.SourceLocation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** Reads the admin token file (creating it when missing) and the agent tokens file (host → token). */
public final class TokenFiles {
    /** Like the agent: 8 to 4096 printable characters without spaces. */
    private static final Pattern TOKEN = Pattern.compile("[\\x21-\\x7e]{8,4096}");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,252}");

    private TokenFiles() {
    }

    /** The result of {@link #adminToken}: the digest, and whether a new token was generated into the file. */
    public record AdminToken(TokenDigest digest, boolean generated) {
    }

    /**
     * Reads the admin token; when the file does not exist, writes a random one (32 bytes, base64url) readable only
     * by its owner, so a fresh {@code serve} is never open to everyone.
     */
    public static AdminToken adminToken(Path file) {
        boolean generated = false;
        if (!Files.exists(file)) {
            generate(file);
            generated = true;
        }
        String token = readToken(file);
        return new AdminToken(TokenDigest.of(token), generated);
    }

    private static void generate(Path file) {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, token + "\n", StandardCharsets.UTF_8);
        } catch (FileAlreadyExistsException e) {
            // Another process created it meanwhile: use theirs.
        } catch (IOException e) {
            throw new InputException(SourceLocation.of(file, 0, 0), "cannot create the admin token file: "
                    + e.getMessage());
        }
    }

    private static String readToken(Path file) {
        String token;
        try {
            token = Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new InputException(SourceLocation.of(file, 0, 0), "cannot read the token file: " + e.getMessage());
        }
        if (!TOKEN.matcher(token).matches()) {
            // Never echo the file's content: it is meant to be a secret.
            throw new InputException(SourceLocation.of(file, 1, 1),
                    "the token must be 8 to 4096 printable characters without spaces");
        }
        return token;
    }

    /** The key under which the playbook's agent role finds the tokens when the same file is given as -e @FILE. */
    public static final String PLAYBOOK_KEY = "agent_tokens";

    /**
     * {@code host: token} per line (a YAML mapping), or the same mapping under {@code agent_tokens:} so one file
     * serves both {@code serve} and the playbook ({@code -e @FILE}); an absent file means no agent may report.
     */
    public static Map<String, TokenDigest> agentTokens(Path file) {
        Map<String, TokenDigest> tokens = new LinkedHashMap<>();
        if (file == null) {
            return tokens;
        }
        JsonNode root;
        try {
            root = new YAMLMapper().readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            // Jackson's message may quote the file's content; keep only the position.
            String where = e instanceof com.fasterxml.jackson.core.JsonProcessingException j && j.getLocation() != null
                    ? " (line " + j.getLocation().getLineNr() + ")" : "";
            throw new InputException(SourceLocation.of(file, 0, 0), "cannot read the agent tokens file" + where
                    + (e instanceof java.nio.file.NoSuchFileException ? ": no such file" : ": not a YAML mapping"));
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return tokens;
        }
        if (!root.isObject()) {
            throw new InputException(SourceLocation.of(file, 1, 1), "expected a mapping of host: token");
        }
        if (root.size() == 1 && root.get(PLAYBOOK_KEY) != null && root.get(PLAYBOOK_KEY).isObject()) {
            root = root.get(PLAYBOOK_KEY);
        }
        Iterator<Map.Entry<String, JsonNode>> fields = root.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            if (!HOST.matcher(f.getKey()).matches()) {
                throw new InputException(SourceLocation.of(file, 0, 0), "'" + f.getKey() + "' is not a host name");
            }
            JsonNode value = f.getValue();
            if (!value.isTextual() || !TOKEN.matcher(value.textValue().strip()).matches()) {
                throw new InputException(SourceLocation.of(file, 0, 0), "the token of " + f.getKey()
                        + " must be 8 to 4096 printable characters without spaces");
            }
            tokens.put(f.getKey(), TokenDigest.of(value.textValue().strip()));
        }
        return tokens;
    }
}
