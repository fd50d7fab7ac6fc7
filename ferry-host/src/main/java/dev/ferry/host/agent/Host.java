package dev.ferry.host.agent;

import java.nio.file.Files;
import java.nio.file.Path;

/** What the agent tells the relay about the device: its OS and host name. */
final class Host {
    private Host() {}

    /** Like "Debian GNU/Linux 12 (bookworm), Linux 6.1.0 amd64". */
    static String os() {
        String kernel = System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch");
        try {
            for (String line : Files.readAllLines(Path.of("/etc/os-release"))) {
                if (line.startsWith("PRETTY_NAME=")) return line.substring(12).replace("\"", "") + ", " + kernel;
            }
        } catch (Exception e) {
            // no os-release: the kernel says enough
        }
        return kernel;
    }

    static String name() {
        try {
            String n = Files.readString(Path.of("/etc/hostname")).strip();
            if (!n.isEmpty()) return n;
        } catch (Exception e) {
            // fall through
        }
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "unknown";
        }
    }
}
