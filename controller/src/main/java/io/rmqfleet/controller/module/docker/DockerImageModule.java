package io.rmqfleet.controller.module.docker;

import io.rmqfleet.controller.connection.ExecResult;
import io.rmqfleet.controller.module.ArgSpec;
import io.rmqfleet.controller.module.Diff;
import io.rmqfleet.controller.module.ModuleArgs;
import io.rmqfleet.controller.module.ModuleArgumentException;
import io.rmqfleet.controller.module.ModuleContext;
import io.rmqfleet.controller.module.ModuleFailure;
import io.rmqfleet.controller.module.ModuleResult;
import io.rmqfleet.controller.module.TaskModule;
import io.rmqfleet.controller.module.support.Remote;
import io.rmqfleet.controller.module.support.ShellQuote;

import java.util.Optional;

/**
 * {@code docker_image}: an image is present on the host (or absent). {@code source: ship} copies it from the
 * controller's engine when the host lacks that exact image id (and verifies the id after loading);
 * {@code source: pull} pulls when the host lacks the reference ({@code force_source} pulls again and reports a
 * change only if the id changed); {@code source: local} only checks that it is there.
 */
public final class DockerImageModule implements TaskModule {
    private static final ArgSpec SPEC = ArgSpec.builder()
            .required("name")
            .optional("force_source", "force_absent")
            .choices("state", "present", "absent")
            .choices("source", "pull", "ship", "local")
            .build();

    private final ImageTransfer transfer;

    /** @param transfer how {@code source: ship} moves images; null when shipping is not available */
    public DockerImageModule(ImageTransfer transfer) {
        this.transfer = transfer;
    }

    @Override
    public String name() {
        return "docker_image";
    }

    @Override
    public boolean supportsCheckMode() {
        return true;
    }

    @Override
    public ArgSpec argSpec() {
        return SPEC;
    }

    @Override
    public ModuleResult run(ModuleContext ctx, ModuleArgs args) {
        String image = args.string("name");
        String state = args.choice("state", "present", "present", "absent");
        Remote remote = new Remote(ctx);
        Optional<String> remoteId;
        try {
            remoteId = remoteId(remote, image);
        } catch (DockerUnavailableException e) {
            if (!ctx.checkMode()) {
                throw e;
            }
            remoteId = Optional.empty(); // check mode before docker_install ran: the image is not there yet
        }
        if (state.equals("absent")) {
            return absent(ctx, remote, image, remoteId, args.bool("force_absent", false));
        }
        String source = args.optString("source").orElseThrow(() -> new ModuleArgumentException(
                "argument 'source' is required with state=present (ship, pull or local)"));
        return switch (source) {
            case "ship" -> ship(ctx, remote, image, remoteId);
            case "pull" -> pull(ctx, remote, image, remoteId, args.bool("force_source", false));
            default -> {
                if (remoteId.isEmpty()) {
                    throw new ModuleFailure("image " + image + " is not on the host (source: local does not fetch it; "
                            + "use source: ship or pull)");
                }
                yield result(ModuleResult.okBuilder(), image, remoteId.get());
            }
        };
    }

    private ModuleResult ship(ModuleContext ctx, Remote remote, String image, Optional<String> remoteId) {
        if (transfer == null) {
            throw new ModuleFailure("source: ship is not available here (no image transfer configured)");
        }
        String localId = transfer.localImageId(image).orElseThrow(() -> new ModuleFailure(
                "image " + image + " is not in the controller's Docker engine; build it first (images/build.sh)"));
        if (remoteId.isPresent() && remoteId.get().equals(localId)) {
            return result(ModuleResult.okBuilder(), image, localId);
        }
        ModuleResult.Builder changed = ModuleResult.builder(true).msg(remoteId.isPresent() ? "image updated" : "image shipped");
        if (ctx.diffMode()) {
            changed.diff(idDiff(image, remoteId, localId));
        }
        if (!ctx.checkMode()) {
            transfer.ship(image, ctx.connection());
            Optional<String> loaded = remoteId(remote, image);
            if (loaded.isEmpty() || !loaded.get().equals(localId)) {
                throw new ModuleFailure("after loading " + image + " the host has id " + loaded.orElse("(none)")
                        + ", the controller " + localId);
            }
        }
        return result(changed, image, localId);
    }

    private static ModuleResult pull(ModuleContext ctx, Remote remote, String image, Optional<String> remoteId,
                                     boolean force) {
        if (remoteId.isPresent() && !force) {
            return result(ModuleResult.okBuilder(), image, remoteId.get());
        }
        if (ctx.checkMode()) {
            // a forced pull may or may not bring a new id: only a missing image is a sure change
            return result(ModuleResult.builder(remoteId.isEmpty()).msg("image would be pulled"), image,
                    remoteId.orElse(null));
        }
        remote.check("docker pull " + image, "docker pull " + ShellQuote.quote(image) + " >/dev/null");
        String pulled = remoteId(remote, image).orElseThrow(() -> new ModuleFailure("image " + image
                + " is still missing after docker pull"));
        boolean changed = remoteId.isEmpty() || !remoteId.get().equals(pulled);
        ModuleResult.Builder b = ModuleResult.builder(changed);
        if (changed) {
            b.msg("image pulled");
            if (ctx.diffMode()) {
                b.diff(idDiff(image, remoteId, pulled));
            }
        }
        return result(b, image, pulled);
    }

    private static ModuleResult absent(ModuleContext ctx, Remote remote, String image, Optional<String> remoteId,
                                       boolean force) {
        if (remoteId.isEmpty()) {
            return ModuleResult.okBuilder().put("image", image).build();
        }
        ModuleResult.Builder b = ModuleResult.builder(true).msg("image removed").put("image", image);
        if (ctx.diffMode()) {
            b.diff(new Diff("image " + image + " (before)", "image " + image + " (after)",
                    "id: " + remoteId.get() + "\n", "state: absent\n"));
        }
        if (!ctx.checkMode()) {
            remote.check("docker rmi " + image, "docker rmi " + (force ? "--force " : "") + ShellQuote.quote(image) + " >/dev/null");
        }
        return b.build();
    }

    static Optional<String> remoteId(Remote remote, String image) {
        ExecResult r = remote.run("docker image inspect --format '{{.Id}}' " + ShellQuote.quote(image) + " 2>&1");
        String out = r.stdout().trim();
        if (r.ok()) {
            return Optional.of(out);
        }
        if (out.toLowerCase().contains("no such image") || out.toLowerCase().contains("no such object")) {
            return Optional.empty();
        }
        if (DockerUnavailableException.matches(out + r.stderr())) {
            throw new DockerUnavailableException("Docker is not available on the host: " + (out + r.stderr()).strip());
        }
        throw ModuleFailure.of("docker image inspect " + image, new ExecResult(r.exitCode(), "", out));
    }

    private static Diff idDiff(String image, Optional<String> before, String after) {
        return new Diff("image " + image + " (before)", "image " + image + " (after)",
                before.map(id -> "id: " + id + "\n").orElse("state: absent\n"), "id: " + after + "\n");
    }

    private static ModuleResult result(ModuleResult.Builder b, String image, String id) {
        b.put("image", image);
        if (id != null) {
            b.put("id", id);
        }
        return b.build();
    }
}
