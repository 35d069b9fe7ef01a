package io.rmqfleet.controller.connection;

import java.util.Map;

/**
 * How a run logs in beyond what the inventory says: whether unknown host keys may be recorded (trust on first
 * use, {@code --accept-new-hosts}; a changed key is refused regardless) and the passphrase of an encrypted
 * private key. The passphrase never appears in {@link #toString()}.
 */
public record LoginOptions(boolean acceptNewHostKeys, String keyPassphrase) {

    /** The environment variable that holds the private key's passphrase, if the key has one. */
    public static final String PASSPHRASE_ENV = "RMQFLEET_SSH_PASSPHRASE";

    /** Strict host keys, unencrypted keys only. */
    public static final LoginOptions STRICT = new LoginOptions(false, null);

    /** {@code acceptNew} from the command line, the passphrase from {@value #PASSPHRASE_ENV} when set. */
    public static LoginOptions from(boolean acceptNew, Map<String, String> environment) {
        String passphrase = environment.get(PASSPHRASE_ENV);
        return new LoginOptions(acceptNew, passphrase == null || passphrase.isEmpty() ? null : passphrase);
    }

    @Override
    public String toString() {
        return "LoginOptions[acceptNewHostKeys=" + acceptNewHostKeys + ", keyPassphrase="
            + (keyPassphrase == null ? "none" : "****") + "]";
    }
}
