package fr.portailfamille.messaging;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.springframework.stereotype.Component;

/**
 * The services and themes offered on « Envoyer un message », read from the deployed DMN table
 * {@code messageRouting} itself: every row whose service and theme are plain texts is a choice; a
 * town that redeploys the table changes the page without any Java change.
 */
@Component
class RoutingTable {

    private static final Pattern STRING_LITERAL = Pattern.compile("^\\s*\"([^\"]+)\"\\s*$");

    /** A service and its themes, in the table's order. */
    record ServiceThemes(String service, List<String> themes) {}

    private final RepositoryService repository;
    private volatile String cachedDefinitionId;
    private volatile List<ServiceThemes> cached = List.of();

    RoutingTable(RepositoryService repository) {
        this.repository = repository;
    }

    List<ServiceThemes> offered() {
        DecisionDefinition latest = repository.createDecisionDefinitionQuery()
                .decisionDefinitionKey(MessageRoutingProcess.DECISION).latestVersion().singleResult();
        if (latest == null) {
            return List.of();
        }
        if (!latest.getId().equals(cachedDefinitionId)) {
            cached = parse(repository.getDmnModelInstance(latest.getId()));
            cachedDefinitionId = latest.getId();
        }
        return cached;
    }

    boolean offers(String service, String theme) {
        return offered().stream().anyMatch(s -> s.service().equals(service) && s.themes().contains(theme));
    }

    boolean offersService(String service) {
        return offered().stream().anyMatch(s -> s.service().equals(service));
    }

    static List<ServiceThemes> parse(DmnModelInstance model) {
        Map<String, List<String>> themes = new LinkedHashMap<>();
        DecisionTable table = model.getModelElementsByType(DecisionTable.class).iterator().next();
        for (Rule rule : table.getRules()) {
            List<InputEntry> entries = new ArrayList<>(rule.getInputEntries());
            if (entries.size() < 2) {
                continue;
            }
            String service = literal(entries.get(0));
            String theme = literal(entries.get(1));
            if (service != null && theme != null) {
                List<String> list = themes.computeIfAbsent(service, s -> new ArrayList<>());
                if (!list.contains(theme)) {
                    list.add(theme);
                }
            }
        }
        return themes.entrySet().stream().map(e -> new ServiceThemes(e.getKey(), List.copyOf(e.getValue()))).toList();
    }

    private static String literal(InputEntry entry) {
        String text = entry.getText() == null ? null : entry.getText().getTextContent();
        if (text == null) {
            return null;
        }
        Matcher m = STRING_LITERAL.matcher(text);
        return m.matches() ? m.group(1) : null;
    }
}
