package io.rmqfleet.controller.connection;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import com.hierynomus.sshj.common.KeyDecryptionFailedException;
import net.schmizz.keepalive.KeepAliveProvider;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.common.DisconnectReason;
import net.schmizz.sshj.connection.ConnectionException;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.sftp.OpenMode;
import net.schmizz.sshj.sftp.RemoteFile;
import net.schmizz.sshj.sftp.Response;
import net.schmizz.sshj.sftp.SFTPClient;
import net.schmizz.sshj.sftp.SFTPException;
import net.schmizz.sshj.transport.TransportException;
import net.schmizz.sshj.userauth.keyprovider.KeyProvider;
import net.schmizz.sshj.xfer.FileSystemFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SSH {@link Connection}: one sshj client per host for the whole run, a new session channel per command,
 * SFTP for files. Host keys are checked strictly against known_hosts; login is by key only.
 */
public final class SshConnection implements Connection {
    /** Exit code reported when a command outlives its timeout (as coreutils' {@code timeout} does). */
    public static final int TIMED_OUT = 124;
    /** How long after the timeout the channel may take to close once the remote `timeout` killed the command. */
    private static final Duration KILL_GRACE = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(SshConnection.class);
    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SshSettings settings;
    private final SSHClient client;
    private final ExecutorService drains;
    private SFTPClient sftp;

