package dev.ferry.relay;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The relay's heap flags, read back from a fresh JVM after {@link HeapPolicy#apply()}: set when at their defaults, never over the command line. */
class HeapPolicyTest {
    /** Runs in the child JVM: applies the policy, prints the flags' values. */
    public static final class Probe {
        public static void main(String[] args) {
            HeapPolicy.apply();
            HotSpotDiagnosticMXBean h = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            for (String f : HeapPolicy.FLAGS.keySet()) System.out.println(f + "=" + h.getVMOption(f).getValue());
        }
    }

    private static List<String> probe(String... jvmOptions) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-XX:+UseG1GC");
        cmd.addAll(List.of(jvmOptions));
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Probe.class.getName()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(out).isZero();
            return out.lines().toList();
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void aJvmAtItsDefaultsGetsTheRelaysFlags() throws Exception {
        assertThat(probe()).containsExactly("MinHeapFreeRatio=10", "MaxHeapFreeRatio=20", "G1PeriodicGCInterval=60000");
    }

    @Test
    void aFlagGivenOnTheCommandLineIsLeftAlone() throws Exception {
        assertThat(probe("-XX:MaxHeapFreeRatio=50", "-XX:G1PeriodicGCInterval=0"))
                .containsExactly("MinHeapFreeRatio=10", "MaxHeapFreeRatio=50", "G1PeriodicGCInterval=0");
        // A minimum above the policy's maximum: the maximum cannot be set below it, and nothing fails.
        assertThat(probe("-XX:MinHeapFreeRatio=30")).containsExactly("MinHeapFreeRatio=30", "MaxHeapFreeRatio=70", "G1PeriodicGCInterval=60000");
    }
}
