package io.rmqfleet.controller.module.files;

import io.rmqfleet.controller.module.ModuleResult;
import io.rmqfleet.controller.module.testing.DirFiles;
import io.rmqfleet.controller.module.testing.LocalConnection;
import io.rmqfleet.controller.module.testing.MapTemplates;
import io.rmqfleet.controller.module.testing.ModuleRunner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.rmqfleet.controller.module.testing.Convergence.assertConverges;
import static org.assertj.core.api.Assertions.assertThat;

/** copy, template, file and stat against this machine's shell and file system (a temp dir), no test bed. */
class FileModulesLocalTest {
    @TempDir
    Path controller;
    @TempDir
    Path host;

    private LocalConnection connection;
    private ModuleRunner runner;

    @BeforeEach
    void setUp() throws IOException {
        connection = new LocalConnection();
        runner = new ModuleRunner(connection, new MapTemplates(Map.of("broker_ip", "10.213.0.11", "name", "broker-a")),
                new DirFiles(controller));
        Files.createDirectories(controller.resolve("files"));
        Files.createDirectories(controller.resolve("templates"));
    }

    @Test
    void copyContentConvergesAndReportsADiff() {
        String dest = host.resolve("broker.conf").toString();
        ModuleResult first = assertConverges(runner, new CopyModule(),
                Map.of("content", "brokerName=broker-a\n", "dest", dest, "mode", "0640"), this::observe);
        assertThat(read(dest)).isEqualTo("brokerName=broker-a\n");
        assertThat(mode(dest)).isEqualTo("rw-r-----");
        assertThat(first.diffs()).singleElement().satisfies(d -> assertThat(d.unified()).contains("+brokerName=broker-a"));
        assertThat(first.data()).containsEntry("dest", dest).containsEntry("mode", "0640");

        ModuleResult changed = runner.apply(new CopyModule(),
                Map.of("content", "brokerName=broker-b\n", "dest", dest, "mode", "0640"));
        assertThat(changed.changed()).isTrue();
        assertThat(changed.diffs().get(0).unified()).contains("-brokerName=broker-a\n+brokerName=broker-b\n");
        assertThat(read(dest)).isEqualTo("brokerName=broker-b\n");
    }

    @Test
    void unchangedContentIsNotUploadedAgain() {
        String dest = host.resolve("a.txt").toString();
        runner.apply(new CopyModule(), Map.of("content", "x\n", "dest", dest));
        int uploads = connection.puts();
        ModuleResult again = runner.apply(new CopyModule(), Map.of("content", "x\n", "dest", dest));
        assertThat(again.changed()).isFalse();
        assertThat(connection.puts()).isEqualTo(uploads);
    }

    @Test
    void attributeOnlyChangeKeepsContentAndShowsAttributeDiff() throws IOException {
        String dest = host.resolve("a.txt").toString();
        Files.writeString(Path.of(dest), "x\n");
        Files.setPosixFilePermissions(Path.of(dest), PosixFilePermissions.fromString("rw-r--r--"));
        int uploads = connection.puts();
        ModuleResult r = assertConverges(runner, new CopyModule(),
                Map.of("content", "x\n", "dest", dest, "mode", "0600", "owner", "nobody"), this::observe);
        assertThat(connection.puts()).isEqualTo(uploads);
        assertThat(mode(dest)).isEqualTo("rw-------");
        assertThat(owner(dest)).isEqualTo("nobody");
        assertThat(r.diffs()).singleElement().satisfies(d -> assertThat(d.unified())
                .contains("-owner: root", "+owner: nobody", "-mode: 0644", "+mode: 0600"));
    }

    @Test
    void replacingContentKeepsTheOldModeAndOwner() throws IOException {
        Path dest = host.resolve("keep.txt");
        Files.writeString(dest, "old\n");
        Files.setPosixFilePermissions(dest, PosixFilePermissions.fromString("rw-------"));
        runner.apply(new io.rmqfleet.controller.module.files.FileModule(),
                Map.of("path", dest.toString(), "owner", "nobody"));
        ModuleResult r = runner.apply(new CopyModule(), Map.of("content", "new\n", "dest", dest.toString()));
        assertThat(r.changed()).isTrue();
        assertThat(mode(dest.toString())).isEqualTo("rw-------");
        assertThat(owner(dest.toString())).isEqualTo("nobody");
    }

    @Test
    void copySrcIntoADirectoryUsesTheSourceName() throws IOException {
        Files.writeString(controller.resolve("files/namesrv.env"), "A=1\n");
        assertConverges(runner, new CopyModule(), Map.of("src", "namesrv.env", "dest", host + "/"), this::observe);
        assertThat(read(host.resolve("namesrv.env").toString())).isEqualTo("A=1\n");
        ModuleResult again = runner.apply(new CopyModule(), Map.of("src", "namesrv.env", "dest", host.toString()));
        assertThat(again.changed()).isFalse();
        assertThat(again.data()).containsEntry("dest", host.resolve("namesrv.env").toString());
    }

