package fr.portailfamille.system.web;

import java.util.List;

/**
 * Other origins the portal's forms may post to (e.g. the card gateway, which receives the
 * browser's signed payment form). Each module declares its own as a bean; the portal's
 * Content-Security-Policy adds them to {@code form-action}.
 *
 * @param origins scheme, host and port, such as {@code https://paiement.systempay.fr}
 */
public record FormTargets(List<String> origins) {}
