package io.rmqfleet.agent.collect;

import io.rmqfleet.common.report.LoadAverage;
import io.rmqfleet.common.report.MemoryUsage;

/** Parses the two /proc files the agent reads. Pure: the text in, a record out, a message for bad text. */
public final class ProcParser {
    private ProcParser() {
    }

    /** {@code /proc/loadavg}: "0.42 0.37 0.30 2/225 29768". */
    public static LoadAverage loadAverage(String text) {
        String[] fields = text.trim().split("\\s+");
        if (fields.length < 3) {
            throw new IllegalArgumentException("expected three load averages, got \"" + abbreviate(text) + "\"");
        }
        return new LoadAverage(load(fields[0]), load(fields[1]), load(fields[2]));
    }

    /** {@code /proc/meminfo}: MemTotal and MemAvailable (kernel 3.14+), in kB (KiB). */
    public static MemoryUsage memory(String text) {
        long total = -1;
        long available = -1;
        for (String line : text.split("\n")) {
            if (line.startsWith("MemTotal:")) {
                total = kibibytes(line);
            } else if (line.startsWith("MemAvailable:")) {
                available = kibibytes(line);
            }
        }
        if (total < 0) {
            throw new IllegalArgumentException("no MemTotal line");
        }
        if (available < 0) {
            throw new IllegalArgumentException("no MemAvailable line (kernel older than 3.14?)");
        }
        return new MemoryUsage(total, Math.min(available, total));
    }

    private static double load(String field) {
        try {
            double value = Double.parseDouble(field);
            if (!Double.isFinite(value) || value < 0) {
                throw new IllegalArgumentException("load average out of range: " + field);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("load average is not a number: " + field);
        }
    }

    private static long kibibytes(String line) {
        String[] fields = line.trim().split("\\s+");
        if (fields.length < 2) {
            throw new IllegalArgumentException("no value in \"" + line.trim() + "\"");
        }
        try {
            long value = Long.parseLong(fields[1]);
            long factor = fields.length > 2 && fields[2].equalsIgnoreCase("kB") ? 1024 : 1;
            return Math.multiplyExact(value, factor);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("bad value in \"" + line.trim() + "\"");
        }
    }

    private static String abbreviate(String text) {
        String line = text.strip();
        return line.length() > 80 ? line.substring(0, 80) + "..." : line;
    }
}