    @Test
    void forceNoLeavesAnExistingFileAlone() throws IOException {
        Path dest = host.resolve("f");
        Files.writeString(dest, "mine\n");
        ModuleResult r = runner.apply(new CopyModule(), Map.of("content", "theirs\n", "dest", dest.toString(), "force", "no"));
        assertThat(r.changed()).isFalse();
        assertThat(Files.readString(dest)).isEqualTo("mine\n");
    }

    @Test
    void failingValidationLeavesTheOldFile() throws IOException {
        Path dest = host.resolve("conf");
        Files.writeString(dest, "good\n");
        ModuleResult r = runner.apply(new CopyModule(),
                Map.of("content", "bad\n", "dest", dest.toString(), "validate", "grep -q good %s"));
        assertThat(r.failed()).isTrue();
        assertThat(r.msg().orElseThrow()).contains("validating and writing " + dest);
        assertThat(Files.readString(dest)).isEqualTo("good\n");
        assertThat(listing()).doesNotContain(".rmqfleet-");
        ModuleResult ok = runner.apply(new CopyModule(),
                Map.of("content", "good too\n", "dest", dest.toString(), "validate", "grep -q good %s"));
        assertThat(ok.changed()).isTrue();
        assertThat(Files.readString(dest)).isEqualTo("good too\n");
    }

    @Test
    void missingDestinationDirectoryIsAClearFailure() {
        ModuleResult r = runner.apply(new CopyModule(), Map.of("content", "x", "dest", host + "/no/such/file"));
        assertThat(r.failed()).isTrue();
        assertThat(r.msg().orElseThrow()).isEqualTo("destination directory " + host + "/no/such does not exist");
    }

    @Test
    void checkModePredictsAFileInADirectoryAnEarlierTaskWouldCreate() {
        ModuleResult r = runner.check(new CopyModule(), Map.of("content", "x\n", "dest", host + "/later/file"));
        assertThat(r.changed()).isTrue();
        assertThat(r.msg().orElseThrow()).isEqualTo("destination directory " + host + "/later does not exist yet");
        // a later task may use the checksum (e.g. as a container label) even in check mode
        assertThat(r.data()).containsEntry("checksum", "73cb3858a687a8494ca3323053016282f3dad39d42cf62ca4e79dda2aac7d9ac");
        assertThat(r.diffs()).singleElement().satisfies(d -> assertThat(d.after()).isEqualTo("x\n"));
        assertThat(Files.exists(host.resolve("later"))).isFalse();
    }

    @Test
    void copyRejectsBothOrNeitherSource() {
        assertThat(runner.apply(new CopyModule(), Map.of("dest", "/x")).msg().orElseThrow())
                .isEqualTo("copy: one of the following arguments is required: src, content");
        assertThat(runner.apply(new CopyModule(), Map.of("dest", "/x", "src", "a", "content", "b")).msg().orElseThrow())
                .isEqualTo("copy: arguments are mutually exclusive: src, content");
        assertThat(runner.apply(new CopyModule(), Map.of("content", "b")).msg().orElseThrow())
                .isEqualTo("copy: missing required argument 'dest'");
    }

    @Test
    void templateRendersAndConverges() throws IOException {
        Files.writeString(controller.resolve("templates/broker.conf.j2"), "brokerName={{ name }}\nbrokerIP1={{ broker_ip }}\n");
        assertConverges(runner, new TemplateModule(),
                Map.of("src", "broker.conf.j2", "dest", host + "/", "mode", "0644"), this::observe);
        assertThat(read(host.resolve("broker.conf").toString())).isEqualTo("brokerName=broker-a\nbrokerIP1=10.213.0.11\n");
    }

    @Test
    void templateErrorsNameTheTemplate() throws IOException {
        Files.writeString(controller.resolve("templates/bad.j2"), "x={{ nope }}\n");
        ModuleResult r = runner.apply(new TemplateModule(), Map.of("src", "bad.j2", "dest", host + "/bad"));
        assertThat(r.failed()).isTrue();
        assertThat(r.msg().orElseThrow()).contains("bad.j2", "'nope' is undefined");
    }

