package io.leadhouse.web;

import io.leadhouse.account.User;
import io.leadhouse.lead.LeadFilter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Renders the small HTML shells of the web UI. Each shell carries the page's frame, labels and a
 * skeleton that reserves the space of the data; a JavaScript module then fills it from the JSON
 * API. Every value that is not our own constant is escaped. Thread-safe.
 */
final class Pages {
    private static final int SKELETON_ROWS = 8;
    private static final List<String> SHARED_MODULES =
            List.of("strings.js", "format.js", "dom.js", "api.js", "shell.js");

    private final WebStrings strings;
    private final Assets assets;

    Pages(WebStrings strings, Assets assets) {
        this.strings = strings;
        this.assets = assets;
    }

    /** The sign-in page; {@code next} is a checked local path to go to after signing in. */
    String signIn(String next) {
        String body = String.format(Locale.ROOT, """
                <main id="main" class="sign-in" tabindex="-1">
                <div class="sign-in-card">
                <img class="sign-in-logo" src="%s" alt="" width="48" height="48">
                <h1>%s</h1>
                <noscript><p class="notice">%s</p></noscript>
                <div id="sign-in-error" class="alert" role="alert" hidden></div>
                <form id="sign-in-form" class="form" method="post" action="/sign-in" data-next="%s">
                <div class="field">
                <label for="email">%s</label>
                <input id="email" name="email" type="email" autocomplete="username" required autofocus>
                </div>
                <div class="field">
                <label for="password">%s</label>
                <input id="password" name="password" type="password" autocomplete="current-password" required>
                </div>
                <button id="sign-in-submit" class="button-primary" type="submit">%s</button>
                </form>
                </div>
                </main>
                """, assets.url("logo.svg"), text("signIn.heading"), text("app.needsScript"),
                Html.escape(next), text("signIn.email"), text("signIn.password"), text("signIn.submit"));
        return layout(strings.get("signIn.title"), "sign-in.js", Optional.empty(), "", body);
    }

    /** The leads list with its search box; {@code query} is the search typed so far, possibly empty. */
    String leads(User user, String query) {
        StringBuilder skeleton = new StringBuilder();
        for (int i = 0; i < SKELETON_ROWS; i++) {
            skeleton.append("<li class=\"lead-row is-skeleton\" aria-hidden=\"true\"><div class=\"lead-main\">")
                    .append("<span class=\"sk sk-name\"></span><span class=\"sk sk-line\"></span></div>")
                    .append("<div class=\"lead-contact\"><span class=\"sk sk-line\"></span>")
                    .append("<span class=\"sk sk-line\"></span></div><div class=\"lead-side\">")
                    .append("<span class=\"sk sk-badge\"></span><span class=\"sk sk-time\"></span></div></li>\n");
        }
        String body = String.format(Locale.ROOT, """
                <main id="main" class="page" tabindex="-1">
                <div class="page-head">
                <div class="page-title">
                <h1 id="leads-heading">%s</h1>
                <a id="add-lead" class="button-quiet" href="/leads/new">%s</a>
                </div>
                <form id="search-form" class="search" role="search" action="/leads" method="get">
                <label for="search-q">%s</label>
                <div class="search-row">
                <input id="search-q" name="q" type="search" value="%s" placeholder="%s" autocomplete="off"
                spellcheck="false" aria-keyshortcuts="/" maxlength="200">
                <button class="button-primary" type="submit">%s</button>
                </div>
                </form>
                </div>
                %s
                <p id="list-status" class="list-status" role="status" aria-live="polite">%s</p>
                <ol id="lead-list" class="lead-list" aria-labelledby="leads-heading" aria-busy="true">
                %s</ol>
                <nav id="pager" class="pager is-pending" aria-label="%s"></nav>
                </main>
                """, text("leads.heading"), text("leads.add"), text("leads.searchLabel"), Html.escape(query),
                text("leads.searchPlaceholder"), text("leads.searchSubmit"), filtersAndViews(), text("leads.loading"),
                skeleton,
                text("leads.pages"));
        return layout(strings.get("leads.title"), "leads.js", Optional.of(user), "page", body);
    }

