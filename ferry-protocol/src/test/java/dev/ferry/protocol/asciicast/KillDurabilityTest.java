package dev.ferry.protocol.asciicast;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A recorder killed with SIGKILL loses at most the last second and leaves a file every player reads after repair. */
class KillDurabilityTest {
    @TempDir
    Path dir;

    record Ack(int event, long nanos) {}

    @Test
    void sigkillLosesAtMostTheLastSecond() throws Exception {
        Path cast = dir.resolve("killed.cast");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                RecordingChild.class.getName(), cast.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<Ack> acks = new ArrayList<>();
        long killedAt;
        try {
            Thread reader = Thread.ofPlatform().daemon().start(() -> {
                try (BufferedReader in = new BufferedReader(
                        new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = in.readLine()) != null; ) {
                        long now = System.nanoTime();
                        synchronized (acks) {
                            acks.add(new Ack(Integer.parseInt(line.trim()), now));
                        }
                    }
                } catch (java.io.IOException | NumberFormatException ignored) {
                    // the pipe breaks when the child dies
                }
            });
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (firstAck(acks) == null && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(firstAck(acks)).as("child started writing").isNotNull();
            Thread.sleep(3000);
            killedAt = System.nanoTime();
            child.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no buffer flush
            assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(child.exitValue()).as("killed by signal 9").isEqualTo(128 + 9);
            reader.join(5000);
        } finally {
            child.destroyForcibly();
        }

        Set<Integer> onDisk = new HashSet<>();
        String torn;
        try (AsciicastReader r = AsciicastReader.open(cast)) {
            for (Event e; (e = r.next()) != null; ) {
                String[] words = e.data().split(" ");
                assertThat(e.data()).isEqualTo("event " + words[1] + " ünïcødé €\r\n");
                onDisk.add(Integer.parseInt(words[1]));
            }
            torn = r.tornTail();
        }
        List<Integer> mustSurvive = new ArrayList<>();
        int acked;
        synchronized (acks) {
            acked = acks.size();
            for (Ack a : acks) {
                if (a.nanos() < killedAt - TimeUnit.SECONDS.toNanos(1)) {
                    mustSurvive.add(a.event());
                }
            }
        }
        System.out.printf("kill -9: %d events acknowledged, %d on disk, %d older than 1 s, torn tail: %s%n",
                acked, onDisk.size(), mustSurvive.size(), torn);
        assertThat(mustSurvive).hasSizeGreaterThan(100);
        assertThat(onDisk).containsAll(mustSurvive);

        AsciicastRepair.repair(cast);
        Asciinema.Run cat = Asciinema.cat(cast, dir);
        assertThat(cat.exit()).as(cat.stderr()).isZero();
        try (AsciicastReader r = AsciicastReader.open(cast)) {
            assertThat(cat.stdout()).isEqualTo(Asciinema.outputBytes(AsciicastReaderTest.readAll(r)));
            assertThat(r.tornTail()).isNull();
        }
    }

    private static Ack firstAck(List<Ack> acks) {
        synchronized (acks) {
            return acks.isEmpty() ? null : acks.get(0);
        }
    }
}
