package fr.portailfamille.system.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** The caught mails, newest first (zero-setup runs only, see {@link MailCatcher}). */
@Controller
@ConditionalOnProperty(name = "portal.mail.catcher.enabled", havingValue = "true")
class CaughtMailController {

    private static final Pattern LINK = Pattern.compile("https?://\\S+");

    private final GreenMail greenMail;

    CaughtMailController(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    record CaughtMail(int index, String to, String subject, String sentAt) {}

    record Segment(String text, boolean link) {}

    @GetMapping("/courriels")
    String list(Model model) throws MessagingException {
        MimeMessage[] messages = greenMail.getReceivedMessages();
        List<CaughtMail> mails = new ArrayList<>();
        for (int i = messages.length - 1; i >= 0; i--) {
            mails.add(summary(i, messages[i]));
        }
        model.addAttribute("mails", mails);
        return "system/courriels";
    }

    @GetMapping("/courriels/{index}")
    String show(@PathVariable int index, Model model) throws MessagingException, IOException {
        MimeMessage[] messages = greenMail.getReceivedMessages();
        if (index < 0 || index >= messages.length) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        model.addAttribute("mail", summary(index, messages[index]));
        model.addAttribute("lines", lines(textOf(messages[index])));
        return "system/courriel";
    }

    private static CaughtMail summary(int index, MimeMessage message) throws MessagingException {
        return new CaughtMail(index, String.join(", ", Arrays.stream(message.getAllRecipients()).map(Object::toString).toList()),
                message.getSubject(), message.getSentDate() == null ? "" : fr.portailfamille.system.PortalTime.DATE_TIME
                        .format(message.getSentDate().toInstant().atZone(fr.portailfamille.system.PortalTime.ZONE)));
    }

    /** The plain-text part, split into lines of text and links, so the page escapes the text and links the URLs. */
    private static List<List<Segment>> lines(String text) {
        List<List<Segment>> lines = new ArrayList<>();
        for (String line : text.split("\\R", -1)) {
            List<Segment> segments = new ArrayList<>();
            Matcher m = LINK.matcher(line);
            int last = 0;
            while (m.find()) {
                segments.add(new Segment(line.substring(last, m.start()), false));
                segments.add(new Segment(m.group(), true));
                last = m.end();
            }
            segments.add(new Segment(line.substring(last), false));
            lines.add(segments);
        }
        return lines;
    }

    private static String textOf(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                String text = textOf(body);
                if (text != null) {
                    return text;
                }
            }
            return null;
        }
        return part instanceof MimeMessage m ? GreenMailUtil.getBody(m) : null;
    }
}
