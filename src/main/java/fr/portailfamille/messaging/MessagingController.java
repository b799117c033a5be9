package fr.portailfamille.messaging;

import fr.portailfamille.family.CurrentFamily;
import fr.portailfamille.messaging.MessageStore.AttachmentInfo;
import fr.portailfamille.messaging.MessageStore.Direction;
import fr.portailfamille.messaging.MessageStore.Message;
import fr.portailfamille.system.web.OnceOnly;
import jakarta.validation.Valid;
import jakarta.validation.groups.Default;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The family's « Messagerie » (guide I-7, II-5): messages reçus, envoyés, Envoyer un message, a
 * thread with its reply form, and the family's attachments. Only through the account's family file.
 */
@Controller
@RequestMapping("/messagerie")
class MessagingController {

    private final Inbox inbox;
    private final MessageStore store;
    private final RoutingTable routing;
    private final AttachmentPolicy attachments;

    MessagingController(Inbox inbox, MessageStore store, RoutingTable routing, AttachmentPolicy attachments) {
        this.inbox = inbox;
        this.store = store;
        this.routing = routing;
        this.attachments = attachments;
    }

    @GetMapping
    String received(@CurrentFamily long familyFileId, Model model) {
        return list(familyFileId, Direction.SERVICE_TO_FAMILY, "recus", model);
    }

    @GetMapping("/envoyes")
    String sent(@CurrentFamily long familyFileId, Model model) {
        return list(familyFileId, Direction.FAMILY_TO_SERVICE, "envoyes", model);
    }

    private String list(long familyFileId, Direction direction, String menu, Model model) {
        model.addAttribute("menu", menu);
        model.addAttribute("messages", store.messagesOf(familyFileId, direction));
        return "messaging/liste";
    }

    @GetMapping("/nouveau")
    String newMessage(@CurrentFamily long familyFileId, Model model) {
        model.addAttribute("form", new MessageForm());
        return showForm(model);
    }

    @OnceOnly
    @PostMapping("/nouveau")
    String send(@CurrentFamily long familyFileId,
            @Validated({Default.class, MessageForm.New.class}) @ModelAttribute("form") MessageForm form, BindingResult errors,
            @RequestParam(name = "fichiers", required = false) List<MultipartFile> files, Model model, RedirectAttributes redirect) {
        form.checkRouting(routing, errors);
        AttachmentPolicy.Checked checked = attachments.check(files);
        if (errors.hasErrors() || checked.error() != null) {
            model.addAttribute("filesError", checked.error());
            return showForm(model);
        }
        try {
            inbox.send(familyFileId, form, checked.files());
        } catch (Inbox.OverQuota over) {
            model.addAttribute("quotaError", over.getMessage());
            return showForm(model);
        }
        redirect.addFlashAttribute("sentTo", form.getService());
        return "redirect:/messagerie/envoyes";
    }

    /** « Envoyer un message » with the model's form, its errors and those of the files or the quota. */
    private String showForm(Model model) {
        model.addAttribute("menu", "nouveau");
        model.addAttribute("services", routing.offered());
        Map<String, String> serviceChoices = new LinkedHashMap<>();
        serviceChoices.put("", "— Choisissez un service —");
        routing.offered().forEach(s -> serviceChoices.put(s.service(), s.service()));
        model.addAttribute("serviceChoices", serviceChoices);
        return "messaging/nouveau";
    }

    @GetMapping("/messages/{id}")
    String thread(@CurrentFamily long familyFileId, @PathVariable long id, Model model) {
        Message message = inbox.messageOf(familyFileId, id).orElseThrow(MessagingController::notFound);
        if (inbox.markThreadRead(message.conversationId()) > 0) {
            // shown again so the tab's counter already counts them as read
            return "redirect:/messagerie/messages/" + id;
        }
        model.addAttribute("form", new MessageForm());
        return showThread(message, model);
    }

    @OnceOnly
    @PostMapping("/messages/{id}/repondre")
    String reply(@CurrentFamily long familyFileId, @PathVariable long id, @Valid @ModelAttribute("form") MessageForm form,
            BindingResult errors, @RequestParam(name = "fichiers", required = false) List<MultipartFile> files, Model model,
            RedirectAttributes redirect) {
        Message message = inbox.messageOf(familyFileId, id).orElseThrow(MessagingController::notFound);
        AttachmentPolicy.Checked checked = attachments.check(files);
        if (errors.hasErrors() || checked.error() != null) {
            model.addAttribute("filesError", checked.error());
            return showThread(message, model);
        }
        long replyId;
        try {
            replyId = inbox.reply(familyFileId, message.conversationId(), form, checked.files()).orElseThrow(MessagingController::notFound);
        } catch (Inbox.OverQuota over) {
            model.addAttribute("quotaError", over.getMessage());
            return showThread(message, model);
        }
        redirect.addFlashAttribute("replied", true);
        return "redirect:/messagerie/messages/" + replyId;
    }

    /** A thread with its reply form (the model's, with its errors). */
    private String showThread(Message message, Model model) {
        Map<Long, List<AttachmentInfo>> files = store.attachmentsOfThread(message.conversationId()).stream()
                .collect(Collectors.groupingBy(AttachmentInfo::messageId));
        model.addAttribute("menu", message.fromFamily() ? "envoyes" : "recus");
        model.addAttribute("message", message);
        model.addAttribute("thread", store.thread(message.conversationId()));
        model.addAttribute("attachments", files);
        return "messaging/conversation";
    }

    @GetMapping("/pieces-jointes/{id}")
    ResponseEntity<byte[]> download(@CurrentFamily long familyFileId, @PathVariable long id) {
        return store.attachment(id).filter(a -> a.familyFileId() == familyFileId)
                .map(AttachmentResponses::of)
                .orElseThrow(MessagingController::notFound);
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND);
    }
}
