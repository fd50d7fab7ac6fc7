package dev.ferry.bench.load;

import java.nio.file.Files;
import java.nio.file.Path;

/** The facts a reader needs to compare figures: cores, CPU model, JDK, load at the start. */
final class Machine {
    private Machine() {}

    static Json describe() {
        return Json.obj().put("cores", Runtime.getRuntime().availableProcessors()).put("cpu", cpu()).put("jdk", jdk())
                .put("loadavg", read("/proc/loadavg")).put("summary", summary());
    }

    static String summary() {
        return Runtime.getRuntime().availableProcessors() + " cores, " + cpu() + ", " + jdk() + ", load " + read("/proc/loadavg");
    }

    private static String jdk() {
        return System.getProperty("java.vm.name") + " " + Runtime.version();
    }

    private static String cpu() {
        return read("/proc/cpuinfo").lines().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("?");
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file)).strip();
        } catch (Exception e) {
            return "?";
        }
    }
}