    @Test
    void fileDirectoryConvergesIncludingRecurse() throws IOException {
        String dir = host.resolve("store/commitlog").toString();
        assertConverges(runner, new FileModule(), Map.of("path", dir, "state", "directory", "mode", "0755"), this::observe);
        Files.writeString(Path.of(dir, "00000"), "data");
        assertConverges(runner, new FileModule(),
                Map.of("path", host.resolve("store").toString(), "state", "directory", "owner", "nobody", "recurse", true),
                this::observe);
        assertThat(owner(dir + "/00000")).isEqualTo("nobody");
        assertThat(read(dir + "/00000")).isEqualTo("data");
    }

    @Test
    void fileAbsentTouchAndAttributes() throws IOException {
        String path = host.resolve("marker").toString();
        ModuleResult touched = runner.apply(new FileModule(), Map.of("path", path, "state", "touch", "mode", "0600"));
        assertThat(touched.changed()).isTrue();
        assertThat(mode(path)).isEqualTo("rw-------");
        // touch updates the times, so it always changes unless both times are preserved (Ansible's behaviour)
        assertThat(runner.apply(new FileModule(), Map.of("path", path, "state", "touch")).changed()).isTrue();
        assertThat(runner.apply(new FileModule(), Map.of("path", path, "state", "touch",
                "modification_time", "preserve", "access_time", "preserve")).changed()).isFalse();

        assertConverges(runner, new FileModule(), Map.of("path", path, "mode", "0644"), this::observe);
        assertConverges(runner, new FileModule(), Map.of("path", path, "state", "absent"), this::observe);
        assertThat(Files.exists(Path.of(path))).isFalse();

        ModuleResult missing = runner.apply(new FileModule(), Map.of("path", path, "state", "file"));
        assertThat(missing.failed()).isTrue();
        assertThat(missing.msg().orElseThrow()).isEqualTo("file (" + path + ") is absent, cannot continue");
    }

    @Test
    void fileDiffShowsStateChange() throws IOException {
        Path dir = host.resolve("d");
        Files.createDirectory(dir);
        ModuleResult r = runner.check(new FileModule(), Map.of("path", dir.toString(), "state", "absent"));
        assertThat(r.changed()).isTrue();
        assertThat(r.diffs().get(0).unified()).contains("-state: directory", "+state: absent");
        assertThat(Files.exists(dir)).isTrue();
    }

    @Test
    void unknownArgumentsAndBadChoicesAreRejected() {
        assertThat(runner.apply(new FileModule(), Map.of("path", "/x", "stat", "directory")).msg().orElseThrow())
                .startsWith("file: unsupported argument 'stat' (supported: ");
        assertThat(runner.apply(new FileModule(), Map.of("path", "/x", "state", "dir")).msg().orElseThrow())
                .isEqualTo("file: argument 'state' must be one of: file, directory, absent, touch; got 'dir'");
        assertThat(runner.apply(new FileModule(), Map.of("path", "/x", "mode", "rwx")).msg().orElseThrow())
                .isEqualTo("file: argument 'mode' must be an octal mode like '0644', got 'rwx'");
    }

    @Test
    void statReportsAnsibleKeys() throws IOException {
        Path f = host.resolve("s");
        Files.writeString(f, "abc");
        ModuleResult r = runner.apply(new StatModule(), Map.of("path", f.toString()));
        assertThat(r.changed()).isFalse();
        @SuppressWarnings("unchecked")
        Map<String, Object> stat = (Map<String, Object>) r.data().get("stat");
        assertThat(stat).containsEntry("exists", true).containsEntry("isreg", true).containsEntry("size", 3L)
                .containsEntry("checksum", "a9993e364706816aba3e25717850c26c9cd0d89d") // sha1("abc")
                .containsEntry("pw_name", "root");
        ModuleResult sha256 = runner.apply(new StatModule(), Map.of("path", f.toString(), "checksum_algorithm", "sha256"));
        assertThat(((Map<?, ?>) sha256.data().get("stat")).get("checksum"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        Map<?, ?> absent = (Map<?, ?>) runner.apply(new StatModule(), Map.of("path", host + "/none")).data().get("stat");
        assertThat(absent).isEqualTo(Map.of("exists", false));
    }

    private String observe() {
        return listing();
    }

    private String listing() {
        try (Stream<Path> paths = Files.walk(host)) {
            return paths.sorted(Comparator.naturalOrder()).map(p -> {
                try {
                    PosixFileAttributes a = Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                    String content = a.isRegularFile() ? Files.readString(p) : "";
                    return host.relativize(p) + " " + PosixFilePermissions.toString(a.permissions()) + " "
                            + a.owner().getName() + " " + a.lastModifiedTime().toMillis() + " " + content;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).collect(Collectors.joining("\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(String path) {
        try {
            return Files.readString(Path.of(path), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String mode(String path) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(Path.of(path)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String owner(String path) {
        try {
            return Files.getOwner(Path.of(path)).getName();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
