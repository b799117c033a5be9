package fr.portailfamille.system.mail;

/** The zero-setup run's SMTP port is held by another program; explained by {@link MailCatcherPortInUseFailureAnalyzer}. */
class MailCatcherPortInUseException extends IllegalStateException {

    private final int port;

    MailCatcherPortInUseException(int port, Throwable cause) {
        super("Mail catcher port " + port + " already in use", cause);
        this.port = port;
    }

    int port() {
        return port;
    }
}
