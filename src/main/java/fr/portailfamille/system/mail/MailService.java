package fr.portailfamille.system.mail;

import fr.portailfamille.system.PortalProperties;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.HashMap;
import java.util.Map;
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

    /** Renders {@code mail/<template>.html} with the model and sends it now. */
    public void send(String to, String subject, String template, Map<String, Object> model) {
        Map<String, Object> variables = new HashMap<>(model);
        variables.put("subject", subject);
        variables.put("townName", properties.townName());
        variables.put("portalUrl", properties.link("/"));
        String html = templates.process("mail/" + template, new Context(java.util.Locale.FRANCE, variables));
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(properties.mail().from());
            helper.setTo(to);
            helper.setSubject(subject);
            helper.setText(plainText(html), html);
            sender.send(message);
            log.info("Courriel « {} » envoyé à {}", subject, to);
        } catch (MessagingException e) {
            throw new MailSendException("courriel « " + subject + " » non construit", e);
        }
    }

    /** Sends once the current transaction has committed (at once when there is none), off the request thread. */
    public void sendAfterCommit(String to, String subject, String template, Map<String, Object> model) {
        Runnable job = () -> {
            try {
                send(to, subject, template, model);
            } catch (RuntimeException e) {
                log.error("Courriel « {} » à {} non envoyé", subject, to, e);
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

    /** The text part: the HTML's text, each link written out so it can be followed from any mail client. */
    static String plainText(String html) {
        Document document = Jsoup.parse(html);
        for (Element link : document.select("a[href]")) {
            link.replaceWith(new org.jsoup.nodes.TextNode(link.text() + " : " + link.attr("href")));
        }
        document.select("br").after("\n");
        document.select("p, h1, h2, li, div, tr").after("\n\n");
        return document.body().wholeText().replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").trim();
    }
}
