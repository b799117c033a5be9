package fr.portailfamille.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The mails the portal really sent over SMTP to the test's GreenMail server. */
public class Mailbox {

    private static final Pattern LINK = Pattern.compile("https?://[^\\s\"<>]+");

    private final GreenMail greenMail;

    Mailbox(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    /** A received mail, decoded. */
    public record Mail(String to, String subject, String text, String html) {

        /** Every link of the mail, in order. */
        public List<String> links() {
            List<String> links = new ArrayList<>();
            Matcher m = LINK.matcher(text);
            while (m.find()) {
                links.add(m.group());
            }
            return links;
        }

        public String linkContaining(String part) {
            return links().stream().filter(l -> l.contains(part)).findFirst()
                    .orElseThrow(() -> new AssertionError("no link with " + part + " in mail « " + subject + " »:\n" + text));
        }
    }

    public List<Mail> all() {
        return Arrays.stream(greenMail.getReceivedMessages()).map(Mailbox::decode).toList();
    }

    public List<Mail> to(String address) {
        return all().stream().filter(m -> m.to().contains(address)).toList();
    }

    /** Waits (mails of pages leave after commit, on another thread) for a mail to this address whose subject contains the text. */
    public Mail await(String address, String subjectPart) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (Instant.now().isBefore(deadline)) {
            List<Mail> found = to(address).stream().filter(m -> m.subject().contains(subjectPart)).toList();
            if (!found.isEmpty()) {
                return found.get(found.size() - 1);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("no mail « " + subjectPart + " » to " + address + "; received: "
                + all().stream().map(m -> m.to() + ": " + m.subject()).toList());
    }

    public void clear() {
        try {
            greenMail.purgeEmailFromAllMailboxes();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Mail decode(MimeMessage message) {
        try {
            String to = String.join(", ", Arrays.stream(message.getRecipients(Message.RecipientType.TO)).map(Object::toString).toList());
            return new Mail(to, message.getSubject(), part(message, "text/plain"), part(message, "text/html"));
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String part(Part part, String type) throws MessagingException, IOException {
        if (part.isMimeType(type)) {
            return part.getContent().toString();
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                String found = part(body, type);
                if (!found.isEmpty()) {
                    return found;
                }
            }
        }
        return part instanceof MimeMessage m && "text/plain".equals(type) && !part.isMimeType("multipart/*") ? GreenMailUtil.getBody(m) : "";
    }
}
