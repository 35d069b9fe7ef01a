package io.rmqfleet.testbed;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.direct.Session;

/**
 * One short SSH round trip as root with the bed's key and the host's pinned host key: proves that sshd
 * answers, the authorized key was installed and the host key is the one the bed reports.
 */
final class SshProbe {

    record Outcome(int exitCode, String output) {
        boolean ok() {
            return exitCode == 0;
        }
    }

    private SshProbe() {
    }

    static Outcome run(TestHost host, Path privateKey, String command, Duration timeout) throws IOException {
        try (SSHClient ssh = new SSHClient()) {
            ssh.addHostKeyVerifier(new PinnedHostKeyVerifier(host.hostKey()));
            int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
            ssh.setConnectTimeout(millis);
            ssh.setTimeout(millis);
            ssh.connect(host.address(), host.sshPort());
            ssh.authPublickey("root", ssh.loadKeys(privateKey.toString()));
            try (Session session = ssh.startSession()) {
                Session.Command cmd = session.exec(command);
                // Output is tiny (a probe line); merged reading is enough here, unlike the controller's exec.
                String out = readAll(cmd.getInputStream()) + readAll(cmd.getErrorStream());
                cmd.join(timeout.toMillis(), TimeUnit.MILLISECONDS);
                Integer status = cmd.getExitStatus();
                return new Outcome(status == null ? -1 : status, out.strip());
            }
        }
    }

    private static String readAll(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
}
