package fr.portailfamille.staff.cockpit;

import jakarta.ws.rs.Path;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;

/**
 * Serves the plugin's two files ({@code app/plugin.js}, {@code app/plugin.css}) at
 * {@code /camunda/api/cockpit/plugin/historique-demandes/static/…}: Cockpit answers 404 for a
 * plugin without a root resource of its own, and a plugin script that fails to load stops Cockpit
 * from starting at all. It serves nothing else: the plugin reads the engine's REST API.
 */
@Path("plugin/" + RequestHistoryPlugin.ID)
public class RequestHistoryPluginRootResource extends AbstractCockpitPluginRootResource {

    public RequestHistoryPluginRootResource() {
        super(RequestHistoryPlugin.ID);
    }
}
