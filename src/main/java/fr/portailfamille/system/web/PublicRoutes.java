package fr.portailfamille.system.web;

import java.util.List;

/**
 * Paths a module serves to anonymous visitors (sign-up, password reset, the payment
 * notification…). Each module declares its own as a bean; the portal's security chain gathers them.
 *
 * @param paths       Ant/path patterns open to anyone
 * @param csrfExempt  patterns called by machines rather than our forms (e.g. the gateway's IPN)
 */
public record PublicRoutes(List<String> paths, List<String> csrfExempt) {

    public static PublicRoutes of(String... paths) {
        return new PublicRoutes(List.of(paths), List.of());
    }
}
