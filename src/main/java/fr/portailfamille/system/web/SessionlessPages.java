package fr.portailfamille.system.web;

import java.util.List;

/**
 * Pages a module answers to anyone without reading the visitor's session: read only (GET and HEAD),
 * no form, nobody signed in shown. The security configuration gives them a chain of their own with
 * the pages' headers and nothing else (no session, no security context, no saved request), so such a
 * page costs what its own work costs — the waiting room's page, answered to thousands of families in
 * the opening second.
 *
 * @param paths path patterns of the pages
 */
public record SessionlessPages(List<String> paths) {
}
