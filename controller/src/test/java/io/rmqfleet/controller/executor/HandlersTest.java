package io.rmqfleet.controller.executor;

import static org.assertj.core.api.Assertions.assertThat;

import io.rmqfleet.controller.callback.HostStats;
import io.rmqfleet.controller.cli.ExitCodes;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HandlersTest {

    @TempDir
    Path dir;

    @Test
    void onlyChangedResultsNotifyAndHandlersRunOncePerHostInDefinitionOrder() {
        Harness h = new Harness(dir, "a", "b");
        Harness.Result r = h.run("""
            - hosts: all
              gather_facts: false
              tasks:
                - name: change on a only
                  command: "{{ 'changed' if inventory_hostname == 'a' else 'ok' }}"
                  notify: [second, first]
                - name: change again
                  command: changed
                  notify: first
              handlers:
                - name: first
                  command: ok first
                - name: second
                  command: ok second
            """);
        assertThat(h.command.callsOf("a")).containsExactly("changed", "changed", "ok first", "ok second");
        assertThat(h.command.callsOf("b")).containsExactly("ok", "changed", "ok first");
        assertThat(r.output()).contains("RUNNING HANDLER [first] ***", "RUNNING HANDLER [second] ***");
        assertThat(r.output().indexOf("RUNNING HANDLER [first]")).isLessThan(r.output().indexOf("RUNNING HANDLER [second]"));
        assertThat(r.exitCode()).isZero();
    }

    @Test
    void flushHandlersRunsThemMidPlayAndTheyDoNotRunTwice() {
        Harness h = new Harness(dir, "a");
        Harness.Result r = h.run("""
            - hosts: all
              gather_facts: false
              tasks:
                - command: changed
                  notify: restart
                - meta: flush_handlers
                - name: after flush
                  command: ok after
              handlers:
                - name: restart
                  command: ok restart
            """);
        assertThat(h.command.callsOf("a")).containsExactly("changed", "ok restart", "ok after");
        assertThat(r.output()).contains("TASK [meta] ***");
    }

    @Test
    void listenTopicsAndRoleStyleNamesReachHandlers() {
        Harness h = new Harness(dir, "a");
        h.run("""
            - hosts: all
              gather_facts: false
              tasks:
                - command: changed
                  notify: restart things
              handlers:
                - name: restart broker
                  command: ok broker
                  listen: restart things
                - name: restart namesrv
                  command: ok namesrv
                  listen: restart things
            """);
        assertThat(h.command.callsOf("a")).containsExactly("changed", "ok broker", "ok namesrv");
    }

    @Test
    void aFailedHostRunsNoHandlers() {
        Harness h = new Harness(dir, "a", "b");
        h.run("""
            - hosts: all
              gather_facts: false
              tasks:
                - command: changed
                  notify: h
                - command: "{{ 'fail' if inventory_hostname == 'a' else 'ok' }}"
              handlers:
                - name: h
                  command: ok handler
            """);
        assertThat(h.command.callsOf("a")).containsExactly("changed", "fail");
        assertThat(h.command.callsOf("b")).containsExactly("changed", "ok", "ok handler");
    }

    @Test
    void notifyingAnUnknownHandlerFailsTheTask() {
        Harness h = new Harness(dir, "a");
        Harness.Result r = h.run("""
            - hosts: all
              gather_facts: false
              tasks:
                - command: changed
                  notify: nobody
              handlers:
                - name: somebody
                  command: ok
            """);
        assertThat(r.output()).contains("The requested handler 'nobody' was not found");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.HOST_FAILED);
    }

    @Test
    void handlerChangesCountInTheRecap() {
        Harness h = new Harness(dir, "a");
        Harness.Result r = h.run("""
            - hosts: all
              gather_facts: false
              tasks:
                - command: changed
                  notify: h
              handlers:
                - name: h
                  command: changed
            """);
        assertThat(r.recap().of("a")).isEqualTo(new HostStats(2, 2, 0, 0, 0, 0, 0));
    }
}
