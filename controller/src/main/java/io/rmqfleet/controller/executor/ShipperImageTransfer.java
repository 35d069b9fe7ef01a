package io.rmqfleet.controller.executor;

import io.rmqfleet.controller.connection.Connection;
import io.rmqfleet.controller.connection.ImageShipException;
import io.rmqfleet.controller.connection.ImageShipper;
import io.rmqfleet.controller.connection.LocalDocker;
import io.rmqfleet.controller.module.ModuleFailure;
import io.rmqfleet.controller.module.docker.ImageTransfer;
import java.util.Optional;

/** docker_image's {@code source: ship} on the connection layer's {@link ImageShipper} (save, SFTP, load, verify). */
public final class ShipperImageTransfer implements ImageTransfer {
    private final LocalDocker local;
    private final ImageShipper shipper;

    public ShipperImageTransfer(LocalDocker local, ImageShipper shipper) {
        this.local = local;
        this.shipper = shipper;
    }

    @Override
    public Optional<String> localImageId(String image) {
        return local.imageId(image);
    }

    @Override
    public void ship(String image, Connection connection) {
        try {
            shipper.ship(image, connection);
        } catch (ImageShipException e) {
            throw new ModuleFailure(e.getMessage());
        }
    }
}
