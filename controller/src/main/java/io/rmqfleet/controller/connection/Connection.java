package io.rmqfleet.controller.connection;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * One open connection to one managed host, reused by every task of a run (a new channel per command).
 * Implementations block: call them from a worker thread, never from a Vert.x event loop.
 *
 * <p>Any failure to reach or talk to the host is an {@link UnreachableException}; a command that ran and
 * exited non-zero is not an exception but an {@link ExecResult} with its exit code.
 */
public interface Connection extends AutoCloseable {

    /** The inventory name of the host this connection talks to. */
    String hostName();

    /** Runs {@code command} through {@code sh -c} on the host (as root, via sudo when become is set). */
    ExecResult exec(String command, Duration timeout);

    /** Same as {@link #exec(String, Duration)} with {@code stdin} written to the command's standard input. */
    ExecResult exec(String command, byte[] stdin, Duration timeout);

    /** Copies a local file to {@code remotePath} (SFTP), creating or replacing it, with the given octal mode. */
    void put(Path localFile, String remotePath, int mode);

    /** Writes {@code content} to {@code remotePath} (SFTP), creating or replacing it, with the given octal mode. */
    void put(byte[] content, String remotePath, int mode);

    /** Reads a remote file; empty when it does not exist. */
    Optional<byte[]> fetch(String remotePath);

    @Override
    void close();
}
