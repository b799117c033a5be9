package fr.portailfamille.payment;

import fr.portailfamille.system.Euros;
import fr.portailfamille.system.web.PublicRoutes;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Plays the SystemPay gateway in the zero-setup and test runs (never in production): receives the
 * browser's signed form, checks it like the gateway (result 30 on a bad one, a reused
 * {@code vads_trans_id} of the same UTC day refused), offers « Accepter », « Refuser », « Annuler »,
 * « Abandonner », posts a signed notification to the shop's notification URL (retrying on non-2xx),
 * then sends the browser back to {@code vads_url_return}.
 */
@Controller
@Profile({"local", "test"})
class SystemPaySimulator {

    static final String PAYMENT_PATH = "/simulateur-systempay/paiement";
    static final String CHOICE_PATH = "/simulateur-systempay/choix";
    private static final Logger log = LoggerFactory.getLogger(SystemPaySimulator.class);
    private static final int NOTIFICATION_ATTEMPTS = 4;
    private static final List<String> REQUIRED = List.of("vads_site_id", "vads_ctx_mode", "vads_trans_id", "vads_trans_date",
            "vads_amount", "vads_currency", "vads_action_mode", "vads_page_action", "vads_payment_config", "vads_version");

    /** The buyer's choices: button label, transaction status, result code. */
    enum Choice {
        ACCEPTER("Accepter", "AUTHORISED", "00"),
        REFUSER("Refuser", "REFUSED", "05"),
        ANNULER("Annuler", "CANCELLED", "17"),
        ABANDONNER("Abandonner", "ABANDONED", "17");

        final String label;
        final String transStatus;
        final String result;

        Choice(String label, String transStatus, String result) {
            this.label = label;
            this.transStatus = transStatus;
            this.result = result;
        }

        public String label() {
            return label;
        }

        public String value() {
            return name();
        }
    }

    private final SystemPayConfiguration shop;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** Open payment sessions by token, and the transactions already used (UTC day + trans id). */
    private final Map<String, Map<String, String>> sessions = new ConcurrentHashMap<>();
    private final Set<String> usedTransactions = ConcurrentHashMap.newKeySet();

    SystemPaySimulator(PaymentProperties properties, Clock clock) {
        this.shop = properties.systempay();
        this.clock = clock;
    }

    /** Lives beside the simulator: anonymous (the browser comes from a shop), no CSRF token (the signature is the proof). */
    @Bean
    static PublicRoutes systemPaySimulatorRoutes() {
        return new PublicRoutes(List.of("/simulateur-systempay/**"), List.of("/simulateur-systempay/**"));
    }

    @PostMapping(PAYMENT_PATH)
    String payment(HttpServletRequest request, Model model) {
        Map<String, String> fields = fieldsOf(request);
        String error = check(fields);
        if (error != null) {
            log.info("Simulateur SystemPay : formulaire refusé ({})", error);
            model.addAttribute("error", error);
            model.addAttribute("returnUrl", fields.containsKey("vads_url_return")
                    ? withQuery(fields.get("vads_url_return"), Map.of("vads_result", "30",
                            "vads_order_id", fields.getOrDefault("vads_order_id", "")))
                    : null);
            return "payment/simulateur-erreur";
        }
        String token = UUID.randomUUID().toString();
        sessions.put(token, fields);
        model.addAttribute("token", token);
        model.addAttribute("amount", Euros.ofCents(Long.parseLong(fields.get("vads_amount"))));
        model.addAttribute("orderId", fields.getOrDefault("vads_order_id", ""));
        model.addAttribute("choices", Choice.values());
        return "payment/simulateur";
    }

