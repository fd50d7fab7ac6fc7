package dev.ferry.ftests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ferry relay --tls-cert --tls-key} with a self-signed certificate made by Debian's openssl. */
class TlsTest {
    @TempDir Path tmp;

    static String run(Path dir, String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", cmd) + ": " + out).isZero();
        return out;
    }

    @Test
    void sharesVerifyTheRelaysCertificateAndAcceptAPrivateCaFile() throws Exception {
        run(tmp, "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", "key.pem", "-out", "cert.pem", "-days", "2", "-subj", "/CN=127.0.0.1",
                "-addext", "subjectAltName=IP:127.0.0.1");
        String cert = tmp.resolve("cert.pem").toString();
        String pw = "tls-Pw-2024";
        try (RelayProcess relay = RelayProcess.start(tmp.resolve("relay"), "--tls-cert", cert, "--tls-key", tmp.resolve("key.pem").toString())) {
            assertThat(relay.webBase()).startsWith("https://127.0.0.1:");
            assertThat(relay.stdout()).contains("hosts connect to wss://127.0.0.1:");

            Throwable refused = catchThrowable(() -> ShareProcess.start(tmp.resolve("share"), relay, List.of(), "sh", "-c", "sleep 30").close());
            assertThat(refused).isNotNull().hasMessageContaining("cannot reach the relay").hasMessageContaining("its TLS certificate is not trusted").hasMessageContaining("--ca-file PEM");

            try (ShareProcess ok = ShareProcess.start(tmp.resolve("share"), relay, List.of("--ca-file", cert),
                    "sh", "-c", "while :; do echo tls-hello; sleep 1; done")) {
                String link = ok.links().get("web session read only");
                assertThat(link).startsWith(relay.webBase() + "/t/ro-");
                // ferry join verifies the certificate the same way.
                FerryRun untrusted = FerryRun.run(tmp, "join", link);
                assertThat(untrusted.status()).isEqualTo(1);
                Process join = new ProcessBuilder(Ferry.command("join", "--ca-file", cert, link))
                        .redirectInput(ProcessBuilder.Redirect.PIPE).redirectErrorStream(true).start();
                try {
                    StringBuilder seen = new StringBuilder();
                    Ferry.waitUntil(java.time.Duration.ofSeconds(20), "the session's output through ferry join", () -> {
                        try {
                            int n = join.getInputStream().available();
                            if (n > 0) seen.append(new String(join.getInputStream().readNBytes(n), StandardCharsets.UTF_8));
                        } catch (java.io.IOException e) {
                            return false;
                        }
                        return seen.toString().contains("tls-hello");
                    });
                } finally {
                    join.destroyForcibly();
                }
            }

            // Under TLS the session cookie is Secure.
            assertThat(FerryRun.run(tmp, Map.of(), pw + "\n", "user", "add", "tess", "--role", "viewer", "--password",
                    "--data", relay.dataDir().toString()).status()).isZero();
            String headers = run(tmp, "curl", "-s", "-D", "-", "-o", "/dev/null", "--cacert", cert,
                    "-H", "Origin: " + relay.webBase(), "--data", "name=tess&password=" + pw, relay.webBase() + "/login");
            assertThat(headers).containsPattern("(?i)set-cookie: ferry_session=[^;]+; Path=/; HttpOnly; SameSite=Strict; Max-Age=\\d+; Secure");
        }
    }
}
