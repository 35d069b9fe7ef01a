package io.rmqfleet.controller.module.testing;

import io.rmqfleet.controller.connection.Connection;
import io.rmqfleet.controller.connection.ExecResult;
import io.rmqfleet.controller.connection.UnreachableException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A {@link Connection} to this machine: commands run through {@code sh -c} in a local process, files are plain
 * local files. Lets module tests exercise real shell commands without the test bed; it records the commands
 * so tests can check that a no-op run changed nothing.
 */
public final class LocalConnection implements Connection {
    private final List<String> commands = new ArrayList<>();
    private int puts;

    @Override
    public String hostName() {
        return "localhost";
    }

    @Override
    public ExecResult exec(String command, Duration timeout) {
        return exec(command, new byte[0], timeout);
    }

    @Override
    public ExecResult exec(String command, byte[] stdin, Duration timeout) {
        synchronized (this) {
            commands.add(command);
        }
        try {
            Process p = new ProcessBuilder("sh", "-c", command).start();
            CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
            try (OutputStream in = p.getOutputStream()) {
                in.write(stdin);
            } catch (IOException ignored) {
                // the command did not read its input
            }
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new UnreachableException(hostName(), "command timed out after " + timeout);
            }
            return new ExecResult(p.exitValue(), new String(out.join(), StandardCharsets.UTF_8),
                    new String(err.join(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UnreachableException(hostName(), e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnreachableException(hostName(), "interrupted", e);
        }
    }

    @Override
    public void put(Path localFile, String remotePath, int mode) {
        try {
            put(Files.readAllBytes(localFile), remotePath, mode);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void put(byte[] content, String remotePath, int mode) {
        puts++;
        try {
            Path target = Path.of(remotePath);
            Files.write(target, content);
            Files.setPosixFilePermissions(target, permissions(mode));
        } catch (IOException e) {
            throw new UnreachableException(hostName(), "put " + remotePath + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<byte[]> fetch(String remotePath) {
        try {
            Path p = Path.of(remotePath);
            return Files.exists(p) ? Optional.of(Files.readAllBytes(p)) : Optional.empty();
        } catch (IOException e) {
            throw new UnreachableException(hostName(), "fetch " + remotePath + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
    }

    /** Every command run so far, oldest first. */
    public synchronized List<String> commands() {
        return List.copyOf(commands);
    }

    public synchronized int puts() {
        return puts;
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            in.transferTo(buf);
            return buf.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = {
            PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE,
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE};
        for (int i = 0; i < 9; i++) {
            if ((mode & (1 << (8 - i))) != 0) {
                set.add(order[i]);
            }
        }
        return set;
    }
}
