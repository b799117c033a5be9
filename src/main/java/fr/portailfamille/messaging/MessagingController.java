package fr.portailfamille.messaging;

import fr.portailfamille.family.FamilyFiles;
import fr.portailfamille.messaging.MessageStore.AttachmentInfo;
import fr.portailfamille.messaging.MessageStore.Direction;
import fr.portailfamille.messaging.MessageStore.Message;
import fr.portailfamille.system.security.FamilyPrincipal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
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

    private static final String NO_FILE = "messaging/sans-dossier";

    private final FamilyFiles families;
    private final Inbox inbox;
    private final MessageStore store;
    private final RoutingTable routing;
    private final AttachmentPolicy attachments;

    MessagingController(FamilyFiles families, Inbox inbox, MessageStore store, RoutingTable routing, AttachmentPolicy attachments) {
        this.families = families;
        this.inbox = inbox;
        this.store = store;
        this.routing = routing;
        this.attachments = attachments;
    }

    @GetMapping
    String received(@AuthenticationPrincipal FamilyPrincipal family, Model model) {
        return list(family, Direction.SERVICE_TO_FAMILY, "recus", model);
    }

    @GetMapping("/envoyes")
    String sent(@AuthenticationPrincipal FamilyPrincipal family, Model model) {
        return list(family, Direction.FAMILY_TO_SERVICE, "envoyes", model);
    }

    private String list(FamilyPrincipal family, Direction direction, String menu, Model model) {
        Optional<Long> file = families.fileIdOfAccount(family.accountId());
        if (file.isEmpty()) {
            return NO_FILE;
        }
        model.addAttribute("menu", menu);
        model.addAttribute("messages", store.messagesOf(file.get(), direction));
        return "messaging/liste";
    }

    @GetMapping("/nouveau")
    String newMessage(@AuthenticationPrincipal FamilyPrincipal family, Model model) {
        if (families.fileIdOfAccount(family.accountId()).isEmpty()) {
            return NO_FILE;
        }
        return showForm(new MessageForm(), Map.of(), model);
    }

    @PostMapping("/nouveau")
    String send(@AuthenticationPrincipal FamilyPrincipal family, @ModelAttribute("form") MessageForm form,
            @RequestParam(name = "fichiers", required = false) List<MultipartFile> files, Model model, RedirectAttributes redirect) {
        Optional<Long> file = families.fileIdOfAccount(family.accountId());
        if (file.isEmpty()) {
            return NO_FILE;
        }
        Map<String, String> errors = form.validateNew(routing);
        AttachmentPolicy.Checked checked = attachments.check(files);
        if (checked.error() != null) {
            errors.put("files", checked.error());
        }
        if (!errors.isEmpty()) {
            return showForm(form, errors, model);
        }
        inbox.send(file.get(), form, checked.files());
        redirect.addFlashAttribute("sentTo", form.getService());
        return "redirect:/messagerie/envoyes";
    }

    private String showForm(MessageForm form, Map<String, String> errors, Model model) {
        model.addAttribute("menu", "nouveau");
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("services", routing.offered());
        return "messaging/nouveau";
    }

    @GetMapping("/messages/{id}")
    String thread(@AuthenticationPrincipal FamilyPrincipal family, @PathVariable long id, Model model) {
        Optional<Long> file = families.fileIdOfAccount(family.accountId());
        if (file.isEmpty()) {
            return NO_FILE;
        }
        Message message = inbox.messageOf(file.get(), id).orElseThrow(MessagingController::notFound);
        if (inbox.markThreadRead(message.conversationId()) > 0) {
            // shown again so the tab's counter already counts them as read
            return "redirect:/messagerie/messages/" + id;
        }
        return showThread(message, new MessageForm(), Map.of(), model);
    }

    @PostMapping("/messages/{id}/repondre")
    String reply(@AuthenticationPrincipal FamilyPrincipal family, @PathVariable long id, @ModelAttribute("form") MessageForm form,
            @RequestParam(name = "fichiers", required = false) List<MultipartFile> files, Model model, RedirectAttributes redirect) {
        Optional<Long> file = families.fileIdOfAccount(family.accountId());
        if (file.isEmpty()) {
            return NO_FILE;
        }
        Message message = inbox.messageOf(file.get(), id).orElseThrow(MessagingController::notFound);
        Map<String, String> errors = form.validateReply();
        AttachmentPolicy.Checked checked = attachments.check(files);
        if (checked.error() != null) {
            errors.put("files", checked.error());
        }
        if (!errors.isEmpty()) {
            return showThread(message, form, errors, model);
        }
        long replyId = inbox.reply(file.get(), message.conversationId(), form, checked.files()).orElseThrow(MessagingController::notFound);
        redirect.addFlashAttribute("replied", true);
        return "redirect:/messagerie/messages/" + replyId;
    }

    private String showThread(Message message, MessageForm form, Map<String, String> errors, Model model) {
        Map<Long, List<AttachmentInfo>> files = store.attachmentsOfThread(message.conversationId()).stream()
                .collect(Collectors.groupingBy(AttachmentInfo::messageId));
        model.addAttribute("menu", message.fromFamily() ? "envoyes" : "recus");
        model.addAttribute("message", message);
        model.addAttribute("thread", store.thread(message.conversationId()));
        model.addAttribute("attachments", files);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "messaging/conversation";
    }

    @GetMapping("/pieces-jointes/{id}")
    ResponseEntity<byte[]> download(@AuthenticationPrincipal FamilyPrincipal family, @PathVariable long id) {
        Optional<Long> file = families.fileIdOfAccount(family.accountId());
        return store.attachment(id).filter(a -> file.isPresent() && a.familyFileId() == file.get())
                .map(AttachmentResponses::of)
                .orElseThrow(MessagingController::notFound);
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND);
    }
}
