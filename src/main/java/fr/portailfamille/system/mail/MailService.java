package fr.portailfamille.system.mail;

import fr.portailfamille.system.PortalProperties;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Every mail of the portal: French Thymeleaf templates under {@code templates/mail/}, sent as
 * HTML with a plain-text alternative.
 *
 * <p>{@link #send} sends now and fails loudly: a BPMN step marked {@code asyncBefore} calls it, so
 * a mail server outage becomes a retryable incident. {@link #sendAfterCommit} is for pages: the
 * mail leaves only once what the family saved is committed, on another thread, and a failure is
 * logged without undoing anything.
 */
@Service
public class MailService {

    private static final Logger log = LoggerFactory.getLogger(MailService.class);

    private final JavaMailSender sender;
    private final TemplateEngine templates;
    private final PortalProperties properties;
    private final Executor executor;

    MailService(JavaMailSender sender, TemplateEngine templates, PortalProperties properties,
            @Qualifier("mailExecutor") Executor executor) {
        this.sender = sender;
        this.templates = templates;
        this.properties = properties;
        this.executor = executor;
    }

    /** One mail to render from {@code mail/<template>.html} with its model, and its attached files (none by default). */
    public record Mail(String to, String subject, String template, Map<String, Object> model, List<Attachment> attachments) {

        public Mail(String to, String subject, String template, Map<String, Object> model) {
            this(to, subject, template, model, List.of());
        }
    }

    /** A file sent with a mail (a receipt, a certificate the portal made itself). */
    public record Attachment(String fileName, String mediaType, byte[] content) {}

    /** Renders {@code mail/<template>.html} with the model and sends it now. */
    public void send(String to, String subject, String template, Map<String, Object> model) {
        send(new Mail(to, subject, template, model));
    }

    /** Renders and sends one mail now, with its attached files. */
    public void send(Mail mail) {
        sender.send(message(mail));
        log.info("Courriel « {} » envoyé à {}", mail.subject(), mail.to());
    }

    /**
     * Sends many mails now over ONE connection to the SMTP server (a bulk step: one connection per
     * mail would cost a handshake each). Returns the positions of the mails that were not sent
     * (empty when all went out): the caller records the others as sent and retries those.
     */
    public Set<Integer> sendAll(List<Mail> mails) {
        if (mails.isEmpty()) {
            return Set.of();
        }
        MimeMessage[] messages = mails.stream().map(this::message).toArray(MimeMessage[]::new);
        try {
            sender.send(messages);
            log.info("{} courriel(s) envoyé(s) sur une connexion", messages.length);
            return Set.of();
        } catch (MailSendException e) {
            Set<Object> failed = e.getFailedMessages().keySet();
            Set<Integer> notSent = new TreeSet<>();
            for (int i = 0; i < messages.length; i++) {
                if (failed.isEmpty() || failed.contains(messages[i])) {
                    notSent.add(i);
                }
            }
            log.error("{} courriel(s) sur {} non envoyé(s)", notSent.size(), messages.length, e);
            return notSent;
        }
    }

    private MimeMessage message(Mail mail) {
        Map<String, Object> variables = new HashMap<>(mail.model());
        variables.put("subject", mail.subject());
        variables.put("townName", properties.townName());
        variables.put("portalUrl", properties.link("/"));
        String html = templates.process("mail/" + mail.template(), new Context(java.util.Locale.FRANCE, variables));
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(properties.mail().from());
            helper.setTo(mail.to());
            helper.setSubject(mail.subject());
            helper.setText(plainText(html), html);
            for (Attachment file : mail.attachments()) {
                helper.addAttachment(file.fileName(), new org.springframework.core.io.ByteArrayResource(file.content()), file.mediaType());
            }
            return message;
        } catch (MessagingException e) {
            throw new MailSendException("courriel « " + mail.subject() + " » non construit", e);
        }
    }

    /** Sends once the current transaction has committed (at once when there is none), off the request thread. */
    public void sendAfterCommit(String to, String subject, String template, Map<String, Object> model) {
        sendAfterCommit(new Mail(to, subject, template, model));
    }

    /** {@link #sendAfterCommit(String, String, String, Map)} for a mail with attached files. */
    public void sendAfterCommit(Mail mail) {
        Runnable job = () -> {
            try {
                send(mail);
            } catch (RuntimeException e) {
                log.error("Courriel « {} » à {} non envoyé", mail.subject(), mail.to(), e);
            }
        };
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    executor.execute(job);
                }
            });
        } else {
            executor.execute(job);
        }
    }

    /**
     * The text part: the HTML's text, each link written out so it can be followed from any mail
     * client (« Voir mon dossier : https://… », or the address alone when it is the link's text).
     */
    static String plainText(String html) {
        Document document = Jsoup.parse(html);
        for (Element link : document.select("a[href]")) {
            String text = link.text().strip();
            String href = link.attr("href").strip();
            link.replaceWith(new org.jsoup.nodes.TextNode(text.isEmpty() || sameAddress(text, href) ? href : text + " : " + href));
        }
        document.select("p, h1, h2, li, div, tr").after("\n\n");
        // wholeText() writes each <br> as a line break
        return document.body().wholeText().replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n[ \\t]+", "\n")
                .replaceAll("\\n{3,}", "\n\n").trim();
    }

    private static boolean sameAddress(String text, String href) {
        return stripSlash(text).equalsIgnoreCase(stripSlash(href));
    }

    private static String stripSlash(String address) {
        return address.endsWith("/") ? address.substring(0, address.length() - 1) : address;
    }
}