    /**
     * The leads list's filter bar and saved views. The script sets the filters from the URL, applies
     * them as they change and fills the list of views.
     */
    private String filtersAndViews() {
        return String.format(Locale.ROOT, """
                <form id="filter-form" class="filters" action="/leads" method="get" aria-label="%s">
                %s%s%s
                <div class="filter"><label for="filter-createdFrom">%s</label>
                <input id="filter-createdFrom" name="createdFrom" type="date"></div>
                <div class="filter"><label for="filter-createdTo">%s</label>
                <input id="filter-createdTo" name="createdTo" type="date"></div>
                <div class="filter filter-end"><button id="filter-clear" class="button-quiet" type="button">%s</button>
                </div>
                </form>
                <section class="views" aria-labelledby="views-heading">
                <h2 id="views-heading">%s</h2>
                <ul id="view-list" class="view-list" aria-busy="true"><li class="view-note">%s</li></ul>
                <form id="save-view-form" class="save-view" novalidate>
                <label for="view-name">%s</label>
                <div class="search-row">
                <input id="view-name" name="name" type="text" maxlength="80" autocomplete="off">
                <button id="save-view" class="button-quiet" type="submit">%s</button>
                </div>
                <p id="view-status" class="view-status" role="status" aria-live="polite"></p>
                </form>
                </section>
                """, text("filters.label"),
                select("source", "source.kind", LeadFilter.SOURCES), select("stage", "stage", LeadFilter.STAGES),
                select("status", "status", LeadFilter.STATUSES), text("filters.createdFrom"),
                text("filters.createdTo"), text("filters.clear"), text("views.heading"), text("views.loading"),
                text("views.nameLabel"), text("views.save"));
    }

    private String select(String name, String labelGroup, List<String> values) {
        StringBuilder html = new StringBuilder();
        html.append("<div class=\"filter\"><label for=\"filter-").append(name).append("\">")
                .append(text("filters." + name)).append("</label>\n<select id=\"filter-").append(name)
                .append("\" name=\"").append(name).append("\">\n<option value=\"\">").append(text("filters.any"))
                .append("</option>\n");
        for (String value : values) {
            html.append("<option value=\"").append(Html.escape(value)).append("\">")
                    .append(text(labelGroup + "." + value)).append("</option>\n");
        }
        return html.append("</select></div>\n").toString();
    }

    /** The page of one lead; {@code leadId} is the id from the URL, checked by the API when the script asks. */
    String lead(User user, String leadId) {
        String body = String.format(Locale.ROOT, """
                <main id="main" class="page" tabindex="-1" data-lead-id="%s">
                <p class="back"><a href="/leads">%s</a></p>
                <div id="lead" class="lead" aria-busy="true">
                <header class="lead-head">
                <h1 class="is-loading">%s</h1>
                <p class="lead-sub"><span class="sk sk-line"></span></p>
                <p class="badges"><span class="sk sk-badge"></span> <span class="sk sk-badge"></span></p>
                </header>
                <div class="lead-grid">
                <div class="lead-col">
                <section class="card is-skeleton" aria-hidden="true"><div class="sk sk-block is-tall"></div></section>
                <section class="card is-skeleton" aria-hidden="true"><div class="sk sk-block"></div></section>
                </div>
                <section class="card is-skeleton" aria-hidden="true"><div class="sk sk-block"></div></section>
                </div>
                </div>
                </main>
                """, Html.escape(leadId), text("lead.back"), text("lead.loading"));
        return layout(strings.get("lead.title"), "lead.js", Optional.of(user), "true", body);
    }

