package fr.portailfamille.staff.cockpit;

import java.util.Set;
import org.camunda.bpm.cockpit.plugin.spi.impl.AbstractCockpitPlugin;

/**
 * « Historique des demandes », our Cockpit plugin: Cockpit's community edition shows no finished
 * process instance, so an administrator could not audit a closed request. The plugin is only a
 * front-end module ({@code plugin-webapp/historique-demandes/app/plugin.js}, plain ES module, no
 * build step) that Cockpit loads like its own plugins; it reads the engine's history REST API
 * through the webapp's session, so Camunda's authorizations decide what each user sees. Its only
 * server-side part is the resource that serves these files ({@link RequestHistoryPluginRootResource}).
 *
 * <p>Found by Cockpit through {@code META-INF/services/org.camunda.bpm.cockpit.plugin.spi.CockpitPlugin}
 * (hence public, with a public constructor).
 */
public class RequestHistoryPlugin extends AbstractCockpitPlugin {

    /** The plugin's id: the folder of its files and part of their URL ({@code /camunda/api/cockpit/plugin/<id>/static/app/plugin.js}). */
    public static final String ID = "historique-demandes";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public Set<Class<?>> getResourceClasses() {
        return Set.of(RequestHistoryPluginRootResource.class);
    }
}
