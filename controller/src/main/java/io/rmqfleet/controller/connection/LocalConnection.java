package io.rmqfleet.controller.connection;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The controller machine itself ({@code delegate_to: localhost}, {@code ansible_connection=local}): commands run
 * through {@code sh -c} as the controller's user, files are read and written directly.
 */
public final class LocalConnection implements Connection {
    private final String hostName;

    public LocalConnection(String hostName) {
        this.hostName = hostName;
    }

    @Override
    public String hostName() {
        return hostName;
    }

    @Override
    public ExecResult exec(String command, Duration timeout) {
        return exec(command, null, timeout);
    }

    @Override
    public ExecResult exec(String command, byte[] stdin, Duration timeout) {
        Process process;
        try {
            process = new ProcessBuilder("sh", "-c", command).start();
        } catch (IOException e) {
            throw new UnreachableException(hostName, "cannot start sh on the controller: " + e.getMessage(), e);
        }
        // Both streams at once, or a command filling one pipe blocks forever on the other.
        CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
        try (OutputStream in = process.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin);
            }
        } catch (IOException e) {
            // the command did not read its input; its exit code tells the rest
        }
        try {
            if (!process.waitFor(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
                return new ExecResult(SshConnection.TIMED_OUT, text(out), text(err)
                    + "rmqfleet: command timed out after " + timeout.toSeconds() + " s and was killed");
            }
            return new ExecResult(process.exitValue(), text(out), text(err));
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new UnreachableException(hostName, "interrupted while running a command on the controller", e);
        }
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            in.transferTo(buffer);
            return buffer.toByteArray();
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private static String text(CompletableFuture<byte[]> stream) throws InterruptedException {
        try {
            return new String(stream.get(30, TimeUnit.SECONDS), StandardCharsets.UTF_8);
        } catch (ExecutionException | TimeoutException e) {
            return "";
        }
    }

    @Override
    public void put(Path localFile, String remotePath, int mode) {
        try {
            put(Files.readAllBytes(localFile), remotePath, mode);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + localFile, e);
        }
    }

    @Override
    public void put(byte[] content, String remotePath, int mode) {
        Path target = Path.of(remotePath);
        try {
            Path temp = Files.createTempFile(target.toAbsolutePath().getParent(), ".rmqfleet-", ".part");
            Files.write(temp, content);
            Files.setPosixFilePermissions(temp, permissions(mode));
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UnreachableException(hostName, "cannot write " + remotePath + " on the controller: "
                + e.getMessage(), e);
        }
    }

    @Override
    public Optional<byte[]> fetch(String remotePath) {
        try {
            return Optional.of(Files.readAllBytes(Path.of(remotePath)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UnreachableException(hostName, "cannot read " + remotePath + " on the controller: "
                + e.getMessage(), e);
        }
    }

    static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = {
            PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
            PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ};
        for (int bit = 0; bit < order.length; bit++) {
            if ((mode & (1 << bit)) != 0) {
                set.add(order[bit]);
            }
        }
        return set;
    }

    @Override
    public void close() {
        // nothing is held open
    }
}