    /** The form that adds a lead by hand; the script sends it to the leads API. */
    String newLead(User user) {
        String body = String.format(Locale.ROOT, """
                <main id="main" class="page page-narrow" tabindex="-1">
                <p class="back"><a href="/leads">%s</a></p>
                <h1 id="add-lead-heading">%s</h1>
                <p id="add-lead-hint" class="intro muted">%s</p>
                <noscript><p class="notice">%s</p></noscript>
                <div id="add-lead-error" class="alert" role="alert" hidden></div>
                <form id="add-lead-form" class="form card" method="post" novalidate
                aria-labelledby="add-lead-heading" aria-describedby="add-lead-hint">
                %s%s%s%s%s<button id="add-lead-submit" class="button-primary" type="submit">%s</button>
                </form>
                </main>
                """, text("lead.back"), text("addLead.heading"), text("addLead.hint"), text("app.needsScript"),
                field("name", "text", "name", 300, "addLead.name"),
                field("phone", "tel", "tel", 100, "addLead.phone"),
                field("email", "email", "email", 320, "addLead.email"),
                field("city", "text", "address-level2", 200, "addLead.city"),
                field("company", "text", "organization", 300, "addLead.company"),
                text("addLead.submit"));
        return layout(strings.get("addLead.title"), "add-lead.js", Optional.of(user), "true", body);
    }

    /** One labelled input of a form; {@code maxLength} matches what the API accepts. */
    private String field(String name, String type, String autocomplete, int maxLength, String labelKey) {
        return String.format(Locale.ROOT, """
                <div class="field">
                <label for="%s">%s</label>
                <input id="%s" name="%s" type="%s" autocomplete="%s" maxlength="%d">
                </div>
                """, name, text(labelKey), name, name, type, autocomplete, maxLength);
    }

    private String layout(String title, String script, Optional<User> user, String leadsCurrent,
            String body) {
        StringBuilder html = new StringBuilder(4096);
        html.append("<!doctype html>\n<html lang=\"").append(text("app.language")).append("\">\n<head>\n")
                .append("<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"referrer\" content=\"same-origin\">\n")
                .append("<title>").append(Html.escape(title)).append(" · ").append(text("app.name"))
                .append("</title>\n")
                .append("<link rel=\"icon\" type=\"image/svg+xml\" href=\"").append(assets.url("logo.svg"))
                .append("\">\n")
                .append("<link rel=\"stylesheet\" href=\"").append(assets.url("app.css")).append("\">\n");
        for (String module : SHARED_MODULES) {
            html.append("<link rel=\"modulepreload\" href=\"").append(assets.url(module)).append("\">\n");
        }
        html.append("<script type=\"module\" src=\"").append(assets.url(script)).append("\"></script>\n")
                .append("</head>\n<body>\n<a class=\"skip-link\" href=\"#main\">").append(text("nav.skip"))
                .append("</a>\n");
        user.ifPresent(signedIn -> html.append(topBar(signedIn, leadsCurrent)));
        html.append(body)
                .append("<script id=\"strings\" type=\"application/json\">")
                .append(Html.jsonDataBlock(strings.all()))
                .append("</script>\n</body>\n</html>\n");
        return html.toString();
    }

    /**
     * The bar above every signed-in page. {@code leadsCurrent} is the Leads link's aria-current:
     * {@code page} on the list itself, {@code true} on a lead, which belongs to that section.
     */
    private String topBar(User user, String leadsCurrent) {
        String who = user.fullName().isBlank() ? user.email() : user.fullName();
        return String.format(Locale.ROOT, """
                <header class="topbar">
                <a class="brand" href="/leads">
                <img src="%s" alt="%s" width="28" height="28"><span aria-hidden="true">%s</span>
                </a>
                <nav class="nav" aria-label="%s"><a href="/leads" aria-current="%s">%s</a></nav>
                <div class="account">
                <span class="who" title="%s">%s</span>
                <button id="sign-out" class="button-quiet" type="button">%s</button>
                </div>
                </header>
                """, assets.url("logo.svg"), text("app.name"), text("app.name"), text("nav.main"),
                leadsCurrent, text("nav.leads"),
                Html.escape(strings.format("nav.signedInAs", Map.of("email", user.email()))), Html.escape(who),
                text("nav.signOut"));
    }

    private String text(String key) {
        return Html.escape(strings.get(key));
    }
}
