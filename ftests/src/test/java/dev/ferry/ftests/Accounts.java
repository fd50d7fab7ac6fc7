package dev.ferry.ftests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** Accounts on a test relay through the real admin CLI, and web logins through the real login form. */
final class Accounts {
    private Accounts() {}

    /** {@code ferry user add NAME --role ROLE} (with {@code --password} when one is given). */
    static void add(RelayProcess relay, String name, String role, String password) throws Exception {
        FerryRun r = password == null
                ? FerryRun.run(relay.dataDir().resolveSibling("cli"), "user", "add", name, "--role", role, "--data", relay.dataDir().toString())
                : FerryRun.run(relay.dataDir().resolveSibling("cli"), Map.of(), password + "\n", "user", "add", name, "--role", role,
                        "--password", "--data", relay.dataDir().toString());
        assertThat(r.status()).as(r.err()).isZero();
    }

    static String apiKey(RelayProcess relay, String user) throws Exception {
        FerryRun r = FerryRun.run(relay.dataDir().resolveSibling("cli"), "apikey", "create", "--user", user, "--data", relay.dataDir().toString());
        assertThat(r.status()).as(r.err()).isZero();
        return r.lastLine();
    }

    static void addKey(RelayProcess relay, String user, SshKeys key) throws Exception {
        FerryRun r = FerryRun.run(relay.dataDir().resolveSibling("cli"), "user", "key", "add", user, key.publicKey(),
                "--data", relay.dataDir().toString());
        assertThat(r.status()).as(r.err()).isZero();
    }

    /** Logs in through {@code POST /login}; returns the {@code Cookie} header value. */
    static String login(RelayProcess relay, String name, String password) throws Exception {
        HttpResponse<String> r = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build().send(
                HttpRequest.newBuilder(URI.create(relay.webBase() + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", relay.webBase())
                        .POST(HttpRequest.BodyPublishers.ofString("name=" + name + "&password=" + password)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("login of " + name).isEqualTo(303);
        String c = r.headers().firstValue("Set-Cookie").orElseThrow();
        return c.substring(0, c.indexOf(';'));
    }
}
