package io.rmqfleet.controller.module.support;

import io.rmqfleet.controller.connection.ExecResult;
import io.rmqfleet.controller.module.ModuleFailure;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileProbeTest {

    private static FileInfo parse(String stdout) {
        return FileProbe.parse("/p", new ExecResult(0, stdout, ""));
    }

    @Test
    void regularFileWithChecksum() {
        FileInfo f = parse("stat=81a4 0 0 12 1764071000 root root\nsum=abc123\nparent=dir\n");
        assertThat(f.exists()).isTrue();
        assertThat(f.type()).isEqualTo(FileInfo.Type.FILE);
        assertThat(f.mode()).isEqualTo(0644);
        assertThat(f.modeString()).isEqualTo("0644");
        assertThat(f.size()).isEqualTo(12);
        assertThat(f.owner()).isEqualTo("root");
        assertThat(f.checksum()).isEqualTo("abc123");
        assertThat(f.parentIsDirectory()).isTrue();
    }

    @Test
    void directoriesLinksAndSpecialBits() {
        assertThat(parse("stat=41ed 3000 3000 4096 1 rocketmq rocketmq\n").type()).isEqualTo(FileInfo.Type.DIRECTORY);
        assertThat(parse("stat=43ff 0 0 4096 1 root root\n").mode()).isEqualTo(01777);
        FileInfo link = parse("stat=a1ff 0 0 7 1 root root\nlink=/target\n");
        assertThat(link.type()).isEqualTo(FileInfo.Type.LINK);
        assertThat(link.linkTarget()).isEqualTo("/target");
        assertThat(parse("stat=1180 0 0 0 1 root root\n").type()).isEqualTo(FileInfo.Type.OTHER);
    }

    @Test
    void absentAndBrokenOutput() {
        FileInfo absent = parse("absent\n");
        assertThat(absent.exists()).isFalse();
        assertThat(absent.parentIsDirectory()).isFalse();
        assertThat(parse("absent\nparent=dir\n").parentIsDirectory()).isTrue();
        assertThatThrownBy(() -> parse("stat=x y\n")).isInstanceOf(ModuleFailure.class);
        assertThatThrownBy(() -> FileProbe.parse("/p", new ExecResult(0, "stat=\n", "stat: cannot stat '/p': Permission denied")))
                .isInstanceOf(ModuleFailure.class).hasMessageContaining("Permission denied");
    }

    @Test
    void commandQuotesThePath() {
        String cmd = FileProbe.command("/etc/my app/x'y", true, "sha256");
        assertThat(cmd).startsWith("p='/etc/my app/x'\"'\"'y'; if [ -e \"$p\" ]; then ")
                .contains("stat -L -c", "sha256sum <", "if [ -d '/etc/my app' ]");
        assertThat(FileProbe.command("/x", false, null)).contains("[ -L \"$p\" ]", "readlink").doesNotContain("sum");
    }

    @Test
    void pathParts() {
        assertThat(FileProbe.parentOf("/etc/rocketmq/broker.conf")).isEqualTo("/etc/rocketmq");
        assertThat(FileProbe.parentOf("/etc/")).isEqualTo("/");
        assertThat(FileProbe.parentOf("/x")).isEqualTo("/");
        assertThat(FileProbe.parentOf("x")).isEqualTo(".");
        assertThat(FileProbe.baseName("/etc/rocketmq/")).isEqualTo("rocketmq");
    }

    @Test
    void attributesCompareNamesOrIds() {
        FileInfo f = parse("stat=81a4 3000 3000 1 1 rocketmq rocketmq\n");
        assertThat(new FileAttributes("rocketmq", "3000", 0644).differences(f)).isEmpty();
        assertThat(new FileAttributes("root", null, 0600).differences(f)).containsExactly("owner", "mode");
        assertThat(new FileAttributes(null, "0", null).differences(f)).containsExactly("group");
        assertThat(new FileAttributes("a b", "g", 0755).applyCommand("/x y", true))
                .isEqualTo("chown -R 'a b:g' -- '/x y' && chmod -R 0755 -- '/x y'");
        assertThat(new FileAttributes(null, "g", null).applyCommand("/x", false)).isEqualTo("chgrp g -- /x");
        assertThat(new FileAttributes(null, null, null).applyCommand("/x", false)).isEmpty();
        assertThat(new FileAttributes("3000", null, 0750).findDifferingCommand("/d"))
                .isEqualTo("find /d -mindepth 1 \\( ! -user 3000 -o ! -perm 0750 \\) -print -quit");
    }
}
