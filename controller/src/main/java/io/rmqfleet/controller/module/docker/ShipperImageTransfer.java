package io.rmqfleet.controller.module.docker;

import io.rmqfleet.controller.connection.Connection;
import io.rmqfleet.controller.connection.ImageShipException;
import io.rmqfleet.controller.connection.ImageShipper;
import io.rmqfleet.controller.connection.LocalDocker;
import io.rmqfleet.controller.module.ModuleFailure;

import java.util.Optional;

/** {@link ImageTransfer} through the connection layer's {@link ImageShipper} (cached save, SFTP, load, id check). */
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
            throw new ModuleFailure("shipping " + image + ": " + e.getMessage());
        }
    }
}