    private SshConnection(SshSettings settings, SSHClient client) {
        this.settings = settings;
        this.client = client;
        this.drains = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "ssh-" + settings.hostName() + "-io-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Connects, verifies the host key and logs in; any failure is an {@link UnreachableException}. */
    public static SshConnection open(SshSettings settings) {
        return open(settings, LoginOptions.STRICT);
    }

    /**
     * As {@link #open(SshSettings)}, optionally recording unknown host keys (never changed ones) and decrypting
     * the private key with the given passphrase.
     */
    public static SshConnection open(SshSettings settings, LoginOptions options) {
        DefaultConfig config = new DefaultConfig();
        config.setKeepAliveProvider(KeepAliveProvider.KEEP_ALIVE);
        SSHClient client = new SSHClient(config);
        KnownHostsVerifier verifier;
        try {
            verifier = new KnownHostsVerifier(settings.knownHostsFiles(), options.acceptNewHostKeys());
        } catch (IOException e) {
            throw new UnreachableException(settings.hostName(),
                settings.describe() + ": cannot read known_hosts: " + e.getMessage(), e);
        }
        client.addHostKeyVerifier(verifier);
        client.setConnectTimeout(millis(settings.connectTimeout()));
        // Keepalive, not a socket read timeout, detects dead peers: a silent `docker load` may run for minutes.
        client.getConnection().getKeepAlive().setKeepAliveInterval((int) settings.keepAliveInterval().toSeconds());
        try {
            client.connect(settings.address(), settings.port());
            verifier.recorded().ifPresent(what -> LOG.warn("{}: permanently added the {}", settings.describe(), what));
            client.authPublickey(settings.user(), keys(client, settings, options.keyPassphrase()));
            return new SshConnection(settings, client);
        } catch (TransportException e) {
            closeQuietly(client);
            if (e.getDisconnectReason() == DisconnectReason.HOST_KEY_NOT_VERIFIABLE && verifier.rejection().isPresent()) {
                throw new UnreachableException(settings.hostName(), verifier.rejection().get().describe(settings.describe()), e);
            }
            throw new UnreachableException(settings.hostName(), settings.describe() + ": ssh failed: " + e.getMessage(), e);
        } catch (net.schmizz.sshj.userauth.UserAuthException e) {
            closeQuietly(client);
            throw new UnreachableException(settings.hostName(), settings.describe() + ": ssh login as " + settings.user()
                + " refused (" + settings.privateKey().map(p -> "key " + p).orElse("default keys") + ")", e);
        } catch (KeyDecryptionFailedException e) {
            closeQuietly(client);
            throw new UnreachableException(settings.hostName(), settings.describe() + ": cannot decrypt the private key "
                + settings.privateKey().map(Path::toString).orElse("(default)") + ": set " + LoginOptions.PASSPHRASE_ENV
                + " to its passphrase", e);
        } catch (IOException e) {
            closeQuietly(client);
            throw new UnreachableException(settings.hostName(),
                settings.describe() + ": cannot connect: " + describe(e), e);
        }
    }

    private static KeyProvider keys(SSHClient client, SshSettings settings, String passphrase) throws IOException {
        if (settings.privateKey().isPresent()) {
            Path key = settings.privateKey().get();
            return passphrase == null ? client.loadKeys(key.toString()) : client.loadKeys(key.toString(), passphrase);
        }
        Path ssh = Path.of(System.getProperty("user.home"), ".ssh");
        for (String name : new String[] {"id_ed25519", "id_ecdsa", "id_rsa"}) {
            if (ssh.resolve(name).toFile().isFile()) {
                String path = ssh.resolve(name).toString();
                return passphrase == null ? client.loadKeys(path) : client.loadKeys(path, passphrase);
            }
        }
        throw new IOException("no private key: set ansible_ssh_private_key_file");
    }

    public SshSettings settings() {
        return settings;
    }

    @Override
    public String hostName() {
        return settings.hostName();
    }

    @Override
    public ExecResult exec(String command, Duration timeout) {
        return exec(command, null, timeout);
    }

    @Override
    public ExecResult exec(String command, byte[] stdin, Duration timeout) {
        return run(wrap(command, timeout), stdin, timeout);
    }

    /**
     * Runs {@code command} exactly as given by the login shell: no {@code sh}/{@code timeout} wrapper and no
     * sudo, so the host starts one process instead of four. Only for commands that cannot hang and need no
     * privileges, such as {@code true} for a reachability check.
     */
    public ExecResult execAsIs(String command, Duration timeout) {
        return run(command, null, timeout);
    }

    private ExecResult run(String wire, byte[] stdin, Duration timeout) {
        Session session = null;
        boolean finished = false;
        try {
            session = client.startSession();
            Session.Command cmd = session.exec(wire);
            // Both streams at once: a command filling its stderr window would otherwise block its stdout.
            Future<byte[]> out = drains.submit(() -> readAll(cmd.getInputStream()));
            Future<byte[]> err = drains.submit(() -> readAll(cmd.getErrorStream()));
            writeInput(cmd, stdin);
            finished = awaitClose(cmd, timeout);
            if (!finished) {
                // The remote `timeout` kills the command's process group right now; let the channel close.
                awaitClose(cmd, KILL_GRACE);
            }
            String stdout = text(out, finished);
            String stderr = text(err, finished);
            if (!finished) {
                return new ExecResult(TIMED_OUT, stdout, appendLine(stderr,
                    "rmqfleet: command timed out after " + timeout.toSeconds() + " s and was killed"));
            }
            Integer status = cmd.getExitStatus();
            if (status == null) {
                String signal = cmd.getExitSignal() == null ? "no exit status" : "signal " + cmd.getExitSignal();
                return new ExecResult(-1, stdout, appendLine(stderr, "rmqfleet: command ended by " + signal));
            }
            return new ExecResult(status, stdout, stderr);
        } catch (IOException e) {
            throw lost("exec", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnreachableException(hostName(), settings.describe() + ": interrupted while running a command", e);
        } finally {
            closeSession(session, finished);
        }
    }

    /**
     * Sends {@code stdin} and EOF. A command that exits without reading its input (a quick {@code cat FILE})
     * may close the channel first: like EPIPE, that is no connection problem; the exit status tells the rest.
     */
    private void writeInput(Session.Command cmd, byte[] stdin) throws IOException {
        try (OutputStream in = cmd.getOutputStream()) {
            if (stdin != null && stdin.length > 0) {
                in.write(stdin);
            }
        } catch (ConnectionException e) {
            if (!client.isConnected()) {
                throw e;
            }
        }
    }

    /** Closing waits for the server's reply; a channel that did not finish is closed in the background. */
    private void closeSession(Session session, boolean finished) {
        if (session == null) {
            return;
        }
        if (finished || !session.isOpen()) {
            closeQuietly(session);
        } else {
            drains.submit(() -> closeQuietly(session));
        }
    }

    private static void closeQuietly(Session session) {
        try {
            session.close();
        } catch (IOException ignored) {
            // the channel or the connection is gone already
        }
    }

    private static String appendLine(String text, String line) {
        return text + (text.isEmpty() || text.endsWith("\n") ? "" : "\n") + line;
    }

    /**
     * {@code sh -c} so every login shell behaves alike, under the host's {@code timeout -s KILL} (coreutils or
     * busybox) when it has one: it kills the command's whole process group when time is up. Closing the SSH
     * channel would not (a child holding stdout keeps it open), and OpenSSH refuses "signal" requests unless
     * privilege separation is on. {@code sudo -n} (never prompts) when becoming root.
     */
    String wrap(String command, Duration timeout) {
        long seconds = Math.max(1, (timeout.toMillis() + 999) / 1000);
        String script = "if command -v timeout >/dev/null 2>&1; then exec timeout -s KILL " + seconds
            + " sh -c \"$1\"; else exec sh -c \"$1\"; fi";
        String sh = "sh -c " + ShellQuote.quote(script) + " rmqfleet " + ShellQuote.quote(command);
        return settings.become() && !"root".equals(settings.user()) ? "sudo -n -H -- " + sh : sh;
    }

    private static boolean awaitClose(Session.Command cmd, Duration timeout) throws ConnectionException {
        try {
            cmd.join(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
        } catch (ConnectionException e) {
            if (cmd.isOpen()) {
                return false; // sshj signals a join timeout this way
            }
            throw e;
        }
        return !cmd.isOpen();
    }

    private static String text(Future<byte[]> stream, boolean finished) throws InterruptedException {
        try {
            return new String(stream.get(finished ? 30 : 2, TimeUnit.SECONDS), StandardCharsets.UTF_8);
        } catch (ExecutionException | TimeoutException e) {
            stream.cancel(true);
            return "";
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        in.transferTo(buffer);
        return buffer.toByteArray();
    }

    @Override
    public void put(Path localFile, String remotePath, int mode) {
        String temp = tempNameFor(remotePath);
        try {
            SFTPClient files = sftp();
            synchronized (files) {
                files.getFileTransfer().setPreserveAttributes(false);
                files.put(new FileSystemFile(localFile.toFile()), temp);
                files.chmod(temp, mode);
            }
        } catch (IOException e) {
            throw sftpFailure("put " + localFile + " -> " + remotePath, e);
        }
        moveIntoPlace(temp, remotePath);
    }

    @Override
    public void put(byte[] content, String remotePath, int mode) {
        String temp = tempNameFor(remotePath);
        try {
            SFTPClient files = sftp();
            synchronized (files) {
                try (RemoteFile file = files.open(temp, EnumSet.of(OpenMode.WRITE, OpenMode.CREAT, OpenMode.TRUNC));
                     OutputStream out = file.new RemoteFileOutputStream()) {
                    out.write(content);
                }
                files.chmod(temp, mode);
            }
        } catch (IOException e) {
            throw sftpFailure("write " + remotePath, e);
        }
        moveIntoPlace(temp, remotePath);
    }

    /** SFTP v3 cannot rename over an existing file; {@code mv -f} is one atomic rename(2) in the same dir. */
    private void moveIntoPlace(String temp, String remotePath) {
        ExecResult moved = exec("mv -f -- " + ShellQuote.quote(temp) + " " + ShellQuote.quote(remotePath),
            Duration.ofSeconds(60));
        if (!moved.ok()) {
            exec("rm -f -- " + ShellQuote.quote(temp), Duration.ofSeconds(30));
            throw new UnreachableException(hostName(), settings.describe() + ": cannot move file into place at "
                + remotePath + ": " + moved.tail(3));
        }
    }

    private static String tempNameFor(String remotePath) {
        int slash = remotePath.lastIndexOf('/');
        String dir = slash >= 0 ? remotePath.substring(0, slash + 1) : "";
        byte[] random = new byte[6];
        RANDOM.nextBytes(random);
        return dir + ".rmqfleet-" + HexFormat.of().formatHex(random) + ".part";
    }

    @Override
    public Optional<byte[]> fetch(String remotePath) {
        try {
            SFTPClient files = sftp();
            synchronized (files) {
                try (RemoteFile file = files.open(remotePath, EnumSet.of(OpenMode.READ));
                     InputStream in = file.new RemoteFileInputStream()) {
                    return Optional.of(in.readAllBytes());
                }
            }
        } catch (SFTPException e) {
            if (e.getStatusCode() == Response.StatusCode.NO_SUCH_FILE) {
                return Optional.empty();
            }
            throw sftpFailure("fetch " + remotePath, e);
        } catch (IOException e) {
            throw sftpFailure("fetch " + remotePath, e);
        }
    }

    private synchronized SFTPClient sftp() throws IOException {
        if (sftp == null) {
            sftp = client.newSFTPClient();
        }
        return sftp;
    }

    private UnreachableException sftpFailure(String what, IOException e) {
        if (e instanceof SFTPException sftpError) {
            // The transport is fine; the server refused (permissions, missing directory): still a host problem.
            return new UnreachableException(hostName(), settings.describe() + ": sftp " + what + " failed: "
                + sftpError.getStatusCode() + " " + sftpError.getMessage(), e);
        }
        return lost("sftp " + what, e);
    }

    private UnreachableException lost(String what, IOException e) {
        return new UnreachableException(hostName(), settings.describe() + ": ssh connection lost during " + what
            + ": " + describe(e), e);
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    public boolean isConnected() {
        return client.isConnected() && client.isAuthenticated();
    }

    @Override
    public void close() {
        try {
            synchronized (this) {
                if (sftp != null) {
                    sftp.close();
                }
            }
        } catch (IOException ignored) {
            // closing anyway
        }
        closeQuietly(client);
        drains.shutdownNow();
    }

    private static void closeQuietly(SSHClient client) {
        try {
            client.disconnect();
        } catch (IOException ignored) {
            // already gone
        }
    }

    private static int millis(Duration d) {
        return (int) Math.min(Integer.MAX_VALUE, d.toMillis());
    }
}
