package org.opencrm.itests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.auth.password.UserAuthPasswordFactory;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.SshException;

/**
 * A real ssh client against the distribution's Karaf shell (port {@code port}), signing in with a password only: one
 * attempt per connection, as {@code ssh -o PreferredAuthentications=password} would make.
 */
final class Ssh {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private Ssh() {
    }

    /** What the command printed, or null when the server refused the sign-in. */
    static String run(int port, String user, String password, String command) throws IOException {
        try (SshClient client = SshClient.setUpDefaultClient()) {
            client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
            client.setUserAuthFactories(List.of(UserAuthPasswordFactory.INSTANCE));
            client.start();
            try (ClientSession session = client.connect(user, "127.0.0.1", port).verify(TIMEOUT).getSession()) {
                session.addPasswordIdentity(password);
                try {
                    session.auth().verify(TIMEOUT);
                } catch (SshException refused) {
                    return null;
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                ByteArrayOutputStream err = new ByteArrayOutputStream();
                try {
                    session.executeRemoteCommand(command, out, err, StandardCharsets.UTF_8);
                } catch (IOException failedCommand) {
                    // a command that ends with an error status: what it printed is the answer
                }
                return out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
            }
        }
    }
}
