package dev.ferry.relay.ssh;

import java.util.List;
import org.apache.sshd.server.auth.keyboard.InteractiveChallenge;
import org.apache.sshd.server.auth.keyboard.KeyboardInteractiveAuthenticator;
import org.apache.sshd.server.session.ServerSession;

/**
 * Keyboard-interactive with no prompts: OpenSSH asks nothing and logs in. This is how a joiner
 * gets in with a bare {@code ssh TOKEN@relay}: the token (the user name) is the credential and is
 * checked when the shell starts, where the joiner can be told clearly what is wrong. MINA 2.20
 * rejects the {@code none} method outright, so this is the no-password path.
 */
final class ZeroPromptAuthenticator implements KeyboardInteractiveAuthenticator {
    @Override
    public InteractiveChallenge generateChallenge(ServerSession session, String username, String lang, String subMethods) {
        InteractiveChallenge challenge = new InteractiveChallenge();
        challenge.setInteractionName("");
        challenge.setInteractionInstruction("");
        challenge.setLanguageTag("");
        return challenge;
    }

    @Override
    public boolean authenticate(ServerSession session, String username, List<String> responses) {
        return responses == null || responses.isEmpty();
    }
}
