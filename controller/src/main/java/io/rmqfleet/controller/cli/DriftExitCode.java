package io.rmqfleet.controller.cli;

/**
 * {@code drift}'s exit code from the check run's ansible-playbook code and whether anything would change, like
 * {@code terraform plan -detailed-exitcode}: with the flag 0 = no drift, 2 = drift, 1 = error; without it 0 unless
 * an error. Bad input (4) and an interruption (99) keep their codes as everywhere; a failed or unreachable host
 * is an error (1): its drift is unknown.
 */
final class DriftExitCode {
    static final int DRIFT = 2;

    private DriftExitCode() {
    }

    static int of(int runExitCode, boolean drifted, boolean detailed) {
        return switch (runExitCode) {
            case ExitCodes.OK -> detailed && drifted ? DRIFT : ExitCodes.OK;
            case ExitCodes.BAD_INPUT, ExitCodes.INTERRUPTED -> runExitCode;
            default -> ExitCodes.ERROR;
        };
    }
}
