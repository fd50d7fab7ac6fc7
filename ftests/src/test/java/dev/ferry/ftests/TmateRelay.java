package dev.ferry.ftests;

import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A relay for one test class of stock tmate hosts, with the {@link TmateKit} for it (tmate homes,
 * commands, OpenSSH joiners). Use it as
 * {@code @RegisterExtension static final TmateRelay fixture = new TmateRelay();}; a test's own files
 * go under {@link #tmp}.
 */
final class TmateRelay implements BeforeAllCallback, AfterAllCallback {
    private final ClassRelay classRelay = new ClassRelay();
    Path tmp;
    RelayProcess relay;
    TmateKit kit;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        classRelay.beforeAll(context);
        tmp = classRelay.dir();
        relay = classRelay.get();
        kit = TmateKit.forRelay(tmp, relay);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        classRelay.afterAll(context);
    }
}
