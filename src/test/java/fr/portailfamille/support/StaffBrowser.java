package fr.portailfamille.support;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitForSelectorState;

/**
 * A town agent in a real Chromium: signs in once on {@code /agent/connexion} (the one staff sign-in)
 * and opens Tasklist, Cockpit, Admin or a staff page with that same session. Opening a webapp waits
 * for an element that is there only once the application has loaded (its first load shows a spinner
 * for a while on this machine), never for a fixed time.
 */
public final class StaffBrowser implements AutoCloseable {

    /** The first load of a webapp in a fresh JVM on a loaded machine (a few MB of scripts, then its API) can take minutes. */
    private static final double LOAD_TIMEOUT_MS = 180_000;
    private static final double FIRST_LOAD_MS = 90_000;

    private final BrowserContext window;
    private final Page page;

    /** What the browser reported (console errors, failed requests, error answers): told if a webapp does not load. */
    private final java.util.List<String> reports = java.util.Collections.synchronizedList(new java.util.ArrayList<>());

    private final java.util.Set<String> pending = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private StaffBrowser(BrowserContext window) {
        this.window = window;
        this.page = window.newPage();
        page.onConsoleMessage(m -> {
            if ("error".equals(m.type()) || "warning".equals(m.type())) {
                reports.add(m.type() + ": " + m.text());
            }
        });
        page.onPageError(error -> reports.add("script error: " + error));
        page.onRequest(r -> pending.add(r.url()));
        page.onRequestFinished(r -> pending.remove(r.url()));
        page.onRequestFailed(r -> {
            pending.remove(r.url());
            reports.add("failed: " + r.url() + " " + r.failure());
        });
        page.onResponse(r -> {
            if (r.status() >= 400) {
                reports.add(r.status() + ": " + r.url());
            }
        });
    }

    /** A new private window on the portal, signed in as that staff user. */
    public static StaffBrowser signedIn(String baseUrl, String user, String password) {
        StaffBrowser staff = new StaffBrowser(Browser.newWindow(baseUrl, 1400, 1000));
        staff.signIn(user, password);
        return staff;
    }

    /** Fills the staff sign-in form of the current page (or of {@code /agent/connexion}) and sends it. */
    public void signIn(String user, String password) {
        if (!page.url().contains("/agent/connexion")) {
            page.navigate("/agent/connexion");
        }
        page.getByLabel("Identifiant").fill(user);
        page.getByLabel("Mot de passe").fill(password);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se connecter")).click();
        page.waitForURL(url -> !url.contains("/agent/connexion"));
    }

    /** Tasklist, loaded: its filter list shown. */
    public Page tasklist() {
        return open("tasklist", page.getByText("Tâches de mon service").first());
    }

    /** Cockpit, loaded: its header shows the signed-in agent's application. */
    public Page cockpit() {
        return open("cockpit", page.locator("a.navbar-brand").first());
    }

    /** Admin, loaded: its header shows the signed-in agent's application. */
    public Page admin() {
        return open("admin", page.locator("a.navbar-brand").first());
    }

    /**
     * Opens a webapp and waits for an element it shows only once loaded. The first webapp page of a
     * freshly started portal sometimes stays on its spinner in the test browser, with no request left
     * unanswered and no script error reported; the page is then loaded once more (what an agent would
     * do), and the test fails if it still does not show.
     */
    private Page open(String app, Locator stable) {
        String url = "/camunda/app/" + app + "/default/";
        page.navigate(url);
        try {
            stable.waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.VISIBLE).setTimeout(FIRST_LOAD_MS));
            return page;
        } catch (com.microsoft.playwright.TimeoutError e) {
            reports.add("reloaded " + url + " after " + FIRST_LOAD_MS / 1000 + " s");
            System.err.println("StaffBrowser: " + url + " still loading, reloaded; browser: " + reports + ", unanswered: " + pending);
            page.navigate(url);
            return waitFor(stable);
        }
    }

    /**
     * The card of a task in « Tâches de mon service », found by a text it shows (a child, a family). The
     * list is the one Tasklist drew when it opened; a card not in it within 15 s is looked for again in
     * Tasklist opened afresh, as an agent would reload it, three times at most.
     */
    public Locator serviceTaskCard(String text) {
        return serviceTaskCard(new Locator.FilterOptions().setHasText(text), text);
    }

    /** {@link #serviceTaskCard(String)}, the card's text matching {@code text}. */
    public Locator serviceTaskCard(java.util.regex.Pattern text) {
        return serviceTaskCard(new Locator.FilterOptions().setHasText(text), text.pattern());
    }

    private Locator serviceTaskCard(Locator.FilterOptions showing, String text) {
        for (int attempt = 1; ; attempt++) {
            Page tasklist = tasklist();
            tasklist.getByText("Tâches de mon service").first().click();
            Locator card = tasklist.locator(".task").filter(showing).first();
            try {
                card.waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.VISIBLE).setTimeout(15_000));
                return card;
            } catch (com.microsoft.playwright.TimeoutError e) {
                if (attempt == 3) {
                    throw new AssertionError("no task showing « " + text + " » in « Tâches de mon service »: "
                            + page.locator("body").innerText() + "\nbrowser: " + reports, e);
                }
                reports.add("task « " + text + " » not listed, Tasklist opened again");
            }
        }
    }

    /** A staff page of the portal ({@code /agent/...}). */
    public Page agent(String path) {
        page.navigate(path);
        return page;
    }

    public Page page() {
        return page;
    }

    public BrowserContext window() {
        return window;
    }

    private Page waitFor(Locator stable) {
        try {
            stable.waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.VISIBLE).setTimeout(LOAD_TIMEOUT_MS));
        } catch (com.microsoft.playwright.TimeoutError e) {
            String text = page.locator("body").innerText();
            throw new AssertionError("the webapp did not load at " + page.url() + ": "
                    + (text.length() > 600 ? text.substring(0, 600) + "…" : text) + "\nbrowser: " + reports + "\nunanswered: " + pending, e);
        }
        return page;
    }

    @Override
    public void close() {
        window.close();
    }
}