    @PostMapping(CHOICE_PATH)
    String choice(@RequestParam String token, @RequestParam Choice choice, Model model) {
        Map<String, String> form = sessions.remove(token);
        if (form == null) {
            model.addAttribute("error", "Session de paiement inconnue ou déjà terminée.");
            model.addAttribute("returnUrl", null);
            return "payment/simulateur-erreur";
        }
        Map<String, String> notification = notification(form, choice);
        String url = form.getOrDefault("vads_url_check", shop.notificationUrl());
        notify(url, notification);
        Map<String, String> back = new LinkedHashMap<>();
        notification.forEach((k, v) -> {
            if (k.startsWith("vads_") && !k.startsWith("vads_url")) {
                back.put(k, v);
            }
        });
        back.put(SystemPaySignature.FIELD, SystemPaySignature.sign(back, shop.keyFor(form.get("vads_ctx_mode")), shop.algorithm()));
        return "redirect:" + withQuery(form.get("vads_url_return"), back);
    }

    /** The gateway's checks of a form; null when it is acceptable. */
    private String check(Map<String, String> fields) {
        List<String> missing = new ArrayList<>(REQUIRED.stream().filter(f -> fields.getOrDefault(f, "").isEmpty()).toList());
        if (!missing.isEmpty()) {
            return "champs manquants : " + String.join(", ", missing);
        }
        if (!shop.siteId().equals(fields.get("vads_site_id"))) {
            return "vads_site_id inconnu";
        }
        if (!SystemPaySignature.verify(fields, shop.keyFor(fields.get("vads_ctx_mode")), shop.algorithm())) {
            return "signature incorrecte";
        }
        if (!fields.get("vads_trans_id").matches("[0-9]{6}") || !fields.get("vads_trans_date").matches("[0-9]{14}")
                || !fields.get("vads_amount").matches("[1-9][0-9]*") || !"978".equals(fields.get("vads_currency"))) {
            return "vads_trans_id, vads_trans_date, vads_amount ou vads_currency invalide";
        }
        String today = SystemPayGateway.transDate(clock.instant()).substring(0, 8);
        if (!usedTransactions.add(today + fields.get("vads_trans_id"))) {
            return "vads_trans_id " + fields.get("vads_trans_id") + " déjà utilisé aujourd'hui";
        }
        return null;
    }

    private Map<String, String> notification(Map<String, String> form, Choice choice) {
        Map<String, String> fields = new LinkedHashMap<>();
        form.forEach((k, v) -> {
            if (k.startsWith("vads_")) {
                fields.put(k, v);
            }
        });
        boolean paid = choice == Choice.ACCEPTER;
        fields.put("vads_trans_status", choice.transStatus);
        fields.put("vads_result", choice.result);
        fields.put("vads_auth_result", paid ? "00" : choice == Choice.REFUSER ? "05" : "");
        fields.put("vads_auth_number", paid ? String.format("%06d", Math.abs(UUID.randomUUID().hashCode()) % 1_000_000) : "");
        fields.put("vads_trans_uuid", UUID.randomUUID().toString().replace("-", ""));
        fields.put("vads_effective_amount", paid ? form.get("vads_amount") : "");
        fields.put("vads_hash", UUID.randomUUID().toString().replace("-", ""));
        fields.put("vads_url_check_src", "PAY");
        fields.put(SystemPaySignature.FIELD, SystemPaySignature.sign(fields, shop.keyFor(form.get("vads_ctx_mode")), shop.algorithm()));
        return fields;
    }

    /** Server to server, like the gateway: retried a few times while the shop does not answer 2xx. */
    private void notify(String url, Map<String, String> fields) {
        String body = fields.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        for (int attempt = 1; attempt <= NOTIFICATION_ATTEMPTS; attempt++) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(35))
                        .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                log.info("Simulateur SystemPay : notification {} → {} {}", fields.get("vads_order_id"), response.statusCode(), response.body());
                if (response.statusCode() / 100 == 2) {
                    return;
                }
            } catch (IOException e) {
                log.warn("Simulateur SystemPay : notification non remise (essai {})", attempt, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            pause(attempt * 200L);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Map<String, String> fieldsOf(HttpServletRequest request) {
        Map<String, String> fields = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> fields.put(name, values.length == 0 ? "" : values[0]));
        return fields;
    }

    private static String withQuery(String url, Map<String, String> parameters) {
        String query = parameters.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        return url + (url.contains("?") ? "&" : "?") + query;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
